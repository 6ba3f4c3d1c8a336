/**
 * LLMInferenceService, LLMInferenceServiceConfig and LanguageModel give the same manifests through cdk8s
 * and Pulumi: configs named in baseRefs (the component itself), user routing, LanguageModel in both forms,
 * with plain values and with the namespace as an Output; and a LanguageModel's form follows `serving`.
 */
import { Chart } from "cdk8s";
import * as pulumi from "@pulumi/pulumi";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import { Accelerator, EnginePresets, Hardware, ModelLocation } from "kserve-constructs";
import type { EnginePreset, IRuntime, LLMConfigRef, LLMInferenceServiceConfigProps, LLMInferenceServiceProps, LanguageModelProps, Manifest, TargetProps } from "kserve-constructs";
import { byKey, pulumiError, registeredOutputs, resetPulumi, settle, synthPulumi } from "../support/pulumi";
import { synthApp } from "../support/synth";

interface Driver {
  config(id: string, props: LLMInferenceServiceConfigProps): LLMConfigRef;
  llm(id: string, props: LLMInferenceServiceProps): void;
  engine(id: string, preset: EnginePreset): IRuntime;
  languageModel(id: string, props: LanguageModelProps): void;
}

function cdk8sDriver(chart: Chart): Driver {
  return {
    config: (id, props) => new cdk8s.LLMInferenceServiceConfig(chart, id, props),
    llm: (id, props) => new cdk8s.LLMInferenceService(chart, id, props),
    engine: (id, preset) => new cdk8s.InferenceEngine(chart, id, preset),
    languageModel: (id, props) => new cdk8s.LanguageModel(chart, id, props),
  };
}

function pulumiDriver(namespace: string, output: boolean): Driver {
  const ns = output ? pulumi.output(namespace) : namespace;
  return {
    config: (id, props) => new pc.LLMInferenceServiceConfig(id, { ...props, namespace: ns }),
    llm: (id, props) => {
      new pc.LLMInferenceService(id, { ...props, namespace: ns });
    },
    engine: (id, preset) => new pc.InferenceEngine(id, { ...preset, namespace: ns }),
    languageModel: (id, props) => {
      new pc.LanguageModel(id, { ...props, namespace: ns });
    },
  };
}

const h100 = Hardware.accelerator(Accelerator.nvidia({ max: 8, product: "NVIDIA-H100-80GB-HBM3" }), { accelerators: 2, memory: "128Gi" });
const model = ModelLocation.fromUri("hf://ibm-granite/granite-3.3-8b-instruct");

function define(d: Driver): void {
  const team = d.config("team-defaults", { podLabels: { team: "nlp" }, env: { VLLM_LOGGING_LEVEL: "DEBUG" }, router: { scheduler: { replicas: 2 } } });
  d.llm("granite", { model, hardware: h100, baseRefs: [team, "kserve-config-llm-scheduler"], router: { gateway: {}, route: {}, scheduler: {} } });
  d.llm("granite-routed", { model, hardware: h100, userRouting: { gateway: { name: "public", namespace: "gateways" }, inferencePool: { endpointPicker: { service: "epp" } }, modelRewrite: { rules: [{ models: ["granite-latest"], targets: [{ model: "granite-routed" }] }] } } });
  d.llm("granite-dra", { model, dra: { deviceClass: "gpu.nvidia.com", count: 2, selectors: ["device.attributes['gpu.nvidia.com'].productName == 'NVIDIA-H100-80GB-HBM3'"] }, confidential: { resourceId: "kbs:///default/key/granite" } });
  d.llm("granite-pd", { model, hardware: h100, scaling: { max: 4 }, prefill: { hardware: Hardware.accelerator(Accelerator.nvidia({ max: 8 }), { accelerators: 1 }), scaling: { max: 2 } }, router: { gateway: {}, route: {}, scheduler: { template: { image: "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0", env: { LOG_LEVEL: "debug" } } } } });
  const vllm = d.engine("vllm", EnginePresets.vllm({ accelerator: "nvidia" }));
  d.languageModel("chat-isvc", { serving: "InferenceService", engine: vllm, model, hardware: h100, replicas: 2 });
  d.languageModel("chat-llm", { serving: "LLMInferenceService", engine: vllm, model, hardware: h100, replicas: 2, llmInferenceService: { router: { gateway: {}, route: {}, scheduler: {} } } });
}

