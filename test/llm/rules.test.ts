/**
 * Every LLMInferenceService rule, triggered: its id, the path it reports and the fix it gives. Manifest
 * rules are also run on hand-written YAML, as `lint` runs them.
 */
import * as fs from "fs";
import * as path from "path";
import { Accelerator, Hardware, LLMConfigs, ModelLocation, Registry, buildLLMInferenceService, buildLLMInferenceServiceConfig, manifestRules, resolveTarget, ruleCatalogue, runRules } from "kserve-constructs";
import type { HardwareProfileInfo, Issue, LLMInferenceServiceConfigProps, LLMInferenceServiceProps, Manifest, TargetProps } from "kserve-constructs";

const model = ModelLocation.fromUri("hf://meta-llama/Llama-3.1-8B-Instruct");
const gpus = (n: number, max = 8): LLMInferenceServiceProps["hardware"] => Hardware.accelerator(Accelerator.nvidia({ max }), { accelerators: n });

function issues(props: Partial<LLMInferenceServiceProps>, target: TargetProps = { kserveVersion: "0.21" }): Issue[] {
  return [...buildLLMInferenceService({ model, ...props } as LLMInferenceServiceProps, { where: "t/llama", defaultName: "llama", namespace: "llm", target }).issues];
}

function configIssues(props: LLMInferenceServiceConfigProps & { baseRefs?: unknown }, target: TargetProps = { kserveVersion: "0.21" }): Issue[] {
  return [...buildLLMInferenceServiceConfig(props, { where: "t/cfg", defaultName: "cfg", namespace: "llm", target }).issues];
}

/** The one issue of `rule` (fails when there is none or several). */
function only(list: readonly Issue[], rule: string): Issue {
  const found = list.filter((i) => i.rule === rule);
  if (found.length !== 1) throw new Error(`expected one ${rule}, got: ${list.map((i) => `${i.rule} @ ${i.path}: ${i.message}`).join(" | ") || "none"}`);
  return found[0] as Issue;
}

/** Manifest rules on a hand-written manifest (what lint does). */
function lint(manifest: Manifest, target: TargetProps = { kserveVersion: "0.21" }): { rule: string; path: string; message: string; fix: string; severity?: string }[] {
  const t = resolveTarget(target).target;
  return runRules(manifestRules(), { manifest, target: t, app: [manifest] });
}

function getRules(m: Manifest | undefined): unknown {
  return (m?.["spec"] as { rules?: unknown } | undefined)?.rules;
}

function llmisvc(spec: Record<string, unknown>, apiVersion = "serving.kserve.io/v1alpha2", kind = "LLMInferenceService"): Manifest {
  return { apiVersion, kind, metadata: { name: "llama", namespace: "llm" }, spec } as Manifest;
}

describe("valid input gets no problem", () => {
  it("a single-GPU model, a tensor-parallel model, multi-node data parallel and prefill/decode", () => {
    expect(issues({ hardware: gpus(1) })).toEqual([]);
    expect(issues({ hardware: gpus(4), parallelism: { tensor: 4 } })).toEqual([]);
    expect(issues({ hardware: gpus(8), parallelism: { data: 16, dataLocal: 8, expert: true }, worker: true })).toEqual([]);
    expect(issues({ hardware: gpus(2), prefill: { hardware: gpus(1), replicas: 2 }, router: { gateway: {}, route: {}, scheduler: {} } })).toEqual([]);
  });
});

describe("a referenced construct that is not valid", () => {
  it("reports its own problems: the service reports only the target's, renders nothing and is not valid", () => {
    const broken = { ...model, source: { where: "t/s3", kind: "s3" as const, valid: false } };
    const built = buildLLMInferenceService({ model: broken, hardware: Hardware.accelerator(Accelerator.nvidia(), { accelerators: 1, shmSize: "1Gi" }) }, { where: "t/llama", defaultName: "llama", namespace: "llm", target: { kserveVersion: "0.1" } });
    expect(built.issues.map((i) => i.rule)).toEqual(["target/unsupported-version"]);
    expect(built.manifests).toEqual([]);
    expect(built.handle.valid).toBe(false);
  });

  it("is decided once per build: the referenced storage's validity is read once, for the rules and the render alike", () => {
    for (const valid of [true, false]) {
      let reads = 0;
      // a storage handle (not props data: the props' own key checks do not look inside it) that counts the reads of its validity
      class CountingStorage {
        readonly where = "t/s3";
        readonly kind = "s3" as const;
        get valid(): boolean {
          reads++;
          return valid;
        }
      }
      const source = new CountingStorage();
      const built = buildLLMInferenceService({ model: { ...model, source }, hardware: gpus(1) }, { where: "t/llama", defaultName: "llama", namespace: "llm", target: { kserveVersion: "0.21" } });
      expect([valid, built.handle.valid, built.manifests.length > 0, reads]).toEqual([valid, valid, valid, 1]);
    }
  });
});

