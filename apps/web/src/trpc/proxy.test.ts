// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import { forwardToApi } from "./proxy";

const API = "http://127.0.0.1:4100";

function apiAnswering(response: Response) {
  return vi.fn<typeof fetch>(async () => response);
}

describe("forwardToApi", () => {
  it("forwards a GET with its path, query string and the allowed headers", async () => {
    const upstream = apiAnswering(
      new Response('[{"result":{"data":{"items":[],"nextCursor":null}}}]', {
        status: 200,
        headers: { "content-type": "application/json", "x-request-id": "abc", "x-powered-by": "nope" },
      }),
    );
    const request = new Request(
      "http://web.test/trpc/project.list,project.list?batch=1&input=%7B%220%22%3A%7B%7D%7D",
      { headers: { cookie: "a=1", "x-request-id": "abc", host: "web.test", authorization: "Bearer x" } },
    );
    const response = await forwardToApi(request, { apiUrl: API, fetch: upstream });

    const [url, init] = upstream.mock.calls[0]!;
    expect(url).toBe(`${API}/trpc/project.list,project.list?batch=1&input=%7B%220%22%3A%7B%7D%7D`);
    expect(init?.method).toBe("GET");
    expect(init?.body).toBeUndefined();
    const sent = new Headers(init?.headers);
    expect(sent.get("cookie")).toBe("a=1");
    expect(sent.get("x-request-id")).toBe("abc");
    expect(sent.has("host")).toBe(false);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toBe("abc");
    expect(response.headers.has("x-powered-by")).toBe(false);
    expect(await response.json()).toEqual([{ result: { data: { items: [], nextCursor: null } } }]);
  });

  it("forwards a POST body and content type, and returns status and set-cookie", async () => {
    const headers = new Headers({ "content-type": "application/json" });
    headers.append("set-cookie", "s=1; Path=/; HttpOnly");
    headers.append("set-cookie", "t=2; Path=/");
    const upstream = apiAnswering(new Response('{"error":{"message":"No"}}', { status: 409, headers }));
    const request = new Request("http://web.test/trpc/project.submit", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: 1 }),
    });
    const response = await forwardToApi(request, { apiUrl: API, fetch: upstream });

    const [url, init] = upstream.mock.calls[0]!;
    expect(url).toBe(`${API}/trpc/project.submit`);
    expect(init?.method).toBe("POST");
    expect(new TextDecoder().decode(init?.body as ArrayBuffer)).toBe('{"id":1}');
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
    expect(response.status).toBe(409);
    expect(response.headers.getSetCookie()).toEqual(["s=1; Path=/; HttpOnly", "t=2; Path=/"]);
  });

  it("answers 503 in tRPC's batch shape when the API is unreachable", async () => {
    const upstream = vi.fn<typeof fetch>(() => Promise.reject(new TypeError("fetch failed")));
    const request = new Request("http://web.test/trpc/project.list,project.list?batch=1", {
      headers: { "x-request-id": "r1" },
    });
    const response = await forwardToApi(request, { apiUrl: API, fetch: upstream });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toBe("r1");
    const body = (await response.json()) as Array<{
      error: { message: string; data: { code: string; path: string } };
    }>;
    expect(body).toHaveLength(2);
    expect(body[0]!.error.data).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      path: "project.list",
    });
    expect(body[0]!.error.message).toMatch(/not reachable/);
  });

  it("answers a single error object for a non-batched call", async () => {
    const upstream = vi.fn<typeof fetch>(() => Promise.reject(new TypeError("fetch failed")));
    const response = await forwardToApi(new Request("http://web.test/trpc/project.list"), {
      apiUrl: API,
      fetch: upstream,
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { data: { code: "SERVICE_UNAVAILABLE" } } });
  });

  it("answers 504 when the API does not answer in time", async () => {
    const upstream = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    );
    const response = await forwardToApi(new Request("http://web.test/trpc/project.list?batch=1"), {
      apiUrl: API,
      fetch: upstream,
      timeoutMs: 20,
    });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject([{ error: { data: { code: "GATEWAY_TIMEOUT" } } }]);
  });
});
