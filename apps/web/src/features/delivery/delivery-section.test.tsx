import type { AppRouter } from "@lodestone/api/router";
import type { ProjectDetail } from "@lodestone/domain/proposal";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createTRPCClient, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { describe, expect, it } from "vitest";
import { makeTestQueryClient, renderWithProviders } from "@/test/render";
import { TRPCProvider } from "@/trpc/react";
import { DeliverySection } from "./delivery-section";
import type { DeliveryData, MilestoneView } from "./types";

const PROJECT_ID = "6b0c3c1e-8a7b-4c55-9a51-6f0c7b9d2a10";

const PROJECT = {
  id: PROJECT_ID,
  reference: "LD-0042",
  status: "IN_DELIVERY",
  version: 7,
} as unknown as ProjectDetail;

const leaf = (id: string, status: MilestoneView["status"], progress: number): MilestoneView => ({
  id,
  parentId: null,
  title: { en: `Milestone ${id}`, ja: `マイルストーン${id}` },
  dueDate: "2027-03-31",
  weight: null,
  status,
  progress,
  overdue: false,
  dueToday: false,
  version: 1,
  assignee: null,
  canReport: true,
  children: [],
});

function delivery(over: Partial<DeliveryData>): DeliveryData {
  return {
    projectId: PROJECT_ID,
    status: "IN_DELIVERY",
    referenceTimeZone: "Australia/Perth",
    progress: 50,
    milestones: [leaf("a", "DONE", 100), leaf("b", "IN_PROGRESS", 0)],
    replans: [],
    canComplete: false,
    ...over,
  };
}

/** Answers every query with what the page was rendered with; records mutations. */
function render(
  data: DeliveryData,
  isCoordinator: boolean,
  calls: string[] = [],
  inputs: Record<string, unknown> = {},
) {
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push(op.path);
        inputs[op.path] = op.input;
        const answer =
          op.path === "delivery.get"
            ? data
            : op.path === "project.get"
              ? { ...PROJECT, status: data.status }
              : [];
        observer.next({ result: { type: "data", data: answer } });
        observer.complete();
      });
  const queryClient = makeTestQueryClient();
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  renderWithProviders(
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      <DeliverySection project={{ ...PROJECT, status: data.status }} initial={data} canPlan={isCoordinator} />
    </TRPCProvider>,
    { queryClient },
  );
  return calls;
}

describe("DeliverySection", () => {
  it("explains why completing is unavailable while a milestone is open", () => {
    render(delivery({ canComplete: false }), true);
    const button = screen.getByRole("button", { name: "Mark project completed" });
    expect(button).toHaveProperty("disabled", true);
    const hint = document.getElementById(button.getAttribute("aria-describedby")!);
    expect(hint?.textContent).toBe("Available when every milestone is done or cancelled.");
    expect(screen.getByRole("progressbar", { name: "Overall progress" }).getAttribute("aria-valuenow")).toBe(
      "50",
    );
    expect(screen.getByText(/reference time zone: Australia\/Perth/)).toBeTruthy();
  });

  it("asks before completing, and completes with the project's version", async () => {
    const calls = render(
      delivery({
        canComplete: true,
        progress: 100,
        milestones: [leaf("a", "DONE", 100), leaf("b", "CANCELLED", 0)],
      }),
      true,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Mark project completed" }));
    const dialog = screen.getByRole("alertdialog", { name: "Mark the project completed?" });
    expect(calls).not.toContain("delivery.complete");
    await user.click(within(dialog).getByRole("button", { name: "Mark completed" }));
    await screen.findByText("The project is marked completed.");
    expect(calls).toContain("delivery.complete");
  });

  it("lets a coordinator correct the project's time zone, with the project's version", async () => {
    const calls: string[] = [];
    const inputs: Record<string, unknown> = {};
    render(delivery({}), true, calls, inputs);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Change time zone" }));
    const dialog = screen.getByRole("dialog", { name: "Change the project's time zone" });
    const select = within(dialog).getByRole("combobox", { name: "Time zone" });
    expect((select as HTMLSelectElement).value).toBe("Australia/Perth");
    // Unchanged: said so, nothing sent.
    await user.click(within(dialog).getByRole("button", { name: "Change time zone" }));
    expect(within(dialog).getByRole("alert").textContent).toBe(
      "The project is already tracked in that time zone.",
    );
    expect(calls).not.toContain("delivery.setTimeZone");
    await user.selectOptions(select, "Asia/Tokyo");
    await user.click(within(dialog).getByRole("button", { name: "Change time zone" }));
    await screen.findByText("The project's time zone is now Asia/Tokyo.");
    expect(inputs["delivery.setTimeZone"]).toEqual({
      projectId: PROJECT_ID,
      version: 7,
      timeZone: "Asia/Tokyo",
    });
  });

  it("shows no planning controls to others, and starting delivery only to coordinators", () => {
    render(delivery({}), false);
    expect(screen.queryByRole("button", { name: "Change time zone" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add a milestone" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Mark project completed" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Re-plan/ })).toBeNull();
  });

  it("offers an approved project's start to a coordinator only", () => {
    render(delivery({ status: "APPROVED", milestones: [], progress: 0 }), true);
    expect(screen.getByRole("button", { name: "Start delivery" })).toBeTruthy();
  });

  it("tells others that delivery has not started", () => {
    render(delivery({ status: "APPROVED", milestones: [], progress: 0 }), false);
    expect(screen.queryByRole("button", { name: "Start delivery" })).toBeNull();
    expect(screen.getByText(/Delivery has not started yet/)).toBeTruthy();
  });
});
