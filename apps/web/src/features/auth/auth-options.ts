import { createAuthOptions } from "@lodestone/auth/next-auth";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/env";
import { requestPeer } from "@/features/security/request-peer";
import { noteSignInMailRefused } from "./sign-in-refusal";

let options: NextAuthOptions | null = null;

/** next-auth's options for this server (built once, on first use: the secrets are read then). */
export function authOptions(): NextAuthOptions {
  if (options) return options;
  const { nextAuthSecret, internalSecret } = env.secrets();
  options = createAuthOptions({
    apiUrl: env.API_URL,
    internalSecret,
    secret: nextAuthSecret,
    production: env.deployed,
    oidc: env.oidc ? { ...env.oidc, name: env.oidc.name ?? "Single sign-on" } : null,
    // The client's address as the web's own server saw the connection (for the sign-in mail limit).
    clientIp: () => requestPeer()?.clientIp ?? null,
    onSignInMailRefused: noteSignInMailRefused,
  });
  return options;
}
