import type { AsyncLocalStorage } from "node:async_hooks";
import ipaddr from "ipaddr.js";

/**
 * Who the web is talking to, as its own HTTP server (server.mjs) saw the connection: never read
 * from a header. `peer` is the TCP peer; `clientIp` the client's address (the peer, or what a proxy
 * named in TRUST_PROXY forwarded). Server only.
 */
export interface RequestPeer {
  peer: string | null;
  clientIp: string | null;
}

const PEER_STORE = Symbol.for("lodestone.web.request-peer");

/**
 * The current request's peer, or null when the web was not started through server.mjs (for
 * example plain `next start`): then nothing is known, and whatever needs a loopback peer refuses.
 */
export function requestPeer(): RequestPeer | null {
  const store = (globalThis as Record<symbol, AsyncLocalStorage<RequestPeer> | undefined>)[PEER_STORE];
  return store?.getStore() ?? null;
}

/** Whether `address` is a loopback address (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "loopback";
}

/**
 * The development outbox lists sign-in links: it is served only outside a deployment, and only
 * to a request whose own TCP peer is this machine.
 */
export function outboxAllowed(peer: RequestPeer | null, deployed: boolean): boolean {
  return !deployed && isLoopbackAddress(peer?.peer);
}
