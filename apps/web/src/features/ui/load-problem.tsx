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
