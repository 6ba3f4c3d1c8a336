/**
 * Property-based tests: synthesized valid specs across every construct (InferenceEngine, ServingRuntime,
 * ModelStorage of each kind, HardwareProfile, InferenceService in Standard, Knative and ModelMesh mode,
 * Nim on KServe and the NIM Operator, StorageConfig, ModelFleet). For each: no ValidationError, no
 * crash, every object strict-valid against ../shared/crds, and byte-identical output when synthesized
 * twice. A sample also runs through Pulumi (under mocks) and must give the same manifests as cdk8s.
 *
 * Seeded: the seed is printed with any failure; replay with KC_PROPERTY_SEED=<seed> (and
 * KC_PROPERTY_RUNS=<n> to change the number of specs per construct group).
 */
import fc from "fast-check";
import { Accelerator, Parameter, NIM_MODELS } from "kserve-constructs";
import type { Manifest, TargetProps } from "kserve-constructs";
import { ValidationError } from "kserve-constructs";
import type { Api, Props } from "../bad-input/kit";
import { engineProps, Location } from "../bad-input/kit";
import { crdsAvailable, formatProblems, validateAll } from "../support/conformance";
import { Chart, Testing } from "cdk8s";
import * as cdk8s from "kserve-constructs/cdk8s";
import { byKey, resetPulumi, synthPulumi } from "../support/pulumi";
import * as P from "kserve-constructs/pulumi";

const SEED = Number(process.env["KC_PROPERTY_SEED"] ?? 20261201);
const RUNS = Number(process.env["KC_PROPERTY_RUNS"] ?? 0);
const runs = (n: number): number => (RUNS > 0 ? RUNS : n);

/** A spec: what to define (through either adapter) and the target it is for. */
interface Spec {
  readonly target: TargetProps;
  readonly define: (api: Api) => void;
  /** For failure messages. */
  readonly describe: Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// value generators (every value valid)

const CREDENTIAL = /(^|_)(SECRET|PASSWORD|PASSWD|PASS|TOKEN|API_?KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CLIENT_SECRET|CONNECTION_STRING|CREDENTIALS?|AUTH)(_|$)/;
const lower = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: min, maxLength: max });
const alnum = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: min, maxLength: max });
const dnsName = fc.tuple(lower(1, 1), alnum(2, 10)).map(([a, b]) => `${a}${b}`);
const envName = fc.tuple(fc.constantFrom("APP", "SRV", "MODEL", "LOG"), fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"), minLength: 1, maxLength: 10 }))
  .map(([p, s]) => `${p}_${s}`)
  .filter((n) => !CREDENTIAL.test(n) && !/__|_$/.test(n));
const envValue = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_.:/ "), minLength: 0, maxLength: 20 });
const envMap = fc.dictionary(envName, envValue, { maxKeys: 4 });
const labelKey = fc.tuple(fc.constantFrom("example.com/", "team.example.org/", ""), lower(1, 1), alnum(0, 12)).map(([p, a, b]) => `${p}x-${a}${b}`);
const labelValue = fc.oneof(fc.constant(""), fc.tuple(alnum(1, 1), fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_."), maxLength: 20 }), alnum(1, 1)).map(([a, b, c]) => `${a}${b}${c}`));
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });
const annotations = fc.dictionary(labelKey, fc.string({ maxLength: 60 }), { maxKeys: 3 });
const cpu = fc.integer({ min: 1, max: 16 }).map((n) => `${n * 250}m`);
const memoryMi = fc.integer({ min: 1, max: 64 }).map((n) => n * 256);
const resources = fc.record({ cpu, cpuExtra: fc.integer({ min: 0, max: 4 }), mem: memoryMi, memExtra: fc.integer({ min: 0, max: 4 }) }).map(({ cpu: c, cpuExtra, mem, memExtra }) => ({
  requests: { cpu: c, memory: `${mem}Mi` },
  limits: { cpu: `${Number(c.slice(0, -1)) + cpuExtra * 250}m`, memory: `${mem + memExtra * 256}Mi` },
}));
const toleration = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constant("Exists" as const), effect: fc.constantFrom("NoSchedule", "PreferNoSchedule") }),
  fc.record({ key: labelKey, operator: fc.constant("Equal" as const), value: alnum(1, 8), effect: fc.constantFrom("NoSchedule", "PreferNoSchedule") }),
  fc.record({ key: labelKey, operator: fc.constant("Exists" as const), effect: fc.constant("NoExecute" as const), tolerationSeconds: fc.integer({ min: 0, max: 3600 }) }),
);
const flags = fc.uniqueArray(lower(3, 8), { maxLength: 3 }).map((names) => names.filter((n) => !n.includes("port")).map((n, i) => `--x-${n}=${i}`));
const port = fc.integer({ min: 1025, max: 65535 }).filter((p) => ![8012, 8013, 8022, 9090, 9091, 9000].includes(p));

