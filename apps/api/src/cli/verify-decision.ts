// pnpm verify:decision FILE [--fingerprint HEX] — checks an exported decision record with no
// database and no server: the record's SHA-256, its Ed25519 signature, that it was signed by the
// expected key (when a fingerprint is given), and its arithmetic (the tallies from the listed
// votes and electorate under the listed rule, and the outcome). Exits 0 when all of it holds,
// 1 with each problem named when it does not, 2 when the file cannot be read as an export.
import { readFileSync } from "node:fs";
import { checkExport, describeProblem } from "../modules/review/decision-export.js";

function main(argv: string[]): number {
  const args = [...argv];
  let expected: string | undefined;
  const at = args.indexOf("--fingerprint");
  if (at >= 0) {
    expected = args[at + 1]?.toLowerCase();
    args.splice(at, 2);
    if (!expected || !/^[0-9a-f]{64}$/.test(expected)) {
      console.error(
        "--fingerprint takes the 64 hexadecimal digits of the signing key's SHA-256 fingerprint.",
      );
      return 2;
    }
  }
  const [file] = args;
  if (!file) {
    console.error("Usage: pnpm verify:decision FILE [--fingerprint HEX]");
    return 2;
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`Cannot read ${file} as JSON: ${(error as Error).message}`);
    return 2;
  }
  const { problems, fingerprint } = checkExport(value, expected);
  if (problems.length > 0) {
    console.log(`NOT VERIFIED: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${file}:`);
    for (const p of problems) console.log(`  - ${describeProblem(p)}`);
    return 1;
  }
  console.log(`VERIFIED: ${file}`);
  console.log(
    "  The record's SHA-256 and Ed25519 signature hold, and its tallies and outcome follow from its votes.",
  );
  console.log(
    expected
      ? `  It was signed by the expected key ${fingerprint}.`
      : `  Signed by key ${fingerprint}: compare it with the fingerprint the deployment publishes (or pass --fingerprint).`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
