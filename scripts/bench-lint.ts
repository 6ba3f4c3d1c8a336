/**
 * Benchmark: `lint` on N InferenceServices against the library's own synth of the same N.
 *
 *   npm run bench:lint            # 10,000 InferenceServices
 *   npm run bench:lint -- 2000    # another size
 *
 * Step 1 (a fresh process): build and synthesize a single-model fleet of N models with cdk8s into a
 * temporary folder (the same fleet as scripts/bench.ts), timed from the first construct to the written
 * YAML. Step 2 (another fresh process): `lint` that folder as the command does (read, parse, strict
 * schema validation, every manifest rule, text output), timed. The goal: lint at most twice the synth.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";

interface Timing {
  readonly ms: number;
  readonly services: number;
  readonly peakRssMiB: number;
  readonly problems?: number;
}

function synth(size: number, outdir: string): Timing {
  // loaded here so the lint child does not pay for cdk8s
  const { App, Chart } = require("cdk8s") as typeof import("cdk8s");
  const k = require("../src/cdk8s") as typeof import("../src/cdk8s");
  const t0 = performance.now();
  const app = new App({ outdir });
  k.KServeTarget.set(app, { kserveVersion: "0.20" });
  const chart = new Chart(app, "fleet", { namespace: "models" });
  const engine = new k.InferenceEngine(chart, "sklearn", {
    versions: { "0.15.2": { image: { cpu: "docker.io/kserve/sklearnserver:v0.15.2" } } },
    args: ["--model_name={{model_name}}", "--model_dir={{model_path}}", "--http_port={{port}}"],
    protocol: ["v1", "v2"],
    modelFormats: [{ name: "sklearn", version: "0" }],
  });
  const storage = new k.StorageConfig(chart, "storage-config", { entries: { models: { type: "s3", bucket: "models" } } });
  const models = [];
  for (let i = 0; i < size; i++) models.push({ name: `model-${String(i).padStart(5, "0")}`, format: { name: "sklearn", version: "0" }, path: `fleet/model-${i}/model.joblib` });
  new k.ModelFleet(chart, "fleet", { engine, storage: storage.entry("models"), models });
  app.synth();
  const ms = performance.now() - t0;
  const yaml = fs.readdirSync(outdir).map((f) => fs.readFileSync(path.join(outdir, f), "utf8")).join("");
  return { ms, services: (yaml.match(/^kind: InferenceService$/gm) ?? []).length, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function lintFolder(dir: string): Timing {
  const { formatText, lint, readSources } = require("../src/lint") as typeof import("../src/lint");
  const t0 = performance.now();
  const report = lint(readSources([dir]), { target: "0.20" });
  const text = formatText(report);
  const ms = performance.now() - t0;
  if (text.length === 0) throw new Error("no output");
  return { ms, services: report.checked, peakRssMiB: process.resourceUsage().maxRSS / 1024, problems: report.problems.length };
}

function child(args: string[]): Timing {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, ...args], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as Timing;
}

function main(): void {
  const at = process.argv.indexOf("--child");
  if (at >= 0) {
    const [what, a, b] = process.argv.slice(at + 1);
    process.stdout.write(JSON.stringify(what === "synth" ? synth(Number(a), b as string) : lintFolder(a as string)));
    return;
  }
  const size = Number(process.argv[2] ?? 10000);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-bench-lint-"));
  try {
    const s = child(["--child", "synth", String(size), outdir]);
    const l = child(["--child", "lint", outdir]);
    const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores)`);
    console.log(`synth: ${s.services} InferenceServices in ${sec(s.ms)} (peak RSS ${s.peakRssMiB.toFixed(0)} MiB)`);
    console.log(`lint:  ${l.services} objects checked in ${sec(l.ms)}, ${l.problems ?? 0} problems (peak RSS ${l.peakRssMiB.toFixed(0)} MiB)`);
    console.log(`lint / synth = ${(l.ms / s.ms).toFixed(2)} (goal: at most 2)`);
    if (l.ms > 2 * s.ms) process.exitCode = 1;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
