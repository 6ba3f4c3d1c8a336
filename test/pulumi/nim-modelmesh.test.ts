/**
 * The Pulumi components for NIM, storage-config, ModelMesh, model serving and fleets, and the runtime
 * presets, under Pulumi's mocks: the resource graph, parents, outputs, validation (the same errors as
 * cdk8s), Output leaves and secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as cdk8s from "kserve-constructs/cdk8s";
import type { Manifest, TargetProps } from "kserve-constructs";
import {
  Accelerator,
  EnginePresets,
  HardwareProfile,
  InferenceEngine,
  InferenceService,
  KServeTarget,
  MLServer,
  ModelFleet,
  ModelLocation,
  ModelMeshNamespace,
  ModelMeshRuntimes,
  ModelServing,
  ModelStorage,
  NgcSecrets,
  Nim,
  NimAccount,
  StorageConfig,
} from "kserve-constructs/pulumi";
import { byKey, isSecretValue, registered, registeredOutputs, resetPulumi, settle, synthPulumi, urnOf, valueOf, pulumiError } from "../support/pulumi";
import { find, synthChart, validationError } from "../support/synth";

/** The message of cdk8s's error for a definition, with its construct paths (`test/<id>`) as resource names (`<id>`). */
function cdk8sMessage(define: (chart: import("cdk8s").Chart) => void, target?: TargetProps): string {
  return validationError(define, target !== undefined ? { target } : {}).message.replace(/test\//g, "");
}

const ODH_2: TargetProps = { kserveVersion: "0.15", openshiftAI: { version: "2.25" } };
const ngc = { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"), pullSecret: NgcSecrets.pullSecret("ngc-secret") };
const l40s = { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4, product: "NVIDIA-L40S" }), cpu: { min: "4", default: "12", max: "32" }, memory: { min: "16Gi", default: "32Gi", max: "128Gi" } };
const jobSource = { job: { image: "docker.io/alpine/k8s:1.31.4" } };
const minio = { type: "s3", bucket: "models", endpoint: "https://minio.minio.svc:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } } as const;
const fraudRuntime = { image: "registry.example.com/fraud:1", implementation: "fraud.Model", modelFormats: [{ name: "fraud", version: "1" }] };

beforeEach(() => resetPulumi());
afterAll(() => settle());

describe("resource graph", () => {
  it("each component creates its objects as children, typed by kind, with the core's names", async () => {
    KServeTarget.setDefault(ODH_2);
    const ns = new ModelMeshNamespace("fraud-models");
    const profile = new HardwareProfile("l40s", l40s);
    const llama = Nim.llama31_8bInstruct("llama", { namespace: "fraud-models", ngc, hardware: profile.request({ accelerators: 1 }), cache: { create: { size: "100Gi" } } });
    const operator = Nim.mistral7bInstructV03("mistral", { namespace: "fraud-models", platform: "nim-operator", ngc, cache: { create: { size: "30Gi" } } });
    const account = new NimAccount("account", { apiKeySecret: "ngc-account" });
    const connections = new StorageConfig("connections", { namespace: "fraud-models", source: "data-connections", entries: { "aws-connection-models": { type: "s3", bucket: "models", endpoint: "https://s3.example", region: "eu-central-1" } } });
    const single = new InferenceEngine("fraud", { ...MLServer.runtime(fraudRuntime), namespace: "fraud-models" });
    const multi = new InferenceEngine("fraud-mm", { ...MLServer.runtime({ ...fraudRuntime, mode: "multi" }), namespace: "fraud-models" });
    const serving = new ModelServing("serving", { mode: "multi", single, multi });
    const fleet = new ModelFleet("fleet", { namespace: "fraud-models", engine: serving, storage: connections.entry("aws-connection-models"), models: [{ name: "a", path: "a/" }, { name: "b", path: "b/" }] });
    await settle();

    const children = registered()
      .filter((r) => r.type.startsWith("kubernetes:"))
      .map((r) => `${r.type} ${r.name}`)
      .sort();
    expect(children).toEqual(
      [
        "kubernetes:core/v1:Namespace fraud-models-Namespace-fraud-models",
        "kubernetes:infrastructure.opendatahub.io/v1alpha1:HardwareProfile l40s-HardwareProfile-l40s",
        "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime llama-ServingRuntime-nvidia-nim-llama-3.1-8b-instruct-1.13.1",
        "kubernetes:core/v1:PersistentVolumeClaim llama-PersistentVolumeClaim-llama-cache",
        "kubernetes:serving.kserve.io/v1beta1:InferenceService llama-InferenceService-llama",
        "kubernetes:apps.nvidia.com/v1alpha1:NIMCache mistral-NIMCache-mistral-cache",
        "kubernetes:apps.nvidia.com/v1alpha1:NIMService mistral-NIMService-mistral",
        "kubernetes:nim.opendatahub.io/v1:Account account-Account-account",
        "kubernetes:core/v1:SecretPatch connections-Secret-aws-connection-models",
        "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime fraud-ServingRuntime-fraud",
        "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime fraud-mm-ServingRuntime-fraud-mm",
        "kubernetes:serving.kserve.io/v1beta1:InferenceService fleet-InferenceService-a",
        "kubernetes:serving.kserve.io/v1beta1:InferenceService fleet-InferenceService-b",
      ].sort(),
    );
    const components = [ns, llama, operator, account, connections, serving, fleet];
    expect(components.map((c) => c.resources.length)).toEqual([1, 3, 2, 1, 1, 0, 2]);
    expect([ns.resources[0] instanceof k8s.core.v1.Namespace, llama.resources[1] instanceof k8s.core.v1.PersistentVolumeClaim, connections.resources[0] instanceof k8s.core.v1.SecretPatch]).toEqual([true, true, true]);
    for (const component of components) {
      const parentChain = (await urnOf(component)).split("::")[2] as string;
      expect(parentChain.startsWith("kserve-constructs:index:")).toBe(true);
      for (const child of component.resources) expect((await urnOf(child)).split("::")[2]?.startsWith(`${parentChain}$kubernetes:`)).toBe(true);
    }
    // a data connection is a patch of the existing credentials Secret: labels, annotations and non-secret keys
    expect(registered().find((r) => r.type === "kubernetes:core/v1:SecretPatch")?.inputs).toMatchObject({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "aws-connection-models", namespace: "fraud-models", labels: { "opendatahub.io/dashboard": "true", "opendatahub.io/managed": "true" } },
    });
    const fleetIsvc = registered().find((r) => r.name === "fleet-InferenceService-a")?.inputs as unknown as Manifest;
    expect(fleetIsvc.metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("ModelMesh");
  });

  it("a storage-config Job: ServiceAccount, Role, RoleBinding and Job; the Job's resource name leaves out the hash of its pod spec", async () => {
    const expected = synthChart((chart) => new cdk8s.StorageConfig(chart, "storage", { source: jobSource, entries: { minio } }), { target: { modelMesh: true } });
    KServeTarget.setDefault({ modelMesh: true });
    const storage = new StorageConfig("storage", { namespace: "models", source: jobSource, entries: { minio } });
    await settle();
    expect(byKey(await synthPulumi(() => undefined))).toEqual(byKey(expected));
    expect(registered().filter((r) => r.type.startsWith("kubernetes:")).map((r) => `${r.type} ${r.name}`)).toEqual([
      "kubernetes:core/v1:ServiceAccount storage-ServiceAccount-storage-config-writer",
      "kubernetes:rbac.authorization.k8s.io/v1:Role storage-Role-storage-config-writer",
      "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding storage-RoleBinding-storage-config-writer",
      "kubernetes:batch/v1:Job storage-Job-storage-config-writer",
    ]);
    expect(find(expected, "Job").metadata.name).toMatch(/^storage-config-writer-[0-9a-f]{8}$/);
    expect(storage.resources[3] instanceof k8s.batch.v1.Job).toBe(true);
  });
});

describe("presets", () => {
  it("ModelMesh runtimes, MLServer and vLLM presets, with the namespace beside them (a plain value or an Output), give cdk8s's runtimes", async () => {
    const expected = synthChart(
      (chart) => {
        new cdk8s.InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ replicas: 2, route: true, auth: true }));
        new cdk8s.InferenceEngine(chart, "triton", ModelMeshRuntimes.triton());
        new cdk8s.InferenceEngine(chart, "fraud", MLServer.runtime({ ...fraudRuntime, server: { parallelWorkers: 2 } }));
        new cdk8s.InferenceEngine(chart, "fraud-mm", MLServer.runtime({ ...fraudRuntime, mode: "multi" }));
        cdk8s.InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      },
      { target: ODH_2 },
    );
    KServeTarget.setDefault(ODH_2);
    const namespace = pulumi.output("models");
    const actual = await synthPulumi(() => {
      new InferenceEngine("mlserver", ModelMeshRuntimes.mlserver({ replicas: 2, route: true, auth: true, namespace: "models" }));
      new InferenceEngine("triton", { ...ModelMeshRuntimes.triton(), namespace });
      new InferenceEngine("fraud", { ...MLServer.runtime({ ...fraudRuntime, server: { parallelWorkers: 2 } }), namespace: "models" });
      // the namespace beside the preset overrides the preset's own
      new InferenceEngine("fraud-mm", { ...MLServer.runtime({ ...fraudRuntime, mode: "multi", namespace: "elsewhere" }), namespace });
      InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    expect(actual.map((m) => m.kind)).toEqual(["ServingRuntime", "ServingRuntime", "ServingRuntime", "ServingRuntime", "ServingRuntime"]);
  });

  it("a preset's problems and the engine's come with cdk8s's messages", () => {
    const message = cdk8sMessage((chart) => new cdk8s.InferenceEngine(chart, "mm", ModelMeshRuntimes.mlserver({ replicas: -1 })), ODH_2);
    KServeTarget.setDefault(ODH_2);
    expect(pulumiError(() => new InferenceEngine("mm", { ...ModelMeshRuntimes.mlserver({ replicas: -1 }), namespace: "models" })).message).toBe(message);
    expect(message).toContain("mm > replicas = -1");
    // a cluster-scoped runtime has no namespace, whether the preset or the args give it
    const clusterScoped = cdk8sMessage((chart) => new cdk8s.InferenceEngine(chart, "vllm", EnginePresets.vllm({ accelerator: "nvidia", scope: "cluster", namespace: "models" })));
    expect(pulumiError(() => new InferenceEngine("vllm", { ...EnginePresets.vllm({ accelerator: "nvidia", scope: "cluster" }), namespace: "models" })).message).toBe(clusterScoped);
    expect(clusterScoped).toContain("[engine/cluster-namespace]");
  });
});

