// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "./env";

const LOCAL = { nextAuthSecret: "n".repeat(43), internalSecret: "i".repeat(43) };
const SECRET_A = "a".repeat(32);
const SECRET_B = "b".repeat(32);

describe("env", () => {
  it("defaults API_URL to the local API", () => {
    expect(parseEnv({}).API_URL).toBe("http://127.0.0.1:4000");
    expect(parseEnv({ API_URL: "" }).API_URL).toBe("http://127.0.0.1:4000");
  });
  it("accepts another API and drops a trailing slash", () => {
    expect(parseEnv({ API_URL: "http://127.0.0.1:4100/" }).API_URL).toBe("http://127.0.0.1:4100");
  });
  it("refuses a value that is not an http(s) URL, naming the variable", () => {
    expect(() => parseEnv({ API_URL: "localhost:4000" })).toThrow(/API_URL/);
    expect(() => parseEnv({ API_URL: "ftp://example.org" })).toThrow(/API_URL/);
  });

  it("defaults NEXTAUTH_URL to localhost on WEB_PORT", () => {
    expect(parseEnv({}).NEXTAUTH_URL).toBe("http://localhost:3000");
    expect(parseEnv({ WEB_PORT: "3100" }).NEXTAUTH_URL).toBe("http://localhost:3100");
    expect(parseEnv({ NEXTAUTH_URL: "http://127.0.0.1:3100/" }).NEXTAUTH_URL).toBe("http://127.0.0.1:3100");
    expect(() => parseEnv({ NEXTAUTH_URL: "lodestone.example.org" })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ WEB_PORT: "http" })).toThrow(/WEB_PORT/);
  });

  it("outside a deployment, takes missing secrets from the local secrets file (once, on first use)", () => {
    const load = vi.fn(() => LOCAL);
    const env = parseEnv({ LODESTONE_SECRETS_FILE: "/tmp/run/secrets.json" }, load);
    expect(load).not.toHaveBeenCalled();
    expect(env.secrets()).toEqual(LOCAL);
    expect(env.secrets()).toEqual(LOCAL);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith("/tmp/run/secrets.json");
    expect(env.deployed).toBe(false);
  });

  it("prefers secrets from the environment", () => {
    const load = vi.fn(() => LOCAL);
    const both = parseEnv({ NEXTAUTH_SECRET: SECRET_A, LODESTONE_INTERNAL_SECRET: SECRET_B }, load);
    expect(both.secrets()).toEqual({ nextAuthSecret: SECRET_A, internalSecret: SECRET_B });
    expect(load).not.toHaveBeenCalled();
    const one = parseEnv({ LODESTONE_INTERNAL_SECRET: SECRET_B }, load);
    expect(one.secrets()).toEqual({ nextAuthSecret: LOCAL.nextAuthSecret, internalSecret: SECRET_B });
  });

  it("refuses short secrets", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET must be at least 32/);
    expect(() => parseEnv({ LODESTONE_INTERNAL_SECRET: "short" })).toThrow(/LODESTONE_INTERNAL_SECRET/);
  });

  it("treats a production build on this machine (pnpm start, browser tests) as the local default", () => {
    const env = parseEnv({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3100" }, () => LOCAL);
    expect(env.deployed).toBe(false);
    expect(env.secrets()).toEqual(LOCAL);
    expect(parseEnv({ NODE_ENV: "production" }, () => LOCAL).deployed).toBe(false);
  });

  it("in a deployment, requires both secrets and an https public URL, saying which are missing", () => {
    const load = vi.fn(() => LOCAL);
    expect(() =>
      parseEnv({ NODE_ENV: "production", NEXTAUTH_URL: "https://lodestone.example.org" }, load),
    ).toThrow(
      /NEXTAUTH_SECRET is required in production[\s\S]*LODESTONE_INTERNAL_SECRET is required in production/,
    );
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        NEXTAUTH_URL: "http://lodestone.example.org",
        NEXTAUTH_SECRET: SECRET_A,
        LODESTONE_INTERNAL_SECRET: SECRET_B,
      }),
    ).toThrow(/https/);
    const env = parseEnv(
      {
        NODE_ENV: "production",
        NEXTAUTH_URL: "https://lodestone.example.org",
        NEXTAUTH_SECRET: SECRET_A,
        LODESTONE_INTERNAL_SECRET: SECRET_B,
      },
      load,
    );
    expect(env.deployed).toBe(true);
    expect(env.secrets()).toEqual({ nextAuthSecret: SECRET_A, internalSecret: SECRET_B });
    expect(load).not.toHaveBeenCalled();
  });

  it("does not ask for run-time secrets while `next build` runs", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      NEXTAUTH_URL: "https://lodestone.example.org",
      NEXT_PHASE: "phase-production-build",
    });
    expect(env.deployed).toBe(true);
  });

  it("switches single sign-on on with all three OIDC variables, and refuses a partial set", () => {
    expect(parseEnv({}).oidc).toBeNull();
    const oidc = {
      OIDC_ISSUER: "https://sso.example.gov/realms/lodestone",
      OIDC_CLIENT_ID: "lodestone",
      OIDC_CLIENT_SECRET: "s3cret",
    };
    expect(parseEnv(oidc).oidc).toEqual({
      issuer: "https://sso.example.gov/realms/lodestone",
      clientId: "lodestone",
      clientSecret: "s3cret",
      name: null,
    });
    expect(parseEnv({ ...oidc, OIDC_NAME: "GovID" }).oidc?.name).toBe("GovID");
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together/,
    );
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER: "not a url" })).toThrow(
      /OIDC_ISSUER must be an http\(s\) URL/,
    );
  });

  it("refuses an unknown NODE_ENV", () => {
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV must be/);
  });
});
