import { TRPCClientError } from "@trpc/client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as TrpcServer from "@/trpc/server";
import en from "../../../../messages/en.json";

const mutate = vi.fn();
vi.mock("@/trpc/server", async (importOriginal) => {
  const real = await importOriginal<typeof TrpcServer>();
  return { ...real, serverApi: async () => ({ notifications: { unsubscribe: { mutate } } }) };
});
vi.mock("next-intl/server", () => ({
  getTranslations: async () => (key: string, values?: Record<string, string>) => {
    const text = (en.notifications.unsubscribe as Record<string, unknown>)[key] as string;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => values?.[name] ?? "");
  },
}));

const { GET, POST } = await import("./route");

const TOKEN = "v1.abcdefghijklmnop.signature";
const oneClick = (url: string, body = "List-Unsubscribe=One-Click") =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });

beforeEach(() => {
  mutate.mockReset();
});

describe("/api/unsubscribe", () => {
  it("a GET changes nothing: it leads to the page that asks first", () => {
    const answer = GET(new Request(`http://web.test/api/unsubscribe?token=${TOKEN}`));
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/unsubscribe?token=${encodeURIComponent(TOKEN)}`);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(mutate).not.toHaveBeenCalled();
  });

  it("a one-click POST (RFC 8058) unsubscribes with the link's token", async () => {
    mutate.mockResolvedValue({ kind: "reason", reason: "VOTE_DUE", project: null });
    const answer = await POST(oneClick(`http://web.test/api/unsubscribe?token=${TOKEN}`));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("You are unsubscribed.");
    expect(mutate).toHaveBeenCalledWith({ token: TOKEN });
  });

  it("refuses a POST without the one-click body or without a token", async () => {
    expect((await POST(oneClick(`http://web.test/api/unsubscribe?token=${TOKEN}`, "x=1"))).status).toBe(400);
    expect((await POST(oneClick("http://web.test/api/unsubscribe"))).status).toBe(400);
    expect(mutate).not.toHaveBeenCalled();
  });

  it("passes on the API's refusal of a link that is not valid", async () => {
    const message = "This unsubscribe link is not valid. Open your profile to change what you receive.";
    mutate.mockRejectedValue(
      new TRPCClientError(message, {
        result: { error: { message, code: -32004, data: { code: "NOT_FOUND", httpStatus: 404 } } },
      }),
    );
    const answer = await POST(oneClick(`http://web.test/api/unsubscribe?token=${TOKEN}`));
    expect(answer.status).toBe(404);
    expect(await answer.text()).toBe(`This unsubscribe request was refused: ${message}`);
  });
});
