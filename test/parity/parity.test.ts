/**
 * The same specs through cdk8s and through Pulumi give the same manifests, object for object and field
 * for field: the example platform (every cdk8s chart against the Pulumi program in examples/pulumi), and
 * a wide set of specs (every storage, runtime kind, mode and target, NIM, ModelMesh, storage-config,
 * fleets) written once against both adapters, with plain values and with every Input leaf given as an
 * Output.
 */
import { Chart, Testing } from "cdk8s";
import * as pulumi from "@pulumi/pulumi";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import { Accelerator, EnginePresets, Env, MLServer, ModelLocation, ModelMeshRuntimes, NgcSecrets, Parameter } from "kserve-constructs";
import type {
  EnginePreset,
  FleetStorage,
  HardwareProfileInfo,
  HardwareProfileProps,
  HardwareRequest,
  HardwareRequestProps,
  InferenceEngineProps,
  InferenceServiceProps,
  IRuntime,
  Manifest,
  ModelFleetProps,
  ModelMeshNamespaceProps,
  ModelServingProps,
  NimAccountProps,
  NimProps,
  ServingRuntimeProps,
  StorageBaseProps,
  StorageConfigPathOptions,
  StorageConfigProps,
  TargetProps,
} from "kserve-constructs";
import { byKey, isSecretValue, keyOf, manifests, registered, resetPulumi, settle, synthPulumi, valueOf } from "../support/pulumi";
import { find, synthApp } from "../support/synth";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import buildPlatform from "../../examples/platform";
import { SCENARIOS, deployPlatform } from "../../examples/pulumi/platform";

/** The example platform's manifests, per cdk8s chart. */
const charts: ReadonlyMap<string, Manifest[]> = (() => {
  const app = Testing.app();
  buildPlatform(app);
  return new Map(app.charts.map((c) => [c.node.id, byKey(c.toJson() as Manifest[])]));
})();

beforeEach(() => resetPulumi());
afterAll(() => settle());

