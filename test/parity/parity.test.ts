/**
 * The same specs through cdk8s and through Pulumi give the same manifests, object for object and field
 * for field: the example platform (the cdk8s charts against the Pulumi program in examples/pulumi), and
 * a wide set of specs (every storage, runtime kind, mode and target) written once against both
 * adapters, with plain values and with every Input leaf given as an Output.
 */
import { App, Chart, Testing } from "cdk8s";
import * as pulumi from "@pulumi/pulumi";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import { Accelerator, EnginePresets, Env, ModelLocation, Parameter } from "kserve-constructs";
import type {
  EnginePreset,
  HardwareProfileProps,
  HardwareRequest,
  HardwareRequestProps,
  InferenceEngineProps,
  InferenceServiceProps,
  IRuntime,
  Manifest,
  ServingRuntimeProps,
  StorageBaseProps,
  TargetProps,
} from "kserve-constructs";
import { manifests, registered, resetPulumi, settle, synthPulumi } from "../support/pulumi";
import { OpenAIEnginePvcChart } from "../../examples/openai-engine-pvc";
import { KServeRuntimeS3Chart } from "../../examples/kserve-runtime-s3";
import { HuggingFaceChart } from "../../examples/huggingface";
import { deployPlatform } from "../../examples/pulumi/platform";

