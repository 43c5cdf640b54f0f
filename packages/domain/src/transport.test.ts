import { describe, expect, it } from "vitest";
import { batchPaths, batchProblem, clientRequestId, MAX_BATCH_CALLS, refusalBody } from "./transport.js";

describe("batches", () => {
  it("splits a batched path and refuses an empty or undecodable one", () => {
    expect(batchPaths("project.list,project.get")).toEqual(["project.list", "project.get"]);
    expect(batchPaths("project.list%2Cproject.get")).toEqual(["project.list", "project.get"]);
    expect(batchPaths("a,,b")).toBeNull();
    expect(batchPaths("%")).toBeNull();
  });

  it("allows up to the cap and refuses one more with the count in the message", () => {
    expect(batchProblem(Array(MAX_BATCH_CALLS).fill("dashboard.pipeline"))).toBeNull();
    expect(batchProblem(Array(MAX_BATCH_CALLS + 1).fill("dashboard.pipeline"))).toMatch(
      new RegExp(`at most ${MAX_BATCH_CALLS} calls; this one has ${MAX_BATCH_CALLS + 1}`),
    );
  });
});

describe("client request ids", () => {
  it("keeps a short token and drops anything else", () => {
    expect(clientRequestId("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    expect(clientRequestId("x".repeat(129))).toBeNull();
    expect(clientRequestId("a b")).toBeNull();
    expect(clientRequestId("<script>")).toBeNull();
    expect(clientRequestId(null)).toBeNull();
  });
});

describe("refusals before any procedure", () => {
  it("are tRPC-shaped: one entry per call of a batch, one object otherwise", () => {
    const batch = refusalBody("PAYLOAD_TOO_LARGE", "Too large.", ["a.b", "c.d"], true);
    expect(batch.status).toBe(413);
    expect(batch.body).toEqual(
      ["a.b", "c.d"].map((path) => ({
        error: {
          message: "Too large.",
          code: -32013,
          data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path, fieldErrors: null, formErrors: null },
        },
      })),
    );
    expect(refusalBody("NOT_FOUND", "No.", [], true).body).toHaveLength(1);
    expect(refusalBody("GATEWAY_TIMEOUT", "Late.", ["a.b"], false)).toMatchObject({
      status: 504,
      body: { error: { data: { code: "GATEWAY_TIMEOUT", path: "a.b" } } },
    });
  });
});