describe("the example platform", () => {
  const ids = [...charts.keys()];
  const expected = byKey([...charts.values()].flat());

  it("the Pulumi program deploys every chart of the cdk8s app", () => {
    expect([...SCENARIOS]).toEqual(ids);
    expect(expected.length).toBe(103);
  });

  /** The Kubernetes objects the program registers with `options`, each chart's compared on its own. */
  describe.each([
    ["plain values", false],
    ["namespaces created and passed as Outputs, every Secret name a Pulumi secret", true],
  ])("%s", (_label, outputs) => {
    let actual: Manifest[] = [];
    let secretFields: Map<string, string[]> = new Map();
    beforeAll(async () => {
      await resetPulumi();
      actual = byKey(
        await synthPulumi(() =>
          deployPlatform(
            outputs
              ? {
                  minioSecretName: pulumi.secret("minio-credentials"),
                  hfTokenSecretName: pulumi.secret("hf-token"),
                  ngcApiKeySecretName: pulumi.secret("nvidia-nim-secrets"),
                  ngcPullSecretName: pulumi.secret("ngc-secret"),
                }
              : { createNamespaces: false },
          ),
        ),
      );
      const metadata = (value: unknown): { name?: string; namespace?: string } => (isSecretValue(value) ? metadata((value as { value: unknown }).value) : (value as { name?: string; namespace?: string }));
      secretFields = new Map(
        registered()
          .filter((r) => r.type.startsWith("kubernetes:"))
          .map((r) => {
            const { name, namespace } = metadata(r.inputs["metadata"]);
            return [`${r.inputs["kind"] as string}/${namespace ?? ""}/${name ?? ""}`, Object.keys(r.inputs).filter((k) => isSecretValue(r.inputs[k]))];
          }),
      );
    });

    it.each(ids)("%s: Pulumi registers the manifests cdk8s synthesizes", (id) => {
      const chart = charts.get(id) ?? [];
      const keys = new Set(chart.map(keyOf));
      expect(chart.length).toBeGreaterThan(2);
      expect(actual.filter((m) => keys.has(keyOf(m)))).toEqual(chart);
    });

    it("nothing else but the Namespaces the program creates", () => {
      const all = new Set(expected.map(keyOf));
      const extra = actual.filter((m) => !all.has(keyOf(m))).map(keyOf);
      expect(extra).toEqual(outputs ? ["data-science", "embeddings", "fraud-detection", "fraud-mlserver", "fraud-mlserver-mm", "gpustack-models", "llm", "llm-rhoai", "llm-serving", "nim", "nim-serverless", "vision"].map((n) => `Namespace//${n}`) : []);
    });

    it("a field is a Pulumi secret exactly when a secret reaches it", () => {
      // (the SecretPatch's metadata carries the Secret's name; a Secret's stringData is always secret for @pulumi/kubernetes)
      const secret = (object: string): string[] | undefined => secretFields.get(object);
      if (!outputs) {
        expect([...secretFields.entries()].filter(([object, fields]) => fields.length > 0 && !object.startsWith("Secret/"))).toEqual([]);
        return;
      }
      expect(secret("Secret/fraud-detection/minio-credentials")).toEqual(["metadata"]);
      expect(secret("ServiceAccount/fraud-detection/minio-sa")).toEqual(["secrets"]);
      expect(secret("ServiceAccount/embeddings/hub-sa")).toEqual(["secrets"]);
      expect(secret("ClusterServingRuntime//nvidia-nim-llama-3.1-8b-instruct-1.13.1")).toEqual(["spec"]);
      expect(secret("ServingRuntime/data-science/nvidia-nim-nv-rerankqa-mistral-4b-v3-1.0.2")).toEqual(["spec"]);
      expect(secret("NIMService/nim/llama-3-1-8b-operator")).toEqual(["spec"]);
      expect(secret("NIMCache/nim/llama-3-1-8b-operator-cache")).toEqual(["spec"]);
      // the Job is named after its pod spec, which names the MinIO Secret
      expect(secret(`Job/fraud-mlserver/${find(actual, "Job").metadata.name}`)).toEqual(["metadata", "spec"]);
      expect(secret("InferenceService/nim/llama-3-1-8b-kserve")).toEqual([]);
      expect(secret("RoleBinding/fraud-mlserver/storage-config-writer")).toEqual([]);
      expect(secret("InferenceService/fraud-mlserver/fraud-scorer")).toEqual([]);
      expect(secret("ServingRuntime/fraud-models/mlserver")).toEqual([]);
    });
  });

  it("the program entry point runs under mocks with stack config: target, scenarios, a namespace prefix, secret names, an explicit provider", async () => {
    await resetPulumi({
      config: {
        "kserve-constructs-examples:kserveVersion": "0.15",
        "kserve-constructs-examples:scenarios": "openai-engine-pvc, kserve-runtime-s3,huggingface",
        "kserve-constructs-examples:namespacePrefix": "dev-",
        "kserve-constructs-examples:minioSecretName": "s3-keys",
        "kserve-constructs-examples:context": "staging",
      },
    });
    let exported: Record<string, unknown> = {};
    jest.isolateModules(() => {
      exported = require("../../examples/pulumi") as Record<string, unknown>;
    });
    await settle();
    const objects = manifests();
    expect(objects.map((m) => `${m.kind}/${m.metadata.namespace ?? "-"}/${m.metadata.name}`).sort()).toEqual([
      "ClusterServingRuntime/-/text-embeddings",
      "InferenceService/dev-embeddings/bge-small",
      "InferenceService/dev-fraud-detection/fraud-scorer",
      "InferenceService/dev-fraud-detection/fraud-scorer-shadow",
      "InferenceService/dev-llm-serving/support-bot",
      "Namespace/-/dev-embeddings",
      "Namespace/-/dev-fraud-detection",
      "Namespace/-/dev-llm-serving",
      "PersistentVolumeClaim/dev-llm-serving/model-store",
      "Secret/dev-fraud-detection/s3-keys",
      "ServiceAccount/dev-embeddings/hub-sa",
      "ServiceAccount/dev-fraud-detection/minio-sa",
      "ServingRuntime/dev-fraud-detection/sklearn-server",
      "ServingRuntime/dev-llm-serving/chat-server",
    ]);
    const modes = objects.filter((m) => m.kind === "InferenceService").map((m) => m.metadata.annotations?.["serving.kserve.io/deploymentMode"]);
    expect(new Set(modes)).toEqual(new Set(["RawDeployment", "Serverless"]));
    const provider = registered().find((r) => r.type === "pulumi:providers:kubernetes");
    expect(provider?.inputs).toMatchObject({ context: "staging" });
    const kube = registered().filter((r) => r.type.startsWith("kubernetes:"));
    expect(kube.length).toBe(14);
    for (const r of kube) expect(r.provider).toMatch(/::pulumi:providers:kubernetes::k8s::/);
    expect(Object.keys(exported).sort()).toEqual(["namespaces", "nims", "runtimes", "urls"]);
    expect(exported["runtimes"]).toEqual({ "chat-server": "ServingRuntime", "sklearn-server": "ServingRuntime", "text-embeddings": "ClusterServingRuntime" });
    expect(Object.keys(exported["urls"] as object).sort()).toEqual(["bge-small", "fraud-scorer", "fraud-scorer-shadow", "support-bot"]);
  });

  it("the whole platform from the program entry point: every scenario's namespace, runtimes and NIMs exported; NGC Secret names from config", async () => {
    await resetPulumi({ config: { "kserve-constructs-examples:ngcApiKeySecretName": "ngc-key", "kserve-constructs-examples:createNamespaces": "false" } });
    let exported: Record<string, unknown> = {};
    jest.isolateModules(() => {
      exported = require("../../examples/pulumi") as Record<string, unknown>;
    });
    await settle();
    const namespaces = exported["namespaces"] as Record<string, pulumi.Output<string | undefined>>;
    expect(Object.fromEntries(await Promise.all(Object.entries(namespaces).map(async ([k, v]) => [k, await valueOf(v)] as const)))).toEqual({
      "openai-engine-pvc": "llm-serving",
      "kserve-runtime-s3": "fraud-detection",
      huggingface: "embeddings",
      accelerators: "llm-serving",
      "openshift-ai-hardware": "data-science",
      nim: "nim",
      "modelmesh-fleet": "fraud-models",
      "mlserver-custom": "fraud-mlserver",
      "mlserver-custom-multi": "fraud-mlserver-mm",
      "gpustack-backends": "gpustack-models",
      "chariot-engine": "vision",
      "llm-serving": "llm",
      "llm-openshift-ai": "llm-rhoai",
      "nim-knative": "nim-serverless",
    });
    expect(exported["nims"]).toEqual({
      reranker: { serviceName: "reranker", platform: "kserve", runtimeName: "nvidia-nim-nv-rerankqa-mistral-4b-v3-1.0.2" },
      "llama-3-1-8b-kserve": { serviceName: "llama-3-1-8b-kserve", platform: "kserve", runtimeName: "nvidia-nim-llama-3.1-8b-instruct-1.13.1" },
      "llama-3-1-8b-operator": { serviceName: "llama-3-1-8b-operator", platform: "nim-operator" },
      embedqa: { serviceName: "embedqa", platform: "kserve", runtimeName: "nvidia-nim-nv-embedqa-e5-v5-1.1.0" },
      "mistral-7b": { serviceName: "mistral-7b", platform: "kserve", runtimeName: "nvidia-nim-mistral-7b-instruct-v03-1.1.2" },
      "llama-3-1-70b": { serviceName: "llama-3-1-70b", platform: "kserve", runtimeName: "nvidia-nim-llama-3.1-70b-instruct-1.13.1" },
    });
    expect(Object.keys(exported["runtimes"] as object)).toContain("mlserver-custom-multi-fraud-mlserver-mm");
    const objects = manifests();
    expect(objects.length).toBe(expected.length);
    const runtime = find(objects, "ClusterServingRuntime", "nvidia-nim-llama-3.1-8b-instruct-1.13.1");
    expect(JSON.stringify(runtime)).toContain('"secretKeyRef":{"key":"NGC_API_KEY","name":"ngc-key"}');
    expect(JSON.stringify(find(objects, "NIMService"))).toContain('"authSecret":"ngc-key"');
  });

  it("Pulumi.yaml declares every config key the program reads, with the program's own defaults", async () => {
    const root = path.resolve(__dirname, "../..");
    const project = parseYaml(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as { name: string; main: string; config: Record<string, { type: string; default: unknown }> };
    expect(project.name).toBe("kserve-constructs-examples");
    expect(fs.existsSync(path.join(root, project.main, "index.ts"))).toBe(true);
    const source = fs.readFileSync(path.join(root, "examples", "pulumi", "index.ts"), "utf8");
    const read = [...source.matchAll(/config\.get(?:Boolean)?\("(\w+)"\)|\["(\w+SecretName)"/g), ...source.matchAll(/"(\w+SecretName)"/g)].map((m) => (m[1] ?? m[2]) as string);
    // kubeconfig and context have no default: without them the default provider is used.
    expect([...new Set(read)].sort()).toEqual([...Object.keys(project.config), "context", "kubeconfig"].sort());

    const run = async (config: Record<string, string>): Promise<string[]> => {
      await resetPulumi({ config });
      jest.isolateModules(() => {
        require("../../examples/pulumi");
      });
      await settle();
      return manifests().map((m) => JSON.stringify(m)).sort();
    };
    const withoutConfig = await run({});
    const defaults = Object.fromEntries(Object.entries(project.config).map(([key, spec]) => [`${project.name}:${key}`, String(spec.default)]));
    expect(await run(defaults)).toEqual(withoutConfig);
    // Every chart's objects, and the Namespaces the program creates (the ModelMesh namespace is a chart's own).
    const created = withoutConfig.map((m) => JSON.parse(m) as { kind: string; metadata: { name: string } }).filter((m) => m.kind === "Namespace" && m.metadata.name !== "fraud-models");
    expect(created.map((m) => m.metadata.name).sort()).toEqual(["data-science", "embeddings", "fraud-detection", "fraud-mlserver", "fraud-mlserver-mm", "gpustack-models", "llm", "llm-rhoai", "llm-serving", "nim", "nim-serverless", "vision"]);
    expect(withoutConfig.length).toBe(expected.length + created.length);
  });

  it("an unknown scenario is an error that lists the scenarios", () => {
    expect(() => deployPlatform({ scenarios: ["nim", "nope"] })).toThrow("unknown scenarios nope: the scenarios are openai-engine-pvc, kserve-runtime-s3, huggingface, accelerators, openshift-ai-hardware, nim, modelmesh-fleet, mlserver-custom, mlserver-custom-multi");
  });
});

/** What the shared specs below need from an adapter. */
interface Driver {
  engine(id: string, props: InferenceEngineProps | EnginePreset): IRuntime;
  runtime(id: string, props: ServingRuntimeProps): IRuntime;
  storage<K extends StorageKind>(kind: K, id: string, props: StoragePropsOf<K>): { path(p: string): ModelLocation };
  profile(id: string, props: HardwareProfileProps): { request(values?: HardwareRequestProps): HardwareRequest; readonly profile: HardwareProfileInfo };
  service(id: string, props: InferenceServiceProps): void;
  nim(id: string, props: NimProps): IRuntime;
  nimAccount(id: string, props: NimAccountProps): void;
  storageConfig(id: string, props: StorageConfigProps): { path(key: string, path: string, options?: StorageConfigPathOptions): ModelLocation; entry(key: string): FleetStorage };
  serving(id: string, props: ModelServingProps): IRuntime;
  fleet(id: string, props: ModelFleetProps): void;
  meshNamespace(id: string, props: ModelMeshNamespaceProps): void;
}

type StorageKind = "s3" | "pvc" | "oci" | "huggingFace" | "gcs" | "azureBlob" | "uri";
type StoragePropsOf<K extends StorageKind> = Parameters<(typeof cdk8s.ModelStorage)[K]>[2] & StorageBaseProps;

function cdk8sDriver(chart: Chart): Driver {
  return {
    engine: (id, props) => new cdk8s.InferenceEngine(chart, id, props),
    runtime: (id, props) => new cdk8s.ServingRuntime(chart, id, props),
    storage: (kind, id, props) => (cdk8s.ModelStorage[kind] as (s: Chart, i: string, p: unknown) => cdk8s.ModelStorage)(chart, id, props),
    profile: (id, props) => new cdk8s.HardwareProfile(chart, id, props),
    service: (id, props) => new cdk8s.InferenceService(chart, id, props),
    nim: (id, props) => new cdk8s.Nim(chart, id, props),
    nimAccount: (id, props) => new cdk8s.NimAccount(chart, id, props),
    storageConfig: (id, props) => new cdk8s.StorageConfig(chart, id, props),
    serving: (id, props) => new cdk8s.ModelServing(chart, id, props),
    fleet: (id, props) => new cdk8s.ModelFleet(chart, id, props),
    meshNamespace: (id, props) => new cdk8s.ModelMeshNamespace(chart, id, props),
  };
}

const INPUT_KEYS = new Set(["namespace", "serviceAccountName", "secretName", "tokenSecret", "credentialsSecret", "pullSecret", "apiKeySecret", "hfTokenSecret", "image"]);
/** Objects whose Input leaves are one level down: S3 credentials, NGC credentials, typed Secret references, a storage-config Job. */
const NESTED_KEYS = new Set(["credentials", "ngc", "apiKeySecret", "pullSecret", "job", "source"]);

/**
 * Every leaf the Pulumi args accept as an Input, as an Output (secret names as Pulumi secrets). One value
 * is one Output in the whole program (as one config value used twice), so that specs that share a
 * value share the Output.
 */
function asOutputs(props: object, cache: Map<string, pulumi.Output<string>>): object {
  const once = (key: string, value: string, secret: boolean): pulumi.Output<string> => {
    const id = `${secret ? "secret" : "plain"}:${key}=${value}`;
    let output = cache.get(id);
    if (output === undefined) {
      output = secret ? pulumi.secret(value) : pulumi.output(value);
      cache.set(id, output);
    }
    return output;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === "string" && (INPUT_KEYS.has(key) || (key === "name" && "type" in props))) out[key] = once(key, value, key.endsWith("ecret") || key === "secretName" || key === "name");
    else if (NESTED_KEYS.has(key) && value !== null && typeof value === "object") out[key] = asOutputs(value, cache);
    else if (key === "entries" && value !== null && typeof value === "object") out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asOutputs(v as object, cache)]));
    else if (key === "imagePullSecrets" && Array.isArray(value)) out[key] = value.map((v: string) => once(key, v, false));
    else if (key === "env" && value !== null && typeof value === "object") out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? pulumi.secret(v) : v]));
    else if (key === "versions" && value !== null && typeof value === "object") {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, { image: Record<string, string> }>).map(([v, version]) => [v, { ...version, image: Object.fromEntries(Object.entries(version.image).map(([t, i]) => [t, pulumi.output(i)])) }]),
      );
    } else out[key] = value;
  }
  return out;
}

