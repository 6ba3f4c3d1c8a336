/**
 * Benchmark: how much the library adds to a consumer's type-check. Two projects made like `cdk8s init
 * typescript-app` (its tsconfig: node10 resolution, `skipLibCheck` unset so false): a bare cdk8s app (the
 * template's main.ts) and the README's worked example using the packed library. Each is type-checked
 * with `tsc --noEmit --extendedDiagnostics` several times; the medians and their ratio are printed.
 *
 *   npm run build && npm run bench:types          # 5 runs each
 *   npm run bench:types -- 9                      # other run counts
 *
 * Goal: the worked example within 1.5 times the bare app (`--assert` exits 1 otherwise).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createConsumer, packLibrary, readmeBlock, ROOT, typecheck } from "./consumers";

const BARE_APP = fs
  .readFileSync(path.join(ROOT, "node_modules", "cdk8s-cli", "templates", "typescript-app", "main.ts"), "utf8")
  .replace("{{ $base }}", "bare");

interface Sample {
  readonly totalMs: number;
  readonly checkMs: number;
  readonly files: number;
}

function measure(dir: string): Sample {
  const out = typecheck(dir, ["--noEmit", "--extendedDiagnostics"]);
  const seconds = (label: string): number => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)s`, "m").exec(out);
    if (m === null) throw new Error(`tsc printed no "${label}":\n${out}`);
    return Number(m[1]) * 1000;
  };
  const files = /^Files:\s+(\d+)/m.exec(out);
  return { totalMs: seconds("Total time"), checkMs: seconds("Check time"), files: Number(files?.[1] ?? 0) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function main(): void {
  const args = process.argv.slice(2);
  const assert = args.includes("--assert");
  const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kc-bench-types-"));
  try {
    const tarball = packLibrary(tmp);
    const bare = createConsumer("cdk8s", { dir: path.join(tmp, "bare"), tarball: undefined, files: { "main.ts": BARE_APP } });
    const worked = createConsumer("cdk8s", { dir: path.join(tmp, "worked"), tarball, files: { "main.ts": readmeBlock("## Worked example (cdk8s)", "ts") } });
    measure(bare); // warm the file cache once
    const samples = { bare: [] as Sample[], worked: [] as Sample[] };
    for (let i = 0; i < runs; i++) {
      samples.bare.push(measure(bare));
      samples.worked.push(measure(worked));
    }
    const row = (name: string, s: readonly Sample[]): { name: string; files: number; totalMs: number; checkMs: number } => ({
      name,
      files: s[0]?.files ?? 0,
      totalMs: Math.round(median(s.map((x) => x.totalMs))),
      checkMs: Math.round(median(s.map((x) => x.checkMs))),
    });
    const rows = [row("bare cdk8s app", samples.bare), row("README worked example", samples.worked)];
    const ratio = (rows[1]?.totalMs ?? 0) / (rows[0]?.totalMs ?? 1);
    console.log(`tsc --noEmit, skipLibCheck false, cdk8s init typescript-app tsconfig, median of ${runs} runs`);
    for (const r of rows) console.log(`  ${r.name.padEnd(24)} files ${String(r.files).padStart(4)}  total ${String(r.totalMs).padStart(6)} ms  check ${String(r.checkMs).padStart(6)} ms`);
    console.log(`  ratio (total): ${ratio.toFixed(2)}x (goal <= 1.5x)`);
    if (assert && ratio > 1.5) process.exitCode = 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
