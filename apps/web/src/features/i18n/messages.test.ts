import {
  COMMODITIES,
  LOCALES,
  PROJECT_STATUSES,
  SUPPLY_CHAIN_STAGES,
  TRANSLATION_STATUSES,
} from "@lodestone/domain/enums";
import {
  DATE_CHANGE_REASONS,
  DATE_CHANGE_STATES,
  EVIDENCE_KINDS,
  FACILITY_STATES,
  FINANCIER_KINDS,
  FUNDING_BUCKETS,
  GATE_KINDS,
  GATE_STATES,
  INSTRUMENTS,
  JURISDICTIONS,
  LEDGER_ENTRY_KINDS,
  PAUSE_REASONS,
  PERMIT_INSTRUMENTS,
  PERMIT_OUTCOMES,
  PERMIT_STATUSES,
} from "@lodestone/domain/vocabulary";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import ja from "../../../messages/ja.json";
import { SUPPORTED_LOCALES } from "./config";

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → message. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU argument names a message uses ({name}, {count, plural, …}). */
function argumentsOf(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:[,}])/g)].map((m) => m[1] ?? "")),
  ].sort();
}

const catalogs = { en: flatten(en as Tree), ja: flatten(ja as Tree) };

describe("messages", () => {
  it("en.json and ja.json have exactly the same keys", () => {
    const enKeys = [...catalogs.en.keys()];
    const jaKeys = [...catalogs.ja.keys()];
    expect(
      enKeys.filter((k) => !catalogs.ja.has(k)),
      "keys missing from ja.json",
    ).toEqual([]);
    expect(
      jaKeys.filter((k) => !catalogs.en.has(k)),
      "keys missing from en.json",
    ).toEqual([]);
  });

  it("has no empty message", () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const empty = [...catalog].filter(([, v]) => v.trim() === "").map(([k]) => `${locale}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...catalogs.en]
      .filter(([key, message]) => {
        const other = catalogs.ja.get(key);
        return other !== undefined && argumentsOf(message).join() !== argumentsOf(other).join();
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("the Japanese catalog is really Japanese where it should be", () => {
    expect(ja.projects.heading).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.projects.empty.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it.each([
    ["projectStatus", PROJECT_STATUSES],
    ["commodity", COMMODITIES],
    ["stage", SUPPLY_CHAIN_STAGES],
    ["translationStatus", TRANSLATION_STATUSES],
    ["gateKind", GATE_KINDS],
    ["gateState", GATE_STATES],
    ["evidenceKind", EVIDENCE_KINDS],
    ["financierKind", FINANCIER_KINDS],
    ["instrument", INSTRUMENTS],
    ["fundingBucket", FUNDING_BUCKETS],
    ["ledgerEntryKind", LEDGER_ENTRY_KINDS],
    ["facilityState", FACILITY_STATES],
    ["jurisdiction", JURISDICTIONS],
    ["permitInstrument", PERMIT_INSTRUMENTS],
    ["permitStatus", PERMIT_STATUSES],
    ["permitOutcome", PERMIT_OUTCOMES],
    ["dateChangeReason", DATE_CHANGE_REASONS],
    ["dateChangeState", DATE_CHANGE_STATES],
    ["pauseReason", PAUSE_REASONS],
  ] as const)("labels every %s value in both languages, and nothing else", (group, values) => {
    for (const catalog of [en, ja]) {
      expect(Object.keys(catalog.enums[group]).sort()).toEqual([...values].sort());
    }
  });

  it("supports exactly the domain's locales", () => {
    expect([...SUPPORTED_LOCALES]).toEqual([...LOCALES]);
    expect(Object.keys(en.locales).sort()).toEqual([...LOCALES].sort());
  });
});
