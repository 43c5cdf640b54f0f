// @vitest-environment node
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { BODY_TOO_LARGE_MESSAGE } from "@lodestone/domain/transport";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { forwardToApi } from "./proxy";

const API = "http://127.0.0.1:4100";

function apiAnswering(response: Response) {
  return vi.fn<typeof fetch>(async () => response);
}

describe("forwardToApi", () => {
  it("forwards a GET with its path, query string and the allowed headers; the client address is the web's own view", async () => {
    const upstream = apiAnswering(
      new Response('[{"result":{"data":{"items":[],"nextCursor":null}}}]', {
        status: 200,
        headers: { "content-type": "application/json", "x-request-id": "abc", "x-powered-by": "nope" },
      }),
    );
    const request = new Request(
      "http://web.test/trpc/project.list,project.list?batch=1&input=%7B%220%22%3A%7B%7D%7D",
      {
        headers: {
          cookie: "a=1",
          "x-request-id": "abc",
          host: "web.test",
          authorization: "Bearer x",
          "x-forwarded-for": "127.0.0.1",
          "x-real-ip": "127.0.0.1",
        },
      },
    );
    const response = await forwardToApi(request, { apiUrl: API, clientIp: "203.0.113.7", fetch: upstream });

    const [url, init] = upstream.mock.calls[0]!;
    expect(url).toBe(`${API}/trpc/project.list,project.list?batch=1&input=%7B%220%22%3A%7B%7D%7D`);
    expect(init?.method).toBe("GET");
    expect(init?.body).toBeUndefined();
    const sent = new Headers(init?.headers);
    expect(sent.get("cookie")).toBe("a=1");
    // The client's own id travels beside the API's, never as it; its forwarded address is ignored.
    expect(sent.has("x-request-id")).toBe(false);
    expect(sent.get("x-client-request-id")).toBe("abc");
    expect(sent.get("x-forwarded-for")).toBe("203.0.113.7");
    expect(sent.has("x-real-ip")).toBe(false);
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
    const response = await forwardToApi(request, { apiUrl: API, clientIp: null, fetch: upstream });

    const [url, init] = upstream.mock.calls[0]!;
    expect(url).toBe(`${API}/trpc/project.submit`);
    expect(init?.method).toBe("POST");
    expect(await new Response(init?.body).text()).toBe('{"id":1}');
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
    expect(response.status).toBe(409);
    expect(response.headers.getSetCookie()).toEqual(["s=1; Path=/; HttpOnly", "t=2; Path=/"]);
  });

  it("answers 503 in tRPC's batch shape when the API is unreachable", async () => {
    const upstream = vi.fn<typeof fetch>(() => Promise.reject(new TypeError("fetch failed")));
    const request = new Request("http://web.test/trpc/project.list,project.list?batch=1", {
      headers: { "x-request-id": "r1" },
    });
    const response = await forwardToApi(request, { apiUrl: API, clientIp: null, fetch: upstream });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/json");
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
      clientIp: null,
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
      clientIp: null,
      fetch: upstream,
      timeoutMs: 20,
    });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject([{ error: { data: { code: "GATEWAY_TIMEOUT" } } }]);
  });

  it("keeps a streamed answer (a live subscription's events) open beyond the wait for its start", async () => {
    let signal: AbortSignal | null | undefined;
    const upstream = vi.fn<typeof fetch>(async (_url, init) => {
      signal = init?.signal;
      const text = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(text.encode("data: 1\n\n"));
          await new Promise((resolve) => setTimeout(resolve, 80));
          controller.enqueue(text.encode("data: 2\n\n"));
          controller.close();
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    });
    const response = await forwardToApi(
      new Request("http://web.test/trpc/live.events", { headers: { "last-event-id": "41" } }),
      {
        apiUrl: API,
        clientIp: null,
        fetch: upstream,
        timeoutMs: 20,
      },
    );
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    // A reconnecting browser's last event id reaches the API.
    expect(new Headers(upstream.mock.calls[0]![1]?.headers).get("last-event-id")).toBe("41");
    expect(await response.text()).toBe("data: 1\n\ndata: 2\n\n");
    expect(signal?.aborted).toBe(false);
  });

  it("passes a live subscription's no-transform and no-buffering headers back to the browser", async () => {
    const upstream = apiAnswering(
      new Response("", {
        headers: {
          "content-type": "text/event-stream",
          "cache-control": "no-cache, no-transform",
          "x-accel-buffering": "no",
        },
      }),
    );
    const response = await forwardToApi(new Request("http://web.test/trpc/live.events?input=%7B%7D"), {
      apiUrl: API,
      clientIp: null,
      fetch: upstream,
    });
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
  });

  it("does not report a client that went away before the API answered as the API's failure", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const client = new AbortController();
      const upstream = vi.fn<typeof fetch>(
        (_url, init) =>
          new Promise<Response>((_resolve, reject) => {
            init?.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
            client.abort();
          }),
      );
      const request = new Request("http://web.test/trpc/live.events?input=%7B%7D", { signal: client.signal });
      await forwardToApi(request, { apiUrl: API, clientIp: null, fetch: upstream });
      expect(errors).not.toHaveBeenCalled();

      // The API itself failing is still reported.
      const failing = vi.fn<typeof fetch>(async () => {
        throw new TypeError("fetch failed");
      });
      await forwardToApi(new Request("http://web.test/trpc/live.events"), {
        apiUrl: API,
        clientIp: null,
        fetch: failing,
      });
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      errors.mockRestore();
    }
  });

  it("never forwards the development procedures (the outbox is read by the web's own server)", async () => {
    const upstream = vi.fn<typeof fetch>();
    for (const path of ["dev.outbox", "auth.me,dev.outbox", "dev%2Eoutbox"]) {
      const response = await forwardToApi(new Request(`http://web.test/trpc/${path}?batch=1`), {
        apiUrl: API,
        clientIp: "127.0.0.1",
        fetch: upstream,
      });
      expect(response.status, path).toBe(404);
    }
    expect(upstream).not.toHaveBeenCalled();
  });
});

