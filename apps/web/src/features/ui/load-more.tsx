import { Spinner } from "./spinner";
import { secondaryButton } from "./styles";

/**
 * "Load more" under a paged list: the button (busy while a page is on its way, never fetching
 * twice) and, in a live region, what went wrong when the next page could not be loaded.
 */
export function LoadMore({
  query,
  label,
  failed,
}: {
  query: {
    isFetchingNextPage: boolean;
    isFetchNextPageError: boolean;
    error: unknown;
    fetchNextPage: () => Promise<unknown>;
  };
  label: string;
  /** The message for a page that could not be loaded. */
  failed: (error: unknown) => string;
}) {
  return (
    <div className="flex flex-col items-start gap-2">
      <button
        type="button"
        className={secondaryButton}
        aria-disabled={query.isFetchingNextPage || undefined}
        onClick={() => {
          if (!query.isFetchingNextPage) void query.fetchNextPage();
        }}
      >
        {query.isFetchingNextPage ? <Spinner /> : null}
        {label}
      </button>
      <div aria-live="polite">
        {query.isFetchNextPageError ? <p className="text-red-900">{failed(query.error)}</p> : null}
      </div>
    </div>
  );
}
