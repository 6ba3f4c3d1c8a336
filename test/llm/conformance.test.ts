/**
 * The LLM examples against the CRDs of every target they declare (KServe objects against the release's
 * set, Gateway API, InferencePool and core kinds against theirs), and the API level per target.
 */
import { App, Chart, Testing } from "cdk8s";
import { buildLLMInferenceService } from "kserve-constructs";
import type { Manifest, TargetProps } from "kserve-constructs";
import { Accelerator, HardwareProfile, KServeTarget, LLMInferenceService, LLMInferenceServiceConfig, ModelLocation } from "kserve-constructs/cdk8s";
import { LLMOpenShiftAIChart, LLMServingChart } from "../../examples/llm";
import * as spec from "../../examples/specs/llm";
import { describeIfCrds, formatProblems, validateForTarget } from "../support/conformance";

/** The conformance problems of `manifests` against the CRD set of `target` ("" when none). */
function problemsAgainst(target: TargetProps, manifests: readonly Manifest[]): string {
  return formatProblems(validateForTarget([...manifests], target));
}

function getScheduler(m: Manifest | undefined): Record<string, unknown> {
  return ((m?.["spec"] as { router?: { scheduler?: Record<string, unknown> } } | undefined)?.router?.scheduler ?? {});
}

function getIn(m: Manifest | undefined, ...keys: string[]): unknown {
  return keys.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), m);
}

function synth(define: (app: App) => void): Manifest[] {
  const app = Testing.app();
  define(app);
  return app.charts.flatMap((c) => c.toJson() as Manifest[]);
}

