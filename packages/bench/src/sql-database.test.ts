import { createPglite } from "@lodestone/db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrayLiteral, pgliteDatabase, toPgliteParams, type SqlDatabase } from "./sql-database.js";

describe("arrayLiteral", () => {
  it("quotes elements and escapes quotes and backslashes, as pg does", () => {
    expect(arrayLiteral(["IN_REVIEW", "APPROVED"])).toBe('{"IN_REVIEW","APPROVED"}');
    expect(arrayLiteral(['a "b"', "c\\d"])).toBe('{"a \\"b\\"","c\\\\d"}');
    expect(arrayLiteral([1, null, undefined])).toBe('{"1",NULL,NULL}');
    expect(arrayLiteral([])).toBe("{}");
  });
  it("nests arrays and writes dates as ISO text", () => {
    expect(arrayLiteral([[1, 2], [3]])).toBe('{{"1","2"},{"3"}}');
    expect(arrayLiteral([new Date("2026-01-02T03:04:05Z")])).toBe('{"2026-01-02T03:04:05.000Z"}');
  });
  it("is applied to array parameters only", () => {
    const at = new Date(0);
    expect(toPgliteParams([["A"], "x", 1, null, at])).toEqual(['{"A"}', "x", 1, null, at]);
  });
});

describe("pgliteDatabase", () => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = pgliteDatabase(createPglite());
    await db.query(
      `CREATE TYPE "Colour" AS ENUM ('RED', 'GREEN'); CREATE TABLE t (id int PRIMARY KEY, c "Colour")`,
    );
  });
  afterAll(() => db.close());

  it("runs several statements without values and counts the rows written", async () => {
    const r = await db.query(
      `INSERT INTO t VALUES (1, 'RED'), (2, 'GREEN'); INSERT INTO t VALUES (3, 'RED')`,
    );
    expect(r.rowCount).toBe(3);
  });
  it("binds arrays of an enum, and returns bigint as a string like pg", async () => {
    const { rows } = await db.query<{ n: string; i: number }>(
      `SELECT count(*) AS n, count(*)::int AS i FROM t WHERE c = ANY($1::"Colour"[])`,
      [["RED"]],
    );
    expect(rows).toEqual([{ n: "2", i: 2 }]);
  });
  it("commits a transaction that resolves and rolls back one that throws", async () => {
    await db.transaction((tx) => tx.query(`INSERT INTO t VALUES ($1, 'RED')`, [4]));
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO t VALUES ($1, 'RED')`, [5]);
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    const { rows } = await db.query<{ id: number }>(`SELECT id FROM t WHERE id >= $1 ORDER BY id`, [4]);
    expect(rows.map((r) => r.id)).toEqual([4]);
  });
});
