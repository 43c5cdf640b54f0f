import { TRPCClientError } from "@trpc/client";

/** What the list shows about a failed request: the server's message and its tRPC code. */
export interface LoadError {
  message: string;
  /** e.g. SERVICE_UNAVAILABLE, BAD_REQUEST; null when the request never reached a tRPC server. */
  code: string | null;
}

export function toLoadError(error: unknown): LoadError {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: unknown } | undefined)?.code;
    return { message: error.message, code: typeof code === "string" ? code : null };
  }
  if (error instanceof Error) return { message: error.message, code: null };
  return { message: String(error), code: null };
}