describe("KServe's CRD rules (x-kubernetes-validations)", () => {
  it("llm/replicas-or-scaling", () => {
    const i = only(issues({ replicas: 2, scaling: { max: 3 } }), "llm/replicas-or-scaling");
    expect(i.path).toBe("spec.replicas");
    expect(i.fix).toBe("use scaling for an autoscaled workload, replicas for a fixed one");
    expect(only(issues({ prefill: { replicas: 1, scaling: { max: 2 } } }), "llm/replicas-or-scaling").path).toBe("spec.prefill.replicas");
  });

  it("llm/scaling-mode: both wva and keda, or neither (hand-written)", () => {
    const both = only(issues({ scaling: { max: 3, wva: {}, keda: { triggers: [{ type: "cpu" }] } } }), "llm/scaling-mode");
    expect(both.path).toBe("spec.scaling");
    expect(both.fix).toMatch(/not both/);
    const neither = lint(llmisvc({ model: { uri: "hf://a/b" }, scaling: { maxReplicas: 2 } })).filter((f) => f.rule === "llm/scaling-mode");
    expect(neither.map((f) => f.message)).toEqual(["scaling names no autoscaler (wva or keda)"]);
  });

  it("llm/keda-triggers", () => {
    const i = only(issues({ scaling: { max: 3, keda: { triggers: [] } } }), "llm/keda-triggers");
    expect(i.path).toBe("spec.scaling.keda.triggers");
    expect(i.fix).toMatch(/add a trigger/);
  });

  it("llm/scaling-bounds", () => {
    const i = only(issues({ scaling: { min: 4, max: 2 } }), "llm/scaling-bounds");
    expect([i.path, i.message]).toEqual(["spec.scaling.minReplicas", "minReplicas 4 is above maxReplicas 2"]);
  });

  it("llm/idle-replicas", () => {
    const i = only(issues({ scaling: { min: 1, max: 3, wva: { keda: { idleReplicaCount: 1 } } } }), "llm/idle-replicas");
    expect([i.path, i.message]).toEqual(["spec.scaling.wva.keda.idleReplicaCount", "idleReplicaCount 1 must be below minReplicas 1"]);
    const missing = lint(llmisvc({ model: { uri: "hf://a/b" }, scaling: { maxReplicas: 2, keda: { idleReplicaCount: 0, triggers: [{ type: "cpu" }] } } })).filter((f) => f.rule === "llm/idle-replicas");
    expect(missing.map((f) => [f.path, f.message])).toEqual([["spec.scaling.keda.idleReplicaCount", "idleReplicaCount needs minReplicas"]]);
  });

  it("llm/wva-actuator", () => {
    const i = only(issues({ scaling: { max: 3, wva: { hpa: {}, keda: {} } } }), "llm/wva-actuator");
    expect([i.path, i.message]).toEqual(["spec.scaling.wva", "wva has both hpa and keda actuators"]);
  });

  it("llm/keda-advanced", () => {
    const list = issues({ scaling: { max: 3, wva: { keda: { advanced: { horizontalPodAutoscalerConfig: { name: "mine" }, scalingModifiers: { formula: "a+b" } } } } } }).filter((i) => i.rule === "llm/keda-advanced");
    expect(list.map((i) => i.path)).toEqual(["spec.scaling.wva.keda.advanced.horizontalPodAutoscalerConfig.name", "spec.scaling.wva.keda.advanced.scalingModifiers"]);
    expect(list[0]?.fix).toMatch(/remove advanced.horizontalPodAutoscalerConfig.name/);
  });
});

