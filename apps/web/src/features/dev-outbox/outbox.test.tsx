import { AsyncLocalStorage } from "node:async_hooks";
import { render, screen } from "@testing-library/react";
import { TRPCClientError } from "@trpc/client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RequestPeer } from "@/features/security/request-peer";
import type * as TrpcServer from "@/trpc/server";
import { MailText } from "./mail-text";
import { readOutbox } from "./outbox";

const query = vi.fn();
vi.mock("@/trpc/server", async (importOriginal) => {
  const real = await importOriginal<typeof TrpcServer>();
  return { ...real, serverApi: async () => ({ dev: { outbox: { query } } }) };
});

function apiError(code: string, message: string) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32004, data: { code, httpStatus: 404 } } },
  });
}

beforeEach(() => {
  query.mockReset();
});

// What the web's own server records for each request (server.mjs).
const peers = new AsyncLocalStorage<RequestPeer>();
(globalThis as Record<symbol, unknown>)[Symbol.for("lodestone.web.request-peer")] = peers;
const fromLoopback = <T,>(run: () => Promise<T>) =>
  peers.run({ peer: "127.0.0.1", clientIp: "127.0.0.1" }, run);

describe("readOutbox", () => {
  it("returns the newest mails", async () => {
    const mail = {
      id: "1",
      to: "a@example.org",
      subject: "Hi",
      text: "x",
      html: null,
      createdAt: "2026-01-01T00:00:00Z",
    };
    query.mockResolvedValue({ items: [mail], nextCursor: null });
    expect(await fromLoopback(() => readOutbox(5))).toEqual({ status: "on", items: [mail] });
    expect(query).toHaveBeenCalledWith({ limit: 5 });
  });

  it("is off, without asking the API, for a request from another machine or of unknown origin", async () => {
    query.mockResolvedValue({ items: [], nextCursor: null });
    const remote = await peers.run({ peer: "203.0.113.9", clientIp: "127.0.0.1" }, () => readOutbox(5));
    expect(remote).toEqual({ status: "off" });
    expect(await readOutbox(5)).toEqual({ status: "off" });
    expect(query).not.toHaveBeenCalled();
  });

  it("is off when the API says NOT_FOUND (SMTP configured, or production)", async () => {
    query.mockImplementation(async () => {
      throw apiError("NOT_FOUND", "The development outbox is off.");
    });
    expect(await fromLoopback(() => readOutbox(5))).toEqual({ status: "off" });
  });

  it("reports other failures", async () => {
    query.mockImplementation(async () => {
      throw new TypeError("fetch failed");
    });
    expect(await fromLoopback(() => readOutbox(5))).toEqual({ status: "error", message: "fetch failed" });
  });
});

describe("MailText", () => {
  it("keeps the text and turns web addresses into links", () => {
    const url =
      "http://127.0.0.1:3100/api/auth/callback/email?callbackUrl=%2Fprojects&token=abc&email=a%40b.org";
    render(<MailText text={`Use this link to sign in:\n\n${url}\n\nIt works once.`} />);
    const link = screen.getByRole("link");
    expect(link.getAttribute("href")).toBe(url);
    expect(link.textContent).toBe(url);
    expect(link.parentElement?.textContent).toBe(`Use this link to sign in:\n\n${url}\n\nIt works once.`);
  });
});
