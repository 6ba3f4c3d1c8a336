/**
 * Every documented @default of the LLMInferenceService, LLMInferenceServiceConfig and LanguageModel props,
 * checked against what the library writes: each test synthesizes without the prop and asserts the exact
 * fields its default gives (and, where it means something, that setting the prop changes them). Defaults
 * that are KServe's (or LeaderWorkerSet's) are not written; where the CRDs in ../shared/crds carry them,
 * the CRD's default is checked as well.
 */
import { Accelerator, Hardware, InferenceEngine, KServeTarget, LanguageModel, LLMConfigs, LLMInferenceService, LLMInferenceServiceConfig, ModelLocation } from "kserve-constructs/cdk8s";
import type { LLMInferenceServiceConfigProps, LLMInferenceServiceProps, LanguageModelProps, Manifest, TargetProps } from "kserve-constructs";
import { Chart, Testing } from "cdk8s";
import { itChecksDefaults } from "../support/defaults";
import { find, ruleIds, synthChart } from "../support/synth";
import { describeIfCrds } from "../support/conformance";
import { crdIndex } from "../support/crd-schemas";
import * as fs from "fs";
import { parseAllDocuments } from "yaml";
import { getIn } from "../../src/core/canonical";

type Obj = Record<string, unknown>;

const model = ModelLocation.fromUri("hf://ibm-granite/granite-3.3-8b-instruct");
const T: TargetProps = { kserveVersion: "0.21" };
const gpus = (n: number, max = 8): LLMInferenceServiceProps["hardware"] => Hardware.accelerator(Accelerator.nvidia({ max }), { accelerators: n });
const LABELS = { "app.kubernetes.io/managed-by": "kserve-constructs" };

function manifests(props: Partial<LLMInferenceServiceProps> = {}, target: TargetProps = T): Manifest[] {
  return synthChart((chart) => new LLMInferenceService(chart, "granite", { model, ...props }), { target });
}
function llm(props: Partial<LLMInferenceServiceProps> = {}, target: TargetProps = T): Manifest {
  return find(manifests(props, target), "LLMInferenceService");
}
function specOf(m: Manifest): Obj {
  return m["spec"] as Obj;
}
function spec(props: Partial<LLMInferenceServiceProps> = {}, target: TargetProps = T): Obj {
  return specOf(llm(props, target));
}
function mainContainer(template: unknown): Obj {
  return ((template as Obj)["containers"] as Obj[])[0] as Obj;
}
function router(props: Partial<LLMInferenceServiceProps>): Obj {
  return spec(props)["router"] as Obj;
}

/** The `default` of a field of a CRD version's schema (as the CRD file has it), by its path below the root (`spec.scaling.minReplicas`). */
function crdDefault(group: string, kind: string, version: string, path: string): unknown {
  const entry = crdIndex().get(`${group}/${kind}`);
  if (entry === undefined) throw new Error(`no CRD for ${group} ${kind}`);
  const crd = parseAllDocuments(fs.readFileSync(entry.file, "utf8")).map((d) => d.toJS() as Obj).find((d) => getIn(d, ["spec", "names", "kind"]) === kind);
  const versions = (getIn(crd, ["spec", "versions"]) ?? []) as Obj[];
  let schema = getIn(versions.find((v) => v["name"] === version), ["schema", "openAPIV3Schema"]) as Obj | undefined;
  for (const key of path.split(".")) schema = getIn(schema, ["properties", key]) as Obj | undefined;
  if (schema === undefined) throw new Error(`no field ${path} in ${group}/${version} ${kind}`);
  return schema["default"];
}
const llmCrdDefault = (path: string): unknown => crdDefault("serving.kserve.io", "LLMInferenceService", "v1alpha2", path);

