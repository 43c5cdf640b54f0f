// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

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
});