const protocol = fc.constantFrom<Props["protocol"]>("openai", "v1", ["v1", "v2"]);

interface EngineGen {
  readonly props: Props;
  readonly params: Record<string, "int" | "string" | "bool">;
}
const engineGen = (gpu: boolean): fc.Arbitrary<EngineGen> =>
  fc
    .record({
      version: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 20 })).map(([a, b]) => `${a}.${b}.0`),
      protocol,
      port: fc.option(port, { nil: undefined }),
      env: envMap,
      labels,
      annotations,
      podLabels: labels,
      args: flags,
      resources: fc.option(resources, { nil: undefined }),
      params: fc.dictionary(fc.tuple(fc.constantFrom("P"), fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), minLength: 1, maxLength: 6 })).map(([a, b]) => `${a}_${b}`).filter((n) => !CREDENTIAL.test(n)), fc.constantFrom("int" as const, "string" as const, "bool" as const), { maxKeys: 3 }),
      readiness: fc.option(fc.record({ path: fc.constantFrom("/ready", "/health"), periodSeconds: fc.integer({ min: 1, max: 30 }), failureThreshold: fc.integer({ min: 1, max: 10 }), successThreshold: fc.integer({ min: 1, max: 3 }) }), { nil: undefined }),
      liveness: fc.option(fc.record({ path: fc.constant("/health"), periodSeconds: fc.integer({ min: 1, max: 30 }) }), { nil: undefined }),
    })
    .map((g) => {
      const parameters: Record<string, unknown> = {};
      for (const [name, type] of Object.entries(g.params)) parameters[name] = type === "int" ? Parameter.int({ default: 1 }) : type === "bool" ? Parameter.bool({ default: false }) : Parameter.string({ default: "x" });
      const env = Object.fromEntries(Object.entries(g.env).filter(([k]) => !(k in g.params)));
      return {
        params: g.params,
        props: engineProps({
          versions: { [g.version]: { image: { cpu: `registry.example/engine:${g.version}`, ...(gpu ? { nvidia: `registry.example/engine-cuda:${g.version}` } : {}) } } },
          protocol: g.protocol,
          ...(g.port !== undefined ? { port: g.port } : {}),
          env,
          labels: g.labels,
          annotations: g.annotations,
          podLabels: g.podLabels,
          args: ["--model={{model_path}}", "--port={{port}}", "--name={{model_name}}", ...g.args],
          parameters,
          ...(g.resources !== undefined ? { resources: g.resources } : {}),
          ...(g.readiness !== undefined ? { readiness: g.readiness } : {}),
          ...(g.liveness !== undefined ? { liveness: g.liveness } : {}),
        }),
      };
    });

