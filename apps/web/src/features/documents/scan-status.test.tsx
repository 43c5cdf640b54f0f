import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { ScanStatusView } from "./scan-status";
import type { ScanStatusData } from "./types";

function renderStatus(data: ScanStatusData, locale: "en" | "ja" = "en") {
  const link = answeringLink((op) => {
    if (op.path === "documents.scanStatus") return data;
    throw new Error(`Unexpected ${op.path}`);
  });
  renderWithApi(<ScanStatusView />, link, { locale, timeZone: "UTC" });
}

describe("ScanStatusView", () => {
  it("says whether the scanner answers, and lists the versions it holds back with their errors", async () => {
    renderStatus({
      configured: true,
      reachable: false,
      problems: [
        {
          versionId: "v1",
          documentId: "d1",
          projectId: "p1",
          projectReference: "LD-0011",
          titleEn: "Site photos",
          titleJa: "",
          number: 2,
          status: "QUARANTINED",
          attempts: 1,
          error: null,
          signature: "Eicar-Test-Signature",
          since: "2026-11-20T01:00:00.000Z",
        },
        {
          versionId: "v2",
          documentId: "d2",
          projectId: "p1",
          projectReference: "LD-0011",
          titleEn: "Offtake terms",
          titleJa: "",
          number: 1,
          status: "PENDING",
          attempts: 3,
          error: "connect ECONNREFUSED 127.0.0.1:3310",
          signature: null,
          since: "2026-11-20T02:00:00.000Z",
        },
      ],
    } as ScanStatusData);
    expect(
      await screen.findByText("The scanner does not answer. New uploads wait until it does."),
    ).toBeTruthy();
    const table = screen.getByRole("table", { name: "Versions waiting for a scan or quarantined" });
    const [quarantined, pending] = within(table).getAllByRole("row").slice(1);
    expect(quarantined!.textContent).toContain("Quarantined(Eicar-Test-Signature)");
    expect(within(quarantined!).getByRole("link", { name: "Site photos" }).getAttribute("href")).toBe(
      "/projects/p1/documents/d1",
    );
    expect(pending!.textContent).toContain("Scanning for malware");
    expect(pending!.textContent).toContain("connect ECONNREFUSED 127.0.0.1:3310");
  });

  it("says when no scanner is configured and nothing is held back; in Japanese", async () => {
    renderStatus({ configured: false, reachable: null, problems: [] }, "ja");
    expect(
      await screen.findByText(
        "検査サービスが設定されていません。アップロードされたファイルは検査なしで公開されます。",
      ),
    ).toBeTruthy();
    expect(screen.getByText("検査待ちや隔離中のファイルはありません。")).toBeTruthy();
  });
});
