import { createHmac, timingSafeEqual } from "node:crypto";
import { UnsubscribeScope, type UnsubscribeScope as Scope } from "@lodestone/domain/notifications";
import { z } from "zod";

// One-click unsubscribe links (RFC 8058) carry who and what, signed: they work without signing in,
// and nobody can forge one for someone else. The key is derived from the deployment's internal
// secret under its own label, so it signs nothing else.

const Payload = z.object({ v: z.literal(1), u: z.uuid(), s: UnsubscribeScope }).strict();

function keyFrom(secret: string): Buffer {
  return createHmac("sha256", secret).update("lodestone unsubscribe links v1").digest();
}

function sign(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

export interface UnsubscribeTokens {
  create(userId: string, scope: Scope): string;
  /** The token's person and scope, or null when it is not one this deployment signed. */
  read(token: string): { userId: string; scope: Scope } | null;
}

export function unsubscribeTokens(secret: string): UnsubscribeTokens {
  const key = keyFrom(secret);
  return {
    create(userId, scope) {
      const body = Buffer.from(JSON.stringify({ v: 1, u: userId, s: scope })).toString("base64url");
      return `${body}.${sign(key, body)}`;
    },
    read(token) {
      const [body, signature, extra] = token.split(".");
      if (!body || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(key, body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const parsed = Payload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
        return parsed.success ? { userId: parsed.data.u, scope: parsed.data.s } : null;
      } catch {
        return null;
      }
    },
  };
}