function byKey(ms: readonly Manifest[]): Manifest[] {
  const key = (m: Manifest): string => `${m.kind}/${m.metadata.namespace ?? ""}/${m.metadata.name}`;
  return [...ms].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function synthCdk8s(define: (app: App) => void): Manifest[] {
  const app = Testing.app();
  define(app);
  return app.charts.flatMap((c) => c.toJson() as Manifest[]);
}

/** The cdk8s charts the Pulumi program mirrors. */
function cdk8sPlatform(app: App): void {
  cdk8s.KServeTarget.set(app, { kserveVersion: "0.20" });
  new OpenAIEnginePvcChart(app, "openai-engine-pvc");
  new KServeRuntimeS3Chart(app, "kserve-runtime-s3");
  new HuggingFaceChart(app, "huggingface");
}

beforeEach(() => resetPulumi());
afterAll(() => settle());

describe("the example platform", () => {
  const expected = byKey(synthCdk8s(cdk8sPlatform));

  it("the Pulumi program registers exactly the manifests the cdk8s charts synthesize", async () => {
    expect(expected.length).toBe(11);
    const actual = await synthPulumi(() => deployPlatform({ createNamespaces: false }));
    expect(byKey(actual)).toEqual(expected);
  });

  it("with the namespaces created and passed as Outputs (the program's default), the same manifests plus the Namespaces", async () => {
    const actual = await synthPulumi(() => deployPlatform());
    expect(byKey(actual.filter((m) => m.kind !== "Namespace"))).toEqual(expected);
    expect(actual.filter((m) => m.kind === "Namespace").map((m) => m.metadata.name).sort()).toEqual(["embeddings", "fraud-detection", "llm-serving"]);
  });

  it("the program entry point runs under mocks with stack config: target, one namespace, secret names, an explicit provider", async () => {
    await resetPulumi({
      config: {
        "kserve-constructs-examples:kserveVersion": "0.15",
        "kserve-constructs-examples:namespace": "ml",
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
      "InferenceService/ml/bge-small",
      "InferenceService/ml/fraud-scorer",
      "InferenceService/ml/fraud-scorer-shadow",
      "InferenceService/ml/support-bot",
      "Namespace/-/ml",
      "PersistentVolumeClaim/ml/model-store",
      "Secret/ml/s3-keys",
      "ServiceAccount/ml/hub-sa",
      "ServiceAccount/ml/minio-sa",
      "ServingRuntime/ml/chat-server",
      "ServingRuntime/ml/sklearn-server",
    ]);
    const modes = objects.filter((m) => m.kind === "InferenceService").map((m) => m.metadata.annotations?.["serving.kserve.io/deploymentMode"]);
    expect(new Set(modes)).toEqual(new Set(["RawDeployment", "Serverless"]));
    const provider = registered().find((r) => r.type === "pulumi:providers:kubernetes");
    expect(provider?.inputs).toMatchObject({ context: "staging" });
    const kube = registered().filter((r) => r.type.startsWith("kubernetes:"));
    expect(kube.length).toBe(12);
    for (const r of kube) expect(r.provider).toMatch(/::pulumi:providers:kubernetes::k8s::/);
    expect(Object.keys(exported).sort()).toEqual(["namespaces", "runtimes", "urls"]);
    expect(exported["runtimes"]).toEqual({ "chat-server": "ServingRuntime", "sklearn-server": "ServingRuntime", "text-embeddings": "ClusterServingRuntime" });
  });
});

/** What the shared specs below need from an adapter. */
interface Driver {
  engine(id: string, props: InferenceEngineProps | EnginePreset): IRuntime;
  runtime(id: string, props: ServingRuntimeProps): IRuntime;
  storage<K extends StorageKind>(kind: K, id: string, props: StoragePropsOf<K>): { path(p: string): ModelLocation };
  profile(id: string, props: HardwareProfileProps): { request(values?: HardwareRequestProps): HardwareRequest };
  service(id: string, props: InferenceServiceProps): void;
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
  };
}

const INPUT_KEYS = new Set(["namespace", "serviceAccountName", "secretName", "tokenSecret", "credentialsSecret", "pullSecret"]);

/** Every leaf the Pulumi args accept as an Input, as an Output (secret names as Pulumi secrets). */
function asOutputs(props: object): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === "string" && INPUT_KEYS.has(key)) out[key] = key.endsWith("ecret") || key === "secretName" ? pulumi.secret(value) : pulumi.output(value);
    else if (key === "credentials" && value !== null && typeof value === "object") out[key] = asOutputs(value);
    else if (key === "imagePullSecrets" && Array.isArray(value)) out[key] = value.map((v: string) => pulumi.output(v));
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
  const args = <P extends object>(props: P, namespaced = true): never => {
    const withNamespace = namespaced && !("namespace" in props) ? { ...props, namespace } : props;
    return (outputs ? asOutputs(withNamespace) : withNamespace) as never;
  };
  return {
    engine: (id, props) => new pc.InferenceEngine(id, cdk8s.isEnginePreset(props) ? props : args(props, props.scope !== "cluster")),
    runtime: (id, props) => new pc.ServingRuntime(id, args(props, props.scope !== "cluster")),
    storage: (kind, id, props) => (pc.ModelStorage[kind] as (i: string, p: unknown) => pc.ModelStorage)(id, args(props)),
    profile: (id, props) => new pc.HardwareProfile(id, args(props, false)),
    service: (id, props) => {
      new pc.InferenceService(id, args(props));
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
    define: (d, namespace) => {
      const a100 = d.profile("a100", {
        accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-A100-SXM4-80GB" }),
        cpu: { min: 2, default: 8, max: 32 },
        memory: { min: "16Gi", default: "64Gi", max: "256Gi" },
        nodeScheduling: { tolerations: [{ key: "dedicated", operator: "Equal", value: "model-serving", effect: "NoSchedule" }] },
      });
      const queued = d.profile("queued", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4 }), queueScheduling: { localQueue: "gpu-serving" } });
      const vllm = d.engine("vllm", EnginePresets.vllm({ accelerator: "nvidia", image: "quay.io/modh/vllm:rhoai-3.4-cuda", namespace }));
      const connection = d.storage("s3", "models", { bucket: "models", credentials: { storageConfigKey: "aws-connection-models" } });
      d.service("granite", { engine: vllm, model: connection.path("granite"), hardware: a100.request({ accelerators: 2 }), displayName: "Granite", visibility: "exposed" });
      d.service("mistral", { engine: vllm, model: connection.path("mistral"), hardware: queued.request() });
    },
  },
];

describe.each(scenarios)("$name", ({ namespace, target, define }) => {
  const expected = byKey(
    synthCdk8s((app) => {
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
