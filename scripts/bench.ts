/**
 * Benchmark: the library against the floors it is built on, at several sizes, with interleaved rounds.
 *
 *   npm run bench                                  # 1,000, 10,000 and 50,000; 3 rounds
 *   npm run bench -- --sizes 1000,10000 --rounds 5
 *   npm run bench -- --only isvc,raw               # some scenarios only
 *   npm run bench -- --json                        # the raw measurements as JSON
 *
 * Every measurement runs in a fresh process, timed after its modules are loaded (so its peak memory is its own and no heap carries over),
 * and the rounds interleave the scenarios (round 1 of every scenario and size, then round 2, ...), so a
 * machine that slows down for a while slows all of them alike. The median of the rounds is reported.
 *
 * Scenarios, each building N models and writing them as YAML:
 * - `plain`: N plain InferenceService objects serialized with the YAML library cdk8s uses (the floor of any
 *   YAML output);
 * - `raw`: N raw cdk8s ApiObjects in one chart, `app.synth()` (the cdk8s floor);
 * - `isvc`: N InferenceService constructs (one constructor call each, one shared engine and storage), `app.synth()`;
 * - `fleet`: one ModelFleet of N models, `app.synth()`;
 * - `raw-charts` / `isvc-charts`: the same as raw / isvc over N/10 charts (cdk8s re-validates the app per chart);
 * - `pulumi-bare`: N bare ComponentResources with one CustomResource each, under Pulumi's mocks (the Pulumi floor);
 * - `pulumi`: N InferenceService components under the same mocks.
 *
 * Printed: median time, peak RSS, the ratio to the scenario's floor (time and memory), and growth (time at
 * this size over time at the previous size, divided by the size ratio: 1.0 is linear).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";

type Scenario = "plain" | "raw" | "isvc" | "fleet" | "raw-charts" | "isvc-charts" | "pulumi-bare" | "pulumi";

const SCENARIOS: readonly Scenario[] = ["plain", "raw", "isvc", "fleet", "raw-charts", "isvc-charts", "pulumi-bare", "pulumi"];

/** The floor each scenario is compared with. */
const FLOOR: Readonly<Record<Scenario, Scenario | undefined>> = {
  plain: undefined,
  raw: "plain",
  isvc: "raw",
  fleet: "raw",
  "raw-charts": undefined,
  "isvc-charts": "raw-charts",
  "pulumi-bare": undefined,
  pulumi: "pulumi-bare",
};

interface Measurement {
  readonly scenario: Scenario;
  readonly size: number;
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly objects: number;
}

const NAMESPACE = "models";

function modelName(i: number): string {
  return `model-${String(i).padStart(5, "0")}`;
}

/**
 * The InferenceService the library writes for model i in the `isvc`, `fleet` and `pulumi` scenarios, and
 * the document of the floors: every floor serializes exactly the objects the library writes (checked by
 * {@link checkFloorDocuments} before the rounds), so a ratio compares the same output.
 */
function plainService(i: number): Record<string, unknown> {
  const name = modelName(i);
  return {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: {
      annotations: { "serving.kserve.io/deploymentMode": "Standard" },
      labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "networking.kserve.io/visibility": "cluster-local" },
      name,
      namespace: NAMESPACE,
    },
    spec: {
      predictor: {
        minReplicas: 1,
        model: {
          modelFormat: { name: "sklearn", version: "0" },
          protocolVersion: "v1",
          runtime: "sklearn",
          storageUri: `s3://models/fleet/${name}/model.joblib`,
        },
        serviceAccountName: "models-sa",
      },
    },
  };
}

/** The one engine every library scenario serves its models with (cdk8s and Pulumi alike). */
const ENGINE = {
  versions: { "1.0.0": { image: { cpu: "docker.io/kserve/sklearnserver:v0.15.2" } } },
  args: ["--model_dir={{model_path}}", "--http_port={{port}}"],
  protocol: ["v1", "v2"],
  modelFormats: [{ name: "sklearn", version: "0" }],
} as const;

/** The storage every library scenario reads its models from. */
const STORAGE = { bucket: "models", credentials: { secretName: "s3-credentials" }, annotateSecret: false } as const;

const FORMAT = { name: "sklearn", version: "0" } as const;

function modelPath(i: number): string {
  return `fleet/${modelName(i)}/model.joblib`;
}

type Cdk8sApp = InstanceType<typeof import("cdk8s").App>;
type Cdk8sChart = InstanceType<typeof import("cdk8s").Chart>;

/**
 * Adds the library's models `indices` to `app`: one shared engine and storage in the first chart, then
 * one InferenceService per model (spread over `charts` in turn), or one ModelFleet of them all.
 */
