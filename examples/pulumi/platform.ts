/**
 * The example platform as Pulumi components: every scenario of the cdk8s app in examples/platform.ts,
 * from the same specs (examples/specs), so both give the same manifests.
 *
 * Two things differ from cdk8s by nature:
 * - a chart's namespace and target apply to everything below it; here each component gets its namespace,
 *   and a scenario's target is the program's default while its components are created;
 * - construct ids are unique per chart, Pulumi resource names per program: a scenario deployed twice
 *   (mlserver-custom) or with an id another scenario uses prefixes its resource names with the cdk8s
 *   chart id and names its objects explicitly, so the objects are the same.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import {
  HardwareProfile,
  InferenceEngine,
  InferenceService,
  KServeTarget,
  LLMInferenceService,
  MLServer,
  ModelFleet,
  ModelMeshNamespace,
  ModelMeshRuntimes,
  ModelServing,
  ModelStorage,
  Nim,
  NimAccount,
  StorageConfig,
  mergeTargetProps,
} from "kserve-constructs/pulumi";
import type { InferenceServiceArgs, NimNgcArgs, NimNgcProps, RuntimeComponent, TargetProps, VllmPresetProps } from "kserve-constructs/pulumi";
import * as openai from "../specs/openai-engine-pvc";
import * as sklearn from "../specs/kserve-runtime-s3";
import * as hf from "../specs/huggingface";
import * as accelerators from "../specs/accelerators";
import * as odh from "../specs/openshift-ai-hardware";
import * as nims from "../specs/nim";
import * as mesh from "../specs/modelmesh-fleet";
import * as mlserver from "../specs/mlserver-custom";
import * as platformSpec from "../specs/platform";
import * as gpustack from "../specs/gpustack-backends";
import * as chariot from "../specs/chariot-engine";
import * as dashboard from "../specs/openshift-ai-dashboard";
import * as llm from "../specs/llm";
import * as nimKnative from "../specs/nim-knative";

/** Settings of the example platform (the Pulumi program reads them from stack config). */
export interface PlatformOptions {
  /**
   * The target platform (scenarios with a target of their own override it field by field, as their
   * cdk8s charts do).
   * @default the cdk8s app's target (examples/specs/platform.ts: `{ kserveVersion: "0.20" }`)
   */
  readonly target?: TargetProps;
  /**
   * A prefix for every scenario's namespace (`"dev-"`: dev-llm-serving, dev-nim, ...).
   * @default none (the scenarios' own namespaces)
   */
  readonly namespacePrefix?: string;
  /**
   * Create the namespaces (Namespace resources, whose names the components then take as Outputs, so
   * every object waits for its namespace). The ModelMesh scenario's namespace is its own
   * ModelMeshNamespace either way.
   * @default true
   */
  readonly createNamespaces?: boolean;
  /**
   * The existing Secret with the MinIO keys (the S3 storage and the storage-config Job read it).
   * @default "minio-credentials"
   */
  readonly minioSecretName?: pulumi.Input<string>;
  /**
   * The existing Secret with the Hugging Face token.
   * @default "hf-token"
   */
  readonly hfTokenSecretName?: pulumi.Input<string>;
  /**
   * The existing Secret with the NGC API key (key `NGC_API_KEY`), in each NIM namespace.
   * @default "nvidia-nim-secrets"
   */
  readonly ngcApiKeySecretName?: pulumi.Input<string>;
  /**
   * The existing nvcr.io image pull secret, in each NIM namespace.
   * @default "ngc-secret"
   */
  readonly ngcPullSecretName?: pulumi.Input<string>;
  /**
   * The scenarios to deploy, by cdk8s chart id (see {@link SCENARIOS}).
   * @default all of them
   */
  readonly scenarios?: readonly string[];
  /**
   * The Kubernetes provider.
   * @default the default provider (stack config `kubernetes:kubeconfig`, `kubernetes:context`)
   */
  readonly provider?: k8s.Provider;
}