describe("KServe's webhook rules", () => {
  it("llm/route-form: refs with a managed gateway; refs and spec; conflicting parentRefs", () => {
    const managed = only(issues({ router: { gateway: {}, route: { http: { refs: ["mine"] } } } }), "llm/route-form");
    expect(managed.path).toBe("spec.router.route.http.refs");
    expect(managed.fix).toMatch(/gateway.refs/);
    const both = lint(llmisvc({ model: { uri: "hf://a/b" }, router: { route: { http: { refs: [{ name: "a" }], spec: {} } } } })).filter((f) => f.rule === "llm/route-form");
    expect(both.map((f) => f.message)).toEqual(["route.http has both refs and an inline spec"]);
    const conflict = only(issues({ router: { gateway: { refs: [{ name: "gw", namespace: "infra" }] }, route: { http: { spec: { parentRefs: [{ name: "other", namespace: "infra" }] } } } } }), "llm/route-form");
    expect(conflict.path).toBe("spec.router.route.http.spec.parentRefs");
  });

  it("llm/route-parent-refs-redundant is a warning", () => {
    const i = only(issues({ router: { gateway: { refs: [{ name: "gw", namespace: "infra" }] }, route: { http: { spec: { parentRefs: [{ name: "gw", namespace: "infra" }] } } } } }), "llm/route-parent-refs-redundant");
    expect([i.severity, i.fix]).toEqual(["warning", "drop parentRefs from the inline route spec"]);
  });

  it("llm/traffic-split", () => {
    const list = issues({ router: { route: { group: "canary" }, ingress: { refs: [{ name: "ing" }] } } }).filter((i) => i.rule === "llm/traffic-split");
    expect(list.map((i) => [i.path, i.message])).toEqual([
      ["spec.router.route.weight", "route.group is set without route.weight"],
      ["spec.router.route", "traffic groups do not work with router.ingress"],
    ]);
  });

  it("llm/parallelism-shape (hand-written: worker without data or pipeline; pipeline with data; data without dataLocal)", () => {
    const found = lint(llmisvc({ model: { uri: "hf://a/b" }, worker: { containers: [{ name: "main" }] }, prefill: { parallelism: { pipeline: 2, data: 4 } } })).filter((f) => f.rule === "llm/parallelism-shape");
    expect(found.map((f) => [f.path, f.message])).toEqual([
      ["spec.worker", "a worker (multi-node) needs data or pipeline parallelism"],
      ["spec.prefill.parallelism", "pipeline and data parallelism cannot be combined"],
      ["spec.prefill.parallelism.dataLocal", "dataLocal must be set when data is set"],
    ]);
    const viaProps = only(issues({ hardware: gpus(8), parallelism: { tensor: 8 }, worker: true }), "llm/parallelism-shape");
    expect(viaProps.fix).toMatch(/parallelism \{ data, dataLocal \} or \{ pipeline \}/);
  });

  it("llm/scheduler-settings", () => {
    const list = issues({ router: { scheduler: { replicas: 0, config: { inline: {} } } } }).filter((i) => i.rule === "llm/scheduler-settings");
    expect(list.map((i) => i.path)).toEqual(["spec.router.scheduler.replicas", "spec.router.scheduler.config.inline"]);
    const neither = lint(llmisvc({ model: { uri: "hf://a/b" }, router: { scheduler: { config: {} } } })).filter((f) => f.rule === "llm/scheduler-settings");
    expect(neither.map((f) => f.message)).toEqual(["scheduler config needs exactly one of inline and ref"]);
  });

  it("llm/scheduler-tokenizer: the token-producer plugin needs a controller that deploys the tokenizer", () => {
    const inline = { apiVersion: "inference.networking.x-k8s.io/v1alpha1", kind: "EndpointPickerConfig", plugins: [{ type: "single-profile-handler" }, { type: "token-producer" }] };
    const on020 = only(issues({ router: { gateway: {}, route: {}, scheduler: { config: { inline } } } }, { kserveVersion: "0.20" }), "llm/scheduler-tokenizer");
    expect([on020.path, on020.value, on020.message]).toEqual([
      "spec.router.scheduler.config.inline.plugins[1]",
      "token-producer",
      "the token-producer plugin calls the standalone tokenizer, and the scheduler's tokenizer (router.scheduler.tokenizer) needs KServe after 0.20 (0.21); the target is KServe 0.20",
    ]);
    expect(on020.fix).toBe("upgrade the cluster and set the target, or drop the token-producer plugin from the scheduler config");
    expect(issues({ router: { gateway: {}, route: {}, scheduler: { config: { inline } } } }, { kserveVersion: "0.21" })).toEqual([]);
    expect(issues({ router: { gateway: {}, route: {}, scheduler: { config: { inline } } } }, { openshiftAI: { version: "3.5" } })).toEqual([]);
  });

  it("llm/route-catch-all (warning): an inline route with only the inference endpoints drops the rest", () => {
    const pool = [{ group: "inference.networking.k8s.io", kind: "InferencePool", name: "llama-inference-pool", port: 8000 }];
    const exact = (value: string) => ({ matches: [{ path: { type: "Exact", value } }], backendRefs: pool });
    const endpointsOnly = { rules: [exact("/v1/completions"), exact("/v1/chat/completions")] };
    const i = only(issues({ router: { gateway: { refs: [{ name: "gw", namespace: "infra" }] }, route: { http: { spec: endpointsOnly } }, scheduler: {} } }), "llm/route-catch-all");
    expect([i.severity, i.path, i.value, i.message, i.fix]).toEqual([
      "warning",
      "spec.router.route.http.spec.rules",
      "/v1",
      "no rule with backends catches the other requests under /v1: the gateway answers 404 to those that match no rule (such as /v1/models or /health)",
      "add a last rule with a PathPrefix match on /v1 (or no matches) and a backendRef to the InferencePool (or the workload Service)",
    ]);
    // a last rule without matches (Gateway API: PathPrefix "/") catches everything
    const withCatchAll = { rules: [...endpointsOnly.rules, { backendRefs: pool }] };
    expect(issues({ router: { gateway: { refs: [{ name: "gw", namespace: "infra" }] }, route: { http: { spec: withCatchAll } }, scheduler: {} } }).filter((x) => x.rule === "llm/route-catch-all")).toEqual([]);
    // a catch-all without backends does not count (Gateway API answers 500)
    const noBackends = { rules: [...endpointsOnly.rules, { matches: [{ path: { type: "PathPrefix", value: "/v1" } }] }] };
    expect(only(issues({ router: { gateway: { refs: [{ name: "gw", namespace: "infra" }] }, route: { http: { spec: noBackends } }, scheduler: {} } }), "llm/route-catch-all").value).toBe("/v1");
    // KServe's own layout: per-model prefixes with their own catch-all, header rules apart
    const kserveLike = {
      rules: [
        { matches: [{ path: { type: "PathPrefix", value: "/llm/llama/v1/completions" } }], backendRefs: pool },
        { matches: [{ path: { type: "Exact", value: "/v1/completions" }, headers: [{ type: "Exact", name: "x-model", value: "llama" }] }], backendRefs: pool },
        { matches: [{ path: { type: "PathPrefix", value: "/llm/llama" } }], backendRefs: [{ kind: "Service", name: "llama-kserve-workload-svc", port: 8000 }] },
      ],
    };
    expect(lint(llmisvc({ model: { uri: "hf://a/b" }, router: { route: { http: { spec: kserveLike } } } })).filter((f) => f.rule === "llm/route-catch-all")).toEqual([]);
  });

  it("llm/route-catch-all on the user's own HTTPRoute named in refs (hand-written), and on the route userRouting writes", () => {
    const service = llmisvc({ model: { uri: "hf://a/b" }, router: { gateway: { refs: [{ name: "gw" }] }, route: { http: { refs: [{ name: "llama-route" }] } } } });
    const route = { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "llama-route", namespace: "llm" }, spec: { rules: [{ matches: [{ path: { type: "Exact", value: "/v1/chat/completions" } }, { path: { type: "Exact", value: "/v1/completions" } }], backendRefs: [{ group: "inference.networking.k8s.io", kind: "InferencePool", name: "p" }] }] } } as Manifest;
    const t = resolveTarget({ kserveVersion: "0.21" }).target;
    const found = runRules(manifestRules(), { manifest: route, target: t, app: [service, route] }).filter((f) => f.rule === "llm/route-catch-all");
    expect(found.map((f) => [f.path, f.value])).toEqual([["spec.rules", "/v1"]]);
    // not referenced by an LLMInferenceService: not this rule's business
    expect(runRules(manifestRules(), { manifest: route, target: t, app: [route] }).filter((f) => f.rule === "llm/route-catch-all")).toEqual([]);
    // the route userRouting writes is one PathPrefix rule to the pool: a catch-all
    const written = buildLLMInferenceService({ model, userRouting: { gateway: { name: "gw" }, httpRoute: { pathPrefix: "/llama" }, inferencePool: { endpointPicker: { service: "epp" } } } }, { where: "t/llama", defaultName: "llama", namespace: "llm", target: { kserveVersion: "0.21" } });
    expect(written.issues).toEqual([]);
    const httpRoute = written.manifests.find((m) => m.kind === "HTTPRoute");
    expect(getRules(httpRoute)).toEqual([{ backendRefs: [{ group: "inference.networking.k8s.io", kind: "InferencePool", name: "llama-pool", port: 8000, weight: 1 }], filters: [{ type: "URLRewrite", urlRewrite: { path: { replacePrefixMatch: "/", type: "ReplacePrefixMatch" } } }], matches: [{ path: { type: "PathPrefix", value: "/llama" } }], timeouts: { backendRequest: "0s", request: "0s" } }]);
    expect(runRules(manifestRules(), { manifest: httpRoute as Manifest, target: t, app: written.manifests }).filter((f) => f.rule === "llm/route-catch-all")).toEqual([]);
  });

  it("llm/scaling-consistency: mode and actuator", () => {
    const mode = only(issues({ scaling: { max: 2, wva: {} }, prefill: { scaling: { max: 2, keda: { triggers: [{ type: "cpu" }] } } } }), "llm/scaling-consistency");
    expect([mode.path, mode.message]).toEqual(["spec.prefill.scaling", "decode scales with wva and prefill with keda"]);
    const actuator = only(issues({ scaling: { max: 2, wva: {} }, prefill: { scaling: { max: 2, wva: { keda: {} } } } }), "llm/scaling-consistency");
    expect(actuator.message).toBe("decode's WVA actuates through hpa and prefill's through keda");
  });

  it("llm/lora-adapters: duplicate, the base model's name, dot names", () => {
    const a = ModelLocation.fromUri("hf://acme/a");
    const list = issues({ servedModelName: "base", lora: { adapters: [{ name: "x", model: a }, { name: "x", model: a }, { name: "base", model: a }, { name: "..", model: a }] } }).filter((i) => i.rule === "llm/lora-adapters");
    expect(list.map((i) => [i.path, i.message])).toEqual([
      ["spec.model.lora.adapters[1].name", 'adapter name "x" is used twice'],
      ["spec.model.lora.adapters[2].name", 'adapter name "base" is the base model\'s served name'],
      ["spec.model.lora.adapters[3].name", '".." is not a valid adapter name'],
    ]);
    // without a served name, the base model's name is the resource's
    expect(only(issues({ lora: { adapters: [{ name: "llama", model: a }] } }), "llm/lora-adapters").message).toBe('adapter name "llama" is the base model\'s served name');
  });

  it("llm/kv-cache-tiers (hand-written)", () => {
    const found = lint(llmisvc({ model: { uri: "hf://a/b" }, kvCacheOffloading: { secondary: [{ fileSystem: { emptyDir: { size: "1Gi" }, pvc: { ref: { name: "a" } } } }, { fileSystem: { pvc: {} } }] } })).filter((f) => f.rule === "llm/kv-cache-tiers");
    expect(found.map((f) => f.path)).toEqual(["spec.kvCacheOffloading.cpu", "spec.kvCacheOffloading.secondary[0].fileSystem", "spec.kvCacheOffloading.secondary[1].fileSystem.pvc"]);
  });

  it("llm/rollout-strategy", () => {
    const zero = only(issues({ rolloutStrategy: { maxUnavailable: 0, maxSurge: 0 } }), "llm/rollout-strategy");
    expect(zero.message).toBe("maxUnavailable and maxSurge are both zero; the rollout could never progress");
    const multi = only(issues({ hardware: gpus(8), parallelism: { data: 16, dataLocal: 8 }, worker: true, rolloutStrategy: { maxUnavailable: 0 } }), "llm/rollout-strategy");
    expect([multi.path, multi.fix]).toEqual(["spec.rolloutStrategy.maxSurge", "give maxSurge 1 (or 25%) when maxUnavailable is 0"]);
    expect(only(issues({ rolloutStrategy: { maxSurge: "150%" } }), "llm/rollout-strategy").message).toBe("maxSurge must not be above 100%");
  });

  it("llmconfig/well-known-name (warning): a config named as KServe's or OpenShift AI's", () => {
    const i = only(configIssues({ name: "kserve-config-llm-template", image: "registry.example/vllm:1" }), "llmconfig/well-known-name");
    expect([i.severity, i.path, i.message, i.fix]).toEqual(["warning", "name", "\"kserve-config-llm-template\" is one of KServe's well-known configs; this config would replace the installed one", 'name it for example "team-llm-template" and list it in baseRefs']);
    expect(only(configIssues({ name: "kserve-config-llm-template-amd-rocm" }), "llmconfig/well-known-name").message).toMatch(/OpenShift AI's accelerator presets/);
    expect(configIssues({ name: "team-defaults" })).toEqual([]);
  });

  it("llmconfig/no-base-refs (manifest) and llmconfig/base-refs-props (props)", () => {
    expect(only(configIssues({ baseRefs: ["other"] }), "llmconfig/base-refs-props").path).toBe("baseRefs");
    const found = lint(llmisvc({ baseRefs: [{ name: "other" }] }, "serving.kserve.io/v1alpha2", "LLMInferenceServiceConfig")).filter((f) => f.rule === "llmconfig/no-base-refs");
    expect(found.map((f) => [f.path, f.fix])).toEqual([["spec.baseRefs", "list every config in the LLMInferenceService's baseRefs instead"]]);
    // an LLMInferenceService may have baseRefs
    expect(lint(llmisvc({ model: { uri: "hf://a/b" }, baseRefs: [{ name: "cfg" }] })).filter((f) => f.rule === "llmconfig/no-base-refs")).toEqual([]);
  });
});

