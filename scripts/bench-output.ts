/**
 * Benchmark of the output step: `writeOutput` of N manifest files, flushed one file after another (the
 * former way), in one concurrent batch (the default), and not at all (`durable: false`, `--no-fsync`).
 *
 *   npx tsx scripts/bench-output.ts                         # 1,000 files, 5 rounds, in the system temp folder
 *   npx tsx scripts/bench-output.ts --files 2000 --rounds 7 --dir /path/on/the/disk/to/measure
 *
 * Then the flush alone: the same files flushed one after another and in one batch.
 *
 * The rounds interleave the modes (round 1 of each, then round 2, ...), so a machine that slows down
 * for a while slows all of them alike; the median and the range of the rounds are printed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { parseArgs } from "util";
import { nodeFs, writeOutput } from "../src/output";
import type { OutputFs, OutputOptions } from "../src/output";

const { values } = parseArgs({ options: { files: { type: "string", default: "1000" }, rounds: { type: "string", default: "5" }, dir: { type: "string" } } });
const files = Number(values.files);
const rounds = Number(values.rounds);
const base = fs.mkdtempSync(path.join(values.dir ?? os.tmpdir(), "kc-bench-output-"));

/** The file system of the former output step: each file flushed on its own, one after another. */
const oneByOne: OutputFs = { ...nodeFs, syncFiles: undefined };

const MODES: Readonly<Record<string, OutputOptions>> = {
  "one by one (before)": { fs: oneByOne },
  "batch (default)": {},
  "no flush (durable: false)": { durable: false },
};

const body = `apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: model\n${"  # padding to a typical manifest size\n".repeat(40)}`;
const times = new Map<string, number[]>(Object.keys(MODES).map((m) => [m, []]));
for (let round = 0; round < rounds; round++) {
  for (const [mode, options] of Object.entries(MODES)) {
    const out = path.join(base, `out-${round}-${mode.replace(/\W+/g, "-")}`);
    const start = performance.now();
    writeOutput(out, (staging) => {
      for (let i = 0; i < files; i++) fs.writeFileSync(path.join(staging, `model-${String(i).padStart(5, "0")}.k8s.yaml`), body);
    }, { ...options, waitMs: 0 });
    times.get(mode)?.push(performance.now() - start);
    fs.rmSync(out, { recursive: true, force: true });
  }
}
fs.rmSync(base, { recursive: true, force: true });

// the flush alone: the same files flushed one after another, then in one batch
const flush = new Map<string, number[]>([["one by one (before)", []], ["batch (default)", []]]);
for (let round = 0; round < rounds; round++) {
  for (const mode of flush.keys()) {
    const dir = fs.mkdtempSync(path.join(values.dir ?? os.tmpdir(), "kc-bench-flush-"));
    const paths = Array.from({ length: files }, (_, i) => path.join(dir, `model-${String(i).padStart(5, "0")}.k8s.yaml`));
    for (const p of paths) fs.writeFileSync(p, body);
    const start = performance.now();
    if (mode === "batch (default)") nodeFs.syncFiles?.(paths);
    else for (const p of paths) nodeFs.syncFile(p);
    flush.get(mode)?.push(performance.now() - start);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(`writeOutput of ${files} files (${body.length} bytes each), ${rounds} rounds, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
for (const [mode, xs] of times) console.log(`  ${mode.padEnd(28)} median ${Math.round(median(xs)).toString().padStart(6)} ms   range ${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))} ms`);
console.log(`flushing the ${files} files alone`);
for (const [mode, xs] of flush) console.log(`  ${mode.padEnd(28)} median ${Math.round(median(xs)).toString().padStart(6)} ms   range ${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))} ms`);