/** What the platform exports. */
export interface Platform {
  /** The URL of each InferenceService, by resource name, as KServe reports it. */
  readonly urls: Record<string, pulumi.Output<string | undefined>>;
  /** The runtimes (engines), by resource name, with their kinds. */
  readonly runtimes: Record<string, string>;
  /** The NIMs, by resource name: the service's name, the platform it runs on, and its KServe runtime. */
  readonly nims: Record<string, { serviceName: string; platform: string; runtimeName?: string }>;
  /** The namespace of each scenario (by its cdk8s chart id). */
  readonly namespaces: Record<string, pulumi.Output<string | undefined>>;
}

/** The ids of the scenarios (the cdk8s chart ids of examples/platform.ts), in the order they are deployed. */
export const SCENARIOS = [
  "openai-engine-pvc",
  "kserve-runtime-s3",
  "huggingface",
  "accelerators",
  "openshift-ai-hardware",
  "nim",
  "modelmesh-fleet",
  ...mlserver.deployments.map((d) => d.id),
  "gpustack-backends",
  "chariot-engine",
  "openshift-ai-dashboard",
  "llm-serving",
  "llm-openshift-ai",
  "nim-knative",
] as const;

/** What a scenario uses to define its components. */
interface Deployment {
  readonly options: PlatformOptions;
  readonly opts: pulumi.ComponentResourceOptions;
  /** The namespace of a scenario: the prefixed name, or the Namespace created for it. */
  namespaceOf(own: string): pulumi.Input<string>;
  /** NGC credentials with the Secret names from the options. */
  ngc(ngc: NimNgcProps): NimNgcArgs;
  service(name: string, args: InferenceServiceArgs): InferenceService;
  runtime<R extends RuntimeComponent>(name: string, component: R): R;
  nim(name: string, component: Nim): Nim;
}

/** A scenario: defines its components, returns its namespace. */
type Scenario = (d: Deployment) => pulumi.Output<string | undefined>;

/** A custom OpenAI-compatible server, models on a new PVC. */
const openaiEnginePvc: Scenario = (d) => {
  const namespace = d.namespaceOf(openai.namespace);
  const chatServer = d.runtime("chat-server", new InferenceEngine("chat-server", { ...openai.chatServer, namespace }, d.opts));
  const modelStore = ModelStorage.pvc("model-store", { ...openai.modelStore, namespace }, d.opts);
  return d.service("support-bot", { ...openai.supportBot(chatServer, modelStore), namespace }).namespace;
};

/** A scikit-learn runtime, models on MinIO. */
const kserveRuntimeS3: Scenario = (d) => {
  const namespace = d.namespaceOf(sklearn.namespace);
  const sklearnServer = d.runtime("sklearn-server", new InferenceEngine("sklearn-server", { ...sklearn.sklearnServer, namespace }, d.opts));
  const minio = ModelStorage.s3("minio", { ...sklearn.minio, namespace, credentials: { secretName: d.options.minioSecretName ?? sklearn.minio.credentials.secretName } }, d.opts);
  const scorer = d.service("fraud-scorer", { ...sklearn.fraudScorer(sklearnServer, minio), namespace });
  d.service("fraud-scorer-shadow", { ...sklearn.fraudScorerShadow(sklearnServer, minio), namespace });
  return scorer.namespace;
};

/** Embeddings from the Hugging Face Hub, on a cluster-scoped runtime. */
const huggingFace: Scenario = (d) => {
  const namespace = d.namespaceOf(hf.namespace);
  const textEmbeddings = d.runtime("text-embeddings", new InferenceEngine("text-embeddings", hf.textEmbeddings, d.opts));
  const hub = ModelStorage.huggingFace("hub", { ...hf.hub, namespace, tokenSecret: d.options.hfTokenSecretName ?? hf.hub.tokenSecret }, d.opts);
  return d.service("bge-small", { ...hf.bgeSmall(textEmbeddings, hub), namespace }).namespace;
};

