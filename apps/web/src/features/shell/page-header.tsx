import { headingClass } from "@/features/ui/styles";

/** A page's heading (its one h1) and the sentence under it that says what the page is for. */
export function PageHeader({ heading, lead }: { heading: string; lead: string }) {
  return (
    <div className="max-w-3xl">
      <h1 className={headingClass}>{heading}</h1>
      <p className="mt-2 text-slate-700">{lead}</p>
    </div>
  );
}
