import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { FOLDER_FINANCE, FOLDER_TECH, FOLDERS, PROJECT_ID, fakeUploads, finalResponse } from "./testing";
import { UploadDocumentDialog } from "./upload-document-dialog";

function setup({
  locale = "en" as "en" | "ja",
  previous = [] as { metadata: Record<string, string> }[],
} = {}) {
  const uploads = fakeUploads(previous);
  const onUploaded = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(
    <UploadDocumentDialog
      open
      projectId={PROJECT_ID}
      folders={FOLDERS.folders}
      folderId={FOLDER_FINANCE}
      delegations={FOLDERS.delegations}
      maxBytes={FOLDERS.maxBytes}
      onClose={onClose}
      onUploaded={onUploaded}
      createUpload={uploads.create}
    />,
    { locale },
  );
  return { uploads, onUploaded, onClose, user: userEvent.setup() };
}

const pdf = (bytes = 2048) =>
  new File([new Uint8Array(bytes)], "offtake-terms.pdf", { type: "application/pdf" });

describe("UploadDocumentDialog", () => {
  it("sends the document's details as tus metadata, shows real progress, pauses and resumes, and says when it is done", async () => {
    const { uploads, onUploaded, user } = setup();
    const dialog = screen.getByRole("dialog", { name: "Upload document" });
    expect((within(dialog).getByLabelText("Folder") as HTMLSelectElement).value).toBe(FOLDER_FINANCE);
    await user.type(within(dialog).getByLabelText("Title in English"), "Offtake term sheet");
    await user.type(within(dialog).getByLabelText("Title in Japanese"), "引取条件書");
    const governments = within(dialog).getByRole("radio", { name: "Governments only" });
    expect(governments.getAttribute("aria-describedby")).toBeTruthy();
    await user.click(governments);
    await user.upload(within(dialog).getByLabelText("File"), pdf());
    await user.click(within(dialog).getByRole("button", { name: "Upload" }));

    await waitFor(() => expect(uploads.made).toHaveLength(1));
    const upload = uploads.made[0]!;
    await waitFor(() => expect(upload.started).toBe(1));
    expect(upload.options.endpoint).toBe("/files/uploads");
    expect(upload.options.chunkSize).toBe(5 * 1024 * 1024);
    expect(upload.options.removeFingerprintOnSuccess).toBe(true);
    expect(upload.options.metadata?.filename).toBe("offtake-terms.pdf");
    expect(JSON.parse(upload.options.metadata!.input!)).toEqual({
      projectId: PROJECT_ID,
      folderId: FOLDER_FINANCE,
      titleEn: "Offtake term sheet",
      titleJa: "引取条件書",
      descriptionEn: "",
      descriptionJa: "",
      classification: "GOVERNMENTS",
      delegations: [],
      changeNote: "",
      fileName: "offtake-terms.pdf",
    });

    act(() => upload.options.onProgress!(1024, 2048));
    const bar = screen.getByRole("progressbar", { name: "Uploading offtake-terms.pdf" });
    expect(bar.getAttribute("aria-valuenow")).toBe("50");
    expect(bar.getAttribute("aria-valuetext")).toBe("50% — 1 kB of 2 kB");
    // Escape does not drop an upload under way.
    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(upload.aborted).toEqual([false]);
    expect(screen.getByText("Paused. Resume to continue where it stopped.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Resume" }));
    expect(upload.started).toBe(2);

    act(() => upload.options.onProgress!(2048, 2048));
    expect(bar.getAttribute("aria-valuenow")).toBe("100");
    act(() =>
      upload.options.onSuccess!({
        lastResponse: finalResponse("0c000000-0000-4000-8000-00000000abcd", "v1"),
      }),
    );
    expect(await screen.findByText("Upload complete.")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Upload complete" }).getAttribute("aria-valuenow")).toBe(
      "100",
    );
    expect(screen.getByRole("link", { name: "Open the document" }).getAttribute("href")).toBe(
      `/projects/${PROJECT_ID}/documents/0c000000-0000-4000-8000-00000000abcd`,
    );
    expect(onUploaded).toHaveBeenCalledTimes(1);
  });

  it("refuses a file over the limit before sending anything, and names both sizes", async () => {
    const { uploads, user } = setup();
    await user.type(screen.getByLabelText("Title in English"), "Big model");
    const file = screen.getByLabelText("File");
    await user.upload(file, pdf(2 * 1024 * 1024));
    expect(
      await screen.findByText("This file is 2 MB; the data room takes files of at most 1 MB."),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(uploads.made).toEqual([]);
    expect(file.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(file);
  });

  it("needs an English title, a file, and for named delegations at least one delegation", async () => {
    const { uploads, user } = setup();
    await user.click(screen.getByRole("radio", { name: "Named delegations" }));
    const group = screen.getByRole("group", { name: "Delegations that may see it" });
    expect(
      within(group)
        .getAllByRole("checkbox")
        .map((c) => c.getAttribute("value")),
    ).toEqual(["US", "JP", "AU"]);
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(await screen.findByText("Enter the English title.")).toBeTruthy();
    expect(screen.getByText("Choose a file to upload.")).toBeTruthy();
    expect(screen.getByText("Choose at least one delegation.")).toBeTruthy();
    expect(uploads.made).toEqual([]);

    await user.type(screen.getByLabelText("Title in English"), "Pricing annex");
    await user.click(within(group).getByRole("checkbox", { name: /Japan/ }));
    await user.upload(screen.getByLabelText("File"), pdf());
    await user.click(screen.getByRole("button", { name: "Upload" }));
    await waitFor(() => expect(uploads.made).toHaveLength(1));
    expect(JSON.parse(uploads.made[0]!.options.metadata!.input!)).toMatchObject({
      classification: "NAMED_DELEGATIONS",
      delegations: ["JP"],
      folderId: FOLDER_FINANCE,
    });
  });

  it("shows the server's reason when it refuses the file, and goes back to the form", async () => {
    const { uploads, user } = setup();
    await user.type(screen.getByLabelText("Title in English"), "Installer");
    await user.upload(screen.getByLabelText("File"), pdf());
    await user.click(screen.getByRole("button", { name: "Upload" }));
    await waitFor(() => expect(uploads.made).toHaveLength(1));
    const refusal = Object.assign(new Error("tus: unexpected response"), {
      originalResponse: {
        getStatus: () => 415,
        getBody: () =>
          "This file's content is application/x-msdownload, which the data room does not accept.",
        getHeader: () => undefined,
        getUnderlyingObject: () => null,
      },
    });
    act(() => uploads.made[0]!.options.onError!(refusal));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The data room did not accept this file.");
    expect(alert.textContent).toContain("application/x-msdownload, which the data room does not accept.");
    await user.click(screen.getByRole("button", { name: "Choose another file" }));
    expect(uploads.made[0]!.aborted).toEqual([true]);
    expect((screen.getByLabelText("Title in English") as HTMLInputElement).value).toBe("Installer");
  });

  it("resumes an interrupted upload of the same file with the same details", async () => {
    const input = JSON.stringify({
      projectId: PROJECT_ID,
      folderId: FOLDER_TECH,
      titleEn: "Resumed",
      titleJa: "",
      descriptionEn: "",
      descriptionJa: "",
      classification: "PROJECT",
      changeNote: "",
      delegations: [],
      fileName: "offtake-terms.pdf",
    });
    const other = { metadata: { input: "{}" } };
    const same = { metadata: { input } };
    const { uploads, user } = setup({ previous: [other, same] });
    await user.selectOptions(screen.getByLabelText("Folder"), FOLDER_TECH);
    await user.type(screen.getByLabelText("Title in English"), "Resumed");
    await user.upload(screen.getByLabelText("File"), pdf());
    await user.click(screen.getByRole("button", { name: "Upload" }));
    await waitFor(() => expect(uploads.made[0]?.started).toBe(1));
    expect(uploads.made[0]!.options.metadata!.input).toBe(input);
    expect(uploads.made[0]!.resumedFrom).toEqual([same]);
  });

  it("speaks Japanese", async () => {
    setup({ locale: "ja" });
    const dialog = screen.getByRole("dialog", { name: "文書をアップロード" });
    expect(within(dialog).getByRole("radio", { name: "政府関係者のみ" })).toBeTruthy();
    expect(within(dialog).getByText("PDF、画像、Office 文書、CSV、テキスト。1 MB まで。")).toBeTruthy();
    expect(within(dialog).getByRole("option", { name: "04 財務" })).toBeTruthy();
  });
});
