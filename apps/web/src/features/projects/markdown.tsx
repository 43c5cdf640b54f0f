import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

const SAFE_PROTOCOL = /^(https?:|mailto:|#|\/(?!\/))/i;

/** Only http(s), mailto, in-page and same-site links survive; anything else (javascript:, data:) is dropped. */
function safeUrl(url: string): string {
  const transformed = defaultUrlTransform(url.trim());
  return SAFE_PROTOCOL.test(transformed) ? transformed : "";
}

/**
 * Markdown from a proposal, rendered as React elements: raw HTML is never parsed (react-markdown
 * skips it) and the tree is sanitised (GitHub's schema: no script, no event handlers, no style).
 */
export function Markdown({ children, lang }: { children: string; lang?: string }) {
  return (
    <div
      lang={lang}
      className="flex flex-col gap-3 leading-relaxed text-slate-900 [&_a]:text-blue-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:px-2 [&_th]:border [&_th]:border-slate-300 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-6"
    >
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, defaultSchema]]}
        skipHtml
        urlTransform={safeUrl}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