/** One model per accelerator, a tensor-parallel model and a multi-node model. */
const acceleratorsScenario: Scenario = (d) => {
  const a = accelerators;
  const namespace = d.namespaceOf(a.namespace);
  const models = ModelStorage.pvc("models", { ...a.models, namespace }, d.opts);
  const modelcars = ModelStorage.oci("modelcars", { ...a.modelcars, namespace }, d.opts);
  const h100 = new HardwareProfile("nvidia-h100", a.nvidiaH100, d.opts);
  const mi300 = new HardwareProfile("amd-mi300x", a.amdMi300x, d.opts);
  const gaudi = new HardwareProfile("intel-gaudi3", a.intelGaudi3, d.opts);
  const spyre = new HardwareProfile("ibm-spyre", a.ibmSpyre, d.opts);
  const vllm = (name: string, props: VllmPresetProps): InferenceEngine => d.runtime(name, InferenceEngine.vllm(name, { ...props, namespace }, d.opts));
  const cuda = vllm("vllm-cuda", a.vllmCuda);
  const rocm = vllm("vllm-rocm", a.vllmRocm);
  const habana = vllm("vllm-gaudi", a.vllmGaudi);
  const aiu = vllm("vllm-spyre", a.vllmSpyre);
  const multiNode = vllm("vllm-multinode", a.vllmMultiNode);
  const granite = d.service("granite-8b-nvidia", { ...a.granite8b(cuda, models, h100), namespace });
  d.service("granite-8b-amd", { ...a.granite8b(rocm, models, mi300), namespace });
  d.service("granite-8b-gaudi", { ...a.granite8b(habana, models, gaudi), namespace });
  d.service("granite-8b-spyre", { ...a.granite8b(aiu, models, spyre, { accelerators: 1 }), namespace });
  d.service("llama-70b-tp4", { ...a.llama70bTp4(cuda, models, h100), namespace });
  d.service("llama-405b-multinode", { ...a.llama405bMultiNode(multiNode, modelcars, h100), namespace });
  return granite.namespace;
};

/** OpenShift AI: hardware profiles, a vLLM runtime, the NIM Account and a NIM reranker. */
const openshiftAIHardware: Scenario = (d) => {
  const namespace = d.namespaceOf(odh.namespace);
  const a100 = new HardwareProfile("nvidia-a100-80gb", odh.nvidiaA100, d.opts);
  const queued = new HardwareProfile("nvidia-queued", odh.nvidiaQueued, d.opts);
  const vllm = d.runtime("vllm-cuda-runtime", InferenceEngine.vllm("vllm-cuda-runtime", { ...odh.vllmCudaRuntime, namespace }, d.opts));
  // "models" is also the accelerators scenario's storage
  const connection = ModelStorage.s3("openshift-ai-hardware-models", { ...odh.models, name: "models", namespace }, d.opts);
  const granite = d.service("granite-8b", { ...odh.granite8b(vllm, connection, a100), namespace });
  d.service("mistral-7b", { ...odh.mistral7b(vllm, connection, queued), namespace });
  new NimAccount("nim-account", odh.nimAccount, d.opts);
  const reranker = odh.reranker(a100);
  d.nim("reranker", Nim.nvRerankqaMistral4bV3("reranker", { ...reranker, ngc: d.ngc(reranker.ngc), namespace }, d.opts));
  return granite.namespace;
};

/** NVIDIA NIM: on KServe, with the NIM Operator, and an embedding NIM. */
const nimScenario: Scenario = (d) => {
  const namespace = d.namespaceOf(nims.namespace);
  const ngc = d.ngc(nims.ngc);
  const l40s = new HardwareProfile("nvidia-l40s", nims.nvidiaL40s, d.opts);
  const llama = d.nim("llama-3-1-8b-kserve", Nim.llama31_8bInstruct("llama-3-1-8b-kserve", { ngc, ...nims.llamaKServe(l40s), namespace }, d.opts));
  d.nim("llama-3-1-8b-operator", Nim.llama31_8bInstruct("llama-3-1-8b-operator", { ngc, ...nims.llamaOperator(l40s), namespace }, d.opts));
  d.nim("embedqa", Nim.nvEmbedqaE5V5("embedqa", { ngc, ...nims.embedqa(l40s), namespace }, d.opts));
  return llama.namespace;
};

