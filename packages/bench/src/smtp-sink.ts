// An SMTP server in the bench's process that takes every mail the API sends (no TLS, no
// authentication) and keeps what the digest benchmark checks: when each mail arrived, how many
// each recipient got, and whether each carries the one-click unsubscribe headers (RFC 8058).
import { SMTPServer } from "smtp-server";

/** The header section of a raw message (up to the first empty line), names lower-cased, folded lines joined. */
export function parseHeaders(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const section = end === -1 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  let name: string | null = null;
  for (const line of section.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && name !== null) {
      headers.set(name, `${headers.get(name)!} ${line.trim()}`.trim());
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) {
      name = null;
      continue;
    }
    name = line.slice(0, colon).trim().toLowerCase();
    // A repeated header keeps its first value (what a mail client acts on).
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    else name = null;
  }
  return headers;
}

/** RFC 8058: an HTTPS or HTTP URI in List-Unsubscribe, and List-Unsubscribe-Post: List-Unsubscribe=One-Click. */
export function hasOneClickUnsubscribe(headers: ReadonlyMap<string, string>): boolean {
  const link = headers.get("list-unsubscribe") ?? "";
  const post = headers.get("list-unsubscribe-post") ?? "";
  return /<https?:\/\/[^>\s]+>/.test(link) && post.trim() === "List-Unsubscribe=One-Click";
}

/** Headers are read from the first bytes only: enough for any header section a mailer writes. */
const HEADER_BYTES = 64 * 1024;

export class SmtpSink {
  /** Mails received, per envelope recipient. */
  readonly perRecipient = new Map<string, number>();
  /** Mails received, per Message-ID (a mail sent again carries the same one). */
  readonly perMessageId = new Map<string, number>();
  received = 0;
  withoutUnsubscribe = 0;
  /** performance.now() of the first and the latest mail. */
  firstAt = Number.NaN;
  lastAt = Number.NaN;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      disableReverseLookup: true,
      logger: false,
      maxClients: 100,
      onData: (stream, session, callback) => {
        let head = "";
        stream.on("data", (chunk: Buffer) => {
          if (head.length < HEADER_BYTES) head += chunk.toString("utf8");
        });
        stream.on("error", callback);
        stream.on("end", () => {
          this.record(
            session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            parseHeaders(head),
          );
          callback();
        });
      },
    });
  }

  /** Listens on a free port of 127.0.0.1; returns the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        const address = this.server.server.address();
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("the SMTP server has no port"));
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Waits until `count` mails have arrived; false after `timeoutMs`, or once none has arrived for
   * `stallMs` (counted from the call until the first mail).
   */
  async waitFor(count: number, o: { timeoutMs: number; stallMs: number }): Promise<boolean> {
    const start = performance.now();
    while (this.received < count) {
      const now = performance.now();
      const last = this.received === 0 ? start : Math.max(start, this.lastAt);
      if (now - start > o.timeoutMs || now - last > o.stallMs) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  }

  private record(recipients: string[], headers: Map<string, string>): void {
    const now = performance.now();
    if (this.received === 0) this.firstAt = now;
    this.lastAt = now;
    this.received += 1;
    for (const r of recipients) this.perRecipient.set(r, (this.perRecipient.get(r) ?? 0) + 1);
    const id = headers.get("message-id");
    if (id) this.perMessageId.set(id, (this.perMessageId.get(id) ?? 0) + 1);
    if (!hasOneClickUnsubscribe(headers)) this.withoutUnsubscribe += 1;
  }
}
