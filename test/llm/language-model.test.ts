/**
 * LanguageModel: the same model, storage and hardware as an InferenceService or an LLMInferenceService.
 */
import { Accelerator, HardwareProfile, InferenceEngine, LanguageModel, ModelStorage } from "kserve-constructs/cdk8s";
import type { LanguageModelProps, Manifest } from "kserve-constructs";
import type { Chart } from "cdk8s";
import { ruleIds, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateForTarget } from "../support/conformance";

function define(serving: LanguageModelProps["serving"]): (chart: Chart) => void {
  return (chart) => {
    const bucket = ModelStorage.s3(chart, "models", { bucket: "models", endpoint: "https://minio:9000", credentials: { secretName: "minio" } });
    const l40s = new HardwareProfile(chart, "l40s", { accelerator: Accelerator.nvidia({ max: 4, product: "NVIDIA-L40S" }), memory: { min: "16Gi", default: "48Gi", max: "192Gi" } });
    const vllm = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
    new LanguageModel(chart, "granite", {
      serving,
      engine: vllm,
      model: bucket.path("granite-3.3-8b-instruct/"),
      hardware: l40s.request({ accelerators: 2 }),
      args: ["--max-model-len=8192"],
      scaling: { min: 1, max: 3 },
      inferenceService: { timeoutSeconds: 600 },
      llmInferenceService: { router: { gateway: {}, route: {}, scheduler: {} } },
    });
  };
}

const target = { kserveVersion: "0.20" };

describe("LanguageModel", () => {
  it("serving: InferenceService gives the predictor with the vLLM engine, the same hardware, args and scaling", () => {
    const manifests = synthChart(define("InferenceService"), { target });
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["ServiceAccount/models-sa", "Secret/minio", "ServingRuntime/vllm", "InferenceService/granite"]);
    const isvc = manifests.find((m) => m.kind === "InferenceService") as Manifest;
    const predictor = (isvc["spec"] as { predictor: Record<string, unknown> }).predictor;
    expect(predictor["minReplicas"]).toBe(1);
    expect(predictor["maxReplicas"]).toBe(3);
    expect(predictor["timeout"]).toBe(600);
    const m = predictor["model"] as Record<string, unknown>;
    expect(m["args"]).toEqual(["--max-model-len=8192", "--tensor-parallel-size=2"]);
    expect((m["resources"] as { limits: unknown }).limits).toEqual({ memory: "48Gi", "nvidia.com/gpu": 2 });
  });

  it("serving: LLMInferenceService gives the llm-d resource from the same props (and no runtime is needed)", () => {
    const manifests = synthChart(define("LLMInferenceService"), { target });
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["ServiceAccount/models-sa", "Secret/minio", "ServingRuntime/vllm", "LLMInferenceService/granite"]);
    const spec = (manifests.find((m) => m.kind === "LLMInferenceService") as Manifest)["spec"] as Record<string, unknown>;
    expect(spec["scaling"]).toEqual({ maxReplicas: 3, minReplicas: 1, wva: { hpa: {} } });
    expect(spec["parallelism"]).toEqual({ tensor: 2 });
    expect(spec["router"]).toEqual({ gateway: {}, route: {}, scheduler: {} });
    const main = (spec["template"] as { containers: Record<string, unknown>[] }).containers[0] as Record<string, unknown>;
    expect(main["args"]).toEqual(["--max-model-len=8192"]);
    expect((main["resources"] as { limits: unknown }).limits).toEqual({ memory: "48Gi", "nvidia.com/gpu": 2 });
  });

  it("llm/language-model: the InferenceService form without an engine; replicas and scaling", () => {
    const error = validationError((chart) => new LanguageModel(chart, "granite", { serving: "InferenceService", model: { uri: "hf://a/b" }, replicas: 1, scaling: { max: 2 } }));
    expect(error.issues.map((i) => [i.rule, i.path, i.fix])).toEqual([
      ["llm/language-model", "engine", 'give engine: InferenceEngine.vllm(scope, "vllm", { accelerator: "nvidia" }), or serve it as an LLMInferenceService'],
      ["llm/language-model", "replicas", "keep one of them"],
    ]);
    expect(ruleIds((chart) => new LanguageModel(chart, "granite", { serving: "Knative" as never, model: { uri: "hf://a/b" } }))).toEqual(["props/shape"]);
  });
});

describeIfCrds("LanguageModel conformance", () => {
  it.each(["InferenceService", "LLMInferenceService"] as const)("%s form on KServe 0.20", (serving) => {
    expect(formatProblems(validateForTarget(synthChart(define(serving), { target }), target))).toBe("");
  });
});