describe("LLMInferenceService: what a minimal one writes", () => {
  itChecksDefaults(
    [
      "LLMInferenceServiceProps.name",
      "LLMInferenceServiceProps.namespace",
      "LLMInferenceServiceProps.labels",
      "LLMInferenceServiceProps.annotations",
      "LLMInferenceServiceProps.baseRefs",
      "LLMInferenceServiceProps.userRouting",
      "LLMInferenceServiceProps.dra",
      "LLMSpecProps.lora",
      "LLMSpecProps.confidential",
      "LLMSpecProps.prefill",
      "LLMSpecProps.router",
      "LLMSpecProps.tracing",
      "LLMSpecProps.storageInitializer",
      "LLMSpecProps.servedModelName",
      "LLMWorkloadProps.args",
      "LLMWorkloadProps.env",
      "LLMWorkloadProps.hardware",
      "LLMWorkloadProps.image",
      "LLMWorkloadProps.kvCacheOffloading",
      "LLMWorkloadProps.nodeSelector",
      "LLMWorkloadProps.tolerations",
      "LLMWorkloadProps.podLabels",
      "LLMWorkloadProps.podAnnotations",
      "LLMWorkloadProps.resources",
      "LLMWorkloadProps.rolloutStrategy",
      "LLMWorkloadProps.worker",
      "LLMWorkloadProps.scaling",
      "LLMWorkloadProps.replicas",
      "LLMWorkloadProps.parallelism",
    ],
    "named after the construct in the chart's namespace, the model URI and one replica; no pod template (KServe's well-known config decides image, devices and the rest), no router, no other object",
    () => {
      expect(manifests()).toEqual([
        {
          apiVersion: "serving.kserve.io/v1alpha2",
          kind: "LLMInferenceService",
          metadata: { name: "granite", namespace: "models", labels: LABELS },
          spec: { model: { uri: "hf://ibm-granite/granite-3.3-8b-instruct" }, replicas: 1 },
        },
      ]);
    },
  );

  itChecksDefaults(["LLMInferenceServiceProps.name", "LLMInferenceServiceProps.namespace", "LLMInferenceServiceProps.labels", "LLMInferenceServiceProps.annotations"], "name, namespace, labels and annotations, when given, replace the defaults (the library's label stays)", () => {
    expect(llm({ name: "chat", namespace: "team", labels: { team: "nlp" }, annotations: { owner: "nlp" } }).metadata).toEqual({ name: "chat", namespace: "team", labels: { ...LABELS, team: "nlp" }, annotations: { owner: "nlp" } });
  });

  itChecksDefaults(["LLMInferenceServiceProps.target"], "the target is the app's (OpenShift AI 3.0: v1alpha1), the chart's over the app's, the service's own over both", () => {
    const app = Testing.app();
    KServeTarget.set(app, { openshiftAI: { version: "3.0" } });
    const a = new Chart(app, "a", { namespace: "models" });
    const b = new Chart(app, "b", { namespace: "models" });
    KServeTarget.set(b, { openshiftAI: { version: "3.4" } });
    new LLMInferenceService(a, "from-app", { model });
    new LLMInferenceService(b, "from-chart", { model });
    new LLMInferenceService(b, "own", { model, target: { openshiftAI: false, kserveVersion: "0.20" } });
    const out = app.charts.flatMap((c) => c.toJson() as Manifest[]);
    expect(find(out, "LLMInferenceService", "from-app").apiVersion).toBe("serving.kserve.io/v1alpha1");
    expect(find(out, "LLMInferenceService", "from-app").metadata.labels).toEqual({ ...LABELS, "opendatahub.io/dashboard": "true" });
    expect(find(out, "LLMInferenceService", "from-chart").apiVersion).toBe("serving.kserve.io/v1alpha2");
    expect(find(out, "LLMInferenceService", "own").metadata).toEqual({ name: "own", namespace: "models", labels: LABELS });
  });

  itChecksDefaults(["LLMInferenceServiceProps.displayName", "LLMInferenceServiceProps.auth"], "OpenShift AI: the dashboard shows the name and requires a token; elsewhere neither is written", () => {
    expect(llm({}, { openshiftAI: { version: "3.4" } }).metadata.annotations).toEqual({ "openshift.io/display-name": "granite", "security.opendatahub.io/enable-auth": "true" });
    expect(llm({ displayName: "Granite 3.3", auth: false }, { openshiftAI: { version: "3.4" } }).metadata.annotations).toEqual({ "openshift.io/display-name": "Granite 3.3", "security.opendatahub.io/enable-auth": "false" });
    expect(llm({}, T).metadata.annotations).toBeUndefined();
  });
});

