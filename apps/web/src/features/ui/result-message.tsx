"use client";

import { useEffect, useRef } from "react";

/**
 * What an action just did ("Your vote is recorded", "Saved."), in a status region. Each new
 * message also takes keyboard focus: the control that caused it is often replaced or removed
 * when the page updates (a vote form starting afresh, a new draft opening on its edit page), and
 * focus would otherwise fall back to the page itself. Also on first render, for a message the
 * page opens with.
 */
export function ResultMessage({ message, className = "" }: { message: string | null; className?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div role="status" aria-live="polite">
      {message ? (
        <p ref={ref} tabIndex={-1} className={`rounded-sm ${className}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
