/**
 * KServe's admission webhook rules, as mirrored at synth time. Rules that typed props cannot break are
 * reached through predictorOverrides (the escape hatch goes through the same rules).
 */
import type { Chart } from "cdk8s";
import { InferenceService, ModelLocation } from "kserve-constructs/cdk8s";
import type { InferenceServiceProps } from "kserve-constructs";
import { engine } from "../support/fixtures";
import { ruleIds, synthChart, validationError } from "../support/synth";

function isvc(chart: Chart, overrides: Partial<InferenceServiceProps> = {}): InferenceService {
  return new InferenceService(chart, "m", { engine: engine(chart, { protocol: "v1" }), model: ModelLocation.fromUri("s3://b/m"), ...overrides });
}

describe("KServe webhook rules", () => {
  it("logger: mode is required", () => {
    const error = validationError((chart) => isvc(chart, { predictorOverrides: { logger: { url: "http://sink" } } }));
    expect(error.issues).toEqual([
      {
        where: "test/m",
        path: "spec.predictor.logger.mode",
        value: undefined,
        rule: "kserve/logger-mode",
        message: 'KServe\'s webhook rejects a logger whose mode is not "all", "request" or "response" (an empty mode included)',
        fix: 'set logger.mode to "all", "request" or "response"',
      },
    ]);
  });

  it("no name inside predictor.model", () => {
    const error = validationError((chart) => isvc(chart, { predictorOverrides: { model: { name: "kserve-container" } } }));
    expect(error.issues[0]).toMatchObject({
      path: "spec.predictor.model.name",
      rule: "kserve/model-name-field",
      message: "KServe's webhook rejects a \"name\" inside predictor.model (\"the 'name' field is not allowed in standard predictor\")",
    });
  });

  it("no PYTHONPATH in any container", () => {
    const error = validationError((chart) => isvc(chart, { env: { PYTHONPATH: "/opt" } }));
    expect(error.issues[0]).toMatchObject({ path: "spec.predictor.model.env[0]", rule: "kserve/blocked-env" });
  });

  it("storageUri and storageUris are exclusive", () => {
    const error = validationError((chart) => isvc(chart, { predictorOverrides: { storageUris: [{ uri: "s3://b/extra", mountPath: "/mnt/extra" }] } }));
    expect(error.issues.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["spec.predictor.storageUris", "kserve/storage-uri-and-uris", "setting both storageUri and storageUris is not supported (KServe's webhook rejects it)"],
    ]);
  });

  it("storageUris entries: a uri, an absolute mount path other than /, and KServe 0.16", () => {
    const error = validationError(
      (chart) => isvc(chart, { model: { storage: { key: "k", path: "p" } }, predictorOverrides: { storageUris: [{ uri: "" }, { uri: "s3://b/x", mountPath: "/" }] } }),
      { target: { kserveVersion: "0.15" } },
    );
    expect(error.issues.map((i) => i.rule)).toEqual(["target/feature-storage-uris", "kserve/storage-uris", "kserve/storage-uris"]);
  });

  it("storageUri and storage.path are exclusive", () => {
    expect(ruleIds((chart) => isvc(chart, { predictorOverrides: { model: { storage: { key: "k", path: "p" } } } }))).toEqual(["kserve/storage-uri-and-path"]);
  });

  it("exactly one implementation", () => {
    const error = validationError((chart) => isvc(chart, { predictorOverrides: { sklearn: { storageUri: "s3://b/m" } } }));
    expect(error.issues[0]).toMatchObject({ rule: "kserve/one-implementation", message: "exactly one of sklearn, xgboost, tensorflow, pytorch, triton, onnx, huggingface, pmml, lightgbm, paddle, model, containers must be set in the predictor, found sklearn and model" });
  });

  it("autoscaler class values: kpa is not accepted in Standard mode", () => {
    const error = validationError((chart) => isvc(chart, { scaling: { autoscaler: "kpa" } }));
    expect(error.issues[0]).toMatchObject({
      path: 'metadata.annotations["serving.kserve.io/autoscalerClass"]',
      value: "kpa",
      rule: "kserve/autoscaler-class",
      fix: 'use deploymentMode "Knative" for the Knative autoscaler, or scaling.autoscaler "hpa" in Standard mode',
    });
  });

  it("autoscaler classes are gated by version", () => {
    expect(ruleIds((chart) => isvc(chart, { scaling: { autoscaler: "none" } }), { target: { kserveVersion: "0.14" } })).toEqual(["target/feature-autoscaler-none"]);
    // "none" is in KServe 0.15.2 (the 0.15 CRD set and the OpenShift AI 2.25 fork), where multi-node requires it
    expect(synthChart((chart) => isvc(chart, { scaling: { autoscaler: "none" } }), { target: { kserveVersion: "0.15" } }).length).toBeGreaterThan(0);
    expect(ruleIds((chart) => isvc(chart, { scaling: { autoscaler: "keda" } }), { target: { kserveVersion: "0.14" } })).toEqual(["target/feature-autoscaler-keda"]);
    expect(ruleIds((chart) => isvc(chart, { scaling: { autoscaler: "external" } }), { target: { kserveVersion: "0.11" } })).toEqual(["target/feature-autoscaler-external"]);
  });

  it("scaling fields per mode: HPA takes cpu or memory with a 1-100 target", () => {
    expect(validationError((chart) => isvc(chart, { scaling: { metric: "concurrency" } })).issues[0]).toMatchObject({
      rule: "kserve/scale-metric",
      message: "the HPA autoscaler scales on cpu or memory, not concurrency",
      fix: 'use scaling.metric "cpu" or "memory", or deploymentMode "Knative" for concurrency and rps',
    });
    expect(validationError((chart) => isvc(chart, { scaling: { metric: "cpu", target: 150 } })).issues[0]).toMatchObject({ rule: "kserve/scale-target", message: "the HPA target is a utilization percentage and cannot exceed 100" });
    expect(validationError((chart) => isvc(chart, { scaling: { metric: "cpu", target: 0 } })).issues[0]).toMatchObject({ rule: "kserve/scale-target", message: "the cpu target must be at least 1" });
    expect(ruleIds((chart) => isvc(chart, { predictorOverrides: { autoScaling: { metrics: [{ type: "External" }] } } }))).toEqual(["kserve/hpa-metrics"]);
  });

  it("scaling fields per mode: keda rejects scaleMetric, Knative takes concurrency or rps", () => {
    expect(ruleIds((chart) => isvc(chart, { scaling: { autoscaler: "keda" }, predictorOverrides: { scaleMetric: "cpu" } }))).toEqual(["kserve/keda-scale-metric"]);
    expect(validationError((chart) => isvc(chart, { deploymentMode: "Knative", scaling: { metric: "cpu" } })).issues[0]).toMatchObject({
      rule: "kserve/scale-metric",
      message: "Knative's autoscaler (kpa) scales on concurrency or rps, not cpu",
    });
    expect(ruleIds((chart) => isvc(chart, { deploymentMode: "Knative", scaling: { metric: "rps", target: 0 } }))).toEqual(["kserve/scale-target"]);
    expect(() => validationError((chart) => isvc(chart, { deploymentMode: "Knative", scaling: { autoscaler: "hpa", metric: "cpu", target: 50 } }))).toThrow("expected a ValidationError");
  });

  it("deploymentStrategy only in Standard mode, and from KServe 0.13", () => {
    const error = validationError((chart) => isvc(chart, { deploymentMode: "Knative", deploymentStrategy: { type: "Recreate" } }));
    expect(error.issues[0]).toMatchObject({
      path: "spec.predictor.deploymentStrategy",
      rule: "kserve/deployment-strategy-mode",
      message: "deploymentStrategy is only supported in Standard (raw deployment) mode",
    });
    expect(ruleIds((chart) => isvc(chart, { deploymentStrategy: { type: "Recreate" } }), { target: { kserveVersion: "0.12" } })).toEqual(["target/feature-deployment-strategy"]);
  });

  it("replica counts: min above max", () => {
    expect(validationError((chart) => isvc(chart, { scaling: { min: 3, max: 2 } })).issues[0]).toMatchObject({ rule: "kserve/min-above-max", fix: "set scaling.max to at least 3" });
    expect(ruleIds((chart) => isvc(chart, { predictorOverrides: { minReplicas: -1 } }))).toContain("kserve/negative");
  });

  it("Knative's unbounded max (0) is not below min", () => {
    expect(() => validationError((chart) => isvc(chart, { deploymentMode: "Knative", scaling: { min: 2, max: 0 } }))).toThrow("expected a ValidationError");
  });

  it("the storage spec needs KServe 0.9; hf:// needs 0.14; unknown schemes are rejected", () => {
    expect(ruleIds((chart) => isvc(chart, { model: { storage: { key: "k", path: "p" } } }), { target: { kserveVersion: "0.8" } })).toEqual(["target/feature-storage-spec"]);
    expect(ruleIds((chart) => isvc(chart, { model: ModelLocation.fromUri("hf://a/b") }), { target: { kserveVersion: "0.13" } })).toEqual(["target/feature-storage-hf"]);
    expect(ruleIds((chart) => isvc(chart, { model: ModelLocation.fromUri("models/granite") }))).toEqual(["storage/uri-scheme"]);
  });
});
