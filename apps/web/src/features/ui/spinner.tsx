/** A small spinning ring; decorative (the surrounding text says what is happening). */
export function Spinner({ tone = "dark" }: { tone?: "dark" | "light" }) {
  return (
    <span
      aria-hidden="true"
      className={
        "inline-block h-4 w-4 shrink-0 animate-spin rounded-full border-2 " +
        (tone === "light" ? "border-blue-300 border-t-white" : "border-slate-300 border-t-blue-800")
      }
    />
  );
}
