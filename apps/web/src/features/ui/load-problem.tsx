import type { ReactNode } from "react";
import { toLoadError } from "@/features/projects/load-error";
import { Spinner } from "./spinner";
import { smallButton } from "./styles";

/** A query that could not load: what went wrong, in an alert, and a button to try again. */
export function LoadProblem({
  message,
  retryLabel,
  onRetry,
}: {
  message: string;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-2 rounded-md border border-red-300 bg-red-50 p-3"
    >
      <p className="text-red-950">{message}</p>
      <button type="button" className={smallButton} onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}

/**
 * What a paged list shows instead of its items while its first page loads, or when it could not
 * load and has nothing to show (a failed "load more" keeps the pages it has); null once it has
 * items to render.
 */
export function listLoadState(
  query: { isPending: boolean; isError: boolean; data: unknown; error: unknown; refetch: () => unknown },
  text: { loading: string; loadFailed: (message: string) => string; retry: string },
): ReactNode | null {
  if (query.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-slate-700">
        <Spinner /> {text.loading}
      </p>
    );
  }
  if (query.isError && !query.data) {
    return (
      <LoadProblem
        message={text.loadFailed(toLoadError(query.error).message)}
        retryLabel={text.retry}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return null;
}
