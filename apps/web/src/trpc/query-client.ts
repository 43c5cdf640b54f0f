import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";

/** HTTP status of a tRPC error, when the server sent one. */
function httpStatusOf(error: unknown): number | null {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: unknown } | undefined)?.httpStatus;
    return typeof status === "number" ? status : null;
  }
  return null;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // One quick retry for network blips; never retry what the server refused (4xx) or
        // reported unavailable (503), so the user sees the message and a retry button at once.
        retry: (failureCount, error) => {
          const status = httpStatusOf(error);
          if (status !== null && (status < 500 || status === 503)) return false;
          return failureCount < 1;
        },
      },
    },
  });
}
