import type { Chart } from "cdk8s";
import { InferenceService, ModelLocation, ModelStorage, ServingRuntime } from "kserve-constructs/cdk8s";
import type { InferenceEngineProps, InferenceServiceProps } from "kserve-constructs";
import { engine } from "../support/fixtures";
import { find, ruleIds, synthChart, validationError } from "../support/synth";

function knative(chart: Chart, props: Partial<InferenceServiceProps> = {}, engineOverrides: Partial<InferenceEngineProps> = {}): InferenceService {
  return new InferenceService(chart, "m", {
    engine: engine(chart, { protocol: "v1", ...engineOverrides }),
    model: ModelLocation.fromUri("s3://b/m"),
    deploymentMode: "Knative",
    ...props,
  });
}

describe("Knative mode restrictions", () => {
  it("tolerations and node selectors need Knative feature flags, naming the flag and suggesting Standard", () => {
    const error = validationError((chart) => knative(chart, { tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }], nodeSelector: { gpu: "a100" } }));
    expect(error.issues.map((i) => [i.path, i.rule])).toEqual([
      ["spec.predictor.tolerations", "isvc/knative-pod-fields"],
      ["spec.predictor.nodeSelector", "isvc/knative-pod-fields"],
    ]);
    expect(error.issues[0]).toMatchObject({
      message: 'Knative mode rejects tolerations unless Knative\'s feature flag "kubernetes.podspec-tolerations" is enabled',
      fix: 'use deploymentMode "Standard", or enable "kubernetes.podspec-tolerations" in Knative\'s config-features and list it in target.knativeFeatures',
    });
  });

  it("declared feature flags lift the restriction", () => {
    const manifests = synthChart((chart) => knative(chart, { tolerations: [{ key: "nvidia.com/gpu", operator: "Exists" }] }), {
      target: { knativeFeatures: ["kubernetes.podspec-tolerations"] },
    });
    expect(find(manifests, "InferenceService").metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Knative");
  });

  it("affinity and PVC volumes in the runtime (a pvc:// model needs no flag: KServe mounts it after Knative's validation)", () => {
    const error = validationError((chart) => {
      const store = ModelStorage.pvc(chart, "s", { claimName: "models" });
      knative(chart, { model: store.path("m"), predictorOverrides: { affinity: { nodeAffinity: {} } } }, { volumes: [{ name: "cache", mountPath: "/cache", persistentVolumeClaim: { claimName: "cache" } }] });
    });
    expect(error.issues.map((i) => i.path)).toEqual([
      "spec.predictor.affinity",
      "runtime engine: spec.volumes[0]",
    ]);
  });

  it("runtime classes and schedulers need their flags too", () => {
    const error = validationError((chart) => knative(chart, { predictorOverrides: { runtimeClassName: "nvidia", schedulerName: "volcano" } }));
    expect(error.issues.map((i) => i.message)).toEqual([
      'Knative mode rejects runtimeClassName unless Knative\'s feature flag "kubernetes.podspec-runtimeclassname" is enabled',
      'Knative mode rejects schedulerName unless Knative\'s feature flag "kubernetes.podspec-schedulername" is enabled',
    ]);
  });

  it("one port only, and none of the ports Knative reserves", () => {
    expect(ruleIds((chart) => knative(chart, {}, { protocol: ["v2", "grpc-v2"], grpcPort: 9000 }))).toEqual(["isvc/knative-one-port"]);
    const reserved = validationError((chart) => knative(chart, {}, { port: 8012 }));
    expect(reserved.issues[0]).toMatchObject({
      rule: "isvc/knative-reserved-port",
      value: 8012,
      message: "Knative reserves port 8012 (8012, 8013, 8022, 9090, 9091 belong to its queue-proxy)",
    });
  });

  it("the same engine is fine in Standard mode", () => {
    expect(() => synthChart((chart) => knative(chart, { deploymentMode: "Standard", tolerations: [{ key: "x", operator: "Exists" }] }, { port: 8012, protocol: ["v2", "grpc-v2"], grpcPort: 9000 }))).not.toThrow();
  });

  it("the keda, external and none autoscalers are Standard-mode autoscalers", () => {
    expect(validationError((chart) => knative(chart, { scaling: { autoscaler: "keda" } })).issues[0]).toMatchObject({ rule: "isvc/knative-autoscaler", fix: 'use "kpa" or "hpa", or deploymentMode "Standard" for keda' });
  });

  it("an existing runtime's pod fields are unknown and not checked", () => {
    expect(() => synthChart((chart) => new InferenceService(chart, "m", { engine: ServingRuntime.fromName("x"), modelFormat: { name: "f" }, model: ModelLocation.fromUri("s3://b/m"), deploymentMode: "Knative" }))).not.toThrow();
  });
});
