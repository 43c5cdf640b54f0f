// Shared class names, so every screen's buttons and fields look and behave alike.

const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold shadow-sm focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-progress aria-disabled:opacity-80";

export const primaryButton = `${buttonBase} bg-blue-800 text-white hover:bg-blue-900`;
export const secondaryButton = `${buttonBase} border border-slate-400 bg-white text-slate-900 hover:bg-slate-50`;
export const dangerButton = `${buttonBase} bg-red-700 text-white hover:bg-red-800`;
export const smallButton =
  "inline-flex items-center justify-center rounded border border-slate-400 bg-white px-2.5 py-1 text-xs font-semibold text-slate-900 hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:cursor-not-allowed disabled:opacity-60";
export const smallDangerButton =
  "inline-flex items-center justify-center rounded border border-red-700 bg-white px-2.5 py-1 text-xs font-semibold text-red-800 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:cursor-not-allowed disabled:opacity-60";

export const inputClass =
  "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-blue-700 aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";

export const linkClass = "font-medium text-blue-800 underline underline-offset-4 hover:text-blue-950";

export const headingClass = "text-3xl font-semibold tracking-tight text-slate-900";