type StorageKind = "s3" | "pvc" | "pvc-new" | "gcs" | "azure" | "hf" | "oci" | "uri" | "fromUri";
const storageKind = fc.constantFrom<StorageKind>("s3", "pvc", "pvc-new", "gcs", "azure", "hf", "oci", "uri", "fromUri");
const modelPath = fc.array(alnum(1, 8), { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join("/")}/`);

/** Defines a storage of `kind` and returns the model's location in it. */
function location(api: Api, kind: StorageKind, bucket: string, path: string): unknown {
  switch (kind) {
    case "s3":
      return api.s3("store", { bucket, endpoint: "https://minio.example:9000", region: "eu-west-1", credentials: { secretName: "store-creds" } }).path(path);
    case "pvc":
      return api.pvc("store", { claimName: `${bucket}-pvc` }).path(path);
    case "pvc-new":
      return api.pvc("store", { create: { size: "10Gi" } }).path(path);
    case "gcs":
      return api.gcs("store", { bucket, credentialsSecret: "gcs-creds" }).path(path);
    case "azure":
      return api.azure("store", { account: bucket, container: "models" }).path(path);
    case "hf":
      return api.hf("store", { tokenSecret: "hf-token" }).path(`${bucket}/${path.split("/")[0] as string}`);
    case "oci":
      return api.oci("store", { registry: "registry.example/models" }).path(`${path.split("/")[0] as string}:1.0`);
    case "uri":
      return api.uri("store", { baseUrl: "https://files.example/models" }).path(`${path}model.bin`);
    case "fromUri":
      return Location.fromUri(`s3://${bucket}/${path}`);
  }
}

// ---------------------------------------------------------------------------
// spec generators, one per construct group

const isvcSpec: fc.Arbitrary<Spec> = fc
  .record({
    mode: fc.constantFrom("Standard", "Standard", "Knative"),
    gpu: fc.boolean(),
    kind: storageKind,
    bucket: dnsName,
    path: modelPath,
    name: dnsName,
    env: envMap,
    labels,
    podLabels: labels,
    annotations,
    nodeSelector: fc.dictionary(labelKey, labelValue, { maxKeys: 2 }),
    tolerations: fc.array(toleration, { maxLength: 2 }),
    resources: fc.option(resources, { nil: undefined }),
    scaling: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 5 })).map(([min, extra]) => ({ min, max: min + extra })),
    args: flags,
    kserveVersion: fc.constantFrom("0.14", "0.15", "0.16", "0.20"),
  })
  .chain((s) => engineGen(s.gpu).map((e) => ({ ...s, engine: e })))
  .chain((s) =>
    fc.record(Object.fromEntries(Object.entries(s.engine.params).map(([k, t]) => [k, t === "int" ? fc.integer({ min: -100, max: 100000 }) : t === "bool" ? fc.boolean() : alnum(0, 10)]))).map((parameters) => ({ ...s, parameters })),
  )
  .map((s) => {
    const knative = s.mode === "Knative";
    const engineArgs = new Set((s.engine.props["args"] as string[]).map((a) => a.split("=")[0]));
    const args = s.args.map((a) => a.replace("--x-", "--y-")).filter((a) => !engineArgs.has(a.split("=")[0]));
    const env = Object.fromEntries(Object.entries(s.env).filter(([k]) => !(k in s.engine.params)));
    return {
      target: { kserveVersion: s.kserveVersion, ...(knative && s.gpu ? { knativeFeatures: ["kubernetes.podspec-tolerations"] } : {}) },
      describe: s as unknown as Record<string, unknown>,
      define: (api: Api) => {
        const engine = api.engine("engine", s.engine.props);
        const hw = s.gpu ? api.hardware("gpus", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }), cpu: { min: "1", default: "2", max: "32" }, memory: { min: "1Gi", default: "8Gi", max: "256Gi" } }) : undefined;
        api.isvc(s.name, {
          engine,
          model: location(api, s.kind, s.bucket, s.path),
          deploymentMode: s.mode,
          env,
          labels: s.labels,
          podLabels: s.podLabels,
          annotations: s.annotations,
          args,
          parameters: s.parameters,
          scaling: s.scaling,
          ...(s.resources !== undefined && hw === undefined ? { resources: s.resources } : {}),
          ...(hw !== undefined ? { hardware: hw.request({ accelerators: 1 }) } : {}),
          ...(!knative && hw === undefined ? { nodeSelector: s.nodeSelector, tolerations: s.tolerations } : {}),
        });
      },
    };
  });