describe("managed DRA and confidential models (webhook)", () => {
  const dra = (annotations: Record<string, string>): Manifest => ({ ...llmisvc({ model: { uri: "hf://a/b" } }), metadata: { name: "llama", namespace: "llm", annotations } }) as Manifest;
  const found = (m: Manifest, rule: string, target?: TargetProps) => lint(m, target).filter((f) => f.rule === rule).map((f) => [f.path, f.message]);

  it("llm/managed-dra: the device class with the others, a DNS subdomain; a count of at least 1; selectors; a DNS-label container", () => {
    expect(found(dra({ "serving.kserve.io/exp-dra-device-class": "gpu.nvidia.com", "serving.kserve.io/exp-dra-device-count": "4", "serving.kserve.io/exp-dra-cel-selector": "device.attributes['gpu.nvidia.com'].productName == 'H100'\n", "serving.kserve.io/exp-dra-container-name": " main " }), "llm/managed-dra")).toEqual([]);
    expect(found(dra({ "serving.kserve.io/exp-dra-device-count": "2", "serving.kserve.io/exp-dra-container-name": "main" }), "llm/managed-dra")).toEqual([
      ["metadata.annotations.serving.kserve.io/exp-dra-device-class", "serving.kserve.io/exp-dra-device-class is required when serving.kserve.io/exp-dra-device-count, serving.kserve.io/exp-dra-container-name is set"],
    ]);
    expect(found(dra({ "serving.kserve.io/exp-dra-device-class": "GPU.Nvidia.com", "serving.kserve.io/exp-dra-device-count": "abc", "serving.kserve.io/exp-dra-cel-selector": "\n  \n", "serving.kserve.io/exp-dra-container-name": "vllm_main" }), "llm/managed-dra")).toEqual([
      ["metadata.annotations.serving.kserve.io/exp-dra-device-class", "device class \"GPU.Nvidia.com\" is not a DNS subdomain (lowercase letters, digits, '-' and '.')"],
      ["metadata.annotations.serving.kserve.io/exp-dra-device-count", 'device count "abc" is not a whole number of at least 1'],
      ["metadata.annotations.serving.kserve.io/exp-dra-cel-selector", "the CEL selector annotation has no expression"],
      ["metadata.annotations.serving.kserve.io/exp-dra-container-name", 'container name "vllm_main" is not a DNS label'],
    ]);
    expect(found(dra({ "serving.kserve.io/exp-dra-device-class": "gpu.nvidia.com", "serving.kserve.io/exp-dra-device-count": "0" }), "llm/managed-dra").map(([, m]) => m)).toEqual(['device count "0" is not a whole number of at least 1']);
    // from props: the annotations, checked the same way, and gated per release
    const i = only(issues({ dra: { deviceClass: "gpu..nvidia.com" } }), "llm/managed-dra");
    expect([i.path, i.value]).toEqual(["metadata.annotations.serving.kserve.io/exp-dra-device-class", "gpu..nvidia.com"]);
    const old = only(issues({ dra: { deviceClass: "gpu.nvidia.com" } }, { kserveVersion: "0.17" }), "llm/managed-dra");
    expect([old.message, old.fix]).toEqual([
      "managed dynamic resource allocation (the serving.kserve.io/exp-dra-* annotations) needs KServe 0.20; the target is KServe 0.17; older controllers ignore the annotations and the pods get no devices",
      "upgrade to KServe 0.20 and set the target, or drop the exp-dra annotations",
    ]);
    expect(issues({ dra: { deviceClass: "gpu.nvidia.com" } }, { openshiftAI: { version: "3.5" } }).filter((x) => x.rule === "llm/managed-dra")).toEqual([]);
    expect(only(issues({ dra: { deviceClass: "gpu.nvidia.com" } }, { openshiftAI: { version: "3.4" } }), "llm/managed-dra").message).toMatch(/needs OpenShift AI 3.5/);
  });

  it("llm/confidential: the resourceId is a KBS resource", () => {
    const i = only(issues({ confidential: { resourceId: "invalid-id" } }), "llm/confidential");
    expect([i.path, i.value, i.message, i.fix]).toEqual(["spec.model.confidential.resourceId", "invalid-id", '"invalid-id" is not of the form kbs:///<repository>/<type>/<tag>', "give resourceId as kbs:///<repository>/<type>/<tag>, or leave it out"]);
    expect(issues({ confidential: { resourceId: "kbs:///default/key/model-key" } })).toEqual([]);
    expect(issues({ confidential: { enabled: false, resourceId: "invalid-id" } })).toEqual([]);
  });

  it("llm/confidential-storage (warning): not from oci:// or pvc://, not without the storage initializer", () => {
    const oci = only(issues({ model: ModelLocation.fromUri("oci://registry.example/models/llama:1"), confidential: {} }), "llm/confidential-storage");
    expect([oci.severity, oci.path, oci.message]).toEqual(["warning", "spec.model.confidential", "confidential has no effect with OCI URIs (oci://registry.example/models/llama:1)"]);
    const off = only(issues({ confidential: {}, storageInitializer: false }), "llm/confidential-storage");
    expect([off.path, off.message]).toEqual(["spec.storageInitializer.enabled", "the storage initializer is off, so nothing decrypts the confidential model"]);
    expect(found(llmisvc({ model: { uri: "pvc://weights/llama", confidential: { enabled: true } } }), "llm/confidential-storage")).toEqual([["spec.model.confidential", "confidential has no effect with PVC URIs (pvc://weights/llama)"]]);
  });

  it("model.confidential only on KServe 0.20 and later and OpenShift AI 3.5 (llm/target-feature)", () => {
    const i = only(issues({ confidential: {} }, { kserveVersion: "0.17" }), "llm/target-feature");
    expect([i.path, i.message]).toEqual(["spec.model.confidential", "confidential models (model.confidential) needs KServe 0.20; the target is KServe 0.17"]);
    expect(issues({ confidential: {} }, { kserveVersion: "0.20" })).toEqual([]);
    expect(only(issues({ confidential: {} }, { openshiftAI: { version: "3.4" } }), "llm/target-feature").fix).toBe("upgrade to OpenShift AI 3.5 and set the target, or drop spec.model.confidential");
  });
});

