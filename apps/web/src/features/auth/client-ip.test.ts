import { describe, expect, it } from "vitest";
import { clientIpOf, currentClientIp, withClientIp } from "./client-ip";

describe("the client address of an auth request", () => {
  it("is the first X-Forwarded-For hop, else X-Real-IP, else unknown", () => {
    expect(clientIpOf(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.2" }))).toBe("203.0.113.7");
    expect(clientIpOf(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIpOf(new Headers())).toBeNull();
    expect(clientIpOf(new Headers({ "x-forwarded-for": "<script>" }))).toBeNull();
  });

  it("is known inside the request's handling only", async () => {
    expect(currentClientIp()).toBeNull();
    const seen = await withClientIp(new Headers({ "x-forwarded-for": "198.51.100.2" }), async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentClientIp();
    });
    expect(seen).toBe("198.51.100.2");
    expect(currentClientIp()).toBeNull();
  });
});
