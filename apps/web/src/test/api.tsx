import type { AppRouter } from "@lodestone/api/router";
import type { Locale } from "@lodestone/domain/enums";
import { createTRPCClient, type Operation, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import type { ReactElement } from "react";
import { TRPCProvider } from "@/trpc/react";
import { answeringLink } from "./answering-link";
import { makeTestQueryClient, renderWithProviders } from "./render";

/**
 * A subscription the test drives: each `push(data)` reaches every open subscriber as the server's
 * next value; every other call is answered by `respond` (as answeringLink does).
 */
export function drivenSubscriptions(respond: (op: Operation) => unknown) {
  const observers = new Set<{ next: (envelope: { result: unknown }) => void }>();
  let opened = 0;
  const link: TRPCLink<AppRouter> = (runtime) => {
    const answer = answeringLink(respond)(runtime);
    return (options) => {
      if (options.op.type !== "subscription") return answer(options);
      return observable((observer) => {
        const subscriber = observer as unknown as { next: (envelope: { result: unknown }) => void };
        opened += 1;
        observers.add(subscriber);
        subscriber.next({ result: { type: "started" } });
        return () => void observers.delete(subscriber);
      });
    };
  };
  return {
    link,
    opened: () => opened,
    push(data: unknown) {
      for (const observer of [...observers]) observer.next({ result: { data } });
    },
  };
}

/** Renders `ui` with the app's providers and a tRPC client whose calls `link` answers. */
export function renderWithApi(
  ui: ReactElement,
  link: TRPCLink<AppRouter>,
  options: { locale?: Locale; timeZone?: string } = {},
) {
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  return renderWithProviders(
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      {ui}
    </TRPCProvider>,
    { queryClient, ...options },
  );
}
