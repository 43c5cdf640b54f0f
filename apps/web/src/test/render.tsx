import type { Locale } from "@lodestone/domain/enums";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import en from "../../messages/en.json";
import ja from "../../messages/ja.json";
import { formats } from "../features/i18n/formats";

const MESSAGES = { en, ja } as const;

export function makeTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

interface Providers {
  locale?: Locale;
  timeZone?: string;
  queryClient?: QueryClient;
}

function TestProviders({
  children,
  locale = "en",
  timeZone = "Asia/Tokyo",
  queryClient,
}: Providers & { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone={timeZone} formats={formats}>
      <QueryClientProvider client={queryClient ?? makeTestQueryClient()}>{children}</QueryClientProvider>
    </NextIntlClientProvider>
  );
}

/** Renders with the same providers as the app: next-intl (messages, time zone, formats) and a QueryClient. */
export function renderWithProviders(
  ui: ReactElement,
  options: Providers & Omit<RenderOptions, "wrapper"> = {},
) {
  const { locale, timeZone, queryClient, ...rest } = options;
  const client = queryClient ?? makeTestQueryClient();
  return {
    queryClient: client,
    ...render(ui, {
      wrapper: ({ children }) => (
        <TestProviders locale={locale} timeZone={timeZone} queryClient={client}>
          {children}
        </TestProviders>
      ),
      ...rest,
    }),
  };
}
