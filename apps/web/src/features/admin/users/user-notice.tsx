/** What the last action did: done, or done with a warning. */
export type Notice = { tone: "success" | "warning"; text: string };

/** The last action's outcome, announced politely. */
export function UserNotice({ notice }: { notice: Notice | null }) {
  return (
    <div role="status" aria-live="polite">
      {notice ? (
        <p
          className={
            "rounded-md border p-4 " +
            (notice.tone === "success"
              ? "border-green-300 bg-green-50 text-green-950"
              : "border-amber-400 bg-amber-50 text-amber-950")
          }
        >
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
