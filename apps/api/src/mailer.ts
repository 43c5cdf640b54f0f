import type { Database } from "@lodestone/db/client";
import { addOutboxMail } from "@lodestone/db/repositories/outbox";
import { connect } from "node:net";
import { createTransport } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool/index.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post, …). */
  headers?: Record<string, string>;
  /** A stable Message-ID: a mail sent again after an interrupted attempt carries the same one. */
  messageId?: string;
}

export interface Mailer {
  /** Where mails go: "smtp" or "outbox" (the development outbox in the database). */
  readonly kind: "smtp" | "outbox";
  send(mail: Mail): Promise<void>;
}

interface Log {
  info(obj: object, msg: string): void;
}

/** SMTP when configured; otherwise the outbox stored in the database, also printed to the log. */
export function createMailer(opts: {
  smtpUrl?: string | undefined;
  from: string;
  db: Database;
  log: Log;
}): Mailer {
  if (opts.smtpUrl) {
    // Pooled: a digest run sends thousands of mails over a few kept-open connections.
    const url = new URL(opts.smtpUrl);
    if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
    if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "10");
    // Every wait bounded well within the notifier's 15-minute lease on a mail being sent.
    for (const [name, ms] of [
      ["connectionTimeout", 60_000],
      ["greetingTimeout", 30_000],
      ["socketTimeout", 5 * 60_000],
    ] as const) {
      if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
    }
    // nodemailer never turns Nagle's algorithm off: each message's last small write then waits for
    // the server's delayed acknowledgement (about 40 ms a mail, measured: SMTP alone ran at about
    // 100 mails/s, and 520/s without the delay). Its own socket, with no delay, is upgraded to TLS
    // by nodemailer as usual (STARTTLS or smtps).
    const getSocket: SMTPPool.Options["getSocket"] = (options, callback) => {
      const socket = connect({
        host: options.host ?? "localhost",
        port: Number(options.port) || (options.secure ? 465 : 587),
        noDelay: true,
      });
      const failed = (error: Error) => callback(error, null);
      socket.once("error", failed);
      socket.once("connect", () => {
        socket.off("error", failed);
        callback(null, { connection: socket });
      });
    };
    const transport = createTransport({ url: url.toString(), pool: true, getSocket });
    return {
      kind: "smtp",
      async send(mail) {
        await transport.sendMail({ from: opts.from, ...mail });
      },
    };
  }
  return {
    kind: "outbox",
    async send(mail) {
      await addOutboxMail(opts.db.prisma, mail);
      opts.log.info(
        { to: mail.to, subject: mail.subject, text: mail.text.slice(0, 2000) },
        "mail kept in the outbox (/dev/outbox)",
      );
    },
  };
}