describe("LLMInferenceService: the model", () => {
  itChecksDefaults(["LLMSpecProps.servedModelName"], "the served name is the LLMInferenceService name: not written (KServe's default is metadata.name), and a LoRA adapter of that name clashes with it", () => {
    const adapter = (name: string): LLMInferenceServiceProps["lora"] => ({ adapters: [{ name, model: ModelLocation.fromUri("hf://acme/granite-sql-lora") }] });
    expect(spec({ lora: adapter("sql") })["model"]).toEqual({ uri: "hf://ibm-granite/granite-3.3-8b-instruct", lora: { adapters: [{ name: "sql", uri: "hf://acme/granite-sql-lora" }] } });
    expect(ruleIds((chart) => new LLMInferenceService(chart, "granite", { model, lora: adapter("granite") }), { target: T })).toEqual(["llm/lora-adapters"]);
    expect(spec({ servedModelName: "chat", lora: adapter("granite") })["model"]).toEqual({ uri: "hf://ibm-granite/granite-3.3-8b-instruct", name: "chat", lora: { adapters: [{ name: "granite", uri: "hf://acme/granite-sql-lora" }] } });
  });

  itChecksDefaults(["LLMLoraProps.maxRank", "LLMLoraProps.maxAdapters", "LLMLoraProps.maxCpuAdapters"], "LoRA limits are vLLM's: none is written unless given", () => {
    const adapters = [{ name: "sql", model: ModelLocation.fromUri("hf://acme/granite-sql-lora") }];
    expect((spec({ lora: { adapters } })["model"] as Obj)["lora"]).toEqual({ adapters: [{ name: "sql", uri: "hf://acme/granite-sql-lora" }] });
    expect((spec({ lora: { adapters, maxAdapters: 2 } })["model"] as Obj)["lora"]).toEqual({ adapters: [{ name: "sql", uri: "hf://acme/granite-sql-lora" }], maxAdapters: 2 });
  });

  itChecksDefaults(["LLMConfidentialProps.enabled", "LLMConfidentialProps.resourceId"], "confidential: decryption on; the key's resource is left to the controller", () => {
    expect((spec({ confidential: {} })["model"] as Obj)["confidential"]).toEqual({ enabled: true });
    expect((spec({ confidential: { enabled: false } })["model"] as Obj)["confidential"]).toEqual({ enabled: false });
  });

  itChecksDefaults(["LLMSpecProps.storageInitializer"], "the storage initializer: KServe's default (on) is not written; false turns it off", () => {
    expect(spec()["storageInitializer"]).toBeUndefined();
    expect(spec({ storageInitializer: false })["storageInitializer"]).toEqual({ enabled: false });
  });

  itChecksDefaults(["LLMTracingProps.exporterEndpoint", "LLMTracingProps.sampler", "LLMTracingProps.samplerArg", "LLMTracingProps.exporter"], "tracing: an empty block turns it on with KServe's settings, none of which is written", () => {
    expect(spec({ tracing: {} })["tracing"]).toEqual({});
    expect(spec({ tracing: { samplerArg: "0.5" } })["tracing"]).toEqual({ samplerArg: "0.5" });
  });
});

