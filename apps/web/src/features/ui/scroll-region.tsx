"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A box for something wider than a small screen (a wide table, the delivery chart). While what it
 * holds is wider than the box, it scrolls sideways and is a named region in the Tab order, so a
 * keyboard user can reach it and scroll it with the arrow keys (axe: scrollable-region-focusable).
 * When everything fits it is a plain box: no landmark, no extra Tab stop.
 *
 * `name` is what it holds (a table's caption, a chart's title), already translated.
 * `visuallyHidden`: kept for screen readers only (a chart's data table until asked for), so not
 * something to scroll or a Tab stop.
 */
export function ScrollRegion({
  name,
  className = "",
  id,
  visuallyHidden = false,
  children,
}: {
  name: string;
  className?: string;
  id?: string;
  visuallyHidden?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("scrollRegion");
  const ref = useRef<HTMLDivElement>(null);
  // Until measured (and without ResizeObserver) it assumes it scrolls: reachable either way.
  const [scrolls, setScrolls] = useState(true);

  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const watchChildren = () => {
      for (const child of box.children) observer.observe(child);
    };
    watchChildren();
    // A child swapped for another (a table for its empty state) is watched in turn.
    const mutations = new MutationObserver(() => {
      watchChildren();
      measure();
    });
    mutations.observe(box, { childList: true });
    measure();
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [visuallyHidden]);

  if (visuallyHidden) {
    return (
      <div id={id} className="sr-only">
        {children}
      </div>
    );
  }
  return (
    <div
      ref={ref}
      id={id}
      data-scroll-region=""
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? t("label", { name }) : undefined}
      tabIndex={scrolls ? 0 : undefined}
      className={`overflow-x-auto focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${className}`}
    >
      {children}
    </div>
  );
}
