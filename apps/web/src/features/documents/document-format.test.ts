import { describe, expect, it } from "vitest";
import { delegationNames, inLocale, isLoosening, shortHash, sizeIn, typeLabel } from "./document-format";
import { fileProblem } from "./file-field";
import { uploadProblemOf } from "./use-tus-upload";

describe("document formats", () => {
  it("sizes in the largest unit that keeps at least 1", () => {
    expect(sizeIn(0)).toEqual({ value: 0, unit: "byte" });
    expect(sizeIn(1023)).toEqual({ value: 1023, unit: "byte" });
    expect(sizeIn(1536)).toEqual({ value: 1.5, unit: "kilobyte" });
    expect(sizeIn(50 * 1024 * 1024)).toEqual({ value: 50, unit: "megabyte" });
    expect(sizeIn(3 * 1024 ** 3)).toEqual({ value: 3, unit: "gigabyte" });
  });

  it("names types by their extension", () => {
    expect(typeLabel("application/pdf")).toBe("PDF");
    expect(typeLabel("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe("XLSX");
    expect(typeLabel("application/x-unknown")).toBe("application/x-unknown");
    expect(shortHash("9f86d081884c7d659a2feaa0c55ad015")).toBe("9f86d081884c");
  });

  it("picks the reader's language, else the other", () => {
    expect(inLocale("ja", "Study", "調査")).toEqual({ text: "調査", lang: "ja" });
    expect(inLocale("ja", "Study", " ")).toEqual({ text: "Study", lang: "en" });
    expect(inLocale("en", "", "調査")).toEqual({ text: "調査", lang: "ja" });
    expect(delegationNames(["JP", "XX"], [{ code: "JP", nameEn: "Japan", nameJa: "日本" }], "ja")).toEqual([
      "日本",
      "XX",
    ]);
  });

  it("calls a change loosening when it lets someone new see the document", () => {
    const level = (
      classification: "PROJECT" | "GOVERNMENTS" | "NAMED_DELEGATIONS" | "ORGANISATION",
      delegations: string[] = [],
    ) => ({
      classification,
      delegations,
    });
    expect(isLoosening(level("GOVERNMENTS"), level("PROJECT"))).toBe(true);
    expect(isLoosening(level("ORGANISATION"), level("NAMED_DELEGATIONS", ["US"]))).toBe(true);
    expect(isLoosening(level("NAMED_DELEGATIONS", ["US"]), level("GOVERNMENTS"))).toBe(true);
    expect(isLoosening(level("NAMED_DELEGATIONS", ["US"]), level("NAMED_DELEGATIONS", ["JP", "US"]))).toBe(
      true,
    );
    expect(isLoosening(level("NAMED_DELEGATIONS", ["JP", "US"]), level("NAMED_DELEGATIONS", ["US"]))).toBe(
      false,
    );
    expect(isLoosening(level("PROJECT"), level("GOVERNMENTS"))).toBe(false);
    expect(isLoosening(level("GOVERNMENTS"), level("ORGANISATION"))).toBe(false);
  });

  it("checks a file before sending it", () => {
    expect(fileProblem(null, 10)).toBe("fileRequired");
    expect(fileProblem(new File([], "empty.pdf"), 10)).toBe("fileEmpty");
    expect(fileProblem(new File(["x".repeat(11)], "big.pdf"), 10)).toBe("fileTooLarge");
    expect(fileProblem(new File(["x".repeat(10)], "ok.pdf"), 10)).toBeNull();
  });

  it("reads the server's refusal as a person reads it, not an HTML page", () => {
    const response = (status: number, body: string) =>
      Object.assign(new Error("tus: unexpected response"), {
        originalResponse: {
          getStatus: () => status,
          getBody: () => body,
          getHeader: () => undefined,
          getUnderlyingObject: () => null,
        },
        originalRequest: null,
        causingError: null,
      });
    expect(uploadProblemOf(response(415, "This file's content is application/x-msdownload.\n"))).toEqual({
      kind: "refused",
      status: 415,
      message: "This file's content is application/x-msdownload.",
    });
    expect(uploadProblemOf(response(400, "<html>Bad</html>"))).toEqual({
      kind: "refused",
      status: 400,
      message: "HTTP 400",
    });
    expect(uploadProblemOf(response(502, "The Lodestone API is not reachable."))).toEqual({
      kind: "unreachable",
    });
    expect(uploadProblemOf(new Error("network"))).toEqual({ kind: "unreachable" });
  });
});