function addLibraryModels(app: Cdk8sApp, charts: readonly Cdk8sChart[], shape: "isvc" | "fleet", indices: readonly number[]): void {
  const lib = require("../src/cdk8s") as typeof import("../src/cdk8s");
  lib.KServeTarget.set(app, { kserveVersion: "0.20" });
  const first = charts[0] as Cdk8sChart;
  const engine = new lib.InferenceEngine(first, "sklearn", ENGINE);
  const storage = lib.ModelStorage.s3(first, "models", STORAGE);
  if (shape === "fleet") {
    const models = indices.map((i) => ({ name: modelName(i), format: FORMAT, path: modelPath(i) }));
    new lib.ModelFleet(first, "fleet", { engine, storage, models, defaults: { deploymentMode: "Standard" } });
    return;
  }
  indices.forEach((i, k) => {
    new lib.InferenceService(charts[k % charts.length] as Cdk8sChart, modelName(i), { engine, model: storage.path(modelPath(i)), modelFormat: FORMAT, deploymentMode: "Standard" });
  });
}

/**
 * Throws unless the InferenceServices the library writes for a few models, as individual constructs and
 * as a fleet, are exactly {@link plainService}'s documents (else the floors would measure other output).
 */
function checkFloorDocuments(): void {
  const { App, Chart } = require("cdk8s") as typeof import("cdk8s");
  const sample = [0, 7, 4321];
  for (const shape of ["isvc", "fleet"] as const) {
    const app = new App({ outdir: outdir() });
    const chart = new Chart(app, "fleet", { namespace: NAMESPACE });
    addLibraryModels(app, [chart], shape, sample);
    const written = JSON.stringify(chart.toJson().filter((doc: { kind?: string }) => doc.kind === "InferenceService"));
    const floor = JSON.stringify(sample.map(plainService));
    if (written !== floor) throw new Error(`the floor's documents differ from what the library writes (${shape}):\n  library: ${written}\n  floor:   ${floor}`);
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

function outdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "kc-bench-"));
}

function countObjects(dir: string): number {
  let count = 0;
  for (const file of fs.readdirSync(dir)) count += (fs.readFileSync(path.join(dir, file), "utf8").match(/^kind: /gm) ?? []).length;
  return count;
}

async function run(scenario: Scenario, size: number): Promise<number> {
  switch (scenario) {
    case "plain": {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Yaml } = require("cdk8s") as typeof import("cdk8s");
      const dir = outdir();
      const docs: Record<string, unknown>[] = [];
      for (let i = 0; i < size; i++) docs.push(plainService(i));
      Yaml.save(path.join(dir, "plain.k8s.yaml"), docs);
      const n = countObjects(dir);
      fs.rmSync(dir, { recursive: true, force: true });
      return n;
    }
    case "raw":
    case "raw-charts":
    case "isvc":
    case "isvc-charts":
    case "fleet": {
      const { App, ApiObject, Chart } = require("cdk8s") as typeof import("cdk8s");
      const dir = outdir();
      const app = new App({ outdir: dir });
      const charts = scenario.endsWith("-charts") ? Math.max(1, Math.floor(size / 10)) : 1;
      const chartList = Array.from({ length: charts }, (_, c) => new Chart(app, charts === 1 ? "fleet" : `chart-${String(c).padStart(4, "0")}`, { namespace: NAMESPACE }));
      if (scenario.startsWith("raw")) {
        for (let i = 0; i < size; i++) {
          const chart = chartList[i % charts] as InstanceType<typeof Chart>;
          const { apiVersion, kind, metadata, ...rest } = plainService(i) as { apiVersion: string; kind: string; metadata: { name: string; namespace: string } };
          new ApiObject(chart, modelName(i), { apiVersion, kind, metadata, ...rest });
        }
      } else {
        // the library is loaded by preload (the raw floors never load it)
        addLibraryModels(app, chartList, scenario === "fleet" ? "fleet" : "isvc", Array.from({ length: size }, (_, i) => i));
      }
      app.synth();
      const n = countObjects(dir);
      fs.rmSync(dir, { recursive: true, force: true });
      return n;
    }
    case "pulumi":
    case "pulumi-bare": {
      const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
      let registered = 0;
      await pulumi.runtime.setMocks(
        {
          newResource: (args) => {
            if (args.type.startsWith("kubernetes:")) registered++;
            return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
          },
          call: (args) => args.inputs as Record<string, unknown>,
        },
        "bench",
        "bench",
        false,
      );
      const k8s = require("@pulumi/kubernetes") as typeof import("@pulumi/kubernetes");
      if (scenario === "pulumi-bare") {
        class Bare extends pulumi.ComponentResource {
          constructor(name: string, body: Record<string, unknown>) {
            super("bench:index:Bare", name, {}, {});
            const { apiVersion, kind, metadata, ...rest } = body as { apiVersion: string; kind: string; metadata: Record<string, unknown> };
            new k8s.apiextensions.CustomResource(name, { apiVersion, kind, metadata, ...rest }, { parent: this });
            this.registerOutputs({});
          }
        }
        for (let i = 0; i < size; i++) new Bare(modelName(i), plainService(i));
      } else {
        const lib = require("../src/pulumi") as typeof import("../src/pulumi");
        lib.KServeTarget.setDefault({ kserveVersion: "0.20" });
        const engine = new lib.InferenceEngine("sklearn", { namespace: NAMESPACE, ...ENGINE });
        const storage = lib.ModelStorage.s3("models", { namespace: NAMESPACE, ...STORAGE });
        for (let i = 0; i < size; i++) {
          new lib.InferenceService(modelName(i), { namespace: NAMESPACE, engine, model: storage.path(modelPath(i)), modelFormat: FORMAT, deploymentMode: "Standard" });
        }
      }
      await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
      return registered;
    }
  }
}