describe("LLMInferenceService: devices and parallelism", () => {
  itChecksDefaults(["LLMWorkloadProps.hardware", "LLMWorkloadProps.parallelism", "LLMParallelismProps.tensor"], "tensor parallel over the devices of a pod (per data-parallel rank), not set for one device", () => {
    expect(spec()["parallelism"]).toBeUndefined();
    expect(spec({ hardware: gpus(1) })["parallelism"]).toBeUndefined();
    expect(mainContainer(spec({ hardware: gpus(1) })["template"])["resources"]).toEqual({ limits: { "nvidia.com/gpu": 1 }, requests: { "nvidia.com/gpu": 1 } });
    expect(spec({ hardware: gpus(4) })["parallelism"]).toEqual({ tensor: 4 });
    expect(spec({ hardware: gpus(8), parallelism: { data: 8, dataLocal: 4 } })["parallelism"]).toEqual({ data: 8, dataLocal: 4, tensor: 2 });
    expect(spec({ hardware: gpus(4), parallelism: { data: 8, dataLocal: 4 }, worker: true })["parallelism"]).toEqual({ data: 8, dataLocal: 4 });
    expect(spec({ hardware: gpus(4), parallelism: { tensor: 2, data: 2, dataLocal: 2 } })["parallelism"]).toEqual({ data: 2, dataLocal: 2, tensor: 2 });
  });

  itChecksDefaults(["LLMParallelismProps.tensor", "LLMParallelismProps.pipeline"], "with pipeline parallelism across nodes each pod's devices are its tensor group; on one node the pipeline stages take the devices", () => {
    expect(spec({ hardware: gpus(4), parallelism: { pipeline: 2 }, worker: true })["parallelism"]).toEqual({ pipeline: 2, tensor: 4 });
    expect(spec({ hardware: gpus(2), parallelism: { pipeline: 2 } })["parallelism"]).toEqual({ pipeline: 2 });
    // worker: false is single-node, as when it is left out
    expect(spec({ hardware: gpus(2), parallelism: { pipeline: 2 }, worker: false })["parallelism"]).toEqual({ pipeline: 2 });
  });

  itChecksDefaults(["LLMParallelismProps.pipeline", "LLMParallelismProps.data", "LLMParallelismProps.dataLocal", "LLMParallelismProps.dataRPCPort", "LLMParallelismProps.expert"], "no pipeline, data or expert parallelism and no RPC port unless given (the well-known config's port 5555 applies)", () => {
    expect(spec({ hardware: gpus(2) })["parallelism"]).toEqual({ tensor: 2 });
    expect(spec({ hardware: gpus(4), parallelism: { data: 8, dataLocal: 4 }, worker: true })["parallelism"]).toEqual({ data: 8, dataLocal: 4 });
    expect(spec({ hardware: gpus(4), parallelism: { data: 8, dataLocal: 4, dataRPCPort: 6000, expert: true }, worker: true })["parallelism"]).toEqual({ data: 8, dataLocal: 4, dataRPCPort: 6000, expert: true });
  });

  itChecksDefaults(["LLMWorkloadProps.worker", "LLMWorkerProps.hardware", "LLMWorkerProps.env"], "multi-node: the worker pods get the workload's hardware and env, the worker's env added", () => {
    const s = spec({ hardware: gpus(4), env: { VLLM_LOGGING_LEVEL: "DEBUG" }, parallelism: { data: 8, dataLocal: 4 }, worker: true });
    expect(s["worker"]).toEqual({
      containers: [
        {
          name: "main",
          env: [{ name: "VLLM_LOGGING_LEVEL", value: "DEBUG" }],
          resources: { limits: { "nvidia.com/gpu": 4 }, requests: { "nvidia.com/gpu": 4 } },
          volumeMounts: [{ mountPath: "/dev/shm", name: "dshm" }],
        },
      ],
      tolerations: [{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }],
      volumes: [{ emptyDir: { medium: "Memory", sizeLimit: "8Gi" }, name: "dshm" }],
    });
    expect(mainContainer(s["template"])["env"]).toEqual([{ name: "VLLM_LOGGING_LEVEL", value: "DEBUG" }]);
    const own = spec({ hardware: gpus(4), env: { VLLM_LOGGING_LEVEL: "DEBUG" }, parallelism: { data: 8, dataLocal: 4 }, worker: { env: { NCCL_DEBUG: "INFO" } } });
    expect(mainContainer(own["worker"])["env"]).toEqual([{ name: "NCCL_DEBUG", value: "INFO" }, { name: "VLLM_LOGGING_LEVEL", value: "DEBUG" }]);
    expect(spec({ hardware: gpus(1), worker: false })["worker"]).toBeUndefined();
  });

  itChecksDefaults(["LLMWorkloadProps.image"], "the image: not written (the well-known config's); one image for every accelerator, or the hardware's from a map", () => {
    expect(mainContainer(spec({ hardware: gpus(1) })["template"])["image"]).toBeUndefined();
    expect(mainContainer(spec({ image: "ghcr.io/llm-d/llm-d-cuda:v0.9.0" })["template"])).toEqual({ name: "main", image: "ghcr.io/llm-d/llm-d-cuda:v0.9.0" });
    const amd = Hardware.accelerator(Accelerator.amd(), { accelerators: 1 });
    expect(mainContainer(spec({ hardware: amd, image: { nvidia: "n:1", amd: "a:1" } })["template"])["image"]).toBe("a:1");
  });

  itChecksDefaults(["LLMInferenceServiceProps.dra", "LLMManagedDraProps.count", "LLMManagedDraProps.selectors", "LLMManagedDraProps.containerName"], "managed DRA: one device per pod, any of the class, on the first container: only the device class is written", () => {
    const m = llm({ dra: { deviceClass: "gpu.nvidia.com" } });
    expect(m.metadata.annotations).toEqual({ "serving.kserve.io/exp-dra-device-class": "gpu.nvidia.com" });
    expect(specOf(m)).toEqual({ model: { uri: "hf://ibm-granite/granite-3.3-8b-instruct" }, replicas: 1 });
    expect(specOf(llm({ dra: { deviceClass: "gpu.nvidia.com", count: 2 } }))["parallelism"]).toEqual({ tensor: 2 });
  });
});

