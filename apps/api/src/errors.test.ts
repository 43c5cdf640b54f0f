import { DomainError } from "@lodestone/domain/errors";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ConnectionFailure } from "@lodestone/db/statement";
import { toTRPCError } from "./errors.js";

describe("toTRPCError (the one error mapping)", () => {
  it.each([
    ["NOT_FOUND", "NOT_FOUND"],
    ["FORBIDDEN", "FORBIDDEN"],
    ["CONFLICT", "CONFLICT"],
    ["INVALID_STATE", "CONFLICT"],
    ["VALIDATION", "BAD_REQUEST"],
  ] as const)("maps DomainError %s to %s and keeps its message", (domainCode, trpcCode) => {
    const mapped = toTRPCError(new DomainError(domainCode, "A person-readable reason."));
    expect(mapped.code).toBe(trpcCode);
    expect(mapped.message).toBe("A person-readable reason.");
  });

  it("unwraps a DomainError that tRPC wrapped as an internal error", () => {
    const wrapped = new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      cause: new DomainError("NOT_FOUND", "No such project."),
    });
    expect(toTRPCError(wrapped)).toMatchObject({ code: "NOT_FOUND", message: "No such project." });
  });

  it("maps a raw query's driver errors as the model queries' (unreachable → 503, duplicate → CONFLICT)", () => {
    const raw = (kind: string) =>
      Object.assign(new Error("Raw query failed."), {
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind } } },
      });
    expect(toTRPCError(raw("DatabaseNotReachable")).code).toBe("SERVICE_UNAVAILABLE");
    expect(toTRPCError(raw("ConnectionClosed")).code).toBe("SERVICE_UNAVAILABLE");
    expect(toTRPCError(raw("UniqueConstraintViolation")).code).toBe("CONFLICT");
    expect(toTRPCError(raw("ColumnNotFound")).code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("maps a unique-constraint violation to CONFLICT and a missing row to NOT_FOUND", () => {
    expect(toTRPCError(Object.assign(new Error("x"), { code: "P2002" })).code).toBe("CONFLICT");
    expect(toTRPCError(Object.assign(new Error("x"), { code: "P2025" })).code).toBe("NOT_FOUND");
  });

  it("maps an unreachable database to SERVICE_UNAVAILABLE with a clear message", () => {
    const mapped = toTRPCError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    expect(mapped.code).toBe("SERVICE_UNAVAILABLE");
    expect(mapped.message).toMatch(/database is not reachable/);
  });

  it("maps text PostgreSQL cannot store (as Prisma reports it from the driver) to BAD_REQUEST", () => {
    const error = Object.assign(new Error("Invalid value"), {
      code: "P2039",
      meta: {
        modelName: "Delegation",
        driverAdapterError: {
          name: "DriverAdapterError",
          cause: { originalCode: "22021", kind: "postgres" },
        },
      },
    });
    const mapped = toTRPCError(error);
    expect(mapped.code).toBe("BAD_REQUEST");
    expect(mapped.message).toMatch(/characters the database does not accept/);
  });

  it("maps pg's own errors (the written-out hot statements) as Prisma's: by SQLSTATE", () => {
    const pgError = (code: string) => Object.assign(new Error("from pg"), { code, severity: "ERROR" });
    expect(toTRPCError(pgError("22021")).code).toBe("BAD_REQUEST");
    expect(toTRPCError(pgError("23505")).code).toBe("CONFLICT");
    expect(toTRPCError(pgError("57P01")).code).toBe("SERVICE_UNAVAILABLE");
    expect(toTRPCError(pgError("53300")).code).toBe("SERVICE_UNAVAILABLE");
    // A connection that ended under a query (statement.ts reports it as 08006, connection failure).
    expect(toTRPCError(new ConnectionFailure(new Error("Connection terminated"))).code).toBe(
      "SERVICE_UNAVAILABLE",
    );
    // A trigger's refusal (P0001) is PostgreSQL's, not one of Prisma's P-codes, and not a 503.
    expect(toTRPCError(pgError("P0001")).code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("hides the details of an unexpected error", () => {
    const mapped = toTRPCError(new Error("secret stack detail"));
    expect(mapped.code).toBe("INTERNAL_SERVER_ERROR");
    expect(mapped.message).not.toContain("secret");
  });

  it("passes a deliberate TRPCError through", () => {
    const error = new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
    expect(toTRPCError(error)).toBe(error);
  });
});
