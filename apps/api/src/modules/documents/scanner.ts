// A client for clamd, the ClamAV daemon, over TCP: INSTREAM to scan a file as it streams by, PING to see
// that the daemon is there. No dependency: the protocol is a handful of bytes (see `man clamd`).
import { connect } from "node:net";

export type ScanResult = { verdict: "clean" } | { verdict: "infected"; signature: string };

/** clamd could not be reached or answered something unreadable: the caller keeps the file pending (fail closed). */
export class ScannerUnavailable extends Error {
  override name = "ScannerUnavailable";
}

export interface Scanner {
  /** Streams the content to clamd chunk by chunk (never the whole file in memory). */
  scan(content: AsyncIterable<Uint8Array>): Promise<ScanResult>;
  /** PING → PONG within the timeout. */
  ping(): Promise<boolean>;
}

type Address = { host: string; port: number };

/** What `send` writes through: resolves false once clamd has answered or the connection is gone (stop sending). */
type Write = (...parts: Uint8Array[]) => Promise<boolean>;

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_CHUNK_BYTES = 64 * 1024;
/** Node cannot wait longer than this in one timer (a larger value would fire at once). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** clamd's answers are one short line; anything longer is not clamd. */
const MAX_REPLY_BYTES = 4096;

const INSTREAM = Buffer.from("zINSTREAM\0", "latin1");
const PING = Buffer.from("zPING\0", "latin1");
const END_OF_STREAM = lengthPrefix(0);

/** url: `tcp://host:port` (also accept `clamd://host:port` and `host:port`). */
export function createClamdScanner(
  url: string,
  options: { timeoutMs?: number; maxChunkBytes?: number } = {},
): Scanner {
  const address = parseAddress(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxChunkBytes = options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new RangeError(`timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`);
  }
  if (!Number.isInteger(maxChunkBytes) || maxChunkBytes < 1 || maxChunkBytes > 0xffff_ffff) {
    throw new RangeError("maxChunkBytes must be a whole number of bytes from 1 to 4294967295.");
  }

  return {
    async scan(content) {
      const reply = await converse(address, timeoutMs, async (write) => {
        if (!(await write(INSTREAM))) return;
        for await (const chunk of content) {
          // An empty chunk would read as the end of the stream: there is nothing to send anyway.
          for (let offset = 0; offset < chunk.byteLength; offset += maxChunkBytes) {
            const piece = chunk.subarray(offset, offset + maxChunkBytes);
            if (!(await write(lengthPrefix(piece.byteLength), piece))) return;
          }
        }
        await write(END_OF_STREAM);
      });
      return verdictOf(reply, address);
    },

    async ping() {
      try {
        const reply = await converse(address, timeoutMs, async (write) => {
          await write(PING);
        });
        return reply === "PONG";
      } catch {
        return false;
      }
    },
  };
}

/**
 * One connection: `send` writes the command, and this settles with clamd's reply (the text before its
 * NUL). A connection error, a close without a reply, or `timeoutMs` without any progress (connecting,
 * sending or waiting) rejects with ScannerUnavailable; an error from `send` itself (the caller's
 * content failing) is passed on as it is. The socket is destroyed in every case.
 */
async function converse(address: Address, timeoutMs: number, send: (write: Write) => Promise<void>) {
  const where = addressText(address);
  const socket = connect({ host: address.host, port: address.port });
  socket.setTimeout(timeoutMs);
  let settled = false;

  const reply = new Promise<string>((resolve, reject) => {
    const received: Buffer[] = [];
    let size = 0;
    const succeed = (text: string) => {
      settled = true;
      resolve(text.trim());
    };
    const fail = (message: string, cause?: unknown) => {
      settled = true;
      reject(new ScannerUnavailable(message, cause === undefined ? undefined : { cause }));
    };
    socket.on("data", (data: Buffer) => {
      if (settled) return;
      const end = data.indexOf(0);
      received.push(end === -1 ? data : data.subarray(0, end));
      size += end === -1 ? data.byteLength : end;
      if (end !== -1) succeed(Buffer.concat(received).toString("utf8"));
      else if (size > MAX_REPLY_BYTES)
        fail(`clamd at ${where} sent an answer longer than ${MAX_REPLY_BYTES} bytes.`);
    });
    // Without the z prefix's NUL, a reply that ends with the connection still counts.
    socket.on("end", () => {
      if (settled) return;
      if (size > 0) succeed(Buffer.concat(received).toString("utf8"));
      else fail(`clamd at ${where} closed the connection without answering.`);
    });
    socket.on("close", () => {
      if (!settled) fail(`clamd at ${where} closed the connection without answering.`);
    });
    socket.on("error", (error) => {
      if (!settled) fail(`clamd at ${where} could not be reached: ${error.message}`, error);
    });
    socket.on("timeout", () => {
      if (settled) return;
      fail(
        socket.connecting
          ? `Could not connect to clamd at ${where} within ${timeoutMs} ms.`
          : `clamd at ${where} made no progress for ${timeoutMs} ms.`,
      );
      socket.destroy();
    });
  });
  // Awaited below; this only keeps a failure that comes while `send` is still busy from going unhandled.
  reply.catch(() => {});
  const replied = reply.then(
    () => undefined,
    () => undefined,
  );

  const write: Write = async (...parts) => {
    let flowing = true;
    for (const part of parts) {
      if (settled || socket.destroyed) return false;
      flowing = socket.write(part);
    }
    // Backpressure: wait until the socket has passed the bytes on (or clamd answered, or gave up).
    if (!flowing) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), replied]);
    return !settled && !socket.destroyed;
  };

  try {
    const sending = send(write);
    sending.catch(() => {});
    // clamd may answer before the stream ends (a size limit): then stop sending and read that answer.
    await Promise.race([sending, reply]);
    return await reply;
  } finally {
    socket.destroy();
  }
}

/** clamd's answer to INSTREAM, read: `stream: OK`, `stream: <signature> FOUND`, or anything else (unavailable). */
function verdictOf(reply: string, address: Address): ScanResult {
  if (reply === "stream: OK") return { verdict: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { verdict: "infected", signature: found[1]! };
  const shown = JSON.stringify(reply.length > 200 ? `${reply.slice(0, 200)}…` : reply);
  throw new ScannerUnavailable(
    reply.endsWith("ERROR")
      ? `clamd at ${addressText(address)} could not scan the file: ${shown}.`
      : `clamd at ${addressText(address)} gave an answer that is not a verdict: ${shown}.`,
  );
}

/** `tcp://host:port`, `clamd://host:port` or `host:port` (an IPv6 host in brackets). */
function parseAddress(url: string): Address {
  const match = /^(?:(?:tcp|clamd):\/\/)?(\[[0-9a-f:.]+\]|[^:/\s[\]]+):(\d{1,5})\/?$/i.exec(url.trim());
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65_535) {
    throw new TypeError(`Not a clamd address: ${JSON.stringify(url)} (expected tcp://host:port).`);
  }
  return { host: match[1]!.replace(/^\[(.*)\]$/, "$1"), port };
}

function addressText(address: Address) {
  return address.host.includes(":") ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

/** A chunk's 4-byte big-endian length, as INSTREAM expects before its bytes. */
function lengthPrefix(length: number) {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}