describe("LLMInferenceService: replicas and scaling", () => {
  itChecksDefaults(["LLMWorkloadProps.replicas", "LLMWorkloadProps.scaling"], "one fixed replica for the main and the prefill workload; none with scaling", () => {
    const s = spec({ hardware: gpus(1), prefill: { hardware: gpus(1) }, router: { gateway: {}, route: {}, scheduler: {} } });
    expect([s["replicas"], (s["prefill"] as Obj)["replicas"], (s["prefill"] as Obj)["scaling"]]).toEqual([1, 1, undefined]);
    const scaled = spec({ scaling: { max: 2 } });
    expect([scaled["replicas"], scaled["scaling"]]).toEqual([undefined, { maxReplicas: 2, minReplicas: 1, wva: { hpa: {} } }]);
    expect(spec({ replicas: 3 })["replicas"]).toBe(3);
  });

  itChecksDefaults(["LLMScalingProps.min", "LLMScalingProps.wva", "LLMScalingProps.keda", "LLMWvaProps.hpa", "LLMWvaProps.keda", "LLMWvaProps.variantCost"], "scaling: min 1, WVA through an HPA with Kubernetes' behavior, KServe's variant cost (not written); KEDA only when given", () => {
    expect(spec({ scaling: { max: 4 } })["scaling"]).toEqual({ maxReplicas: 4, minReplicas: 1, wva: { hpa: {} } });
    expect(spec({ scaling: { max: 4, wva: {} } })["scaling"]).toEqual({ maxReplicas: 4, minReplicas: 1, wva: { hpa: {} } });
    expect(spec({ scaling: { max: 4, wva: { variantCost: "5" } } })["scaling"]).toEqual({ maxReplicas: 4, minReplicas: 1, wva: { hpa: {}, variantCost: "5" } });
    expect(spec({ scaling: { max: 4, wva: { keda: {} } } })["scaling"]).toEqual({ maxReplicas: 4, minReplicas: 1, wva: { keda: {} } });
    const triggers = [{ type: "prometheus", metadata: { query: "sum(vllm:num_requests_waiting)", threshold: "5" } }];
    expect(spec({ scaling: { min: 2, max: 4, keda: { triggers } } })["scaling"]).toEqual({ maxReplicas: 4, minReplicas: 2, keda: { triggers } });
  });

  itChecksDefaults(["LLMRolloutStrategyProps.maxUnavailable", "LLMRolloutStrategyProps.maxSurge"], "rollout bounds: only what is given is written (the Deployment's or LeaderWorkerSet's defaults apply)", () => {
    expect(spec({ rolloutStrategy: { maxSurge: 1 } })["rolloutStrategy"]).toEqual({ maxSurge: 1 });
    expect(spec({ rolloutStrategy: { maxUnavailable: "50%" } })["rolloutStrategy"]).toEqual({ maxUnavailable: "50%" });
  });

  itChecksDefaults(["LLMKvCacheOffloadingProps.evictionPolicy", "LLMKvCacheOffloadingProps.secondary"], "KV-cache offloading: the CPU tier only, with KServe's eviction policy (not written)", () => {
    expect(spec({ kvCacheOffloading: { cpu: "32Gi" } })["kvCacheOffloading"]).toEqual({ cpu: "32Gi" });
    expect(spec({ kvCacheOffloading: { cpu: "32Gi", evictionPolicy: "arc" } })["kvCacheOffloading"]).toEqual({ cpu: "32Gi", evictionPolicy: "arc" });
  });
});