const runtimeSpec: fc.Arbitrary<Spec> = fc
  .record({ name: dnsName, env: envMap, port, labels, version: fc.integer({ min: 1, max: 20 }).map(String), cluster: fc.boolean(), resources: fc.option(resources, { nil: undefined }) })
  .map((s) => ({
    target: {},
    describe: s as unknown as Record<string, unknown>,
    define: (api: Api) =>
      void api.runtime(s.name, {
        ...(s.cluster ? { scope: "cluster" } : {}),
        labels: s.labels,
        spec: {
          supportedModelFormats: [{ name: "onnx", version: s.version, autoSelect: true }],
          protocolVersions: ["v2"],
          containers: [
            {
              name: "kserve-container",
              image: `registry.example/onnx:${s.version}`,
              args: [`--port=${s.port}`],
              env: Object.entries(s.env).map(([name, value]) => ({ name, value })),
              ports: [{ containerPort: s.port, protocol: "TCP" }],
              ...(s.resources !== undefined ? { resources: s.resources } : {}),
              readinessProbe: { httpGet: { path: "/v2/health/ready", port: s.port }, periodSeconds: 5 },
              livenessProbe: { httpGet: { path: "/v2/health/live", port: s.port }, successThreshold: 1 },
            },
          ],
        },
      }),
  }));

const NIM_IDS = Object.keys(NIM_MODELS);
const nimSpec: fc.Arbitrary<Spec> = fc
  .record({ model: fc.constantFrom(...NIM_IDS), name: dnsName, platform: fc.constantFrom("kserve", "nim-operator"), replicas: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 })), openshiftAI: fc.boolean() })
  .map((s) => {
    const gpus = (NIM_MODELS as Record<string, { gpuCounts: readonly number[] }>)[s.model]?.gpuCounts[0] ?? 1;
    return {
      target: s.openshiftAI && s.platform === "kserve" ? { openshiftAI: true } : {},
      describe: s as unknown as Record<string, unknown>,
      define: (api: Api) =>
        void api.nim(s.name, { model: s.model, platform: s.platform, accelerators: gpus, ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" }, ...(s.replicas[1] === 0 ? { replicas: s.replicas[0] } : { scaling: { min: s.replicas[0], max: s.replicas[0] + s.replicas[1] } }) }),
    };
  });

const modelMeshSpec: fc.Arbitrary<Spec> = fc
  .record({ models: fc.uniqueArray(dnsName, { minLength: 1, maxLength: 4 }), path: modelPath, fleet: fc.boolean(), bucket: dnsName })
  .map((s) => ({
    target: { modelMesh: true },
    describe: s as unknown as Record<string, unknown>,
    define: (api: Api) => {
      const runtime = api.mlserverMm("mlserver", { modelFormats: [{ name: "sklearn", version: "0" }] });
      const storage = api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: s.bucket } } });
      if (s.fleet) {
        api.fleet("fleet", { engine: runtime, storage: storage.entry("minio"), models: s.models.map((name) => ({ name, path: `${s.path}${name}.joblib`, format: { name: "sklearn", version: "0" } })) });
      } else {
        for (const name of s.models) api.isvc(name, { engine: runtime, model: storage.path("minio", `${s.path}${name}.joblib`), modelFormat: { name: "sklearn", version: "0" } });
      }
    },
  }));

const hardwareSpec: fc.Arbitrary<Spec> = fc
  .record({ name: dnsName, max: fc.integer({ min: 1, max: 8 }), vendor: fc.constantFrom("nvidia", "amd", "gaudi"), nodeSelector: fc.dictionary(labelKey, labelValue, { maxKeys: 2 }), tolerations: fc.array(toleration, { maxLength: 2 }), openshiftAI: fc.boolean() })
  .map((s) => ({
    target: s.openshiftAI ? { openshiftAI: true } : {},
    describe: s as unknown as Record<string, unknown>,
    define: (api: Api) => {
      const accelerator = s.vendor === "nvidia" ? Accelerator.nvidia({ min: 1, default: 1, max: s.max }) : s.vendor === "amd" ? Accelerator.amd({ min: 1, default: 1, max: s.max }) : Accelerator.gaudi({ min: 1, default: 1, max: s.max });
      api.hardware(s.name, { accelerator, cpu: { min: "1", default: "2", max: "16" }, memory: { min: "1Gi", default: "8Gi", max: "128Gi" }, nodeScheduling: { nodeSelector: s.nodeSelector, tolerations: s.tolerations } });
    },
  }));