describe("NIM", () => {
  it("the catalogue shortcuts are the cdk8s ones, and each deploys the same model", async () => {
    const shortcuts = (statics: Record<string, unknown>): string[] => Object.getOwnPropertyNames(statics).filter((n) => n !== "model" && typeof statics[n] === "function");
    const cdk8sStatics = cdk8s.Nim as unknown as Record<string, unknown>;
    const pulumiStatics = Nim as unknown as Record<string, unknown>;
    expect(shortcuts(pulumiStatics).sort()).toEqual(shortcuts(cdk8sStatics).sort());
    const names = shortcuts(cdk8sStatics);
    const expected = synthChart((chart) => names.forEach((n, i) => (cdk8sStatics[n] as (scope: import("cdk8s").Chart, id: string, props: { ngc: typeof ngc }) => unknown)(chart, `nim-${i}`, { ngc })));
    const actual = await synthPulumi(() => names.forEach((n, i) => (pulumiStatics[n] as (name: string, args: { ngc: typeof ngc; namespace: string }) => unknown)(`nim-${i}`, { ngc, namespace: "models" })));
    expect(byKey(actual)).toEqual(byKey(expected));
    expect(expected.filter((m) => m.kind === "ClusterServingRuntime")).toHaveLength(names.length);
  });

  it("Nims of the same model share a runtime, with Output namespaces too; a Nim's runtime serves other Nims and InferenceServices", async () => {
    const expected = synthChart(
      (chart) => {
        const profile = new cdk8s.HardwareProfile(chart, "l40s", l40s);
        const first = cdk8s.Nim.llama31_8bInstruct(chart, "first", { ngc, hardware: profile });
        cdk8s.Nim.llama31_8bInstruct(chart, "second", { ngc, hardware: profile.request({ accelerators: 2 }) });
        cdk8s.Nim.llama31_8bInstruct(chart, "third", { ngc, runtime: first, scaling: { min: 1, max: 3 } });
        new cdk8s.InferenceService(chart, "custom", { engine: first, model: ModelLocation.none(), hardware: profile.request({ accelerators: 1 }) });
      },
      { chart: { namespace: "nim" } },
    );
    expect(expected.filter((m) => m.kind === "ClusterServingRuntime").length).toBe(1);
    let first!: Nim, second!: Nim;
    const namespace = pulumi.output("nim");
    const actual = await synthPulumi(() => {
      const profile = new HardwareProfile("l40s", l40s);
      first = Nim.llama31_8bInstruct("first", { ngc, hardware: profile, namespace: "nim" });
      second = Nim.llama31_8bInstruct("second", { ngc, hardware: profile.request({ accelerators: 2 }), namespace });
      Nim.llama31_8bInstruct("third", { ngc, runtime: first, scaling: { min: 1, max: 3 }, namespace });
      new InferenceService("custom", { engine: first, model: ModelLocation.none(), hardware: profile.request({ accelerators: 1 }), namespace });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    expect([first.runtimeName, second.runtimeName, second.runtime.name]).toEqual(["nvidia-nim-llama-3.1-8b-instruct-1.13.1", "nvidia-nim-llama-3.1-8b-instruct-1.13.1", "nvidia-nim-llama-3.1-8b-instruct-1.13.1"]);
    expect([first.resources.length, second.resources.length]).toEqual([2, 1]);
  });

  it("NGC Secret names as Pulumi secrets: the objects that name them are secret there, and equal to cdk8s's", async () => {
    const expected = synthChart((chart) => {
      cdk8s.Nim.llama31_8bInstruct(chart, "llama", { ngc: { ...ngc, hfTokenSecret: "hf" } });
      cdk8s.Nim.llama31_8bInstruct(chart, "op", { ngc, platform: "nim-operator", cache: { create: { size: "100Gi" } } });
    });
    const secretNgc = { apiKeySecret: { ...ngc.apiKeySecret, name: pulumi.secret("nvidia-nim-secrets") }, pullSecret: pulumi.secret("ngc-secret") };
    const actual = await synthPulumi(() => {
      Nim.llama31_8bInstruct("llama", { ngc: { ...secretNgc, hfTokenSecret: pulumi.output("hf") }, namespace: "models" });
      Nim.llama31_8bInstruct("op", { ngc: secretNgc, platform: "nim-operator", cache: { create: { size: "100Gi" } }, namespace: "models" });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    const secret = (name: string): string[] => Object.entries(registered().find((r) => r.name === name)?.inputs ?? {}).flatMap(([k, v]) => (isSecretValue(v) ? [k] : []));
    expect(secret("llama-ClusterServingRuntime-nvidia-nim-llama-3.1-8b-instruct-1.13.1")).toEqual(["spec"]);
    expect(secret("llama-InferenceService-llama")).toEqual([]);
    expect(secret("op-NIMCache-op-cache")).toEqual(["spec"]);
    expect(secret("op-NIMService-op")).toEqual(["spec"]);
  });

  it("validation: the same messages as cdk8s, at construction", () => {
    const swapped = { apiKeySecret: NgcSecrets.pullSecret("ngc-secret") as never, pullSecret: NgcSecrets.apiKey("nvidia-nim-secrets") as never };
    const message = cdk8sMessage((chart) => cdk8s.Nim.llama31_8bInstruct(chart, "llama", { ngc: swapped, accelerators: 3 }));
    const error = pulumiError(() => Nim.llama31_8bInstruct("llama", { namespace: "models", ngc: swapped, accelerators: 3 }));
    expect(error.message).toBe(message);
    expect(error.issues.map((i) => i.rule)).toContain("nim/secret-mixup");
    const account = cdk8sMessage((chart) => new cdk8s.NimAccount(chart, "account", { apiKeySecret: "ngc-account" }));
    expect(pulumiError(() => new NimAccount("account", { apiKeySecret: "ngc-account" })).message).toBe(account);
    expect(account).toContain("[target/nim-account]");
  });

  it("registered outputs: service, runtime and platform; the Account's name", async () => {
    const outputs = await registeredOutputs(() => {
      KServeTarget.setDefault({ openshiftAI: { version: "2.25" } });
      return [
        Nim.llama31_8bInstruct("llama", { namespace: pulumi.output("nim"), ngc }),
        Nim.llama31_8bInstruct("op", { namespace: "nim", ngc, platform: "nim-operator" }),
        new NimAccount("account", { apiKeySecret: NgcSecrets.accountApiKey("ngc-account") }),
      ];
    });
    expect(outputs).toEqual([
      { serviceName: "llama", runtimeName: "nvidia-nim-llama-3.1-8b-instruct-1.13.1", platform: "kserve", namespace: "nim", objects: ["ServingRuntime/nvidia-nim-llama-3.1-8b-instruct-1.13.1", "InferenceService/llama"] },
      { serviceName: "op", runtimeName: undefined, platform: "nim-operator", namespace: "nim", objects: ["NIMService/op"] },
      { accountName: "account", namespace: undefined, objects: ["Account/account"] },
    ]);
  });
});

describe("storage-config, ModelMesh, serving and fleets", () => {
  it("Output namespace and secret credentials: the same objects as cdk8s; the Job's metadata and spec are secret, its resource name stable", async () => {
    const expected = synthChart(
      (chart) => {
        const storage = new cdk8s.StorageConfig(chart, "storage", { source: jobSource, entries: { minio } });
        const engine = new cdk8s.InferenceEngine(chart, "fraud", MLServer.runtime(fraudRuntime));
        new cdk8s.InferenceService(chart, "scorer", { engine, model: storage.path("minio", "scorer/v7/") });
      },
      { target: { modelMesh: true } },
    );
    KServeTarget.setDefault({ modelMesh: true });
    let storage!: StorageConfig;
    const namespace = pulumi.output("models");
    const actual = await synthPulumi(() => {
      storage = new StorageConfig("storage", { namespace, source: { job: { image: pulumi.output(jobSource.job.image) } }, entries: { minio: { ...minio, credentials: { secretName: pulumi.secret("minio-credentials") } } } });
      const engine = new InferenceEngine("fraud", { ...MLServer.runtime(fraudRuntime), namespace });
      new InferenceService("scorer", { engine, model: storage.path("minio", "scorer/v7/"), namespace });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    const job = registered().find((r) => r.type === "kubernetes:batch/v1:Job");
    expect([job?.name, isSecretValue(job?.inputs["metadata"]), isSecretValue(job?.inputs["spec"])]).toEqual(["storage-Job-storage-config-writer", true, true]);
    const binding = registered().find((r) => r.type === "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding");
    expect([isSecretValue(binding?.inputs["metadata"]), isSecretValue(binding?.inputs["subjects"])]).toEqual([false, false]);
    expect(await valueOf(storage.secretName)).toBe("storage-config");
  });

  it("a ModelMeshNamespace's name as the namespace of what is in it; a ModelServing as the engine of services and fleets; a ModelStorage as a fleet's storage", async () => {
    const target: TargetProps = { kserveVersion: "0.15", modelMesh: true };
    const expected = synthChart(
      (chart) => {
        new cdk8s.ModelMeshNamespace(chart, "ns", { labels: { team: "fraud" } });
        const single = new cdk8s.InferenceEngine(chart, "fraud", MLServer.runtime(fraudRuntime));
        const multi = new cdk8s.InferenceEngine(chart, "fraud-mm", MLServer.runtime({ ...fraudRuntime, mode: "multi" }));
        const serving = new cdk8s.ModelServing(chart, "serving", { mode: "multi", single, multi });
        const bucket = cdk8s.ModelStorage.s3(chart, "bucket", { bucket: "models", credentials: { storageConfigKey: "minio" } });
        new cdk8s.InferenceService(chart, "scorer", { engine: serving, model: bucket.path("scorer/") });
        new cdk8s.ModelFleet(chart, "fleet", { engine: serving, storage: bucket, namePrefix: "m-", models: [{ name: "a", path: "a/" }, { name: "b", path: "b/", mode: "single" }] });
      },
      { target, chart: { namespace: "fraud" } },
    );
    KServeTarget.setDefault(target);
    let ns!: ModelMeshNamespace, serving!: ModelServing, fleet!: ModelFleet;
    const actual = await synthPulumi(() => {
      ns = new ModelMeshNamespace("fraud", { labels: { team: "fraud" } });
      const namespace = ns.namespaceName;
      const single = new InferenceEngine("fraud", { ...MLServer.runtime(fraudRuntime), namespace });
      const multi = new InferenceEngine("fraud-mm", { ...MLServer.runtime({ ...fraudRuntime, mode: "multi" }), namespace });
      serving = new ModelServing("serving", { mode: "multi", single, multi });
      const bucket = ModelStorage.s3("bucket", { bucket: "models", credentials: { storageConfigKey: "minio" }, namespace });
      new InferenceService("scorer", { engine: serving, model: bucket.path("scorer/"), namespace });
      fleet = new ModelFleet("fleet", { engine: serving, storage: bucket, namePrefix: "m-", models: [{ name: "a", path: "a/" }, { name: "b", path: "b/", mode: "single" }], namespace });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    expect(find(actual, "InferenceService", "m-b").metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("RawDeployment");
    expect([serving.mode, serving.runtime.name, fleet.serviceNames]).toEqual(["multi", "fraud-mm", ["m-a", "m-b"]]);
    expect(await valueOf(ns.namespaceName)).toBe("fraud");
    // what is in the namespace gets its name from the Namespace resource
    const isvc = registered().find((r) => r.name === "scorer-InferenceService-scorer");
    expect(isvc?.inputs["metadata"]).toMatchObject({ namespace: "fraud" });
  });

  it("validation: the same messages as cdk8s, at construction", () => {
    const target: TargetProps = { modelMesh: true };
    KServeTarget.setDefault(target);
    const entries = { minio: { type: "s3" as const, bucket: "models" } };
    expect(pulumiError(() => new StorageConfig("storage", { namespace: "models", source: jobSource, entries })).message).toBe(cdk8sMessage((chart) => new cdk8s.StorageConfig(chart, "storage", { source: jobSource, entries }), target));
    expect(pulumiError(() => new ModelServing("serving", { mode: "multi", single: new InferenceEngine("single", { ...MLServer.runtime(fraudRuntime), namespace: "models" }) })).message).toBe(
      cdk8sMessage((chart) => new cdk8s.ModelServing(chart, "serving", { mode: "multi", single: new cdk8s.InferenceEngine(chart, "single", MLServer.runtime(fraudRuntime)) }), target),
    );
    const engine = ModelLocation.fromUri("s3://b/m");
    const models = [{ name: "a", location: engine }, { name: "a", location: engine }, { name: "A", location: engine }];
    expect(pulumiError(() => new ModelFleet("fleet", { namespace: "models", engine: new InferenceEngine("e", { ...MLServer.runtime({ ...fraudRuntime, name: "e2" }), namespace: "models" }), models })).message).toBe(
      cdk8sMessage((chart) => new cdk8s.ModelFleet(chart, "fleet", { engine: new cdk8s.InferenceEngine(chart, "e", MLServer.runtime({ ...fraudRuntime, name: "e2" })), models }), target),
    );
    expect(pulumiError(() => new ModelMeshNamespace("models", { labels: { "modelmesh-enabled": "false" } })).message).toBe(
      cdk8sMessage((chart) => new cdk8s.ModelMeshNamespace(chart, "models", { labels: { "modelmesh-enabled": "false" } }), target),
    );
  });

  it("registered outputs", async () => {
    const outputs = await registeredOutputs(() => {
      KServeTarget.setDefault({ modelMesh: true });
      const ns = new ModelMeshNamespace("mesh");
      const storage = new StorageConfig("storage", { namespace: ns.namespaceName, entries: { minio: { type: "s3", bucket: "models" } } });
      const single = new InferenceEngine("fraud", { ...MLServer.runtime(fraudRuntime), namespace: "mesh" });
      const serving = new ModelServing("serving", { mode: "single", single });
      const fleet = new ModelFleet("fleet", { namespace: "mesh", engine: serving, storage: storage.entry("minio"), models: [{ name: "a", path: "a/" }] });
      return [ns, storage, serving, fleet];
    });
    expect(outputs).toEqual([
      { namespaceName: "mesh", namespace: undefined, objects: ["Namespace/mesh"] },
      { secretName: "storage-config", keys: ["minio"], namespace: "mesh", objects: [] },
      { mode: "single", runtimeName: "fraud", namespace: undefined, objects: [] },
      { serviceNames: ["a"], namespace: "mesh", objects: ["InferenceService/a"] },
    ]);
  });
});
