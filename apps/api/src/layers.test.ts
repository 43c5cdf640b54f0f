// The layer rule that services see repositories, not Prisma, is lint's to enforce: this checks that
// lint really refuses a service that queries through Prisma, however the client reaches it.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const dir = fileURLToPath(
  new URL(`./modules/lint-probe-${randomBytes(4).toString("hex")}/`, import.meta.url),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(source: string) {
  mkdirSync(dir, { recursive: true });
  const file = `${dir}service.ts`;
  writeFileSync(file, source);
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return result!.messages.filter((m) => m.ruleId === "lodestone/no-prisma-outside-db").map((m) => m.line);
}

describe("lint keeps Prisma inside packages/db", () => {
  it("refuses a model query, a raw query and a transaction through the context, a Tx handed down, or a renamed client", async () => {
    const lines = await lint(
      [
        'import { inTransaction, type Tx } from "@lodestone/db/client";',
        'import type { SignedInContext } from "../../context.js";',
        "export async function probe(ctx: SignedInContext, handed: Tx) {",
        "  await ctx.db.prisma.project.findMany({ select: { id: true } });",
        "  await ctx.db.prisma.$queryRaw`SELECT 1`;",
        "  await handed.milestone.count();",
        "  const renamed = ctx.db.prisma;",
        "  await renamed.auditEvent.findFirst({ select: { id: true } });",
        "  await inTransaction(ctx.db, (tx) => tx.comment.count());",
        "}",
      ].join("\n"),
    );
    expect(lines).toEqual([4, 5, 6, 8, 9]);
  }, 120_000);

  it("lets a service pass the client and its transactions to repositories", async () => {
    const lines = await lint(
      [
        'import { inTransaction } from "@lodestone/db/client";',
        'import { recordEvent } from "@lodestone/db/repositories/events";',
        'import { listProjects } from "@lodestone/db/repositories/project";',
        'import type { SignedInContext } from "../../context.js";',
        "export async function probe(ctx: SignedInContext) {",
        '  await listProjects(ctx.db.prisma, { kind: "submitted" }, { sort: "updated", limit: 1 });',
        "  await inTransaction(ctx.db, (tx) =>",
        '    recordEvent(tx, { type: "user.invited", actorId: null, requestId: null, subject: { type: "User", id: "x" }, projectId: null, data: {} }),',
        "  );",
        "}",
      ].join("\n"),
    );
    expect(lines).toEqual([]);
  }, 120_000);
});