function pulumiDriver(namespace: string, outputs: boolean): Driver {
  const cache = new Map<string, pulumi.Output<string>>();
  const args = <P extends object>(props: P, namespaced = true): never => {
    const withNamespace = namespaced && !("namespace" in props) ? { ...props, namespace } : props;
    return (outputs ? asOutputs(withNamespace, cache) : withNamespace) as never;
  };
  return {
    // a preset gets its namespace beside it
    engine: (id, props) => new pc.InferenceEngine(id, args(props, cdk8s.isEnginePreset(props) || props.scope !== "cluster")),
    runtime: (id, props) => new pc.ServingRuntime(id, args(props, props.scope !== "cluster")),
    storage: (kind, id, props) => (pc.ModelStorage[kind] as (i: string, p: unknown) => pc.ModelStorage)(id, args(props)),
    profile: (id, props) => new pc.HardwareProfile(id, args(props, false)),
    service: (id, props) => {
      new pc.InferenceService(id, args(props));
    },
    nim: (id, props) => new pc.Nim(id, args(props)),
    nimAccount: (id, props) => new pc.NimAccount(id, args(props, false)),
    storageConfig: (id, props) => new pc.StorageConfig(id, args(props)),
    serving: (id, props) => new pc.ModelServing(id, props),
    fleet: (id, props) => {
      new pc.ModelFleet(id, args(props));
    },
    meshNamespace: (id, props) => {
      new pc.ModelMeshNamespace(id, { ...props, name: outputs ? pulumi.output(namespace) : namespace });
    },
  };
}