describe("targets", () => {
  it("llm/target-version: no LLMInferenceService before KServe 0.16 or OpenShift AI 3.0", () => {
    const i = only(issues({}, { kserveVersion: "0.15" }), "llm/target-version");
    expect([i.path, i.message]).toEqual(["apiVersion", "LLMInferenceService needs KServe 0.16 or later; the target is KServe 0.15"]);
    expect(only(issues({}, { openshiftAI: { version: "2.25" } }), "llm/target-version").message).toMatch(/OpenShift AI 3.0 or later/);
  });

  it("llm/api-version: v1alpha2 where only v1alpha1 is served; v1alpha1 where v1alpha2 is (warning)", () => {
    const old = lint(llmisvc({ model: { uri: "hf://a/b" } }), { openshiftAI: { version: "3.0" } }).filter((f) => f.rule === "llm/api-version");
    expect(old.map((f) => [f.message, f.severity])).toEqual([["OpenShift AI 3.0 (KServe 0.15) serves only serving.kserve.io/v1alpha1", undefined]]);
    const legacy = lint(llmisvc({ model: { uri: "hf://a/b" } }, "serving.kserve.io/v1alpha1"), { kserveVersion: "0.20" }).filter((f) => f.rule === "llm/api-version");
    expect(legacy.map((f) => [f.fix, f.severity])).toEqual([["use serving.kserve.io/v1alpha2", undefined]]);
  });

  it("llm/target-feature: each field at the release that added it", () => {
    const on020 = issues({ rolloutStrategy: { maxSurge: 1 }, scaling: { max: 2, keda: { triggers: [{ type: "cpu" }] } } }, { kserveVersion: "0.20" }).filter((i) => i.rule === "llm/target-feature");
    expect(on020.map((i) => [i.path, i.message])).toEqual([
      ["spec.scaling.keda", "direct KEDA scaling of LLMInferenceServices (scaling.keda) needs KServe after 0.20 (0.21); the target is KServe 0.20"],
      ["spec.rolloutStrategy", "LLMInferenceService rolloutStrategy needs KServe after 0.20 (0.21); the target is KServe 0.20"],
    ]);
    const on017 = issues({ kvCacheOffloading: { cpu: "10Gi" }, tracing: {} }, { kserveVersion: "0.17" }).filter((i) => i.rule === "llm/target-feature");
    expect(on017.map((i) => i.path)).toEqual(["spec.kvCacheOffloading", "spec.tracing"]);
    const odh30 = issues({ scaling: { max: 2 }, podLabels: { a: "b" }, storageInitializer: false, router: { scheduler: { replicas: 2 } } }, { openshiftAI: { version: "3.0" } }).filter((i) => i.rule === "llm/target-feature");
    expect(odh30.map((i) => i.path)).toEqual(["spec.labels", "spec.scaling", "spec.storageInitializer", "spec.router.scheduler.replicas"]);
    expect(odh30[0]?.fix).toBe("upgrade to OpenShift AI 3.4 and set the target, or drop spec.labels");
    // OpenShift AI 3.5 has the tokenizer field upstream 0.20 lacks
    expect(lint(llmisvc({ model: { uri: "hf://a/b" }, router: { scheduler: { tokenizer: { template: {} } } } }), { openshiftAI: { version: "3.5" } }).filter((f) => f.rule === "llm/target-feature")).toEqual([]);
    expect(lint(llmisvc({ model: { uri: "hf://a/b" }, router: { scheduler: { tokenizer: { template: {} } } } }), { kserveVersion: "0.20" }).filter((f) => f.rule === "llm/target-feature").map((f) => f.path)).toEqual(["spec.router.scheduler.tokenizer"]);
  });
});

