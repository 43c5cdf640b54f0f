import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";

/** HTTP status of a tRPC error, when the server sent one. */
function httpStatusOf(error: unknown): number | null {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: unknown } | undefined)?.httpStatus;
    return typeof status === "number" ? status : null;
  }
  return null;
}

function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof TRPCClientError &&
    (error.data as { code?: unknown } | undefined)?.code === "UNAUTHORIZED"
  );
}

interface QueryClientOptions {
  /**
   * Called when the API says the caller is not signed in (the session ended elsewhere: signed out
   * on another device, or the account was deactivated). The browser sends them to sign in.
   */
  onUnauthorized?: () => void;
}

export function makeQueryClient({ onUnauthorized }: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    if (onUnauthorized && isUnauthorized(error)) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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
