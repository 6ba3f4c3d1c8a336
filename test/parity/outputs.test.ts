/**
 * The same output names in both adapters: every construct and its Pulumi component expose the same
 * names (`serviceName`, `runtimeName`, `profileName`, `storageName`, ...) with the same values for the
 * same props (Pulumi's as Outputs where they depend on created resources). Under Pulumi's mocks.
 */
import * as pulumi from "@pulumi/pulumi";
import { Chart, Testing } from "cdk8s";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import { engineProps } from "../support/fixtures";
import { resetPulumi, settle } from "../support/pulumi";

beforeEach(() => resetPulumi());
afterAll(() => settle());

const ngc = { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" };
const s3 = { bucket: "models", endpoint: "https://minio.storage:9000", credentials: { secretName: "minio-creds" } } as const;
const entries = { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1", credentials: { secretName: "minio-creds" } } } as const;

/** The output names each concept has in both adapters. */
const NAMES = {
  engine: ["runtimeName", "runtimeKind"],
  runtime: ["runtimeName", "runtimeKind"],
  service: ["serviceName"],
  storage: ["storageName", "serviceAccountName", "claimName"],
  claim: ["storageName", "serviceAccountName", "claimName"],
  storageConfig: ["secretName", "serviceAccountName"],
  profile: ["profileName"],
  nim: ["serviceName", "runtimeName", "platform", "cacheClaimName"],
  account: ["accountName"],
  fleet: ["serviceNames"],
  namespace: ["namespaceName"],
  llm: ["serviceName"],
  llmConfig: ["configName"],
  languageModel: ["serviceName", "serving"],
} as const;

type Concept = keyof typeof NAMES;

function define<T>(api: {
  engine: () => T;
  runtime: () => T;
  service: (engine: T, storage: T) => T;
  storage: () => T;
  claim: () => T;
  storageConfig: () => T;
  profile: () => T;
  nim: () => T;
  account: () => T;
  fleet: (storage: T) => T;
  namespace: () => T;
  llm: () => T;
  llmConfig: () => T;
  languageModel: () => T;
}): Record<Concept, T> {
  const engine = api.engine();
  const storage = api.storage();
  return {
    engine,
    runtime: api.runtime(),
    service: api.service(engine, storage),
    storage,
    claim: api.claim(),
    storageConfig: api.storageConfig(),
    profile: api.profile(),
    nim: api.nim(),
    account: api.account(),
    fleet: api.fleet(storage),
    namespace: api.namespace(),
    llm: api.llm(),
    llmConfig: api.llmConfig(),
    languageModel: api.languageModel(),
  };
}

/** A value as JSON (an Output's once it resolves; `undefined` as null). */
async function plain(value: unknown): Promise<unknown> {
  const resolved = pulumi.Output.isInstance(value) ? await new Promise((resolve) => (value as pulumi.Output<unknown>).apply(resolve)) : value;
  return JSON.parse(JSON.stringify(resolved ?? null)) as unknown;
}

describe("output names", () => {
  it("every concept exposes the same names with the same values in cdk8s and Pulumi", async () => {
    const chart = new Chart(Testing.app(), "test", { namespace: "models" });
    const hub = cdk8s.ModelStorage.huggingFace(chart, "hub");
    const c: Record<Concept, object> = define<object>({
      engine: () => new cdk8s.InferenceEngine(chart, "engine", engineProps()),
      runtime: () => new cdk8s.ServingRuntime(chart, "raw", { scope: "cluster", spec: { supportedModelFormats: [{ name: "onnx", version: "1", autoSelect: true }], containers: [{ name: "kserve-container", image: "r/onnx:1" }] } }),
      service: (engine, storage) => new cdk8s.InferenceService(chart, "granite", { engine: engine as cdk8s.InferenceEngine, model: (storage as cdk8s.ModelStorage).path("granite/") }),
      storage: () => cdk8s.ModelStorage.s3(chart, "minio", s3),
      claim: () => cdk8s.ModelStorage.pvc(chart, "store", { create: { size: "10Gi" } }),
      storageConfig: () => new cdk8s.StorageConfig(chart, "storage", { source: { job: { image: "registry.example/k8s:1" } }, entries }),
      profile: () => new cdk8s.HardwareProfile(chart, "a100", { accelerator: cdk8s.Accelerator.nvidia({ max: 4 }) }),
      nim: () => cdk8s.Nim.llama31_8bInstruct(chart, "llama", { ngc, cache: { create: { size: "50Gi" } } }),
      account: () => new cdk8s.NimAccount(chart, "account", { apiKeySecret: "ngc-account", target: { openshiftAI: { version: "2.25" } } }),
      fleet: (storage) => new cdk8s.ModelFleet(chart, "fleet", { engine: new cdk8s.InferenceEngine(chart, "fleet-engine", engineProps()), storage: storage as cdk8s.ModelStorage, models: [{ name: "a", path: "a/" }, { name: "b", path: "b/" }] }),
      namespace: () => new cdk8s.ModelMeshNamespace(chart, "mm", { name: "mm-models", target: { modelMesh: true } }),
      llm: () => new cdk8s.LLMInferenceService(chart, "llm", { model: hub.path("ibm-granite/granite-3.1-8b-instruct"), hardware: cdk8s.Hardware.accelerator(cdk8s.Accelerator.nvidia(), { accelerators: 1 }) }),
      llmConfig: () => new cdk8s.LLMInferenceServiceConfig(chart, "llm-config", {}),
      languageModel: () => new cdk8s.LanguageModel(chart, "lm", { serving: "LLMInferenceService", model: hub.path("ibm-granite/granite-3.1-8b-instruct"), hardware: cdk8s.Hardware.accelerator(cdk8s.Accelerator.nvidia(), { accelerators: 1 }) }),
    });
    const ns = { namespace: "models" };
    const p: Record<Concept, object> = define<object>({
      engine: () => new pc.InferenceEngine("engine", { ...engineProps(), ...ns }),
      runtime: () => new pc.ServingRuntime("raw", { scope: "cluster", spec: { supportedModelFormats: [{ name: "onnx", version: "1", autoSelect: true }], containers: [{ name: "kserve-container", image: "r/onnx:1" }] } }),
      service: (engine, storage) => new pc.InferenceService("granite", { ...ns, engine: engine as pc.InferenceEngine, model: (storage as pc.ModelStorage).path("granite/") }),
      storage: () => pc.ModelStorage.s3("minio", { ...s3, ...ns }),
      claim: () => pc.ModelStorage.pvc("store", { ...ns, create: { size: "10Gi" } }),
      storageConfig: () => new pc.StorageConfig("storage", { ...ns, source: { job: { image: "registry.example/k8s:1" } }, entries }),
      profile: () => new pc.HardwareProfile("a100", { accelerator: pc.Accelerator.nvidia({ max: 4 }) }),
      nim: () => pc.Nim.llama31_8bInstruct("llama", { ...ns, ngc, cache: { create: { size: "50Gi" } } }),
      account: () => new pc.NimAccount("account", { ...ns, apiKeySecret: "ngc-account", target: { openshiftAI: { version: "2.25" } } }),
      fleet: (storage) => new pc.ModelFleet("fleet", { ...ns, engine: new pc.InferenceEngine("fleet-engine", { ...engineProps(), ...ns }), storage: storage as pc.ModelStorage, models: [{ name: "a", path: "a/" }, { name: "b", path: "b/" }] }),
      namespace: () => new pc.ModelMeshNamespace("mm", { name: "mm-models", target: { modelMesh: true } }),
      llm: () => new pc.LLMInferenceService("llm", { ...ns, model: pc.ModelStorage.huggingFace("hub", ns).path("ibm-granite/granite-3.1-8b-instruct"), hardware: pc.Hardware.accelerator(pc.Accelerator.nvidia(), { accelerators: 1 }) }),
      llmConfig: () => new pc.LLMInferenceServiceConfig("llm-config", ns),
      languageModel: () => new pc.LanguageModel("lm", { ...ns, serving: "LLMInferenceService", model: pc.ModelStorage.huggingFace("hub2", ns).path("ibm-granite/granite-3.1-8b-instruct"), hardware: pc.Hardware.accelerator(pc.Accelerator.nvidia(), { accelerators: 1 }) }),
    });
    chart.toJson();
    const compare: Record<string, unknown[]> = {};
    for (const concept of Object.keys(NAMES) as Concept[]) {
      for (const name of NAMES[concept]) {
        const cv = (c[concept] as Record<string, unknown>)[name];
        const pv = (p[concept] as Record<string, unknown>)[name];
        compare[`${concept}.${name}`] = [await plain(cv), await plain(pv)];
      }
    }
    const differing = Object.entries(compare).filter(([, [a, b]]) => JSON.stringify(a) !== JSON.stringify(b));
    expect(differing).toEqual([]);
    // the names are real, not undefined on both sides
    expect(Object.fromEntries(Object.entries(compare).map(([k, [a]]) => [k, a]))).toMatchObject({
      "engine.runtimeName": "engine",
      "runtime.runtimeName": "raw",
      "runtime.runtimeKind": "ClusterServingRuntime",
      "service.serviceName": "granite",
      "storage.storageName": "minio",
      "storage.serviceAccountName": "minio-sa",
      "storage.claimName": null,
      "claim.claimName": "store",
      "storageConfig.serviceAccountName": "storage-config-writer",
      "profile.profileName": "a100",
      "nim.serviceName": "llama",
      "nim.platform": "kserve",
      "nim.cacheClaimName": "llama-cache",
      "account.accountName": "account",
      "fleet.serviceNames": ["a", "b"],
      "namespace.namespaceName": "mm-models",
      "llm.serviceName": "llm",
      "llmConfig.configName": "llm-config",
      "languageModel.serviceName": "lm",
    });
  });
});