describe("forwardToApi's body limit, against a real HTTP server standing in for the API", () => {
  let server: Server;
  let apiUrl: string;
  let received = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.on("data", (chunk: Buffer) => (received += chunk.length));
      req.on("end", () =>
        res.writeHead(200, { "content-type": "application/json" }).end('{"result":{"data":1}}'),
      );
      req.on("error", () => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A request body of `total` bytes made as it is read, counting what was pulled. */
  function streamedBody(total: number, chunk = 64 * 1024) {
    const state = { pulled: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const size = Math.min(chunk, total - state.pulled);
        state.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    });
    return { body, state };
  }

  const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
    new Request("http://web.test/trpc/user.updateProfile", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit);

  it("streams a body under the limit through to the API", async () => {
    received = 0;
    const { body } = streamedBody(200_000);
    const response = await forwardToApi(post(body), { apiUrl, clientIp: null, maxBodyBytes: 1_048_576 });
    expect(response.status).toBe(200);
    expect(received).toBe(200_000);
  });

  it("stops reading a body without a length once it passes the limit, and answers 413", async () => {
    received = 0;
    const { body, state } = streamedBody(300 * 1_048_576);
    const response = await forwardToApi(post(body), { apiUrl, clientIp: null, maxBodyBytes: 1_048_576 });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { message: BODY_TOO_LARGE_MESSAGE, data: { code: "PAYLOAD_TOO_LARGE" } },
    });
    // Of the 300 MiB offered, no more than the limit and a few chunks of read-ahead were read.
    expect(state.pulled).toBeLessThan(2 * 1_048_576);
    expect(received).toBeLessThanOrEqual(1_048_576);
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const upstream = vi.fn<typeof fetch>();
    const { body, state } = streamedBody(2 * 1_048_576);
    const response = await forwardToApi(post(body, { "content-length": String(2 * 1_048_576) }), {
      apiUrl,
      clientIp: null,
      fetch: upstream,
    });
    expect(response.status).toBe(413);
    expect(upstream).not.toHaveBeenCalled();
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
  });
});
