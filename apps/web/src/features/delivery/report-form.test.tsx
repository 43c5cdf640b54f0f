import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { ReportForm } from "./report-form";

const MILESTONE = {
  id: "0193a4b2-0000-7000-8000-000000000001",
  version: 4,
  status: "IN_PROGRESS",
  progress: 40,
} as const;

function setup(locale: "en" | "ja" = "en") {
  const onSubmit = vi.fn(async () => {});
  renderWithProviders(<ReportForm milestone={MILESTONE} onSubmit={onSubmit} onCancel={() => {}} />, {
    locale,
  });
  return { onSubmit, user: userEvent.setup() };
}

describe("ReportForm", () => {
  it("refuses DONE without evidence, on the evidence field, and sends nothing", async () => {
    const { onSubmit, user } = setup();
    await user.selectOptions(screen.getByLabelText("Status"), "DONE");
    // Choosing done sets 100%.
    expect(screen.getByLabelText("Percent complete")).toHaveProperty("value", "100");
    await user.click(screen.getByRole("button", { name: "Save report" }));
    const evidence = await screen.findByLabelText("Evidence (required for done)");
    expect(evidence.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Marking a milestone done needs evidence.")).toBeTruthy();
    expect(document.activeElement).toBe(evidence);
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(evidence, "Acceptance certificate AC-7");
    await user.click(screen.getByRole("button", { name: "Save report" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      milestoneId: MILESTONE.id,
      version: 4,
      status: "DONE",
      progress: 100,
      note: null,
      evidence: "Acceptance certificate AC-7",
    });
  });

  it("refuses DONE below 100%", async () => {
    const { onSubmit, user } = setup();
    await user.selectOptions(screen.getByLabelText("Status"), "DONE");
    const progress = screen.getByLabelText("Percent complete");
    await user.clear(progress);
    await user.type(progress, "90");
    await user.type(screen.getByLabelText("Evidence (required for done)"), "Report");
    await user.click(screen.getByRole("button", { name: "Save report" }));
    expect(await screen.findByText("A milestone that is done is 100% complete.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("asks what blocks a BLOCKED milestone (in Japanese too)", async () => {
    const { onSubmit, user } = setup("ja");
    await user.selectOptions(screen.getByLabelText("状態"), "BLOCKED");
    await user.click(screen.getByRole("button", { name: "報告を保存" }));
    const note = await screen.findByLabelText("停滞の理由（必須）");
    expect(note.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("停滞の理由を書いてください。")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(note, "税関で止まっています");
    await user.click(screen.getByRole("button", { name: "報告を保存" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        status: "BLOCKED",
        progress: 40,
        note: "税関で止まっています",
        evidence: null,
      }),
    );
  });

  it("keeps progress within 0–100", async () => {
    const { onSubmit, user } = setup();
    const progress = screen.getByLabelText("Percent complete");
    await user.clear(progress);
    await user.type(progress, "140");
    await user.click(screen.getByRole("button", { name: "Save report" }));
    expect(await screen.findByText("Enter a whole number from 0 to 100.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows a refusal from the server (a stale version) and keeps what was typed", async () => {
    const onSubmit = vi.fn(async () => {
      const message = "Someone else updated this milestone after you opened it.";
      throw new TRPCClientError(message, {
        result: {
          error: { message, code: -32600, data: { code: "CONFLICT", httpStatus: 409, fieldErrors: null } },
        },
      });
    });
    renderWithProviders(<ReportForm milestone={MILESTONE} onSubmit={onSubmit} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText("Note (optional)"), { target: { value: "Half the kiln is in" } });
    fireEvent.click(screen.getByRole("button", { name: "Save report" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Someone else changed this after you opened it.");
    expect(screen.getByLabelText("Note (optional)")).toHaveProperty("value", "Half the kiln is in");
  });

  it("cites data-room documents when chosen, and only then", async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithProviders(
      <ReportForm
        milestone={MILESTONE}
        onSubmit={onSubmit}
        onCancel={() => {}}
        evidenceChoices={[
          {
            versionId: "0b000000-0000-4000-8000-000000000001",
            documentId: "0c000000-0000-4000-8000-000000000001",
            titleEn: "Commissioning report",
            titleJa: "試運転報告書",
            number: 2,
            fileName: "commissioning.pdf",
          },
          {
            versionId: "0b000000-0000-4000-8000-000000000002",
            documentId: "0c000000-0000-4000-8000-000000000002",
            titleEn: "Site photos",
            titleJa: "",
            number: 1,
            fileName: "site.png",
          },
        ]}
      />,
    );
    const user = userEvent.setup();
    // Done with a cited document and no text: the domain accepts the document as evidence.
    await user.selectOptions(screen.getByLabelText("Status"), "DONE");
    expect(
      screen.getByLabelText("Evidence (required for done)").getAttribute("aria-describedby"),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "For example a certificate, an inspection record or a document reference; or cite documents from the data room below instead.",
      ),
    ).toBeTruthy();
    const group = screen.getByRole("group", { name: "Documents from the data room (optional)" });
    await user.click(
      within(group).getByRole("checkbox", { name: "Commissioning report (version 2, commissioning.pdf)" }),
    );
    await user.click(screen.getByRole("button", { name: "Save report" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        status: "DONE",
        progress: 100,
        evidence: null,
        evidenceVersionIds: ["0b000000-0000-4000-8000-000000000001"],
      }),
    );
  });
});