const target: TargetProps = { kserveVersion: "0.20" };
const expected = byKey(
  synthApp((app) => {
    const chart = new Chart(app, "parity", { namespace: "llm" });
    cdk8s.KServeTarget.set(chart, target);
    define(cdk8sDriver(chart));
  }),
);

beforeEach(() => resetPulumi());
afterAll(() => settle());

describe("LLM constructs through both adapters", () => {
  it("cdk8s renders every object", () => {
    expect(expected.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      "HTTPRoute/granite-routed-route",
      "InferenceModelRewrite/granite-routed-rewrite",
      "InferencePool/granite-routed-pool",
      "InferenceService/chat-isvc",
      "LLMInferenceService/chat-llm",
      "LLMInferenceService/granite",
      "LLMInferenceService/granite-dra",
      "LLMInferenceService/granite-pd",
      "LLMInferenceService/granite-routed",
      "LLMInferenceServiceConfig/team-defaults",
      "ServingRuntime/vllm",
    ]);
  });

  it.each([
    ["plain values", false],
    ["the namespace an Output", true],
  ])("Pulumi registers the manifests cdk8s synthesizes (%s)", async (_label, output) => {
    pc.KServeTarget.setDefault(target);
    const actual = await synthPulumi(() => define(pulumiDriver("llm", output)));
    expect(byKey(actual)).toEqual(expected);
  });

  it("a config passed in baseRefs stands for its name", () => {
    const granite = expected.find((m) => m.metadata.name === "granite") as Manifest;
    expect((granite["spec"] as Record<string, unknown>)["baseRefs"]).toEqual([{ name: "team-defaults" }, { name: "kserve-config-llm-scheduler" }]);
  });

  it("the LanguageModel forms: same name, hardware and replicas", () => {
    const isvc = expected.find((m) => m.metadata.name === "chat-isvc") as Manifest;
    const llm = expected.find((m) => m.metadata.name === "chat-llm") as Manifest;
    const predictor = (isvc["spec"] as { predictor: Record<string, unknown> }).predictor;
    expect([predictor["minReplicas"], predictor["maxReplicas"]]).toEqual([2, 2]);
    expect((predictor["model"] as { args: string[] }).args).toEqual(["--tensor-parallel-size=2"]);
    const spec = llm["spec"] as Record<string, unknown>;
    expect(spec["replicas"]).toBe(2);
    expect(spec["parallelism"]).toEqual({ tensor: 2 });
    const limits = (x: unknown): unknown => (x as { resources: { limits: unknown } }).resources.limits;
    expect(limits((spec["template"] as { containers: unknown[] }).containers[0])).toEqual(limits(predictor["model"]));
  });

  it("registered outputs", async () => {
    pc.KServeTarget.setDefault(target);
    const outputs = await registeredOutputs(() => [
      new pc.LLMInferenceServiceConfig("cfg", { namespace: "llm" }),
      new pc.LLMInferenceService("svc", { namespace: "llm", model }),
      new pc.LanguageModel("lm", { namespace: "llm", serving: "LLMInferenceService", model }),
    ]);
    expect(outputs).toEqual([
      { configName: "cfg", namespace: "llm", objects: ["LLMInferenceServiceConfig/cfg"] },
      { serviceName: "svc", namespace: "llm", objects: ["LLMInferenceService/svc"], url: undefined },
      { serviceName: "lm", serving: "LLMInferenceService", namespace: "llm", objects: ["LLMInferenceService/lm"] },
    ]);
  });

  it("bad props: the same ValidationError in Pulumi as in cdk8s", () => {
    const error = pulumiError(() => new pc.LanguageModel("lm", { serving: "InferenceService", model, replicas: 1, scaling: { max: 2 } }));
    expect(error.issues.map((i) => [i.rule, i.path])).toEqual([
      ["llm/language-model", "engine"],
      ["llm/language-model", "replicas"],
    ]);
  });
});
