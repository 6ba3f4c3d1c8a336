import { InferenceService, ModelLocation, ServingRuntime } from "kserve-constructs/cdk8s";
import { find, ruleIds, synthChart, validationError } from "../support/synth";

const tritonSpec = {
  supportedModelFormats: [{ name: "onnx", version: "1", autoSelect: true }],
  protocolVersions: ["v2", "grpc-v2"],
  containers: [{ name: "kserve-container", image: "nvcr.io/nvidia/tritonserver:24.08-py3", args: ["tritonserver", "--model-store=/mnt/models", "--http-port=8080"] }],
};

describe("ServingRuntime from a raw spec", () => {
  it("renders the spec as given, with the library's label, and serves InferenceServices", () => {
    const manifests = synthChart((chart) => {
      const triton = new ServingRuntime(chart, "triton", { spec: tritonSpec, annotations: { "serving.kserve.io/server-type": "tritonserver" } });
      new InferenceService(chart, "resnet", { engine: triton, model: ModelLocation.fromUri("s3://b/resnet") });
    });
    expect(find(manifests, "ServingRuntime")).toEqual({
      apiVersion: "serving.kserve.io/v1alpha1",
      kind: "ServingRuntime",
      metadata: { name: "triton", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" }, annotations: { "serving.kserve.io/server-type": "tritonserver" } },
      spec: tritonSpec,
    });
    expect((find(manifests, "InferenceService")["spec"] as { predictor: { model: unknown } }).predictor.model).toEqual({
      modelFormat: { name: "onnx" },
      runtime: "triton",
      protocolVersion: "v2",
      storageUri: "s3://b/resnet",
    });
  });

  it("a cluster-scoped runtime loses the chart's namespace", () => {
    const [runtime] = synthChart((chart) => new ServingRuntime(chart, "triton", { scope: "cluster", spec: tritonSpec }));
    expect(runtime?.kind).toBe("ClusterServingRuntime");
    expect(runtime?.metadata.namespace).toBeUndefined();
  });

  it("is checked by the runtime rules: kserve-container, templates, blocked env", () => {
    const error = validationError((chart) =>
      new ServingRuntime(chart, "bad", { spec: { containers: [{ name: "server", image: "x", args: ["--id={{.ModelID}}"], env: [{ name: "PYTHONPATH", value: "/x" }] }] } }),
    );
    expect(error.issues.map((i) => i.rule)).toEqual(["runtime/kserve-container", "kserve/blocked-env"]);
    expect(error.issues[0]?.message).toBe('a single-model runtime needs a container named "kserve-container"; KServe fails with "failed to find kserve-container"');
    expect(ruleIds((chart) => new ServingRuntime(chart, "t", { spec: { containers: [{ name: "kserve-container", image: "x", args: ["--id={{.ModelID}}"] }] } }))).toEqual(["runtime/template"]);
    expect(ruleIds((chart) => new ServingRuntime(chart, "t", { scope: "cluster", namespace: "x", spec: tritonSpec }))).toEqual(["engine/cluster-namespace"]);
    expect(ruleIds((chart) => new ServingRuntime(chart, "t", { spec: { ...tritonSpec, workerSpec: { containers: [{ name: "a" }, { name: "b" }] } } }, ), { target: { kserveVersion: "0.14" } })).toEqual([
      "target/feature-multi-node",
      "runtime/worker-containers",
    ]);
  });
});

describe("ServingRuntime.fromName", () => {
  it("references a runtime that exists; declared formats are checked", () => {
    const sklearn = ServingRuntime.fromName("kserve-sklearnserver", { modelFormats: [{ name: "sklearn", version: "1", autoSelect: true }], protocolVersions: ["v1", "v2"] });
    const manifests = synthChart((chart) => new InferenceService(chart, "iris", { engine: sklearn, model: ModelLocation.fromUri("gs://kfserving-examples/models/sklearn/1.0/model") }));
    expect(manifests.map((m) => m.kind)).toEqual(["InferenceService"]);
    expect((find(manifests, "InferenceService")["spec"] as { predictor: { model: unknown } }).predictor.model).toEqual({
      modelFormat: { name: "sklearn" },
      runtime: "kserve-sklearnserver",
      protocolVersion: "v1",
      storageUri: "gs://kfserving-examples/models/sklearn/1.0/model",
    });
    expect(ruleIds((chart) => new InferenceService(chart, "x", { engine: sklearn, modelFormat: { name: "xgboost" }, model: ModelLocation.fromUri("s3://b/m") }))).toEqual(["isvc/runtime-format"]);
  });

  it("without declared formats the model must name its format", () => {
    const error = validationError((chart) => new InferenceService(chart, "x", { engine: ServingRuntime.fromName("custom"), model: ModelLocation.fromUri("s3://b/m") }));
    expect(error.issues[0]).toMatchObject({ rule: "isvc/model-format-required", fix: "set modelFormat: { name: ... }" });
  });
});
