"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * On a narrow screen the header is one bar (`brand` and a Menu button) and everything else
 * (`children`: the account bar, the main navigation, the language switch) opens under it as a
 * disclosure: the button says whether it is open (aria-expanded), Escape closes it and puts focus
 * back on the button, and going to another page closes it. From the `md` breakpoint up the
 * children are always shown and the button is not.
 */
export function HeaderMenu({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const t = useTranslations("shell");
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    // A new page: the menu closes (adjusting state while rendering, as React recommends).
    setOpenedOn(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      // Escape in a dialog opened from the menu closes that dialog, not the menu.
      if (
        event.target instanceof Element &&
        event.target.closest("dialog, [role='dialog'], [role='alertdialog']")
      )
        return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <div className="flex items-center justify-between gap-3 px-4 py-2 md:hidden">
        {brand}
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((was) => !was)}
          className="inline-flex items-center gap-2 rounded-md border border-slate-500 px-3 py-2 text-sm font-medium text-white hover:bg-slate-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
        >
          <MenuIcon open={open} />
          {t("menu")}
        </button>
      </div>
      <div
        id={panelId}
        data-open={open || undefined}
        className="hidden border-t border-slate-700 data-open:block md:block md:border-t-0"
        onClick={(event) => {
          // Following a link closes the menu, also a link to the page already open.
          if (event.target instanceof Element && event.target.closest("a[href]")) setOpen(false);
        }}
      >
        {children}
      </div>
    </>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="h-5 w-5" fill="none">
      {open ? (
        <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}