/** A ModelMesh fleet on S3 (OpenShift AI 2.x), in a ModelMesh namespace of its own. */
const modelmeshFleet: Scenario = (d) => {
  const name = `${d.options.namespacePrefix ?? ""}${mesh.namespace}`;
  const meshNamespace = new ModelMeshNamespace(mesh.namespace, { ...mesh.meshNamespace, name }, d.opts);
  const namespace = d.options.createNamespaces === false ? name : meshNamespace.namespaceName;
  const mlserverMesh = d.runtime("mlserver", new InferenceEngine("mlserver", { ...ModelMeshRuntimes.mlserver(mesh.mlserver), namespace }, d.opts));
  const triton = d.runtime("triton", new InferenceEngine("triton", { ...ModelMeshRuntimes.triton(mesh.triton), namespace }, d.opts));
  // "storage-config" is also the mlserver-custom scenarios' StorageConfig
  const storage = new StorageConfig("modelmesh-fleet-storage-config", { ...mesh.storageConfig, namespace }, d.opts);
  const bucket = storage.entry(mesh.bucketKey);
  const scorers = new ModelFleet("scorers", { ...mesh.scorers(mlserverMesh, bucket), namespace }, d.opts);
  new ModelFleet("vision", { ...mesh.vision(triton, bucket), namespace }, d.opts);
  return scorers.namespace;
};

/** GPUStack backends imported from their definitions, and models on them. */
const gpuStackBackends: Scenario = (d) => {
  const namespace = d.namespaceOf(gpustack.namespace);
  d.runtime("tensorrt-llm", InferenceEngine.fromGpuStack("tensorrt-llm", gpustack.tensorRtLlm, { ...gpustack.tensorRtLlmProps, namespace }, d.opts));
  const llamaCpp = d.runtime("llama-cpp", InferenceEngine.fromGpuStack("llama-cpp", gpustack.llamaCpp, { ...gpustack.llamaCppProps, namespace }, d.opts));
  const kokoro = d.runtime("kokoro-tts", InferenceEngine.fromGpuStack("kokoro-tts", gpustack.kokoro, { ...gpustack.kokoroProps, namespace }, d.opts));
  const gguf = ModelStorage.pvc("gguf-models", { ...gpustack.ggufModels, namespace }, d.opts);
  d.service("kokoro", { ...gpustack.kokoroTts(kokoro), namespace });
  return d.service("qwen-gguf", { ...gpustack.qwenGguf(llamaCpp, gguf), namespace }).namespace;
};

/** A Chariot engine imported from its versions, and a model on an older version. */
const chariotEngine: Scenario = (d) => {
  const namespace = d.namespaceOf(chariot.namespace);
  const engine = d.runtime("defect-detector", InferenceEngine.fromChariot("defect-detector", chariot.defectDetector, { ...chariot.defectDetectorProps, namespace }, d.opts));
  const bucket = ModelStorage.s3("vision-models", { ...chariot.models, namespace, credentials: { secretName: d.options.minioSecretName ?? chariot.models.credentials.secretName } }, d.opts);
  return d.service("line-3", { ...chariot.line3(engine, bucket), namespace }).namespace;
};

/** Runtimes published for the whole OpenShift AI dashboard (Templates in the applications namespace). */
const openshiftAIDashboard: Scenario = (d) => {
  const chat = d.runtime("platform-chat-server", new InferenceEngine("platform-chat-server", dashboard.chatServer, d.opts));
  d.runtime("vllm-gaudi-runtime", InferenceEngine.vllm("vllm-gaudi-runtime", dashboard.vllmGaudi, d.opts));
  d.runtime("llama-cpp-runtime", InferenceEngine.fromGpuStack("llama-cpp-runtime", dashboard.llamaCpp, dashboard.llamaCppProps, d.opts));
  return chat.namespace;
};

/** NIMs on KServe in Knative mode, as NVIDIA's KServe recipe deploys them. */
const nimKnativeScenario: Scenario = (d) => {
  const namespace = d.namespaceOf(nimKnative.namespace);
  const ngc = d.ngc(nimKnative.ngc);
  const mistral = d.nim("mistral-7b", Nim.mistral7bInstructV03("mistral-7b", { ngc, ...nimKnative.mistral7b, namespace }, d.opts));
  d.nim("llama-3-1-70b", Nim.llama31_70bInstruct("llama-3-1-70b", { ngc, ...nimKnative.llama70b, namespace }, d.opts));
  return mistral.namespace;
};