/** Loads the modules a scenario uses, so that module loading is not measured. */
function preload(scenario: Scenario): void {
  require("cdk8s");
  if (scenario.startsWith("isvc") || scenario === "fleet") require("../src/cdk8s");
  if (scenario.startsWith("pulumi")) {
    require("@pulumi/pulumi");
    require("@pulumi/kubernetes");
    if (scenario === "pulumi") require("../src/pulumi");
  }
}

async function child(scenario: Scenario, size: number): Promise<void> {
  preload(scenario);
  const t0 = performance.now();
  const objects = await run(scenario, size);
  const ms = performance.now() - t0;
  const m: Measurement = { scenario, size, ms, peakRssMiB: process.resourceUsage().maxRSS / 1024, objects };
  process.stdout.write(`\n@@${JSON.stringify(m)}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    void child(process.argv[childAt + 1] as Scenario, Number(process.argv[childAt + 2]));
    return;
  }
  const sizes = (option("sizes") ?? "1000,10000,50000").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const rounds = Number(option("rounds") ?? "3");
  const only = option("only")?.split(",") as Scenario[] | undefined;
  const scenarios = SCENARIOS.filter((s) => only === undefined || only.includes(s));
  checkFloorDocuments();
  const results: Measurement[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const size of sizes) {
      for (const scenario of scenarios) {
        const out = execFileSync(process.execPath, [...process.execArgv, "--max-old-space-size=8192", __filename, "--child", scenario, String(size)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
        const line = out.split("\n").find((l) => l.startsWith("@@"));
        if (line === undefined) throw new Error(`no measurement from ${scenario} ${size}: ${out.slice(0, 500)}`);
        const m = JSON.parse(line.slice(2)) as Measurement;
        results.push(m);
        process.stderr.write(`round ${round} ${scenario} ${size}: ${(m.ms / 1000).toFixed(2)} s, ${m.peakRssMiB.toFixed(0)} MiB\n`);
      }
    }
  }
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const stat = (scenario: Scenario, size: number): { ms: number; rss: number; objects: number } | undefined => {
    const ms = results.filter((r) => r.scenario === scenario && r.size === size);
    if (ms.length === 0) return undefined;
    return { ms: median(ms.map((m) => m.ms)), rss: median(ms.map((m) => m.peakRssMiB)), objects: ms[0]?.objects ?? 0 };
  };
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ${os.platform()} ${os.arch()}; median of ${rounds} interleaved rounds, each in a fresh process`);
  console.log("scenario        models  objects     time   peak RSS   time/floor  RSS/floor  growth");
  for (const scenario of scenarios) {
    let previous: { size: number; ms: number } | undefined;
    for (const size of sizes) {
      const s = stat(scenario, size);
      if (s === undefined) continue;
      const floorName = FLOOR[scenario];
      const floor = floorName !== undefined ? stat(floorName, size) : undefined;
      const growth = previous !== undefined ? (s.ms / previous.ms / (size / previous.size)).toFixed(2) : "";
      console.log(
        [
          scenario.padEnd(14),
          String(size).padStart(7),
          String(s.objects).padStart(8),
          `${(s.ms / 1000).toFixed(2)} s`.padStart(8),
          `${s.rss.toFixed(0)} MiB`.padStart(10),
          (floor !== undefined ? `${(s.ms / floor.ms).toFixed(2)}x ${floorName}` : "").padStart(18),
          (floor !== undefined ? `${(s.rss / floor.rss).toFixed(2)}x` : "").padStart(9),
          growth.padStart(7),
        ].join("  "),
      );
      previous = { size, ms: s.ms };
    }
  }
}

main();