// ---------------------------------------------------------------------------
// the properties

/** Specs printed as their target and generated values (not their functions) in failure reports. */
function printable(arb: fc.Arbitrary<Spec>): fc.Arbitrary<Spec> {
  return arb.map((spec) => Object.assign(spec, { [fc.toStringMethod]: () => JSON.stringify({ target: spec.target, ...spec.describe }) }));
}

function synthYaml(spec: Spec): { yaml: string; manifests: Manifest[] } {
  const app = Testing.app();
  cdk8s.KServeTarget.set(app, spec.target);
  const chart = new Chart(app, "test", { namespace: "models" });
  spec.define(cdk8sApiOf(chart));
  try {
    return { yaml: app.synthYaml(), manifests: chart.toJson() as Manifest[] };
  } catch (error) {
    if (error instanceof ValidationError) throw new Error(`a valid spec got a ValidationError:\n${error.message}`);
    throw error;
  }
}

function cdk8sApiOf(chart: Chart): Api {
  const S = cdk8s.ModelStorage as unknown as Record<string, (scope: Chart, id: string, props: unknown) => never>;
  const nw = (cls: unknown, id: string, props: unknown): never => new (cls as new (s: Chart, i: string, p: unknown) => never)(chart, id, props);
  return {
    adapter: "cdk8s",
    engine: (id, props) => nw(cdk8s.InferenceEngine, id, props),
    vllm: (id, props) => cdk8s.InferenceEngine.vllm(chart, id, props as never),
    runtime: (id, props) => nw(cdk8s.ServingRuntime, id, props),
    s3: (id, props) => (S["s3"] as (s: Chart, i: string, p: unknown) => never)(chart, id, props),
    pvc: (id, props) => (S["pvc"] as (s: Chart, i: string, p: unknown) => never)(chart, id, props),
    oci: (id, props) => (S["oci"] as (s: Chart, i: string, p: unknown) => never)(chart, id, props),
    hf: (id, props) => (S["huggingFace"] as (s: Chart, i: string, p: unknown) => never)(chart, id, props),
    gcs: (id, props) => (S["gcs"] as (s: Chart, i: string, p: unknown) => never)(chart, id, props),
    azure: (id, props) => (S["azureBlob"] as (s: Chart, i: string, p: unknown) => never)(chart, id, props),
    uri: (id, props) => (S["uri"] as (s: Chart, i: string, p: unknown) => never)(chart, id, props),
    hardware: (id, props) => nw(cdk8s.HardwareProfile, id, props),
    isvc: (id, props) => nw(cdk8s.InferenceService, id, props),
    nim: (id, props) => nw(cdk8s.Nim, id, props),
    nimPreset: (id, props) => cdk8s.Nim.llama31_8bInstruct(chart, id, props as never),
    nimAccount: (id, props) => nw(cdk8s.NimAccount, id, props),
    storageConfig: (id, props) => nw(cdk8s.StorageConfig, id, props),
    modelServing: (id, props) => nw(cdk8s.ModelServing, id, props),
    fleet: (id, props) => nw(cdk8s.ModelFleet, id, props),
    mmNamespace: (id, props) => nw(cdk8s.ModelMeshNamespace, id, props),
    mlserverMm: (id, props = {}) => nw(cdk8s.InferenceEngine, id, cdk8s.ModelMeshRuntimes.mlserver(props as never)),
  };
}

function checkSpec(spec: Spec): void {
  const first = synthYaml(spec);
  const second = synthYaml(spec);
  if (first.yaml !== second.yaml) throw new Error("two synths of the same spec differ");
  if (crdsAvailable()) {
    const problems = validateAll(first.manifests);
    if (problems.length > 0) throw new Error(`not strict-valid against ../shared/crds:\n${formatProblems(problems)}`);
  }
}