describeIfCrds("LLMInferenceService: the defaults left to KServe are the CRD's", () => {
  itChecksDefaults(["LLMScalingProps.min", "LLMWvaProps.variantCost", "LLMKvCacheOffloadingProps.evictionPolicy"], 'minReplicas 1, variantCost "10.0", evictionPolicy lru, on the main and the prefill workload', () => {
    expect([llmCrdDefault("spec.scaling.minReplicas"), llmCrdDefault("spec.scaling.wva.variantCost"), llmCrdDefault("spec.kvCacheOffloading.evictionPolicy")]).toEqual([1, "10.0", "lru"]);
    expect([llmCrdDefault("spec.prefill.scaling.minReplicas"), llmCrdDefault("spec.prefill.scaling.wva.variantCost"), llmCrdDefault("spec.prefill.kvCacheOffloading.evictionPolicy")]).toEqual([1, "10.0", "lru"]);
  });

  itChecksDefaults(["LLMRolloutStrategyProps.maxUnavailable", "LLMRolloutStrategyProps.maxSurge"], "a multi-node workload is a LeaderWorkerSet, whose rolling update defaults are maxUnavailable 1 and maxSurge 0", () => {
    const lws = (field: string): unknown => crdDefault("leaderworkerset.x-k8s.io", "LeaderWorkerSet", "v1", `spec.rolloutStrategy.rollingUpdateConfiguration.${field}`);
    expect([lws("maxUnavailable"), lws("maxSurge")]).toEqual([1, 0]);
  });
});

describe("LLMInferenceService: routing", () => {
  itChecksDefaults(["LLMRouterProps.gateway", "LLMRouterProps.route", "LLMRouterProps.scheduler", "LLMRouterProps.ingress"], "a router writes only the parts given: no gateway, route, scheduler or ingress of its own", () => {
    expect(spec({ router: { route: {} } })["router"]).toEqual({ route: {} });
    expect(spec({ router: { scheduler: {} } })["router"]).toEqual({ scheduler: {} });
    expect(spec({ router: { ingress: { refs: [{ name: "granite" }] } } })["router"]).toEqual({ ingress: { refs: [{ name: "granite" }] } });
  });

  itChecksDefaults(["LLMRouteProps.http", "LLMRouteProps.group", "LLMRouteProps.weight"], "route: {} is the controller's managed HTTPRoute, in no traffic group", () => {
    expect(router({ router: { gateway: {}, route: {} } })).toEqual({ gateway: {}, route: {} });
    expect(router({ router: { gateway: {}, route: { group: "granite", weight: 10 } } })).toEqual({ gateway: {}, route: { group: "granite", weight: 10 } });
  });

  itChecksDefaults(
    ["LLMSchedulerProps.pool", "LLMSchedulerProps.config", "LLMSchedulerProps.replicas", "LLMSchedulerProps.podLabels", "LLMSchedulerProps.podAnnotations", "LLMSchedulerProps.template", "LLMSchedulerProps.tokenizer"],
    "scheduler: {} is the controller's: managed pool, well-known config and pod, its replicas; no tokenizer unless asked for",
    () => {
      expect(router({ router: { gateway: {}, route: {}, scheduler: {} } })["scheduler"]).toEqual({});
      expect(router({ router: { scheduler: { replicas: 2, tokenizer: {} } } })["scheduler"]).toEqual({ replicas: 2, tokenizer: {} });
    },
  );

  itChecksDefaults(
    ["LLMRouterPodProps.image", "LLMRouterPodProps.args", "LLMRouterPodProps.env", "LLMRouterPodProps.resources", "LLMRouterPodProps.nodeSelector", "LLMRouterPodProps.tolerations", "LLMTokenizerProps.template"],
    "a router pod writes only the main container's name unless given more, so the well-known config's image, args, resources and scheduling stay",
    () => {
      expect(router({ router: { scheduler: { template: {}, tokenizer: { template: {} } } } })["scheduler"]).toEqual({ template: { containers: [{ name: "main" }] }, tokenizer: { template: { containers: [{ name: "main" }] } } });
      expect(router({ router: { scheduler: { template: { image: "epp:1" } } } })["scheduler"]).toEqual({ template: { containers: [{ name: "main", image: "epp:1" }] } });
    },
  );

  itChecksDefaults(["LLMUserRoutingProps.httpRoute", "LLMUserRoutingProps.inferenceObjective", "LLMUserRoutingProps.modelRewrite"], "user routing: an HTTPRoute <name>-route on the path prefix /<name>, rewritten to /, for any host; no InferenceObjective or InferenceModelRewrite", () => {
    const out = manifests({ userRouting: { gateway: { name: "public" }, inferencePool: { endpointPicker: { service: "granite-epp" } } } });
    expect(out.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["LLMInferenceService/granite", "HTTPRoute/granite-route", "InferencePool/granite-pool"]);
    const route = find(out, "HTTPRoute")["spec"] as Obj;
    expect(route["hostnames"]).toBeUndefined();
    expect((route["rules"] as Obj[])[0]).toMatchObject({ matches: [{ path: { type: "PathPrefix", value: "/granite" } }], filters: [{ type: "URLRewrite", urlRewrite: { path: { replacePrefixMatch: "/", type: "ReplacePrefixMatch" } } }] });
  });

  itChecksDefaults(["LLMModelRewriteProps.name"], "the InferenceModelRewrite is named <name>-rewrite", () => {
    const out = manifests({ userRouting: { gateway: { name: "public" }, inferencePool: { endpointPicker: { service: "granite-epp" } }, modelRewrite: { rules: [{ targets: [{ model: "granite" }] }] } } });
    expect(find(out, "InferenceModelRewrite").metadata.name).toBe("granite-rewrite");
    const named = manifests({ userRouting: { gateway: { name: "public" }, inferencePool: { endpointPicker: { service: "granite-epp" } }, modelRewrite: { name: "aliases", rules: [{ targets: [{ model: "granite" }] }] } } });
    expect(find(named, "InferenceModelRewrite").metadata.name).toBe("aliases");
  });
});

