import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/features/i18n/request.ts",
  // The catalogues' ICU messages are compiled at build time, so the browser formats them without
  // shipping an ICU parser (about 9 KB gzip off every page's first load).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `forbidden()` answers 403 with src/app/forbidden.tsx (admin pages for other roles).
  experimental: { authInterrupts: true },
  // `/trpc/*` is forwarded at run time by src/app/trpc/[trpc]/route.ts (API_URL is read when the
  // server starts, not when it is built), so one build can talk to any API.
  async headers() {
    return [
      {
        // Every page; not the data room's files, whose route handler sets their headers (a
        // preview is framed by the document's own page, so it may not say DENY).
        source: "/:path((?!files/).*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