/** A wide set of valid specs, written once for both adapters. */
const scenarios: { name: string; namespace: string; target: TargetProps; define: (d: Driver, namespace: string) => void }[] = [
  {
    name: "every storage kind, engine versions, raw and existing runtimes, Knative",
    namespace: "variety",
    target: { kserveVersion: "0.20" },
    define: (d) => {
      const engine = d.engine("oip", {
        versions: { "1.0": { image: { cpu: "r/oip:1", nvidia: "r/oip-cuda:1" } }, "1.1": { image: { cpu: "r/oip:1.1" }, env: { FEATURE: "on" } } },
        defaultVersion: "1.0",
        protocol: ["v2", "grpc-v2"],
        grpcPort: 9000,
        parameters: { WORKERS: Parameter.int({ default: 2 }) },
        modelFormats: [{ name: "onnx", version: "1", priority: 1 }, { name: "pytorch", autoSelect: false }],
        env: { POD_NAME: Env.fromField("metadata.name"), MODE: "serve" },
        resources: { requests: { cpu: 1, memory: "1Gi" }, limits: { cpu: 2, memory: "2Gi" } },
        imagePullSecrets: ["pull"],
      });
      const locations = [
        d.storage("s3", "s3", { bucket: "models", endpoint: "https://minio:9000", verifySsl: false, serviceAccountName: "s3-reader", credentials: { secretName: "creds" } }).path("a/"),
        d.storage("s3", "irsa", { bucket: "models", region: "eu-west-1", credentials: { irsaRoleArn: "arn:aws:iam::123456789012:role/m" } }).path("b"),
        d.storage("s3", "cfg", { bucket: "models", credentials: { storageConfigKey: "minio" } }).path("c"),
        d.storage("pvc", "pvc", { create: { size: "10Gi", accessModes: ["ReadWriteMany"], storageClassName: "fast" } }).path("d"),
        d.storage("oci", "oci", { registry: "quay.io/acme", pullSecret: "quay" }).path("e:1"),
        d.storage("huggingFace", "hf", { tokenSecret: "hf" }).path("org/model"),
        d.storage("gcs", "gcs", { bucket: "ml-models", credentialsSecret: "gcs" }).path("g"),
        d.storage("azureBlob", "azure", { account: "acme", container: "models", credentialsSecret: "az" }).path("h"),
        d.storage("uri", "uri", { baseUrl: "https://files.example.com/m/" }).path("i.tgz"),
      ];
      locations.forEach((model, i) =>
        d.service(`m${i}`, {
          engine,
          model,
          modelFormat: { name: "onnx", version: "1" },
          engineVersion: i % 2 === 0 ? "1.0" : "1.1",
          parameters: { WORKERS: i + 1 },
          env: { REPLICA_HINT: `r${i}` },
          ...(i === 4 ? { imagePullSecrets: ["extra-pull"] } : {}),
          scaling: { min: 1, max: 2, autoscaler: i === 1 ? "none" : "hpa" },
        }),
      );
      const knative = d.engine("kn-engine", { versions: { "1": { image: { cpu: "r/kn:1" } } }, protocol: "v1", modelFormats: [{ name: "kn-format" }] });
      d.service("kn", { engine: knative, model: ModelLocation.fromUri("s3://b/kn"), deploymentMode: "Knative", scaling: { min: 0, max: 3 }, containerConcurrency: 2, canaryTrafficPercent: 25, visibility: "exposed" });
      const existing = cdk8s.ServingRuntime.fromName("kserve-sklearnserver", { modelFormats: [{ name: "sklearn", version: "1", autoSelect: true }], protocolVersions: ["v1", "v2"] });
      d.service("iris", { engine: existing, model: ModelLocation.fromUri("gs://kfserving-examples/models/sklearn/1.0/model"), pinRuntime: false });
      d.runtime("raw", {
        scope: "cluster",
        spec: {
          supportedModelFormats: [{ name: "tensorflow", version: "2", autoSelect: true, priority: 1 }],
          protocolVersions: ["v1", "grpc-v1"],
          containers: [{ name: "kserve-container", image: "tensorflow/serving:2.6.2", args: ["--port=9000", "--rest_api_port=8080", "--model_name={{.Name}}", "--model_base_path=/mnt/models"] }],
        },
      });
    },
  },
  {
    name: "OpenShift AI: hardware profiles, a vLLM preset, a data connection",
    namespace: "data-science",
    target: { openshiftAI: { version: "3.4" } },
    define: (d) => {
      const a100 = d.profile("a100", {
        accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-A100-SXM4-80GB" }),
        cpu: { min: 2, default: 8, max: 32 },
        memory: { min: "16Gi", default: "64Gi", max: "256Gi" },
        nodeScheduling: { tolerations: [{ key: "dedicated", operator: "Equal", value: "model-serving", effect: "NoSchedule" }] },
      });
      const queued = d.profile("queued", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4 }), queueScheduling: { localQueue: "gpu-serving" } });
      const vllm = d.engine("vllm", EnginePresets.vllm({ accelerator: "nvidia", image: "quay.io/modh/vllm:rhoai-3.4-cuda" }));
      const connection = d.storage("s3", "models", { bucket: "models", credentials: { storageConfigKey: "aws-connection-models" } });
      d.service("granite", { engine: vllm, model: connection.path("granite"), hardware: a100.request({ accelerators: 2 }), displayName: "Granite", visibility: "exposed" });
      d.service("mistral", { engine: vllm, model: connection.path("mistral"), hardware: queued.request() });
    },
  },
  {
    name: "NVIDIA NIM on OpenShift AI: Nims sharing a runtime (implicitly and explicitly), an InferenceService on a Nim's runtime, a cache with a download Job, the NIM Operator, the Account",
    namespace: "nim",
    target: { openshiftAI: { version: "2.25" } },
    define: (d) => {
      const ngc = { apiKeySecret: NgcSecrets.apiKey("nim-key"), pullSecret: "ngc-pull", hfTokenSecret: "hf-token" };
      const l40s = d.profile("l40s", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4, product: "NVIDIA-L40S" }), cpu: { min: 2, default: 8, max: 32 }, memory: { min: "16Gi", default: "32Gi", max: "128Gi" } });
      const first = d.nim("llama-a", { model: "llama-3.1-8b-instruct", ngc, hardware: l40s.request({ accelerators: 1 }), cache: { create: { size: "50Gi", accessMode: "ReadWriteMany" } }, scaling: { min: 1, max: 2 } });
      d.nim("llama-b", { model: "llama-3.1-8b-instruct", ngc, hardware: l40s, cache: { claimName: "llama-cache", accessModes: ["ReadWriteOnce"], downloadJob: true } });
      d.nim("llama-c", { model: "llama-3.1-8b-instruct", ngc, runtime: first, visibility: "exposed" });
      d.service("llama-extra", { engine: first, model: ModelLocation.none(), hardware: l40s.request({ accelerators: 1 }) });
      d.nim("mistral", { model: "mistral-7b-instruct-v03", platform: "nim-operator", ngc, hardware: l40s.request({ accelerators: 1 }), cache: { create: { size: "30Gi" } }, profile: "a".repeat(64) });
      d.nimAccount("account", { apiKeySecret: NgcSecrets.accountApiKey("ngc-account", { namespace: "nim" }) });
    },
  },
  {
    name: "ModelMesh: a ModelMesh namespace, MLServer presets in both modes behind a ModelServing, a storage-config Job, fleets on a storage-config entry and on a ModelStorage",
    namespace: "mesh",
    target: { kserveVersion: "0.15", modelMesh: true },
    define: (d) => {
      d.meshNamespace("ns", {});
      const mm = d.engine("mlserver", ModelMeshRuntimes.mlserver({ replicas: 2 }));
      const runtime = { image: "r/fraud:1", implementation: "fraud.Model", modelFormats: [{ name: "fraud", version: "1" }] };
      const single = d.engine("fraud", MLServer.runtime(runtime));
      const multi = d.engine("fraud-mm", MLServer.runtime({ ...runtime, mode: "multi" }));
      const serving = d.serving("fraud-serving", { mode: "multi", single, multi });
      const storage = d.storageConfig("storage-config", {
        source: { job: { image: "docker.io/alpine/k8s:1.31.4", imagePullSecrets: ["pull"] } },
        entries: { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1", credentials: { secretName: "minio-keys" } } },
      });
      d.service("scorer", { engine: serving, model: storage.path("minio", "fraud/v1/") });
      const sklearn = { name: "sklearn", version: "0" };
      d.fleet("sklearn", { engine: mm, storage: storage.entry("minio"), namePrefix: "sk-", models: [{ name: "a", format: sklearn, path: "a/model.joblib" }, { name: "b", format: sklearn, path: "b/model.joblib" }] });
      const bucket = d.storage("s3", "bucket", { bucket: "models", credentials: { storageConfigKey: "minio" } });
      d.fleet("fraud-fleet", { engine: serving, storage: bucket, models: [{ name: "c", path: "c/" }, { name: "d", path: "d/", mode: "single" }] });
    },
  },
];

describe.each(scenarios)("$name", ({ namespace, target, define }) => {
  const expected = byKey(
    synthApp((app) => {
      const chart = new Chart(app, "parity", { namespace });
      cdk8s.KServeTarget.set(chart, target);
      define(cdk8sDriver(chart), namespace);
    }),
  );

  it.each([
    ["plain values", false],
    ["every Input leaf an Output", true],
  ])("Pulumi registers the manifests cdk8s synthesizes (%s)", async (_label, outputs) => {
    expect(expected.length).toBeGreaterThan(3);
    pc.KServeTarget.setDefault(target);
    const actual = await synthPulumi(() => define(pulumiDriver(namespace, outputs), namespace));
    expect(byKey(actual)).toEqual(expected);
  });
});
