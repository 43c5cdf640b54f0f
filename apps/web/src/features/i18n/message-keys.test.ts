import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { findKeyProblems } from "@/test/message-keys";
import en from "../../../messages/en.json";
import ja from "../../../messages/ja.json";

// Fails `pnpm test` when the code uses a message key that en.json or ja.json lacks, including
// keys built from templates over enums, and keys whose values the types cannot vouch for (a
// string from the API cast to a key type showed as "audit.filters.entityTypes.project").

const web = resolve(__dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith(".d.ts")
      ? [path]
      : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(web, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  return { ...parsed!.options, noEmit: true, incremental: false };
}

describe("message keys used in the code", () => {
  it("are all in en.json and ja.json, and each dynamic key lists its values", () => {
    const files = [...sourceFiles(join(web, "src")), join(web, "src/global.d.ts")];
    const problems = findKeyProblems(files, compilerOptions(), { "en.json": en, "ja.json": ja });
    expect(problems.map((p) => `${p.at} ${p.key}: ${p.problem}`)).toEqual([]);
  }, 120_000);
});

describe("the check itself", () => {
  const dir = mkdtempSync(join(tmpdir(), "message-keys-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (code: string, catalogues: Record<string, object>) => {
    const file = join(dir, `case-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(
      file,
      `declare function useTranslations(namespace?: string): ((key: string) => string) & { has(key: string): boolean; rich(key: string): string };
       declare function getTranslations(o?: string | { locale: string; namespace: string }): Promise<(key: string) => string>;
       ${code}`,
    );
    return findKeyProblems(
      [file],
      { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true },
      catalogues as never,
    ).map((p) => `${p.key}: ${p.problem}`);
  };
  const both = (tree: object) => ({ "en.json": tree, "ja.json": tree });

  it("finds a literal key missing from one catalogue", () => {
    expect(
      check(`const t = useTranslations("audit"); t("heading"); t.rich("lead");`, {
        "en.json": { audit: { heading: "Audit", lead: "x" } },
        "ja.json": { audit: { heading: "監査" } },
      }),
    ).toEqual(["audit.lead: missing from ja.json"]);
  });

  it("lists a template key over an enum value by value", () => {
    const code = `type E = "Project" | "Milestone"; declare const e: E;
      const t = useTranslations("audit.filters"); t(\`entityTypes.\${e}\`);`;
    expect(check(code, both({ audit: { filters: { entityTypes: { Project: "P" } } } }))).toEqual([
      "audit.filters.entityTypes.Milestone: missing from en.json",
      "audit.filters.entityTypes.Milestone: missing from ja.json",
    ]);
  });

  it("refuses a key cast from a plain string, unless guarded by has()", () => {
    const code = `type E = "Project"; declare const row: { entityType: string };
      const t = useTranslations("audit");
      t(\`filters.entityTypes.\${row.entityType as E}\`);
      t(row.entityType as never);
      const label = t.has(row.entityType) ? t(row.entityType as E) : row.entityType;`;
    expect(check(code, both({ audit: { filters: { entityTypes: { Project: "P" } } } }))).toEqual([
      expect.stringMatching(/^`filters\.entityTypes\.\$\{row\.entityType as E\}`: a key cast/),
      expect.stringMatching(/^row\.entityType: a key cast/),
    ]);
  });

  it("follows getTranslations with a namespace object, and the root translator", async () => {
    const code = `async function f() {
        const t = await getTranslations({ locale: "en", namespace: "proposal" }); t("newHeading");
        const root = useTranslations(); root("metadata.title");
      }`;
    expect(check(code, both({ proposal: {}, metadata: { title: "x" } }))).toEqual([
      "proposal.newHeading: missing from en.json",
      "proposal.newHeading: missing from ja.json",
    ]);
  });
});
