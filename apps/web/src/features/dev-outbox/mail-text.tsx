import { Fragment } from "react";

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** A plain-text mail with its web addresses as links (the sign-in link above all). */
export function MailText({ text }: { text: string }) {
  const parts: Array<{ kind: "text" | "url"; value: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: "text", value: text.slice(last, start) });
    parts.push({ kind: "url", value: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", value: text.slice(last) });

  return (
    <p className="whitespace-pre-wrap break-words text-slate-800">
      {parts.map((part, index) =>
        part.kind === "url" ? (
          <a
            key={index}
            href={part.value}
            className="break-all font-medium text-blue-800 underline underline-offset-4 hover:text-blue-950"
          >
            {part.value}
          </a>
        ) : (
          <Fragment key={index}>{part.value}</Fragment>
        ),
      )}
    </p>
  );
}
