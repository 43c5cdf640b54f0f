import { DomainError, type DomainErrorCode } from "@lodestone/domain/errors";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "CONFLICT",
  VALIDATION: "BAD_REQUEST",
};

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** What a Prisma error carries from its driver adapter: the error's kind and PostgreSQL's code. */
function driverError(error: unknown): { kind?: unknown; originalCode?: unknown } {
  const meta = (
    error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } } | null
  )?.meta;
  return meta?.driverAdapterError?.cause ?? {};
}

/**
 * PostgreSQL's SQLSTATE: as Prisma's driver adapter passes it on, or as pg itself gives it (the
 * written-out hot statements, which go to pg directly). Prisma's own codes (P1xxx–P6xxx) are not
 * one.
 */
function sqlState(error: unknown): string | undefined {
  const original = driverError(error).originalCode;
  if (typeof original === "string") return original;
  const code = prismaCode(error);
  return code && /^[0-9A-Z]{5}$/.test(code) && !/^P[1-9]/.test(code) ? code : undefined;
}

// Driver errors that mean "the database cannot be reached right now". Prisma gives model queries
// a code of its own (P1001); raw queries (P2010) carry only the driver adapter's kind; pg gives a
// Node.js error code or a SQLSTATE (class 08: connection exception; 53300: too many connections).
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "P1001",
  "P1017",
]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

// PostgreSQL: invalid byte sequence, untranslatable character, NUL in text, invalid text for a
// type (e.g. JSON with a broken escape).
const INVALID_TEXT = new Set(["22021", "22P05", "22P02"]);

/**
 * The one mapping from what a use-case throws to what the caller sees. Unknown errors become
 * INTERNAL_SERVER_ERROR with a neutral message (the cause is logged, never shown).
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) {
    return error.cause ? toTRPCErrorFromCause(error) : error;
  }
  if (error instanceof DomainError) {
    return new TRPCError({ code: DOMAIN_TO_TRPC[error.code], message: error.message, cause: error });
  }
  const code = prismaCode(error) ?? prismaCode((error as { cause?: unknown } | null)?.cause);
  const kind = driverError(error).kind;
  if (code === "P2002" || kind === "UniqueConstraintViolation" || sqlState(error) === "23505") {
    return new TRPCError({ code: "CONFLICT", message: "That already exists.", cause: error });
  }
  if (code === "P2025") {
    return new TRPCError({ code: "NOT_FOUND", message: "That no longer exists.", cause: error });
  }
  if (INVALID_TEXT.has(sqlState(error) ?? "")) {
    return new TRPCError({
      code: "BAD_REQUEST",
      message: "Some text could not be stored: it holds characters the database does not accept.",
      cause: error,
    });
  }
  if ((code && UNAVAILABLE.has(code)) || (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind))) {
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The database is not reachable right now. Please try again in a moment.",
      cause: error,
    });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: "Something went wrong on our side. Please try again.",
    cause: error,
  });
}

function toTRPCErrorFromCause(error: TRPCError): TRPCError {
  if (error.code !== "INTERNAL_SERVER_ERROR") return error;
  return toTRPCError(error.cause);
}
