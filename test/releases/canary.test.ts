/**
 * Standard-mode canary predictors (`spec.canary[]`, `predictor.name`): KServe 0.20 and OpenShift AI 3.5.
 */
import type { Chart } from "cdk8s";
import { InferenceService, ModelLocation } from "kserve-constructs/cdk8s";
import type { InferenceServiceProps, Manifest, TargetProps } from "kserve-constructs";
import { canaryWebhook } from "../../src/core/service/rules";
import { resolveTarget } from "kserve-constructs";
import { engine } from "../support/fixtures";
import { describeIfCrds, formatProblems, validateForTarget } from "../support/conformance";
import { find, synthChart, validationError } from "../support/synth";

const granite = (extra: Partial<InferenceServiceProps>) => (chart: Chart) =>
  new InferenceService(chart, "granite", { engine: engine(chart), model: ModelLocation.fromUri("s3://models/granite-3.1/"), scaling: { min: 2, max: 4 }, ...extra });
const canaries = [{ name: "v32", trafficPercent: 10, model: ModelLocation.fromUri("s3://models/granite-3.2/"), replicas: 1 }];
const spec = (extra: Partial<InferenceServiceProps>, target?: TargetProps) => find(synthChart(granite(extra), target ? { target } : {}), "InferenceService")["spec"] as Record<string, unknown>;

describe("canary predictors", () => {
  it("render each canary as the stable predictor with its name, model and fixed replicas", () => {
    const s = spec({ predictorName: "v31", canaries });
    const stable = s["predictor"] as Record<string, unknown>;
    expect(stable).toMatchObject({ name: "v31", minReplicas: 2, maxReplicas: 4, model: { storageUri: "s3://models/granite-3.1/" } });
    expect(s["canary"]).toEqual([{ trafficPercent: 10, predictor: { ...stable, name: "v32", minReplicas: 1, maxReplicas: undefined, model: { ...(stable["model"] as object), name: "kserve-container", storageUri: "s3://models/granite-3.2/" } } }].map((c) => JSON.parse(JSON.stringify(c))));
  });

  it("are errors before KServe 0.20 and on OpenShift AI 3.4, naming the version", () => {
    expect(validationError(granite({ canaries }), { target: { kserveVersion: "0.17" } }).issues.map((i) => [i.rule, i.path, i.message])).toEqual([
      ["target/feature-canary-predictors", "canaries", "spec.canary and predictor.name (Standard-mode canary predictors) needs KServe 0.20 or later; the target is KServe 0.17"],
    ]);
    expect(validationError(granite({ predictorName: "v31" }), { target: { openshiftAI: { version: "3.4" } } }).issues.map((i) => [i.rule, i.path])).toEqual([["target/feature-canary-predictors", "predictorName"]]);
    expect(spec({ canaries }, { openshiftAI: { version: "3.5" } })["canary"]).toHaveLength(1);
  });

  it("need Standard mode, distinct names and at most 100 percent of the traffic (KServe's webhook)", () => {
    const knative = validationError(granite({ canaries, deploymentMode: "Knative" }));
    expect(knative.issues.map((i) => i.rule)).toContain("kserve/canary");
    expect(knative.issues.find((i) => i.rule === "kserve/canary")?.message).toBe('canaries need the deployment mode annotation "Standard" (this one is "Knative")');
    const bad = validationError(granite({ predictorName: "v31", canaries: [{ name: "v31", trafficPercent: 60 }, { name: "v33", trafficPercent: 50, replicas: 3 }] }));
    expect(bad.issues.map((i) => [i.rule, i.path, i.message])).toEqual([
      ["kserve/canary", "spec.canary[0].predictor.name", 'canary name "v31" is the stable predictor\'s name'],
      ["kserve/canary", "spec.canary[1].predictor.minReplicas", "a canary's minReplicas (3) cannot exceed the stable predictor's (2)"],
      ["kserve/canary", "spec.canary", "the canaries take 110 percent of the traffic together, more than 100"],
    ]);
  });

  it("the webhook rule also finds what the library never renders (for lint)", () => {
    const manifest: Manifest = {
      apiVersion: "serving.kserve.io/v1beta1",
      kind: "InferenceService",
      metadata: { name: "x", annotations: { "serving.kserve.io/deploymentMode": "Standard" } },
      spec: { predictor: { model: { modelFormat: { name: "a" }, storageUri: "s3://a" } }, canary: [{ predictor: { model: { modelFormat: { name: "a" } }, maxReplicas: 3, autoScaling: {}, workerSpec: {} }, trafficPercent: 10 }, { predictor: { name: "b" }, trafficPercent: 5 }, { predictor: { name: "b" }, trafficPercent: 5 }] },
    } as Manifest;
    expect(canaryWebhook.check({ manifest, target: resolveTarget({}).target, app: [manifest] }).map((f) => [f.path, f.message])).toEqual([
      ["spec.canary[0].predictor.name", "a canary needs predictor.name"],
      ["spec.canary[0].predictor.workerSpec", "a canary cannot be multi-node"],
      ["spec.canary[0].predictor.maxReplicas", "a canary runs fixed replicas: no maxReplicas"],
      ["spec.canary[0].predictor.autoScaling", "a canary runs fixed replicas: no autoScaling"],
      ["spec.canary[2].predictor.name", 'canary name "b" is used twice'],
    ]);
  });

  it("predictor names are DNS labels starting with a letter, and their Services fit in 63 characters", () => {
    expect(validationError(granite({ predictorName: "1st" })).issues[0]).toMatchObject({ path: "predictorName", rule: "props/shape" });
    const long = validationError(granite({ canaries: [{ name: "a".repeat(50), trafficPercent: 5 }] }));
    expect(long.issues.map((i) => [i.rule, i.path, i.message])).toEqual([["isvc/canary-name-length", "canaries[0].name", `the predictor's Service granite-${"a".repeat(50)}-predictor has 68 characters, more than 63`]]);
  });

  it("not for multi-node services", () => {
    const error = validationError((chart) => new InferenceService(chart, "big", { engine: engine(chart, { multiGpu: true }), model: ModelLocation.fromUri("pvc://models/big"), multiNode: { pipelineParallelSize: 2 }, canaries: [{ name: "next", trafficPercent: 5 }] }));
    expect(error.issues.map((i) => i.rule)).toContain("isvc/canary-multi-node");
  });
});

describeIfCrds("canary predictors against the CRDs", () => {
  it("conform on KServe 0.20, 0.21 and OpenShift AI 3.5", () => {
    for (const target of [{ kserveVersion: "0.20" }, { kserveVersion: "0.21" }, { openshiftAI: { version: "3.5" } }] as TargetProps[]) {
      expect(formatProblems(validateForTarget(synthChart(granite({ predictorName: "v31", canaries }), { target }), target))).toBe("");
    }
  });

  it("would be refused by 0.17's CRDs (what the feature gate prevents)", () => {
    const manifests = synthChart(granite({ predictorName: "v31", canaries }), { target: { kserveVersion: "0.20" } });
    expect(formatProblems(validateForTarget(manifests, { kserveVersion: "0.17" }))).toMatch(/spec.canary: unknown field "canary"[\s\S]*spec.predictor.name: unknown field "name"/);
  });
});
