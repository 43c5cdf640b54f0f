// The clamd client against a real clamd (Debian's clamav-daemon) that this test starts with a signature
// database it writes itself: the EICAR test file's MD5, so no download of ClamAV's databases is needed.
// Failures that a real clamd cannot be made to show (silence, a refusal) are played by small servers here.
import { randomBytes } from "node:crypto";
import net from "node:net";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { EICAR, freePort, startClamd } from "../../test/clamd.js";
import { createClamdScanner, ScannerUnavailable } from "./scanner.js";

async function* stream(chunks: Iterable<Uint8Array>): AsyncIterable<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

/** `bytes` cut into pieces of `size` bytes (the last one shorter). */
function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.byteLength; offset += size)
    out.push(bytes.subarray(offset, offset + size));
  return out;
}

/** A server on 127.0.0.1 that hands each connection to `onConnection`; `close` also drops open connections. */
async function fakeServer(onConnection: (socket: net.Socket) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `tcp://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the scan to be rejected");
    },
    (error: unknown) => error,
  );

describe("the clamd client against a real clamd", () => {
  let clamd: Awaited<ReturnType<typeof startClamd>> | undefined;
  let url = "";

  beforeAll(async () => {
    clamd = await startClamd();
    url = clamd.url;
  }, 90_000);

  afterAll(async () => {
    await clamd?.stop();
  }, 30_000);

  it("answers PING", async () => {
    expect(await createClamdScanner(url).ping()).toBe(true);
  });

  it("finds a clean file sent in several chunks clean", async () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
        "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    expect(await createClamdScanner(url).scan(stream(pieces(pdf, 17)))).toEqual({ verdict: "clean" });
  });

  it("finds the EICAR test file infected, by the signature the test wrote", async () => {
    const result = await createClamdScanner(url).scan(stream([EICAR]));
    expect(result.verdict).toBe("infected");
    expect(result.verdict === "infected" && result.signature).toContain("Eicar-Test-Signature");
  });

  it("still finds it when it comes split across chunks, including empty ones", async () => {
    const [a, b, c] = [EICAR.subarray(0, 10), EICAR.subarray(10, 40), EICAR.subarray(40)];
    const result = await createClamdScanner(url).scan(stream([a, new Uint8Array(0), b, c]));
    expect(result).toMatchObject({
      verdict: "infected",
      signature: expect.stringContaining("Eicar-Test-Signature"),
    });
  });

  it("still finds it when the client cuts one chunk into pieces of maxChunkBytes", async () => {
    const result = await createClamdScanner(url, { maxChunkBytes: 5 }).scan(stream([EICAR]));
    expect(result).toMatchObject({
      verdict: "infected",
      signature: expect.stringContaining("Eicar-Test-Signature"),
    });
  });

  it("streams a 5 MB clean file of many chunks, some larger than one INSTREAM chunk", async () => {
    const sizes = [1, 4096, 65_536, 65_537, 300_000, 7, 1_000_000];
    let sent = 0;
    async function* fiveMegabytes() {
      for (let i = 0; sent < 5 * 1024 * 1024; i++) {
        const chunk = randomBytes(Math.min(sizes[i % sizes.length]!, 5 * 1024 * 1024 - sent));
        sent += chunk.byteLength;
        yield chunk;
      }
    }
    expect(await createClamdScanner(url).scan(fiveMegabytes())).toEqual({ verdict: "clean" });
    expect(sent).toBe(5 * 1024 * 1024);
  });

  it("once clamd has stopped: a scan is rejected as unavailable and PING is false", async () => {
    await clamd?.stop();
    const scanner = createClamdScanner(url, { timeoutMs: 2_000 });
    const error = await rejection(scanner.scan(stream([Buffer.from("hello")])));
    expect(error).toBeInstanceOf(ScannerUnavailable);
    expect((error as Error).message).toMatch(/could not be reached: .*ECONNREFUSED/);
    expect(await scanner.ping()).toBe(false);
  });
});

describe("the clamd client when clamd is not there or misbehaves", () => {
  it("rejects as unavailable when nobody listens on the port, and PING is false", async () => {
    const scanner = createClamdScanner(`127.0.0.1:${await freePort()}`, { timeoutMs: 2_000 });
    expect(await rejection(scanner.scan(stream([EICAR])))).toBeInstanceOf(ScannerUnavailable);
    expect(await scanner.ping()).toBe(false);
  });

  it("gives up within timeoutMs on a server that accepts and never reads or answers", async () => {
    // It does not read either, so the client also meets backpressure with 5 MB to send.
    const silent = await fakeServer((socket) => socket.pause());
    try {
      const scanner = createClamdScanner(silent.url, { timeoutMs: 300 });
      const started = Date.now();
      const error = await rejection(scanner.scan(stream(pieces(randomBytes(5 * 1024 * 1024), 64 * 1024))));
      expect(error).toBeInstanceOf(ScannerUnavailable);
      expect((error as Error).message).toMatch(/made no progress for 300 ms/);
      expect(await scanner.ping()).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it("stops sending and rejects as unavailable when clamd refuses the stream midway", async () => {
    const refusing = await fakeServer((socket) =>
      socket.once("data", () => socket.end("INSTREAM size limit exceeded. ERROR\0")),
    );
    try {
      const endless = async function* () {
        for (;;) yield randomBytes(64 * 1024);
      };
      const error = await rejection(createClamdScanner(refusing.url, { timeoutMs: 5_000 }).scan(endless()));
      expect(error).toBeInstanceOf(ScannerUnavailable);
      expect((error as Error).message).toMatch(
        /could not scan the file: "INSTREAM size limit exceeded. ERROR"/,
      );
    } finally {
      await refusing.close();
    }
  });

  it("rejects as unavailable an answer that is not a verdict", async () => {
    const odd = await fakeServer((socket) => socket.once("data", () => socket.end("HELLO\0")));
    try {
      const scanner = createClamdScanner(`clamd://${odd.url.slice("tcp://".length)}`, { timeoutMs: 5_000 });
      const error = await rejection(scanner.scan(stream([Buffer.from("x")])));
      expect(error).toBeInstanceOf(ScannerUnavailable);
      expect((error as Error).message).toMatch(/not a verdict: "HELLO"/);
      expect(await scanner.ping()).toBe(false);
    } finally {
      await odd.close();
    }
  });

  it("refuses an address it cannot read", () => {
    expect(() => createClamdScanner("http://example.org")).toThrow(TypeError);
    expect(() => createClamdScanner("127.0.0.1:70000")).toThrow(TypeError);
  });
});
