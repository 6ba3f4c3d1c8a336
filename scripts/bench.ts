/**
 * Benchmark: a ModelFleet of 1,000 and 10,000 models, built and synthesized to YAML with cdk8s
 * (`app.synth()` into a temporary folder), each size in a fresh process so that its peak memory is its own.
 *
 *   npm run bench                 # 1,000 and 10,000 models, multi-model (ModelMesh) and single-model
 *   npm run bench -- 2500         # other sizes
 *
 * Prints, per size and mode: models, InferenceServices written, build time (constructs, validation and
 * rendering), synth time (cdk8s validation and YAML), total, YAML size and the process's peak RSS.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { App, Chart } from "cdk8s";
import { InferenceEngine, KServeTarget, ModelFleet, ModelMeshRuntimes, StorageConfig } from "../src/cdk8s";
import type { FleetModelProps } from "../src/cdk8s";

type Mode = "single" | "multi";

interface Result {
  readonly mode: Mode;
  readonly models: number;
  readonly services: number;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly yamlBytes: number;
  readonly peakRssMiB: number;
}

function fleetApp(outdir: string, size: number, mode: Mode): App {
  const app = new App({ outdir });
  KServeTarget.set(app, { kserveVersion: "0.20", modelMesh: true });
  const chart = new Chart(app, "fleet", { namespace: "models" });
  const engine =
    mode === "multi"
      ? new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver())
      : new InferenceEngine(chart, "sklearn", {
          versions: { "0.15.2": { image: { cpu: "docker.io/kserve/sklearnserver:v0.15.2" } } },
          args: ["--model_name={{model_name}}", "--model_dir={{model_path}}", "--http_port={{port}}"],
          protocol: ["v1", "v2"],
          modelFormats: [{ name: "sklearn", version: "0" }],
        });
  const storage = new StorageConfig(chart, "storage-config", { entries: { models: { type: "s3", bucket: "models" } } });
  const models: FleetModelProps[] = [];
  for (let i = 0; i < size; i++) models.push({ name: `model-${String(i).padStart(5, "0")}`, format: { name: "sklearn", version: "0" }, path: `fleet/model-${i}/model.joblib` });
  new ModelFleet(chart, "fleet", { engine, storage: storage.entry("models"), models });
  return app;
}

function measure(size: number, mode: Mode): Result {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-bench-"));
  try {
    const t0 = performance.now();
    const app = fleetApp(outdir, size, mode);
    const t1 = performance.now();
    app.synth();
    const t2 = performance.now();
    const files = fs.readdirSync(outdir);
    const yaml = files.map((f) => fs.readFileSync(path.join(outdir, f), "utf8")).join("");
    const services = (yaml.match(/^kind: InferenceService$/gm) ?? []).length;
    return { mode, models: size, services, buildMs: t1 - t0, synthMs: t2 - t1, yamlBytes: Buffer.byteLength(yaml), peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function main(): void {
  const child = process.argv.indexOf("--child");
  if (child >= 0) {
    const size = Number(process.argv[child + 1]);
    const mode = process.argv[child + 2] as Mode;
    process.stdout.write(JSON.stringify(measure(size, mode)));
    return;
  }
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const results: Result[] = [];
  for (const size of sizes.length > 0 ? sizes : [1000, 10000]) {
    for (const mode of ["multi", "single"] as const) {
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--child", String(size), mode], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
      results.push(JSON.parse(out) as Result);
    }
  }
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ${os.platform()} ${os.arch()}`);
  console.log("mode    models  isvcs   build     synth     total     YAML       peak RSS");
  for (const r of results) {
    console.log(
      [r.mode.padEnd(6), String(r.models).padStart(7), String(r.services).padStart(7), s(r.buildMs).padStart(8), s(r.synthMs).padStart(8), s(r.buildMs + r.synthMs).padStart(8), `${(r.yamlBytes / 1048576).toFixed(1)} MiB`.padStart(9), `${r.peakRssMiB.toFixed(0)} MiB`.padStart(10)].join("  "),
    );
  }
}

main();