const GROUPS: readonly [string, fc.Arbitrary<Spec>, number][] = [
  ["InferenceService (engine, storage of each kind, hardware, Standard and Knative)", isvcSpec, 450],
  ["ServingRuntime (raw spec)", runtimeSpec, 150],
  ["Nim (KServe and the NIM Operator)", nimSpec, 150],
  ["ModelMesh (runtime, StorageConfig, InferenceServices or a ModelFleet)", modelMeshSpec, 150],
  ["HardwareProfile", hardwareSpec, 150],
];

// warnings (a ReadWriteOnce claim with several replicas) are allowed; they are not printed here
beforeAll(() => void jest.spyOn(process, "emitWarning").mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

describe(`valid specs synthesize, validate strictly and are deterministic (seed ${SEED}; replay with KC_PROPERTY_SEED)`, () => {
  it.each(GROUPS.map(([name, arb, n]) => [name, arb, n] as const))("%s", (_name, arb, n) => {
    fc.assert(
      fc.property(printable(arb), (spec) => {
        checkSpec(spec);
      }),
      { seed: SEED, numRuns: runs(n), endOnFailure: true },
    );
  });

  it("the total is at least 1,000 specs per run", () => {
    expect(GROUPS.reduce((sum, [, , n]) => sum + runs(n), 0)).toBeGreaterThanOrEqual(RUNS > 0 ? 0 : 1000);
  });

  it("a sample gives the same manifests through Pulumi as through cdk8s", async () => {
    const samples = fc.sample(fc.oneof(isvcSpec, runtimeSpec, nimSpec, modelMeshSpec, hardwareSpec), { seed: SEED, numRuns: runs(40) });
    for (const spec of samples) {
      const expected = synthYaml(spec).manifests;
      await resetPulumi();
      P.KServeTarget.setDefault(spec.target);
      const got = await synthPulumi(() => spec.define(pulumiApi()));
      expect(byKey(got)).toEqual(byKey(expected));
    }
  });
});

function pulumiApi(): Api {
  const S = P.ModelStorage as unknown as Record<string, (name: string, args: unknown) => never>;
  const nw = (cls: unknown, id: string, props: unknown): never => new (cls as new (n: string, a: unknown) => never)(id, { namespace: "models", ...(props as object) });
  const st = (kind: string) => (id: string, props?: unknown): never => (S[kind] as (n: string, a: unknown) => never)(id, { namespace: "models", ...(props as object) });
  return {
    adapter: "pulumi",
    engine: (id, props) => nw(P.InferenceEngine, id, props),
    vllm: (id, props) => P.InferenceEngine.vllm(id, { namespace: "models", ...(props as object) } as never),
    runtime: (id, props) => ((props as { scope?: string }).scope === "cluster" ? new (P.ServingRuntime as unknown as new (n: string, a: unknown) => never)(id, props) : nw(P.ServingRuntime, id, props)),
    s3: st("s3"),
    pvc: st("pvc"),
    oci: st("oci"),
    hf: st("huggingFace"),
    gcs: st("gcs"),
    azure: st("azureBlob"),
    uri: st("uri"),
    hardware: (id, props) => new (P.HardwareProfile as unknown as new (n: string, a: unknown) => never)(id, props), // on OpenShift AI its namespace is the applications namespace, as in cdk8s
    isvc: (id, props) => nw(P.InferenceService, id, props),
    nim: (id, props) => nw(P.Nim, id, props),
    nimPreset: (id, props) => P.Nim.llama31_8bInstruct(id, { namespace: "models", ...(props as object) } as never),
    nimAccount: (id, props) => nw(P.NimAccount, id, props),
    storageConfig: (id, props) => nw(P.StorageConfig, id, props),
    modelServing: (id, props) => new (P.ModelServing as unknown as new (n: string, a: unknown) => never)(id, props),
    fleet: (id, props) => nw(P.ModelFleet, id, props),
    mmNamespace: (id, props) => nw(P.ModelMeshNamespace, id, props),
    mlserverMm: (id, props = {}) => new (P.InferenceEngine as unknown as new (n: string, a: unknown) => never)(id, { ...P.ModelMeshRuntimes.mlserver(props as never), namespace: "models" }),
  };
}
