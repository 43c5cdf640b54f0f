import { ReportProgressInput } from "@lodestone/domain/delivery";
import { ProposalFields } from "@lodestone/domain/proposal";
import { InviteUserInput } from "@lodestone/domain/user";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "../../../messages/en.json";
import ja from "../../../messages/ja.json";
import { ProposalFormSchema } from "../proposals/proposal-values";
import { fieldErrorKey, fieldErrorMessage, fieldLimits } from "./field-errors";

const tEn = createTranslator({ locale: "en", messages: en, namespace: "forms.errors" });
const tJa = createTranslator({ locale: "ja", messages: ja, namespace: "forms.errors" });

describe("fieldLimits", () => {
  it("reads a field's bounds from the domain's schema, through the form's wrappers", () => {
    expect(fieldLimits(ProposalFormSchema, "titleEn")).toEqual({ kind: "text", maximum: 200 });
    expect(fieldLimits(ProposalFormSchema, "site.latitude")).toEqual({
      kind: "number",
      minimum: -90,
      maximum: 90,
    });
    expect(fieldLimits(ProposalFormSchema, "capacityTpy")).toMatchObject({
      minimum: 0,
      maximum: 100_000_000,
    });
    expect(fieldLimits(InviteUserInput, "name")).toEqual({ kind: "text", minimum: 1, maximum: 120 });
    expect(fieldLimits(ReportProgressInput, "note")).toEqual({ kind: "text", maximum: 5_000 });
    expect(fieldLimits(ProposalFormSchema, "nowhere")).toEqual({ kind: null });
  });

  it("follows a changed limit", () => {
    const Longer = ProposalFields.extend({ titleEn: z.string().trim().max(321) });
    expect(fieldLimits(Longer, "titleEn").maximum).toBe(321);
  });
});

describe("fieldErrorMessage", () => {
  it("words too long text with the domain's limit, in English and Japanese", () => {
    const error = { type: "too_big" };
    const limits = fieldLimits(ProposalFormSchema, "summaryJa");
    expect(fieldErrorMessage(tEn, "summaryJa", error, limits)).toBe("Use at most 2,000 characters.");
    expect(fieldErrorMessage(tJa, "summaryJa", error, limits)).toBe("2,000文字以内で入力してください。");
    const changed = fieldLimits(z.object({ summaryJa: z.string().max(1_500) }), "summaryJa");
    expect(fieldErrorMessage(tEn, "summaryJa", error, changed)).toBe("Use at most 1,500 characters.");
    expect(fieldErrorMessage(tJa, "summaryJa", error, changed)).toBe("1,500文字以内で入力してください。");
  });

  it("words a range with both of the schema's bounds", () => {
    const limits = fieldLimits(ReportProgressInput, "progress");
    expect(fieldErrorMessage(tEn, "progress", { type: "too_big" }, limits)).toBe(
      "Enter a whole number from 0 to 100.",
    );
    expect(fieldErrorMessage(tJa, "progress", { type: "invalid_type" }, limits)).toBe(
      "0〜100の整数を入力してください。",
    );
    const lat = fieldLimits(ProposalFormSchema, "site.latitude");
    expect(fieldErrorMessage(tEn, "site.latitude", { type: "too_small" }, lat)).toBe(
      "Enter a latitude between -90 and 90, or leave it empty.",
    );
  });

  it("words a quorum with the bounds the form reads from the domain", () => {
    const keys = { quorum: "quorumRange" } as const;
    const percent = { kind: "number", minimum: 0, maximum: 100 } as const;
    expect(fieldErrorMessage(tEn, "quorum", { type: "too_small" }, percent, keys)).toBe(
      "Enter a quorum above 0 and at most 100 percent.",
    );
    expect(fieldErrorMessage(tJa, "quorum", { type: "too_big" }, percent, keys)).toBe(
      "定足数は0より大きく100以下の割合で入力してください。",
    );
    const changed = { kind: "number", minimum: 10, maximum: 90 } as const;
    expect(fieldErrorMessage(tEn, "quorum", { type: "too_big" }, changed, keys)).toBe(
      "Enter a quorum above 10 and at most 90 percent.",
    );
  });

  it("chooses a form's key by the kind of error where it gives one per kind", () => {
    const keys = {
      requiredDelegations: { too_small: "requiredAtLeastOne", other: "requiredCounted" },
    } as const;
    const list = { kind: "list" } as const;
    expect(fieldErrorKey("requiredDelegations", { type: "too_small" }, list, keys)).toBe(
      "requiredAtLeastOne",
    );
    expect(
      fieldErrorKey(
        "requiredDelegations",
        { type: "custom", message: "Every required delegation must also be counted." },
        list,
        keys,
      ),
    ).toBe("requiredCounted");
    expect(fieldErrorKey("requiredDelegations", {}, list, keys)).toBe("requiredCounted");
  });

  it("chooses by field and kind, never by the schema's English text", () => {
    expect(fieldErrorKey("email", { type: "taken" })).toBe("emailTaken");
    expect(fieldErrorKey("email", { type: "invalid_format", message: "Invalid email" })).toBe("emailInvalid");
    expect(fieldErrorKey("name", { type: "too_small", message: "Enter a name." })).toBe("nameRequired");
    expect(
      fieldErrorKey("reason", { type: "too_small" }, { kind: "text" }, { reason: "replanReasonRequired" }),
    ).toBe("replanReasonRequired");
    expect(fieldErrorKey("somethingElse", { type: "custom" })).toBe("invalid");
    // A form's own rule names its message.
    expect(fieldErrorKey("evidence", { type: "custom", message: "evidenceRequired" })).toBe(
      "evidenceRequired",
    );
    expect(fieldErrorMessage(tEn, "name", undefined)).toBeNull();
  });
});
