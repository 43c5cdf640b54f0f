"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A navigation link that marks itself as the current page (also for sub-pages). */
export function NavLink({
  href,
  children,
  size = "normal",
}: {
  href: string;
  children: ReactNode;
  size?: "normal" | "small";
}) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={
        "inline-flex items-center rounded font-medium underline-offset-4 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-300 " +
        (size === "small" ? "px-2 py-1 text-sm " : "px-3 py-2 text-sm ") +
        (current
          ? "bg-slate-700 text-white underline decoration-2"
          : "text-slate-100 hover:bg-slate-800 hover:underline")
      }
    >
      {children}
    </Link>
  );
}
