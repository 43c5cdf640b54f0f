// @vitest-environment node
import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { isLoopbackAddress, outboxAllowed, requestPeer, type RequestPeer } from "./request-peer";

describe("the request's peer", () => {
  it("is read from the web server's own store, and is unknown without it", () => {
    expect(requestPeer()).toBeNull();
    const key = Symbol.for("lodestone.web.request-peer");
    const store = new AsyncLocalStorage<RequestPeer>();
    (globalThis as Record<symbol, unknown>)[key] = store;
    try {
      const seen = store.run({ peer: "203.0.113.9", clientIp: "198.51.100.1" }, () => requestPeer());
      expect(seen).toEqual({ peer: "203.0.113.9", clientIp: "198.51.100.1" });
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
  });

  it("knows loopback addresses, and nothing else is loopback", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
      expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of [
      "10.0.0.1",
      "::ffff:10.0.0.1",
      "2001:db8::1",
      "localhost",
      "",
      null,
      "127.0.0.1, 10.0.0.1",
    ]) {
      expect(isLoopbackAddress(a), String(a)).toBe(false);
    }
  });
});

describe("the development outbox", () => {
  it("is allowed only to a loopback peer outside a deployment", () => {
    expect(outboxAllowed({ peer: "127.0.0.1", clientIp: "127.0.0.1" }, false)).toBe(true);
    expect(outboxAllowed({ peer: "::1", clientIp: "::1" }, false)).toBe(true);
    // A non-loopback peer (injected here; the browser tests use a real second host).
    expect(outboxAllowed({ peer: "203.0.113.9", clientIp: "127.0.0.1" }, false)).toBe(false);
    // A deployment never serves it.
    expect(outboxAllowed({ peer: "127.0.0.1", clientIp: "127.0.0.1" }, true)).toBe(false);
    // Started without the web's own server: the peer is unknown, so no.
    expect(outboxAllowed(null, false)).toBe(false);
  });
});
