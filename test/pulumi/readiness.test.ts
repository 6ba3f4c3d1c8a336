/**
 * Readiness in `pulumi up`: every InferenceService and LLMInferenceService a component creates carries
 * the Kubernetes provider's await annotations (`pulumi.com/waitFor: condition=Ready` and
 * `pulumi.com/timeoutSeconds`), so the provider waits until KServe reports the service Ready and reads
 * its `status.url` on the first `up`. On by default, off with `waitForReady: false`; the cdk8s output of
 * the same spec carries none of it. Under Pulumi's mocks.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cdk8s from "kserve-constructs/cdk8s";
import { Accelerator, EnginePresets, Hardware, ModelLocation } from "kserve-constructs";
import type { Manifest } from "kserve-constructs";
import * as pc from "kserve-constructs/pulumi";
import { rawManifests, resetPulumi, settle, pulumiError, withoutAwait } from "../support/pulumi";
import { synthChart } from "../support/synth";
import { itChecksDefaults } from "../support/defaults";

const model = ModelLocation.fromUri("hf://ibm-granite/granite-3.3-8b-instruct");
const h100 = Hardware.accelerator(Accelerator.nvidia({ max: 8 }), { accelerators: 1, memory: "64Gi" });
const WAIT = { "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": "600" };

beforeEach(() => resetPulumi());
afterAll(() => settle());

function annotationsOf(ms: readonly Manifest[], kind: string, name?: string): Record<string, string> | undefined {
  const found = ms.find((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (found === undefined) throw new Error(`no ${kind} ${name ?? ""}`);
  return found.metadata.annotations;
}

function pulumiWithout(prefix: string, ms: readonly Manifest[]): string[] {
  return ms.flatMap((m) => Object.keys(m.metadata.annotations ?? {}).filter((k) => k.startsWith(prefix)).map((k) => `${m.kind}/${m.metadata.name} ${k}`));
}

describe("pulumi up waits until Ready", () => {
  itChecksDefaults(["ReadinessProps.waitForReady", "ReadinessProps.readyTimeoutSeconds"], "InferenceService and LLMInferenceService carry condition=Ready and a 600 s timeout by default; other kinds nothing", async () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    new pc.InferenceService("granite", { namespace: "models", engine: vllm, model, hardware: h100 });
    new pc.LLMInferenceService("llama", { namespace: "models", model, hardware: h100, router: { gateway: {}, route: {}, scheduler: {} } });
    await settle();
    const ms = rawManifests();
    expect(annotationsOf(ms, "InferenceService", "granite")).toEqual({ ...WAIT, "serving.kserve.io/deploymentMode": "Standard", "serving.kserve.io/enable-prometheus-scraping": "true" });
    expect(annotationsOf(ms, "LLMInferenceService", "llama")).toMatchObject(WAIT);
    expect(pulumiWithout("pulumi.com/", ms.filter((m) => m.kind !== "InferenceService" && m.kind !== "LLMInferenceService"))).toEqual([]);
  });

  it("readyTimeoutSeconds sets pulumi.com/timeoutSeconds; waitForReady: false leaves exactly the cdk8s object", async () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    new pc.InferenceService("slow", { namespace: "models", engine: vllm, model, hardware: h100, readyTimeoutSeconds: 3600 });
    new pc.InferenceService("nowait", { namespace: "models", engine: vllm, model, hardware: h100, waitForReady: false });
    new pc.LLMInferenceService("llm-nowait", { namespace: "models", model, hardware: h100, waitForReady: false });
    await settle();
    const ms = rawManifests();
    expect(annotationsOf(ms, "InferenceService", "slow")).toMatchObject({ "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": "3600" });
    const expected = synthChart((chart) => {
      const engine = cdk8s.InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      new cdk8s.InferenceService(chart, "nowait", { engine, model, hardware: h100 });
      new cdk8s.LLMInferenceService(chart, "llm-nowait", { model, hardware: h100 });
    });
    for (const [kind, name] of [["InferenceService", "nowait"], ["LLMInferenceService", "llm-nowait"]] as const) {
      expect(ms.find((m) => m.kind === kind && m.metadata.name === name)).toEqual(expected.find((m) => m.kind === kind && m.metadata.name === name));
    }
  });

  it("annotations the service sets itself win; an Output namespace still gets the annotations", async () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: pulumi.output("models") });
    new pc.InferenceService("own", { namespace: pulumi.output("models"), engine: vllm, model, hardware: h100, annotations: { "pulumi.com/waitFor": "jsonpath={.status.url}" } });
    new pc.InferenceService("deferred", { namespace: pulumi.output("models"), engine: vllm, model, hardware: h100, readyTimeoutSeconds: 900 });
    await settle();
    const ms = rawManifests();
    expect(annotationsOf(ms, "InferenceService", "own")).toMatchObject({ "pulumi.com/waitFor": "jsonpath={.status.url}", "pulumi.com/timeoutSeconds": "600" });
    expect(annotationsOf(ms, "InferenceService", "deferred")).toMatchObject({ "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": "900" });
    expect(ms.find((m) => m.metadata.name === "deferred")?.metadata.namespace).toBe("models");
  });

  it("Nim on KServe, LanguageModel and ModelFleet wait for their services too", async () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    pc.Nim.llama31_8bInstruct("llama", { namespace: "models", ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" }, hardware: h100, readyTimeoutSeconds: 1800 });
    new pc.LanguageModel("chat", { namespace: "models", serving: "LLMInferenceService", engine: vllm, model, hardware: h100 });
    const storage = pc.ModelStorage.pvc("store", { namespace: "models", claimName: "models" });
    const runtime = new pc.InferenceEngine("sk", { ...EnginePresets.vllm({ accelerator: "nvidia" }), name: "vllm-fleet", namespace: "models" });
    new pc.ModelFleet("fleet", { namespace: "models", engine: runtime, storage, models: [{ name: "a", path: "a/" }], waitForReady: false });
    await settle();
    const ms = rawManifests();
    expect(annotationsOf(ms, "InferenceService", "llama")).toMatchObject({ "pulumi.com/waitFor": "condition=Ready", "pulumi.com/timeoutSeconds": "1800" });
    expect(annotationsOf(ms, "LLMInferenceService", "chat")).toMatchObject(WAIT);
    expect(pulumiWithout("pulumi.com/", ms.filter((m) => m.metadata.name === "a"))).toEqual([]);
  });

  it("bad readiness settings are problems of the component's one ValidationError, with the rule and a fix", () => {
    const vllm = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
    const error = pulumiError(() => new pc.InferenceService("bad", { namespace: "models", engine: vllm, model, hardware: h100, readyTimeoutSeconds: 1.5, deploymentMode: "Nope" as never }));
    expect(error.issues.map((i) => `${i.path} ${i.rule}`)).toEqual(expect.arrayContaining(["readyTimeoutSeconds readiness/settings", "deploymentMode props/shape"]));
    expect(error.issues[0]?.rule).toBe("readiness/settings");
    expect(error.message).toContain("bad > readyTimeoutSeconds = 1.5\n    readyTimeoutSeconds is a whole number of seconds, at least 1 [readiness/settings]\n    fix: give a whole number such as 600");
    const both = pulumiError(() => new pc.LLMInferenceService("off", { namespace: "models", model, hardware: h100, waitForReady: false, readyTimeoutSeconds: 60 }));
    expect(both.issues.map((i) => [i.path, i.message])).toEqual([["readyTimeoutSeconds", "readyTimeoutSeconds has no effect with waitForReady: false"]]);
    const wrong = pulumiError(() => new pc.InferenceService("wrong", { namespace: "models", engine: vllm, model, hardware: h100, waitForReady: "yes" as never, readyTimeoutSeconds: 0 }));
    expect(wrong.issues.map((i) => `${i.path}=${JSON.stringify(i.value)}`)).toEqual(["waitForReady=\"yes\"", "readyTimeoutSeconds=0"]);
  });

  it("the parity helpers compare everything else: without the await annotations the objects are the cdk8s ones", async () => {
    new pc.LLMInferenceService("llama", { namespace: "models", model, hardware: h100, annotations: { team: "nlp" } });
    await settle();
    const expected = synthChart((chart) => {
      new cdk8s.LLMInferenceService(chart, "llama", { model, hardware: h100, annotations: { team: "nlp" } });
    });
    const [llm] = rawManifests();
    expect(llm?.metadata.annotations).toEqual({ team: "nlp", ...WAIT });
    expect(withoutAwait(llm as Manifest)).toEqual(expected.find((m) => m.kind === "LLMInferenceService"));
  });
});