/**
 * An MLServer custom runtime, single-model or multi-model: deployed once per mode, so its resource
 * names are prefixed with the deployment's id (its objects keep their names).
 */
function mlserverCustom(deployment: (typeof mlserver.deployments)[number]): Scenario {
  return (d) => {
    const id = (name: string): string => `${deployment.id}-${name}`;
    const namespace = d.namespaceOf(deployment.namespace);
    const single = d.runtime(id("fraud-mlserver"), new InferenceEngine(id("fraud-mlserver"), { ...MLServer.runtime({ ...mlserver.single, name: "fraud-mlserver" }), namespace }, d.opts));
    const multi = d.runtime(id("fraud-mlserver-mm"), new InferenceEngine(id("fraud-mlserver-mm"), { ...MLServer.runtime({ ...mlserver.multi, name: "fraud-mlserver-mm" }), namespace }, d.opts));
    const fraud = new ModelServing(id("fraud"), mlserver.fraud(deployment.mode, single, multi), d.opts);
    const minio = d.options.minioSecretName === undefined ? mlserver.minio : { ...mlserver.minio, credentials: { secretName: d.options.minioSecretName } };
    const storage = new StorageConfig(id("storage-config"), { ...mlserver.storageConfig, entries: { minio }, namespace }, d.opts);
    return d.service(id("fraud-scorer"), { ...mlserver.fraudScorer(fraud, storage), name: "fraud-scorer", namespace }).namespace;
  };
}

/**
 * Large language models with LLMInferenceService. Its storages and profiles share names with other
 * scenarios' (hub, models, nvidia-h100), so their resource names carry the chart id.
 */
const llmServing: Scenario = (d) => {
  const id = (name: string): string => `llm-serving-${name}`;
  const namespace = d.namespaceOf(llm.namespace);
  const hub = ModelStorage.huggingFace(id("hub"), { ...llm.hub, name: "hub", namespace, tokenSecret: d.options.hfTokenSecretName ?? llm.hub.tokenSecret }, d.opts);
  const bucket = ModelStorage.s3(id("models"), { ...llm.bucket, name: "models", namespace, credentials: { secretName: d.options.minioSecretName ?? llm.bucket.credentials.secretName } }, d.opts);
  const weights = ModelStorage.pvc(id("weights"), { ...llm.weights, name: "weights", namespace }, d.opts);
  const h100 = new HardwareProfile(id("nvidia-h100"), { ...llm.h100, name: "nvidia-h100" }, d.opts);
  const a100 = new HardwareProfile(id("nvidia-a100"), { ...llm.a100, name: "nvidia-a100" }, d.opts);
  const llama = new LLMInferenceService("llama-8b", { ...llm.llama8b(hub, h100), namespace }, d.opts);
  new LLMInferenceService("llama-70b", { ...llm.llama70bTp4(bucket, h100), namespace }, d.opts);
  new LLMInferenceService("deepseek-v3", { ...llm.deepseekMultiNode(weights, h100), namespace }, d.opts);
  new LLMInferenceService("qwen-32b-pd", { ...llm.qwenPrefillDecode(bucket, h100, a100), namespace }, d.opts);
  new LLMInferenceService(id("granite-8b"), { ...llm.graniteExistingGateway(bucket, h100), name: "granite-8b", namespace }, d.opts);
  new LLMInferenceService("llama-8b-lora", { ...llm.llamaLora(hub, weights, h100), namespace }, d.opts);
  return llama.namespace;
};

/** LLMInferenceService on OpenShift AI 3.5. */
const llmOpenShiftAI: Scenario = (d) => {
  const id = (name: string): string => `llm-openshift-ai-${name}`;
  const namespace = d.namespaceOf(llm.openshiftAINamespace);
  const bucket = ModelStorage.s3(id("models"), { ...llm.bucket, name: "models", namespace, credentials: { secretName: d.options.minioSecretName ?? llm.bucket.credentials.secretName } }, d.opts);
  const h100 = new HardwareProfile(id("nvidia-h100"), { ...llm.h100, name: "nvidia-h100" }, d.opts);
  return new LLMInferenceService(id("granite-8b"), { ...llm.graniteOpenShiftAI(bucket, h100), name: "granite-8b", namespace }, d.opts).namespace;
};

