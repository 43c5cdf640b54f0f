// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import { forwardFile } from "@/features/documents/file-proxy";

vi.mock("@/env", () => ({ env: { API_URL: "http://api.test:4100" } }));
vi.mock("@/features/security/request-peer", () => ({
  requestPeer: () => ({ peer: "127.0.0.1", clientIp: "203.0.113.9" }),
}));

const { GET, HEAD, PATCH, POST, DELETE, OPTIONS } = await import("./route");

const upstream = vi.fn<typeof fetch>();
vi.stubGlobal("fetch", upstream);

afterEach(() => upstream.mockReset());

function sentHeaders(): Headers {
  return new Headers(upstream.mock.calls[0]![1]?.headers);
}

describe("/files/* forwarding", () => {
  it("creates a tus upload: tus headers and the cookie go to the API, nothing else; the new upload's address is on this origin", async () => {
    upstream.mockResolvedValue(
      new Response(null, {
        status: 201,
        headers: {
          location: "http://api.test:4100/files/uploads/abc123",
          "tus-resumable": "1.0.0",
          "upload-offset": "0",
          "x-powered-by": "nope",
          "set-cookie": "s=1",
          "access-control-allow-origin": "*",
        },
      }),
    );
    const answer = await POST(
      new Request("http://web.test/files/uploads", {
        method: "POST",
        headers: {
          cookie: "session=1",
          "tus-resumable": "1.0.0",
          "upload-length": "1234",
          "upload-metadata": "filename ZmlsZS5wZGY=,input e30=",
          "content-length": "0",
          authorization: "Bearer leaked",
          host: "web.test",
          "x-forwarded-for": "10.0.0.1",
          "x-request-id": "req-1",
          origin: "http://web.test",
        },
      }),
    );

    const [url, init] = upstream.mock.calls[0]!;
    expect(url).toBe("http://api.test:4100/files/uploads");
    expect(init?.method).toBe("POST");
    expect(init?.redirect).toBe("manual");
    const sent = sentHeaders();
    expect(Object.fromEntries(sent)).toEqual({
      cookie: "session=1",
      "tus-resumable": "1.0.0",
      "upload-length": "1234",
      "upload-metadata": "filename ZmlsZS5wZGY=,input e30=",
      "content-length": "0",
      // The client's address as the web's own server saw it; its own id beside the API's.
      "x-forwarded-for": "203.0.113.9",
      "x-client-request-id": "req-1",
    });

    expect(answer.status).toBe(201);
    expect(answer.headers.get("location")).toBe("/files/uploads/abc123");
    expect(answer.headers.get("tus-resumable")).toBe("1.0.0");
    expect(answer.headers.get("upload-offset")).toBe("0");
    expect(answer.headers.has("x-powered-by")).toBe(false);
    expect(answer.headers.has("set-cookie")).toBe(false);
    expect(answer.headers.has("access-control-allow-origin")).toBe(false);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("passes an upload's chunk on as a stream, not read first, and returns the ids of the new version", async () => {
    let bodySeen: unknown;
    let pulledBeforeForwarding = 0;
    upstream.mockImplementation(async (_url, init) => {
      bodySeen = init?.body;
      expect(pulledBeforeForwarding).toBeLessThanOrEqual(1);
      const text = await new Response(init?.body as ReadableStream).text();
      expect(text).toBe("%PDF-1.4 chunk one|chunk two");
      return new Response(null, {
        status: 204,
        headers: {
          "upload-offset": "28",
          "tus-resumable": "1.0.0",
          "lodestone-document-id": "doc-1",
          "lodestone-version-id": "ver-1",
        },
      });
    });
    const encoder = new TextEncoder();
    const parts = ["%PDF-1.4 chunk one|", "chunk two"];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulledBeforeForwarding += upstream.mock.calls.length === 0 ? 1 : 0;
        const next = parts.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(encoder.encode(next));
      },
    });
    const answer = await PATCH(
      new Request("http://web.test/files/uploads/abc123", {
        method: "PATCH",
        headers: {
          "content-type": "application/offset+octet-stream",
          "content-length": "28",
          "upload-offset": "0",
          "tus-resumable": "1.0.0",
        },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );

    expect(bodySeen).toBeInstanceOf(ReadableStream);
    const init = upstream.mock.calls[0]![1] as RequestInit & { duplex?: string };
    expect(init.duplex).toBe("half");
    expect(sentHeaders().get("content-type")).toBe("application/offset+octet-stream");
    expect(sentHeaders().get("content-length")).toBe("28");
    expect(sentHeaders().get("upload-offset")).toBe("0");
    expect(answer.status).toBe(204);
    expect(answer.body).toBeNull();
    expect(answer.headers.get("lodestone-document-id")).toBe("doc-1");
    expect(answer.headers.get("lodestone-version-id")).toBe("ver-1");
    expect(answer.headers.get("upload-offset")).toBe("28");
  });

  it("streams a download back with its name, type and the API's content security policy", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("%PDF-1.4\n"));
        controller.close();
      },
    });
    upstream.mockResolvedValue(
      new Response(body, {
        status: 200,
        headers: {
          "content-type": "application/pdf",
          "content-disposition": 'attachment; filename="plan.pdf"',
          "content-security-policy": "sandbox; default-src 'none'",
          "cache-control": "private, no-store",
          server: "fastify",
        },
      }),
    );
    const answer = await GET(
      new Request("http://web.test/files/versions/ver-1?x=1", {
        headers: { cookie: "session=1", range: "bytes=0-", accept: "*/*" },
      }),
    );
    expect(upstream.mock.calls[0]![0]).toBe("http://api.test:4100/files/versions/ver-1?x=1");
    expect(upstream.mock.calls[0]![1]?.body).toBeUndefined();
    expect(sentHeaders().get("range")).toBe("bytes=0-");
    expect(answer.status).toBe(200);
    expect(answer.body).toBeInstanceOf(ReadableStream);
    expect(answer.headers.get("content-disposition")).toBe('attachment; filename="plan.pdf"');
    expect(answer.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(answer.headers.has("server")).toBe(false);
    expect(await answer.text()).toBe("%PDF-1.4\n");
  });

  it("answers HEAD, OPTIONS and DELETE without a body, and passes the API's refusal text on", async () => {
    upstream.mockResolvedValueOnce(
      new Response(null, { status: 200, headers: { "upload-offset": "5", "upload-length": "9" } }),
    );
    const head = await HEAD(new Request("http://web.test/files/uploads/abc", { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(head.headers.get("upload-offset")).toBe("5");
    expect(head.body).toBeNull();

    upstream.mockResolvedValueOnce(
      new Response(null, { status: 204, headers: { "tus-version": "1.0.0", "tus-extension": "creation" } }),
    );
    const options = await OPTIONS(new Request("http://web.test/files/uploads", { method: "OPTIONS" }));
    expect(options.status).toBe(204);
    expect(options.headers.get("tus-extension")).toBe("creation");

    upstream.mockResolvedValueOnce(
      new Response("This file's content is application/x-msdownload, which the data room does not accept.", {
        status: 415,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
    );
    const refused = await DELETE(new Request("http://web.test/files/uploads/abc", { method: "DELETE" }));
    expect(refused.status).toBe(415);
    expect(await refused.text()).toMatch(/does not accept/);
  });

  it("answers 502 with a short text when the API cannot be reached", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    upstream.mockRejectedValue(new TypeError("fetch failed"));
    const answer = await GET(new Request("http://web.test/files/versions/ver-1"));
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await answer.text()).toMatch(/not reachable/);
    quiet.mockRestore();
  });
});

describe("forwardFile", () => {
  it("answers 504 when the API does not begin its answer in time", async () => {
    const slow = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    );
    const answer = await forwardFile(new Request("http://web.test/files/versions/v"), {
      apiUrl: "http://api.test",
      clientIp: null,
      fetch: slow,
      answerTimeoutMs: 20,
    });
    expect(answer.status).toBe(504);
  });

  it("gives an upload's body all the time it needs: the answer's clock starts once the body has been sent", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const api = vi.fn<typeof fetch>(async (_url, init) => {
      // The body arrives slowly (longer than the answer timeout); the API then answers at once.
      const reader = (init?.body as ReadableStream<Uint8Array>).getReader();
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
      return new Response(null, { status: 204, headers: { "upload-offset": "2" } });
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new Uint8Array([1]));
        await held;
        controller.enqueue(new Uint8Array([2]));
        controller.close();
      },
    });
    const pending = forwardFile(
      new Request("http://web.test/files/uploads/x", {
        method: "PATCH",
        body,
        duplex: "half",
      } as RequestInit),
      { apiUrl: "http://api.test", clientIp: null, fetch: api, answerTimeoutMs: 10 },
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    release();
    const answer = await pending;
    expect(answer.status).toBe(204);
    expect(answer.headers.get("upload-offset")).toBe("2");
  });

  it("reaches nothing of the API outside /files/", async () => {
    const api = vi.fn<typeof fetch>();
    const answer = await forwardFile(new Request("http://web.test/trpc/project.list"), {
      apiUrl: "http://api.test",
      clientIp: null,
      fetch: api,
    });
    expect(answer.status).toBe(404);
    expect(api).not.toHaveBeenCalled();
  });
});