describeIfCrds("LLM examples against the CRDs of their targets", () => {
  it.each(spec.targets.map((t) => [t.kserveVersion ?? "", t] as const))("the upstream scenario on KServe %s", (_label, target) => {
    const manifests = synth((app) => new LLMServingChart(app, "llm-serving", { target }));
    expect(new Set(manifests.map((m) => m.kind))).toEqual(new Set(["ServiceAccount", "Secret", "LLMInferenceService", "HTTPRoute", "InferencePool", "InferenceObjective"]));
    expect(manifests.filter((m) => m.kind === "LLMInferenceService")).toHaveLength(6);
    expect(problemsAgainst(target, manifests)).toBe("");
  });

  it("the OpenShift AI 3.5 scenario", () => {
    const manifests = synth((app) => new LLMOpenShiftAIChart(app, "llm-openshift-ai"));
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(["HardwareProfile/nvidia-h100", "LLMInferenceService/granite-8b", "Secret/minio-credentials", "ServiceAccount/models-sa"]);
    expect(problemsAgainst(spec.openshiftAITarget, manifests)).toBe("");
  });

  /** A chart on `target` with the given services (and configs). */
  function onTarget(target: TargetProps, define: (chart: Chart) => void): Manifest[] {
    return synth((app) => {
      KServeTarget.set(app, target);
      define(new Chart(app, "t", { namespace: "llm" }));
    });
  }

  it("v1alpha1 on OpenShift AI 3.0 (the fork serves only v1alpha1), valid against its CRDs", () => {
    const target: TargetProps = { openshiftAI: { version: "3.0" } };
    const manifests = onTarget(target, (chart) => {
      const gpus = new HardwareProfile(chart, "gpus", { accelerator: Accelerator.nvidia({ max: 8 }) });
      new LLMInferenceService(chart, "llama", { model: ModelLocation.fromUri("hf://meta-llama/Llama-3.1-8B-Instruct"), hardware: gpus.request({ accelerators: 2 }), router: { gateway: {}, route: {}, scheduler: {} } });
      new LLMInferenceService(chart, "dp", { model: ModelLocation.fromUri("pvc://weights/m"), hardware: gpus.request({ accelerators: 8 }), parallelism: { data: 16, dataLocal: 8 }, worker: true });
    });
    const llm = manifests.filter((m) => m.kind === "LLMInferenceService");
    expect(llm.map((m) => m.apiVersion)).toEqual(["serving.kserve.io/v1alpha1", "serving.kserve.io/v1alpha1"]);
    expect(problemsAgainst(target, manifests)).toBe("");
  });

  it("KServe 0.17: v1alpha2 with WVA scaling, configs and scheduler settings, valid against 0.17.1", () => {
    const target: TargetProps = { kserveVersion: "0.17" };
    const manifests = onTarget(target, (chart) => {
      const config = new LLMInferenceServiceConfig(chart, "team-defaults", { podLabels: { team: "nlp" }, env: { VLLM_LOGGING_LEVEL: "DEBUG" } });
      new LLMInferenceService(chart, "llama", {
        model: ModelLocation.fromUri("hf://meta-llama/Llama-3.1-8B-Instruct"),
        hardware: { accelerator: Accelerator.nvidia() },
        scaling: { min: 1, max: 3, wva: { keda: { pollingInterval: 15 } } },
        storageInitializer: false,
        baseRefs: [config],
        router: { gateway: {}, route: {}, scheduler: { replicas: 2, config: { configMap: { name: "epp", key: "config.yaml" } } } },
      });
    });
    expect(manifests.map((m) => `${m.apiVersion} ${m.kind}`)).toEqual(["serving.kserve.io/v1alpha2 LLMInferenceServiceConfig", "serving.kserve.io/v1alpha2 LLMInferenceService"]);
    expect(problemsAgainst(target, manifests)).toBe("");
  });

  it("the scheduler pod on every target; the tokenizer after 0.20 and on OpenShift AI 3.5, refused by 0.20's CRD and rule", () => {
    const template = { image: "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0", resources: { requests: { cpu: "2" }, limits: { cpu: "2" } }, tolerations: [{ key: "system", operator: "Exists" as const }] };
    const tokenizer = { template: { resources: { requests: { cpu: "1", memory: "4Gi" }, limits: { cpu: "4", memory: "12Gi" } } } };
    const define = (withTokenizer: boolean) => (chart: Chart) => {
      new LLMInferenceService(chart, "llama", { model: ModelLocation.fromUri("hf://meta-llama/Llama-3.1-8B-Instruct"), router: { gateway: {}, route: {}, scheduler: { template, ...(withTokenizer ? { tokenizer } : {}) } } });
    };
    for (const target of [{ kserveVersion: "0.21" }, { openshiftAI: { version: "3.5" } }] as TargetProps[]) {
      const manifests = onTarget(target, define(true));
      expect(Object.keys(getScheduler(manifests[0])).sort()).toEqual(["template", "tokenizer"]);
      expect(problemsAgainst(target, manifests)).toBe("");
    }
    for (const target of [{ kserveVersion: "0.17" }, { kserveVersion: "0.20" }, { openshiftAI: { version: "3.0" } }, { openshiftAI: { version: "3.4" } }] as TargetProps[]) {
      expect(problemsAgainst(target, onTarget(target, define(false)))).toBe("");
    }
    // on 0.20 the library refuses the tokenizer before the CRD would
    const errors = buildLLMInferenceService({ model: ModelLocation.fromUri("hf://a/b"), router: { scheduler: { tokenizer } } }, { where: "t/llama", defaultName: "llama", namespace: "llm", target: { kserveVersion: "0.20" } }).issues;
    expect(errors.map((i) => [i.rule, i.path])).toEqual([["llm/target-feature", "spec.router.scheduler.tokenizer"]]);
    const unchecked = onTarget({ kserveVersion: "0.21" }, define(true));
    expect(problemsAgainst({ kserveVersion: "0.20" }, unchecked)).toMatch(/tokenizer/);
  });

  it("an InferenceModelRewrite with user routing, valid against llm-d's CRD on every target", () => {
    for (const target of spec.targets) {
      const manifests = onTarget(target, (chart) => {
        new LLMInferenceService(chart, "llama", {
          model: ModelLocation.fromUri("hf://meta-llama/Llama-3.1-8B-Instruct"),
          servedModelName: "llama-3.1-8b",
          lora: { adapters: [{ name: "sql", model: ModelLocation.fromUri("hf://acme/sql-lora") }] },
          userRouting: {
            gateway: { name: "inference-gateway", namespace: "gateway-system" },
            inferencePool: { endpointPicker: { service: "llama-epp" } },
            inferenceObjective: { priority: 1 },
            modelRewrite: { rules: [{ models: ["llama"], targets: [{ model: "llama-3.1-8b", weight: 9 }, { model: "sql", weight: 1 }] }, { targets: [{ model: "llama-3.1-8b" }] }] },
          },
        });
      });
      expect(manifests.map((m) => m.kind)).toEqual(["LLMInferenceService", "HTTPRoute", "InferencePool", "InferenceObjective", "InferenceModelRewrite"]);
      expect(problemsAgainst(target, manifests)).toBe("");
    }
  });

  it("managed DRA and a confidential model on KServe 0.20, 0.21 and OpenShift AI 3.5; model.confidential refused by 0.17.1's CRD", () => {
    const define = (chart: Chart) => {
      new LLMInferenceService(chart, "llama", {
        model: ModelLocation.fromUri("s3://models/llama-encrypted/"),
        dra: { deviceClass: "gpu.nvidia.com", count: 2, selectors: ["device.attributes['gpu.nvidia.com'].productName == 'NVIDIA-H100-80GB-HBM3'"] },
        confidential: { resourceId: "kbs:///default/key/llama" },
      });
    };
    for (const target of [{ kserveVersion: "0.20" }, { kserveVersion: "0.21" }, { openshiftAI: { version: "3.5" } }] as TargetProps[]) {
      const manifests = onTarget(target, define);
      expect(getIn(manifests[0], "spec", "model", "confidential")).toEqual({ enabled: true, resourceId: "kbs:///default/key/llama" });
      expect(problemsAgainst(target, manifests)).toBe("");
    }
    expect(problemsAgainst({ kserveVersion: "0.17" }, onTarget({ kserveVersion: "0.20" }, define))).toMatch(/confidential/);
  });

  it("after 0.20: direct KEDA, rollout strategy, KV-cache tiers, tracing; valid against the kserve/ set", () => {
    const target: TargetProps = { kserveVersion: "0.21" };
    const manifests = onTarget(target, (chart) => {
      new LLMInferenceService(chart, "llama", {
        model: ModelLocation.fromUri("s3://models/llama/"),
        hardware: { accelerator: Accelerator.nvidia(), accelerators: 2 },
        scaling: { min: 1, max: 4, keda: { triggers: [{ type: "prometheus", metadata: { serverAddress: "http://prometheus:9090", query: "sum(vllm:num_requests_waiting)", threshold: "10" } }] } },
        rolloutStrategy: { maxUnavailable: 0, maxSurge: 1 },
        kvCacheOffloading: { cpu: "64Gi", evictionPolicy: "arc", secondary: [{ emptyDir: { size: "200Gi" } }, { pvc: { claimName: "kv-cache", path: "llama" } }, { pvc: { size: "500Gi", storageClassName: "fast" } }] },
        tracing: { exporterEndpoint: "http://otel-collector.observability:4317", samplerArg: "0.1" },
        prefill: { hardware: { accelerator: Accelerator.nvidia(), accelerators: 2 }, scaling: { max: 2, keda: { triggers: [{ type: "prometheus", metadata: { serverAddress: "http://prometheus:9090", query: "sum(vllm:num_requests_running)", threshold: "8" } }] } } },
        router: { gateway: { refs: [{ name: "inference-gateway", namespace: "gateway-system" }] }, route: { http: { spec: { rules: [{ backendRefs: [{ group: "inference.networking.k8s.io", kind: "InferencePool", name: "llama-inference-pool", port: 8000 }] }] } } }, scheduler: { pool: { spec: { selector: { matchLabels: { app: "llama" } }, targetPorts: [{ number: 8000 }], endpointPickerRef: { name: "llama-epp", port: { number: 9002 } } } } } },
      });
    });
    expect(manifests.map((m) => m.kind)).toEqual(["LLMInferenceService"]);
    expect(Object.keys(manifests[0]?.["spec"] as object).sort()).toEqual(["kvCacheOffloading", "model", "parallelism", "prefill", "rolloutStrategy", "router", "scaling", "template", "tracing"]);
    expect(problemsAgainst(target, manifests)).toBe("");
    // the same resource is not valid on 0.20: the release's CRD has no rolloutStrategy nor direct KEDA
    expect(problemsAgainst({ kserveVersion: "0.20" }, manifests)).toMatch(/rolloutStrategy/);
  });
});