describe("the library's own rules", () => {
  it("llm/name", () => {
    const i = only(issues({ name: "Llama_3" }), "llm/name");
    expect([i.path, i.fix]).toEqual(["name", 'use a name such as "llama-3"']);
  });

  it("llm/derived-names (warning)", () => {
    const i = only(issues({ name: "a".repeat(40), router: { scheduler: {} } }), "llm/derived-names");
    expect(i.severity).toBe("warning");
    expect(i.message).toBe(`KServe derives "${"a".repeat(40)}-kserve-router-scheduler" (64 characters), which it shortens with a hash`);
    expect(i.fix).toBe("shorten the name to at most 39 characters");
  });

  it("llm/model-uri: storage-config locations, none, and adapters off hf/s3/pvc/oci", () => {
    expect(only(issues({ model: ModelLocation.none() }), "llm/model-uri").path).toBe("model");
    const i = only(issues({ lora: { adapters: [{ name: "x", model: ModelLocation.fromUri("https://example.com/a.tar") }] } }), "llm/model-uri");
    expect([i.path, i.fix]).toEqual(["lora.adapters[0].model", "store the adapter on the Hub, S3, a PVC or an OCI registry"]);
  });

  it("llm/lora-credentials", () => {
    const i = only(issues({ lora: { adapters: [{ name: "x", model: ModelLocation.fromUri("s3://b/x", { serviceAccountName: "s3-sa" }) }] } }), "llm/lora-credentials");
    expect([i.path, i.message]).toEqual(["lora.adapters[0].model", 'adapter "x" needs the credentials of ServiceAccount "s3-sa", and the model is read with no ServiceAccount']);
  });

  it("llm/storage-namespace", () => {
    const i = only(issues({ model: { uri: "pvc://weights/m", namespace: "other" } }), "llm/storage-namespace");
    expect(i.message).toBe("the storage is in namespace other, the LLMInferenceService in llm");
  });

  it("llm/owned-args", () => {
    const i = only(issues({ hardware: gpus(2), args: ["--max-model-len=8192", "--tensor-parallel-size=2"] }), "llm/owned-args");
    expect([i.path, i.fix]).toEqual(["args[1]", "drop it and set parallelism.tensor"]);
  });

  it("llm/parallelism-devices: too few devices, unused devices, data not a multiple of dataLocal, one pod per group, worker devices", () => {
    const few = only(issues({ hardware: gpus(2), parallelism: { tensor: 4 } }), "llm/parallelism-devices");
    expect([few.path, few.message, few.fix]).toEqual(["hardware.accelerators", "the parallelism needs 4 devices per pod; the pod requests 2", "request 4 accelerators per pod, or change the parallelism"]);
    const idle = only(issues({ hardware: gpus(4), parallelism: { tensor: 1 } }), "llm/parallelism-devices");
    expect(idle.fix).toBe("set parallelism.tensor to 4, or request 1 accelerator");
    const multi = issues({ hardware: gpus(8), parallelism: { data: 20, dataLocal: 8 }, worker: true }).filter((i) => i.rule === "llm/parallelism-devices");
    expect(multi.map((i) => i.message)).toEqual(["data parallelism 20 is not a multiple of dataLocal 8, so the ranks do not fill whole pods"]);
    const single = only(issues({ hardware: gpus(8), parallelism: { data: 8, dataLocal: 8 }, worker: true }), "llm/parallelism-devices");
    expect(single.message).toBe("the parallelism gives 1 pod per LeaderWorkerSet group, so no worker would run");
    const workers = only(issues({ hardware: gpus(8), parallelism: { tensor: 8, pipeline: 2 }, worker: { hardware: gpus(4) } }), "llm/parallelism-devices");
    expect([workers.path, workers.fix]).toEqual(["worker.hardware", "request 8 accelerators for the workers, or drop worker.hardware"]);
    const prefill = only(issues({ hardware: gpus(1), prefill: { hardware: gpus(1), parallelism: { tensor: 2 } } }), "llm/parallelism-devices");
    expect(prefill.path).toBe("prefill.hardware.accelerators");
  });

  it("llm/devices-per-node", () => {
    const profile: HardwareProfileInfo = { name: "h100", where: "t/h100", valid: true, accelerator: Accelerator.nvidia({ max: 8 }), identifiers: [{ identifier: "nvidia.com/gpu", displayName: "GPU", min: 1, default: 1, max: 8, resourceType: "Accelerator" }] };
    const i = only(issues({ hardware: { profile, accelerators: 8 }, parallelism: { tensor: 16 } }), "llm/devices-per-node");
    expect(i.message).toBe('the parallelism puts 16 devices in one pod; hardware profile "h100" offers at most 8 per node');
    expect(i.fix).toBe("keep tensor × dataLocal at most 8 and add nodes with worker (pipeline or data parallelism)");
  });

  it("llm/expert-needs-data", () => {
    expect(only(issues({ hardware: gpus(4), parallelism: { tensor: 4, expert: true } }), "llm/expert-needs-data").path).toBe("parallelism.expert");
  });

  it("llm/accelerator-image: AMD without an image; an image map without the accelerator", () => {
    const amd = only(issues({ hardware: Hardware.accelerator(Accelerator.amd(), { accelerators: 1 }) }), "llm/accelerator-image");
    expect([amd.path, amd.message]).toEqual(["image", "the workload runs on amd and no image for it is set (KServe's default image is CUDA)"]);
    const map = only(issues({ hardware: Hardware.accelerator(Accelerator.gaudi(), { accelerators: 1 }), image: { nvidia: "ghcr.io/llm-d/llm-d-cuda:v0.9.0" } }), "llm/accelerator-image");
    expect(map.fix).toBe("add image.gaudi");
    expect(issues({ hardware: Hardware.accelerator(Accelerator.amd(), { accelerators: 1 }), image: { amd: "docker.io/rocm/vllm:latest" } }).filter((i) => i.rule === "llm/accelerator-image")).toEqual([]);
  });

  it("llm/prefill-accelerator: vendors must match, products may differ", () => {
    const i = only(issues({ hardware: gpus(1), prefill: { hardware: Hardware.accelerator(Accelerator.amd(), { accelerators: 1 }), image: "docker.io/rocm/vllm:latest" } }), "llm/prefill-accelerator");
    expect([i.path, i.message]).toEqual(["prefill.hardware", "prefill runs on amd and decode on nvidia; they cannot exchange KV caches"]);
    const products = issues({ hardware: Hardware.accelerator(Accelerator.nvidia({ product: "NVIDIA-H100-80GB-HBM3" }), { accelerators: 1 }), prefill: { hardware: Hardware.accelerator(Accelerator.nvidia({ product: "NVIDIA-A100-SXM4-80GB" }), { accelerators: 1 }) } });
    expect(products).toEqual([]);
  });

  it("llm/openshift-ai-preset: upstream target, too old a release, another accelerator", () => {
    expect(only(issues({ hardware: gpus(1), baseRefs: [LLMConfigs.openshiftAI.nvidiaCuda] }), "llm/openshift-ai-preset").fix).toBe("set the image yourself, or target OpenShift AI");
    const old = only(issues({ hardware: gpus(1), baseRefs: [LLMConfigs.openshiftAI.nvidiaCudaSingleNode] }, { openshiftAI: { version: "3.4" } }), "llm/openshift-ai-preset");
    expect(old.message).toBe("kserve-config-llm-single-node-template-nvidia-cuda ships with OpenShift AI 3.5; the target is OpenShift AI 3.4 (KServe 0.17)");
    const other = only(issues({ hardware: gpus(1), baseRefs: [LLMConfigs.openshiftAI.amdRocm] }, { openshiftAI: { version: "3.5" } }), "llm/openshift-ai-preset");
    expect([other.path, other.message]).toEqual(["baseRefs[0]", "kserve-config-llm-template-amd-rocm is for amd.com/gpu and the workload requests nvidia.com/gpu"]);
  });

  it("llm/accelerator-image looks inside the LLMInferenceServiceConfigs of the app", () => {
    const registry = new Registry();
    const ctx = (id: string) => ({ where: `t/${id}`, defaultName: id, namespace: "llm", target: { kserveVersion: "0.21" }, registry });
    const amd = Hardware.accelerator(Accelerator.amd(), { accelerators: 1 });
    const team = buildLLMInferenceServiceConfig({ podLabels: { team: "nlp" } }, ctx("team"));
    const rocm = buildLLMInferenceServiceConfig({ image: "docker.io/rocm/vllm:latest" }, ctx("rocm"));
    const mapped = buildLLMInferenceServiceConfig({ image: { amd: "docker.io/rocm/vllm:latest" } }, ctx("mapped"));
    expect([team.issues, rocm.issues, mapped.issues]).toEqual([[], [], []]);
    const svc = (baseRefs: LLMInferenceServiceProps["baseRefs"], extra: Partial<LLMInferenceServiceProps> = {}) => [...buildLLMInferenceService({ model, hardware: amd, baseRefs, ...extra }, ctx("llama")).issues];
    // a config of the app without an image does not provide one
    const none = only(svc([team.handle]), "llm/accelerator-image");
    expect([none.path, none.message, none.fix]).toEqual([
      "image",
      'the workload runs on amd and no image for it is set: the config "team" (t/team) in baseRefs sets no image (KServe\'s default image is CUDA)',
      "set image on the config (a plain image: an image map on a config picks the image of the config's own hardware) or on the workload",
    ]);
    // named by string, the same config is found in the namespace
    expect(only(svc(["team"]), "llm/accelerator-image").message).toMatch(/the config "team" \(t\/team\)/);
    // an image map without hardware on the config renders no image
    expect(only(svc([mapped.handle]), "llm/accelerator-image").message).toMatch(/"mapped"/);
    // a config with an image provides it; an unknown config may
    expect(svc([team.handle, rocm.handle]).filter((i) => i.rule === "llm/accelerator-image")).toEqual([]);
    expect(svc(["defined-elsewhere"]).filter((i) => i.rule === "llm/accelerator-image")).toEqual([]);
    // the prefill workload needs the config's prefill image
    const pd = svc([rocm.handle], { image: "docker.io/rocm/vllm:latest", prefill: { hardware: amd } });
    expect(only(pd, "llm/accelerator-image").path).toBe("prefill.image");
  });

  it("llm/dra-hardware, and DRA devices in the parallelism arithmetic", () => {
    const dra = { deviceClass: "gpu.nvidia.com", count: 2 };
    const i = only(issues({ dra, hardware: gpus(2) }), "llm/dra-hardware");
    expect([i.path, i.value, i.message]).toEqual(["hardware.accelerators", 2, "the pods claim 2 device(s) of class gpu.nvidia.com through DRA and also request 2 accelerator(s)"]);
    // without accelerators, the claimed devices are the pod's: tensor parallel over them by default
    const built = buildLLMInferenceService({ model, dra }, { where: "t/llama", defaultName: "llama", namespace: "llm", target: { kserveVersion: "0.21" } });
    expect(built.issues).toEqual([]);
    const m = built.manifests[0] as Manifest;
    expect(m.metadata.annotations).toEqual({ "serving.kserve.io/exp-dra-device-class": "gpu.nvidia.com", "serving.kserve.io/exp-dra-device-count": "2" });
    expect((m["spec"] as Record<string, unknown>)["parallelism"]).toEqual({ tensor: 2 });
    const few = only(issues({ dra, parallelism: { tensor: 4 } }), "llm/parallelism-devices");
    expect([few.path, few.message, few.fix]).toEqual(["dra.count", "the parallelism needs 4 devices per pod; the pod claims 2", "set dra.count to 4, or change the parallelism"]);
  });

  it("llm/model-rewrite: targets the pool serves, weights on all or none", () => {
    const adapters = [{ name: "sql", model: ModelLocation.fromUri("hf://acme/sql-lora") }];
    const routing = (rules: NonNullable<NonNullable<LLMInferenceServiceProps["userRouting"]>["modelRewrite"]>["rules"]): Partial<LLMInferenceServiceProps> => ({
      servedModelName: "llama-3.1-8b",
      lora: { adapters },
      userRouting: { gateway: { name: "gw" }, inferencePool: { endpointPicker: { service: "epp" } }, modelRewrite: { rules } },
    });
    expect(issues(routing([{ models: ["llama"], targets: [{ model: "llama-3.1-8b", weight: 90 }, { model: "sql", weight: 10 }] }]))).toEqual([]);
    const list = issues(routing([{ models: ["gpt-4"], targets: [{ model: "gpt-4o", weight: 1 }, { model: "sql" }] }, { targets: [] }])).filter((i) => i.rule === "llm/model-rewrite");
    expect(list.map((i) => [i.path, i.message])).toEqual([
      ["userRouting.modelRewrite.rules[0].targets", "1 of 2 targets have a weight; give every target a weight or none"],
      ["userRouting.modelRewrite.rules[0].targets[0].model", 'the pool does not serve "gpt-4o" (it serves "llama-3.1-8b", "sql")'],
      ["userRouting.modelRewrite.rules[1].targets", "a rewrite rule needs at least one target"],
    ]);
    expect(list[0]?.fix).toBe("rewrite to the served model name or one of the LoRA adapters, and give every target a weight or none");
  });

  it("llm/user-routing", () => {
    const list = issues({ userRouting: { gateway: { name: "gw" }, inferencePool: { endpointPicker: { service: "epp" } } }, router: { route: {}, scheduler: { pool: { ref: "p" } } } }).filter((i) => i.rule === "llm/user-routing");
    expect(list.map((i) => i.path)).toEqual(["router.route", "router.scheduler.pool"]);
  });
});

it("every LLM rule is in the catalogue, and every manifest rule is listed for lint", () => {
  const ids = ruleCatalogue().map((r) => r.id).filter((id) => id.startsWith("llm/") || id.startsWith("llmconfig/"));
  expect(ids.length).toBe(43);
  // every LLM rule is asserted by id in the LLM tests
  const sources = ["rules.test.ts", "language-model.test.ts"].map((f) => fs.readFileSync(path.join(__dirname, f), "utf8")).join("\n");
  expect(ids.filter((id) => !sources.includes(`"${id}"`))).toEqual([]);
  const listed = new Set(manifestRules().map((r) => r.id));
  for (const id of ["llm/replicas-or-scaling", "llm/target-feature", "llm/api-version", "llmconfig/no-base-refs", "llm/lora-adapters"]) expect(listed.has(id)).toBe(true);
  for (const meta of ruleCatalogue().filter((r) => ids.includes(r.id))) {
    expect(meta.summary).not.toBe("");
    expect(meta.why).not.toBe("");
    expect(meta.fix).not.toBe("");
  }
});
