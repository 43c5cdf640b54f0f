import type { AppRouter } from "@lodestone/api/router";
import type { Page } from "@lodestone/domain/page";
import { ListProjectsInput, type ProjectListItem } from "@lodestone/domain/project-list";
import { fireEvent, screen, within } from "@testing-library/react";
import { TRPCClientError, createTRPCClient, httpBatchLink, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { makeProject } from "@/test/fixtures";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { forwardToApi } from "@/trpc/proxy";
import { TRPCProvider } from "@/trpc/react";
import { ProjectList } from "./project-list";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn() }),
  usePathname: () => "/projects",
  useSearchParams: () => new URLSearchParams(),
}));

const ALL = Array.from({ length: 25 }, (_, i) =>
  makeProject({ reference: `LD-${String(i + 1).padStart(4, "0")}` }),
);

/** An in-memory `project.list` with the API's keyset contract. */
function keysetPage(input: ListProjectsInput): Page<ProjectListItem> {
  const limit = input.limit ?? 20;
  const start = input.cursor ? ALL.findIndex((p) => p.id === input.cursor) + 1 : 0;
  const items = ALL.slice(start, start + limit);
  const more = start + limit < ALL.length;
  return { items, nextCursor: more ? (items.at(-1)?.id ?? null) : null };
}

type Answer = (input: ListProjectsInput) => Page<ProjectListItem> | Error;

function fakeLink(answer: Answer, calls: ListProjectsInput[]): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.path === "delegation.list") {
          observer.next({ result: { type: "data", data: [] } });
          observer.complete();
          return;
        }
        // Validate exactly as the API does (the schema is strict: unknown keys are refused).
        const parsed = ListProjectsInput.safeParse(op.input);
        if (!parsed.success) {
          observer.error(TRPCClientError.from(new Error(`Invalid input: ${parsed.error.message}`)));
          return;
        }
        const input = op.input as ListProjectsInput;
        calls.push(input);
        const result = answer(input);
        if (result instanceof Error) observer.error(TRPCClientError.from(result));
        else {
          observer.next({ result: { type: "data", data: result } });
          observer.complete();
        }
      });
}

function renderList(answer: Answer) {
  const calls: ListProjectsInput[] = [];
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [fakeLink(answer, calls)] });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      {children}
    </TRPCProvider>
  );
  renderWithProviders(
    <Wrapper>
      <ProjectList />
    </Wrapper>,
    { queryClient },
  );
  return { calls };
}

function bodyRowCount(): number {
  const [, body] = within(screen.getByRole("table")).getAllByRole("rowgroup");
  return within(body as HTMLElement).getAllByRole("row").length;
}

describe("ProjectList", () => {
  it("shows the first page, then the next one through nextCursor", async () => {
    const { calls } = renderList(keysetPage);
    expect(screen.getByRole("status").getAttribute("aria-busy")).toBe("true");

    await screen.findByRole("table");
    expect(bodyRowCount()).toBe(20);
    expect(screen.getByText("20 projects shown")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Load more projects" }));
    await screen.findByText("All 25 projects are shown.");
    expect(bodyRowCount()).toBe(25);
    expect(screen.queryByRole("button", { name: "Load more projects" })).toBeNull();
    expect(calls.map((c) => c.cursor ?? null)).toEqual([null, ALL[19]!.id]);
    expect(calls.every((c) => c.limit === 20)).toBe(true);
  });

  it("shows the server's message and recovers on retry", async () => {
    let fail = true;
    renderList((input) => (fail ? new Error("The database is busy.") : keysetPage(input)));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Details: The database is busy.")).toBeTruthy();
    fail = false;
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await screen.findByRole("table");
    expect(bodyRowCount()).toBe(20);
  });

  it("shows the empty state for an empty first page", async () => {
    renderList(() => ({ items: [], nextCursor: null }));
    expect(await screen.findByRole("heading", { name: "No projects yet" })).toBeTruthy();
  });
});

describe("the /trpc forwarder's 503 through the real tRPC client", () => {
  it("reaches the UI as SERVICE_UNAVAILABLE with the server's message", async () => {
    const apiDown = vi.fn(() => Promise.reject(new TypeError("fetch failed")));
    const trpcClient = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "http://web.test/trpc",
          fetch: (url, init) =>
            forwardToApi(new Request(String(url), init as RequestInit), {
              apiUrl: "http://127.0.0.1:9",
              clientIp: null,
              fetch: apiDown,
            }),
        }),
      ],
    });
    const error = await trpcClient.project.list.query({ limit: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const clientError = error as TRPCClientError<AppRouter>;
    expect(clientError.data?.code).toBe("SERVICE_UNAVAILABLE");
    expect(clientError.data?.httpStatus).toBe(503);
    expect(clientError.message).toBe("The Lodestone API is not reachable. Try again in a moment.");
    expect(apiDown).toHaveBeenCalledWith(
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:9\/trpc\/project\.list\?batch=1/),
      expect.anything(),
    );
  });
});