/** Every scenario, with the target its cdk8s chart sets (if any). */
const scenarios: Readonly<Record<(typeof SCENARIOS)[number], { readonly define: Scenario; readonly target?: TargetProps }>> = {
  "openai-engine-pvc": { define: openaiEnginePvc },
  "kserve-runtime-s3": { define: kserveRuntimeS3 },
  huggingface: { define: huggingFace },
  accelerators: { define: acceleratorsScenario },
  "openshift-ai-hardware": { define: openshiftAIHardware, target: odh.target },
  nim: { define: nimScenario },
  "modelmesh-fleet": { define: modelmeshFleet, target: mesh.target },
  ...Object.fromEntries(mlserver.deployments.map((d) => [d.id, { define: mlserverCustom(d), target: mlserver.target }])),
  "gpustack-backends": { define: gpuStackBackends },
  "chariot-engine": { define: chariotEngine },
  "openshift-ai-dashboard": { define: openshiftAIDashboard, target: dashboard.target },
  "llm-serving": { define: llmServing },
  "llm-openshift-ai": { define: llmOpenShiftAI, target: llm.openshiftAITarget },
  "nim-knative": { define: nimKnativeScenario, target: nimKnative.target },
};

/** Defines the example platform. */
export function deployPlatform(options: PlatformOptions = {}): Platform {
  const chosen = options.scenarios ?? SCENARIOS;
  const unknown = chosen.filter((id) => !(SCENARIOS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new Error(`unknown scenarios ${unknown.join(", ")}: the scenarios are ${SCENARIOS.join(", ")}`);
  const base = options.target ?? platformSpec.target;
  const opts: pulumi.ComponentResourceOptions = options.provider !== undefined ? { provider: options.provider } : {};
  const created = new Map<string, pulumi.Output<string>>();
  const platform = { urls: {}, runtimes: {}, nims: {}, namespaces: {} } as { [K in keyof Platform]: Platform[K] };
  const rename = <T extends { readonly name: string }>(ref: string | T, name: pulumi.Input<string> | undefined): pulumi.Input<string> | (Omit<T, "name"> & { name: pulumi.Input<string> }) =>
    name === undefined ? ref : typeof ref === "string" ? name : { ...ref, name };
  const deployment: Deployment = {
    options,
    opts,
    namespaceOf: (own) => {
      const name = `${options.namespacePrefix ?? ""}${own}`;
      if (options.createNamespaces === false) return name;
      let ns = created.get(name);
      if (ns === undefined) {
        ns = new k8s.core.v1.Namespace(name, { metadata: { name } }, opts).metadata.name;
        created.set(name, ns);
      }
      return ns;
    },
    ngc: (ngc) => ({ ...ngc, apiKeySecret: rename(ngc.apiKeySecret, options.ngcApiKeySecretName), pullSecret: rename(ngc.pullSecret, options.ngcPullSecretName) }),
    service: (name, args) => {
      const isvc = new InferenceService(name, args, opts);
      platform.urls[name] = isvc.url;
      return isvc;
    },
    runtime: (name, component) => {
      platform.runtimes[name] = component.runtimeKind;
      return component;
    },
    nim: (name, component) => {
      platform.nims[name] = { serviceName: component.serviceName, platform: component.platform, ...(component.runtimeName !== undefined ? { runtimeName: component.runtimeName } : {}) };
      return component;
    },
  };
  for (const id of SCENARIOS) {
    if (!chosen.includes(id)) continue;
    const { define, target } = scenarios[id];
    // a chart's target in cdk8s: the program's default while the scenario's components are created
    KServeTarget.setDefault(target === undefined ? base : mergeTargetProps(base, target));
    platform.namespaces[id] = define(deployment);
  }
  KServeTarget.setDefault(base);
  return platform;
}