describe("LLMInferenceServiceConfig defaults", () => {
  const config = (props: LLMInferenceServiceConfigProps, target: TargetProps = T): Manifest => find(synthChart((chart) => new LLMInferenceServiceConfig(chart, "team-vllm", props), { target }), "LLMInferenceServiceConfig");

  itChecksDefaults(
    ["LLMInferenceServiceConfigProps.name", "LLMInferenceServiceConfigProps.namespace", "LLMInferenceServiceConfigProps.labels", "LLMInferenceServiceConfigProps.annotations", "LLMSpecProps.model", "LLMWorkloadProps.replicas"],
    "named after the construct in the chart's namespace, only the library's label; no model and no replicas (the service's own, else KServe's)",
    () => {
      expect(config({ image: "r/vllm:1" })).toEqual({
        apiVersion: "serving.kserve.io/v1alpha2",
        kind: "LLMInferenceServiceConfig",
        metadata: { name: "team-vllm", namespace: "models", labels: LABELS },
        spec: { template: { containers: [{ name: "main", image: "r/vllm:1" }] } },
      });
      expect(config({ name: "vllm", namespace: "kserve", labels: { team: "nlp" }, annotations: { owner: "nlp" } }).metadata).toEqual({ name: "vllm", namespace: "kserve", labels: { ...LABELS, team: "nlp" }, annotations: { owner: "nlp" } });
      expect(specOf(config({ prefill: { image: "r/vllm:1" } }))).toEqual({ prefill: { template: { containers: [{ name: "main", image: "r/vllm:1" }] } } });
    },
  );

  itChecksDefaults(["LLMInferenceServiceConfigProps.target"], "the target is the app's (OpenShift AI 3.0: v1alpha1), the config's own over it", () => {
    expect(config({}, { openshiftAI: { version: "3.0" } }).apiVersion).toBe("serving.kserve.io/v1alpha1");
    expect(config({ target: { openshiftAI: { version: "3.4" } } }, { openshiftAI: { version: "3.0" } }).apiVersion).toBe("serving.kserve.io/v1alpha2");
  });

  itChecksDefaults(["LLMWorkloadProps.replicas", "LLMWorkloadProps.scaling"], "a service leaves replicas to a config of the app that sets replicas or scaling", () => {
    const out = synthChart((chart) => {
      const fixed = new LLMInferenceServiceConfig(chart, "three", { replicas: 3 });
      const scaled = new LLMInferenceServiceConfig(chart, "scaled", { scaling: { max: 4 }, prefill: { replicas: 2 } });
      const image = new LLMInferenceServiceConfig(chart, "image", { image: "r/vllm:1" });
      new LLMInferenceService(chart, "a", { model, baseRefs: [fixed] });
      new LLMInferenceService(chart, "b", { model, baseRefs: [scaled], prefill: {}, router: { gateway: {}, route: {}, scheduler: {} } });
      new LLMInferenceService(chart, "c", { model, baseRefs: [image, LLMConfigs.kserve.scheduler] });
    }, { target: T });
    expect(specOf(find(out, "LLMInferenceService", "a"))["replicas"]).toBeUndefined();
    expect([specOf(find(out, "LLMInferenceService", "b"))["replicas"], (specOf(find(out, "LLMInferenceService", "b"))["prefill"] as Obj | undefined)?.["replicas"]]).toEqual([undefined, undefined]);
    expect(specOf(find(out, "LLMInferenceService", "c"))["replicas"]).toBe(1);
  });
});

