// The web's HTTP server: Next.js's request handler behind a Node.js server of our own, so that the
// app knows who it is really talking to. For every request it records, out of reach of any header
// a client can send:
//   - the TCP peer of the connection (the development outbox answers only a loopback peer), and
//   - the client's address as this server can vouch for it: the peer itself, or, when the peer is
//     a proxy that TRUST_PROXY names, the address that proxy forwarded (proxy-addr, as Express and
//     Fastify do). The API's rate limits and audit log get this address, never the client's own
//     X-Forwarded-For.
// It listens on loopback unless WEB_HOST says otherwise, and says so when it starts.
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import next from "next";
import proxyAddr from "proxy-addr";

// The store the app reads (src/features/security/request-peer.ts): a process-wide symbol, because
// this file and the app's bundles are separate module graphs.
const PEER_STORE = Symbol.for("lodestone.web.request-peer");
/** @type {AsyncLocalStorage<{ peer: string | null; clientIp: string | null }>} */
const store = (globalThis[PEER_STORE] ??= new AsyncLocalStorage());

const host = process.env.WEB_HOST?.trim() || "127.0.0.1";
const port = Number(process.env.WEB_PORT?.trim() || 3000);
// The same rule as the app's environment (src/env.ts), which also builds the public URL from it.
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Invalid environment for @lodestone/web:\n  ✖ WEB_PORT must be a port number, such as 3000.`);
  process.exit(1);
}
const trustList = (process.env.TRUST_PROXY ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
let trust;
try {
  trust = proxyAddr.compile(trustList);
} catch (error) {
  console.error(
    `Invalid environment for @lodestone/web:\n  ✖ TRUST_PROXY must be a comma-separated list of addresses or CIDR ranges (${error.message}).`,
  );
  process.exit(1);
}

const app = next({ dev: false, hostname: host, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();

/** Whether a request target is one Next.js can route (it answers 500 to a path it cannot decode). */
function routable(target) {
  try {
    decodeURIComponent(new URL(target ?? "/", "http://request.invalid").pathname);
    return true;
  } catch {
    return false;
  }
}

const server = createServer((req, res) => {
  if (!routable(req.url)) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad request: the address is not a valid URL.");
    return;
  }
  const peer = req.socket.remoteAddress ?? null;
  let clientIp = peer;
  try {
    clientIp = peer ? proxyAddr(req, trust) : null;
  } catch {
    // A malformed X-Forwarded-For from a trusted proxy: fall back to the proxy itself.
  }
  store.run({ peer, clientIp }, () => {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  });
});
// Like `next start`: keep-alive longer than a typical proxy's, so the proxy closes first.
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  const loopback = host === "127.0.0.1" || host === "::1" || host === "localhost";
  const { port: bound } = server.address();
  console.log(
    `Lodestone web ready on http://${host.includes(":") ? `[${host}]` : host}:${bound} — ` +
      (loopback
        ? "loopback only: other machines cannot reach it (set WEB_HOST=0.0.0.0 to listen on every address)."
        : `listening on ${host}: other machines can reach it.`) +
      (trustList.length ? ` Forwarded client addresses believed from: ${trustList.join(", ")}.` : ""),
  );
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