describe("LanguageModel defaults", () => {
  function both(props: Partial<LanguageModelProps> = {}, target: TargetProps = { kserveVersion: "0.20" }): { isvc: Manifest; llmisvc: Manifest } {
    const out = synthChart((chart) => {
      const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      new LanguageModel(chart, "granite", { serving: "InferenceService", engine, model, ...props });
      new LanguageModel(chart, "granite-llm", { serving: "LLMInferenceService", model, ...props });
    }, { target });
    return { isvc: find(out, "InferenceService"), llmisvc: find(out, "LLMInferenceService") };
  }
  const predictor = (m: Manifest): Obj => (m["spec"] as Record<string, Obj>)["predictor"] as Obj;

  itChecksDefaults(
    ["LanguageModelProps.name", "LanguageModelProps.namespace", "LanguageModelProps.hardware", "LanguageModelProps.args", "LanguageModelProps.env", "LanguageModelProps.replicas", "LanguageModelProps.scaling", "LanguageModelProps.inferenceService", "LanguageModelProps.llmInferenceService"],
    "both forms: named after the construct in the chart's namespace, one fixed replica, no hardware, args or env of their own",
    () => {
      const { isvc, llmisvc } = both();
      expect([isvc.metadata.name, isvc.metadata.namespace, llmisvc.metadata.name, llmisvc.metadata.namespace]).toEqual(["granite", "models", "granite-llm", "models"]);
      expect(predictor(isvc)).toEqual({ minReplicas: 1, maxReplicas: 1, model: { modelFormat: { name: "vLLM" }, protocolVersion: "v2", runtime: "vllm", storageUri: "hf://ibm-granite/granite-3.3-8b-instruct" } });
      expect(specOf(llmisvc)).toEqual({ model: { uri: "hf://ibm-granite/granite-3.3-8b-instruct" }, replicas: 1 });
    },
  );

  itChecksDefaults(["LanguageModelProps.replicas"], "one fixed replica also in Knative mode, where an InferenceService without a maximum would autoscale", () => {
    const { isvc } = both({ inferenceService: { deploymentMode: "Knative" } });
    expect([predictor(isvc)["minReplicas"], predictor(isvc)["maxReplicas"]]).toEqual([1, 1]);
    const scaled = both({ scaling: { max: 3 } });
    expect([predictor(scaled.isvc)["minReplicas"], predictor(scaled.isvc)["maxReplicas"]]).toEqual([1, 3]);
    expect(specOf(scaled.llmisvc)["scaling"]).toEqual({ maxReplicas: 3, minReplicas: 1, wva: { hpa: {} } });
  });

  itChecksDefaults(["LanguageModelProps.engine"], "without an engine only the LLMInferenceService form works", () => {
    expect(ruleIds((chart) => new LanguageModel(chart, "granite", { serving: "InferenceService", model }))).toEqual(["llm/language-model"]);
    expect(synthChart((chart) => new LanguageModel(chart, "granite", { serving: "LLMInferenceService", model })).map((m) => m.kind)).toEqual(["LLMInferenceService"]);
  });

  itChecksDefaults(["LanguageModelProps.target"], "the target is the app's, in both forms (OpenShift AI 3.4 here)", () => {
    const { isvc, llmisvc } = both({}, { openshiftAI: { version: "3.4" } });
    expect(isvc.metadata.annotations?.["security.opendatahub.io/enable-auth"]).toBe("true");
    expect(llmisvc.metadata.annotations).toEqual({ "openshift.io/display-name": "granite-llm", "security.opendatahub.io/enable-auth": "true" });
  });
});

