/**
 * InferenceServices in ModelMesh mode: the form ModelMesh reads, the mode that follows the runtime, and
 * everything ModelMesh would ignore reported as an error.
 */
import { InferenceEngine, InferenceService, ModelLocation, ModelMeshRuntimes, ModelStorage, ServingRuntime, StorageConfig } from "kserve-constructs/cdk8s";
import type { InferenceServiceProps, Manifest, TargetProps } from "kserve-constructs";
import type { Chart } from "cdk8s";
import { engine } from "../support/fixtures";
import { find, ruleIds, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";

const MM: TargetProps = { modelMesh: true };

function mesh(chart: Chart, overrides: Partial<InferenceServiceProps> = {}, id = "mnist"): InferenceService {
  const runtime = new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver());
  const storage = new StorageConfig(chart, "storage", { entries: { minio: { type: "s3", bucket: "models" } } });
  return new InferenceService(chart, id, { engine: runtime, model: storage.path("minio", "/sklearn/mnist-svm.joblib"), modelFormat: { name: "sklearn", version: "0" }, ...overrides });
}

function predictor(m: Manifest): Record<string, unknown> {
  return (m["spec"] as Record<string, Record<string, unknown>>)["predictor"] as Record<string, unknown>;
}

describe("ModelMesh InferenceServices", () => {
  it("take ModelMesh mode from their multi-model runtime, and carry only the format, the runtime and storage {key, path} (no leading '/')", () => {
    const isvc = find(synthChart((chart) => mesh(chart), { target: MM }), "InferenceService");
    expect(isvc).toEqual({
      apiVersion: "serving.kserve.io/v1beta1",
      kind: "InferenceService",
      metadata: {
        name: "mnist",
        namespace: "models",
        labels: { "app.kubernetes.io/managed-by": "kserve-constructs" },
        annotations: { "serving.kserve.io/deploymentMode": "ModelMesh" },
      },
      spec: { predictor: { model: { modelFormat: { name: "sklearn", version: "0" }, runtime: "mlserver", storage: { key: "minio", path: "sklearn/mnist-svm.joblib" } } } },
    });
  });

  it("keep the mode name on KServe before 0.16, pick runtimes by format when not pinned, and may use an installed runtime", () => {
    const manifests = synthChart(
      (chart) => {
        const installed = ServingRuntime.fromName("mlserver-1.x", ModelMeshRuntimes.installed("mlserver-1.x"));
        new InferenceService(chart, "m", { engine: installed, model: ModelStorage.s3(chart, "s3", { bucket: "models", credentials: { storageConfigKey: "minio" } }).path("a/b"), modelFormat: { name: "sklearn", version: "0" }, pinRuntime: false });
      },
      { target: { kserveVersion: "0.14", modelMesh: true } },
    );
    const isvc = find(manifests, "InferenceService");
    expect(isvc.metadata.annotations).toEqual({ "serving.kserve.io/deploymentMode": "ModelMesh" });
    expect(predictor(isvc)).toEqual({ model: { modelFormat: { name: "sklearn", version: "0" }, storage: { key: "minio", path: "a/b", parameters: { bucket: "models", type: "s3" } } } });
  });

  it("on OpenShift AI 2.x: the dashboard label and display name, no auth annotation (auth is the runtime's)", () => {
    const isvc = find(synthChart((chart) => mesh(chart, { displayName: "MNIST" }), { target: { openshiftAI: { version: "2.25" } } }), "InferenceService");
    expect(isvc.metadata).toEqual({
      name: "mnist",
      namespace: "models",
      labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "opendatahub.io/dashboard": "true" },
      annotations: { "openshift.io/display-name": "MNIST", "serving.kserve.io/deploymentMode": "ModelMesh" },
    });
  });

  it("have no per-model host name, so long names only meet OpenShift AI's 53-character limit", () => {
    const name = "a".repeat(50);
    expect(find(synthChart((chart) => mesh(chart, { name }), { target: MM, chart: { namespace: "a-rather-long-namespace-name" } }), "InferenceService").metadata.name).toBe(name);
  });
});

describe("what ModelMesh would ignore is an error", () => {
  it("each prop ModelMesh does not read, with the reason and where to set it instead", () => {
    const error = validationError(
      (chart) =>
        mesh(chart, {
          scaling: { min: 2 },
          resources: { limits: { memory: "1Gi" } },
          env: { A: "b" },
          args: ["--x"],
          protocolVersion: "grpc-v2",
          visibility: "exposed",
          serviceAccountName: "sa",
          timeoutSeconds: 30,
          containerConcurrency: 4,
          canaryTrafficPercent: 10,
          logger: { mode: "all" },
        }),
      { target: MM },
    );
    // in the order of the props' documentation (the schema's)
    expect(error.issues.map((i) => [i.path, i.rule])).toEqual([
      ["protocolVersion", "modelmesh/ignored-prop"],
      ["args", "modelmesh/ignored-prop"],
      ["env", "modelmesh/ignored-prop"],
      ["resources", "modelmesh/ignored-prop"],
      ["scaling", "modelmesh/ignored-prop"],
      ["containerConcurrency", "modelmesh/ignored-prop"],
      ["timeoutSeconds", "modelmesh/ignored-prop"],
      ["canaryTrafficPercent", "modelmesh/ignored-prop"],
      ["serviceAccountName", "modelmesh/ignored-prop"],
      ["visibility", "modelmesh/ignored-prop"],
      ["logger", "modelmesh/ignored-prop"],
    ]);
    expect(error.issues[4]).toMatchObject({
      value: { min: 2 },
      message: "ModelMesh ignores scaling: ModelMesh scales the runtime's shared pods, not single models (it loads and unloads models on demand)",
      fix: "remove scaling; size the runtime with multiModel.replicas or multiModel.scaling on the engine",
    });
    expect(error.issues[2]).toMatchObject({
      message: "ModelMesh ignores env: the runtime's containers are shared by every model loaded into them",
      fix: "set fixed values in the engine's env; per-model MLServer settings go in a model-settings.json beside the model (MLServer.modelSettingsJson)",
    });
    expect(error.issues[9]).toMatchObject({
      message: "ModelMesh ignores visibility: every model is reached through the shared modelmesh-serving Service (gRPC 8033, REST 8008)",
      fix: "remove visibility; on OpenShift AI 2.x expose the runtime with multiModel.route on the engine",
    });
  });

  it("predictor fields from overrides", () => {
    const error = validationError((chart) => mesh(chart, { predictorOverrides: { minReplicas: 2, model: { runtimeVersion: "1.4" } } }), { target: MM });
    expect(error.issues.map((i) => [i.path, i.rule, i.message, i.fix])).toEqual([
      ["spec.predictor.minReplicas", "modelmesh/ignored-field", "ModelMesh ignores spec.predictor.minReplicas: it reads only the model's format, runtime and storage", "remove minReplicas from predictorOverrides"],
      ["spec.predictor.model.runtimeVersion", "modelmesh/ignored-field", "ModelMesh ignores spec.predictor.model.runtimeVersion: it reads only modelFormat, runtime, storage, storageUri", "remove model.runtimeVersion from predictorOverrides"],
    ]);
  });

  it("storage: a location ModelMesh can pull, credentials from storage-config, a path without a leading '/'", () => {
    expect(validationError((chart) => mesh(chart, { model: ModelLocation.none() }), { target: MM }).issues[0]).toMatchObject({
      path: "spec.predictor.model.storage.path",
      rule: "modelmesh/storage",
      message: "ModelMesh needs the model's storage.path or storageUri (\"must have either the storageUri or the storage.path\")",
    });
    expect(validationError((chart) => mesh(chart, { model: ModelLocation.fromUri("hf://ibm-granite/granite-3.1-2b-instruct") }), { target: MM }).issues[0]).toMatchObject({
      rule: "modelmesh/storage-uri",
      message: "ModelMesh pulls models only from s3://, gs://, pvc://, http://, https:// URIs",
    });
    expect(validationError((chart) => mesh(chart, { predictorOverrides: { model: { storage: { path: "/abs" } } } }), { target: MM }).issues[0]).toMatchObject({
      rule: "modelmesh/storage-path",
      value: "/abs",
      fix: 'use "abs"',
    });
    const sa = validationError((chart) => mesh(chart, { model: ModelStorage.s3(chart, "s3", { bucket: "models", credentials: { secretName: "minio" } }).path("m") }), { target: MM });
    expect(sa.issues).toEqual([
      {
        where: "test/mnist",
        path: "model",
        value: "test/s3",
        rule: "modelmesh/storage-credentials",
        message: 'the model\'s storage hands its credentials to ServiceAccount "s3-sa", and ModelMesh reads credentials only from the storage-config Secret',
        fix: "address the model through a storage-config entry: StorageConfig (storageConfig.path(key, path)) or ModelStorage.s3 with credentials.storageConfigKey",
      },
    ]);
  });

  it("a single-model runtime cannot serve a ModelMesh InferenceService", () => {
    const error = validationError((chart) => new InferenceService(chart, "m", { engine: engine(chart, { protocol: "v2" }), model: ModelLocation.fromUri("s3://b/m"), deploymentMode: "ModelMesh" }), { target: MM });
    expect(error.issues).toEqual([
      {
        where: "test/m",
        path: "engine",
        value: "engine",
        rule: "isvc/runtime-multi-model",
        message: 'runtime "engine" is a single-model runtime and cannot serve a ModelMesh InferenceService (ModelMesh loads models only into multiModel: true runtimes)',
        fix: "use a multi-model runtime (an engine with multiModel, or ModelMeshRuntimes.*), or drop deploymentMode",
      },
    ]);
  });

  it("the target must run ModelMesh: upstream needs target.modelMesh; OpenShift AI 3.0 removed it (one error, naming the release)", () => {
    const upstream = validationError((chart) => new InferenceService(chart, "m", { engine: ServingRuntime.fromName("mlserver-1.x", ModelMeshRuntimes.installed("mlserver-1.x")), model: ModelLocation.fromUri("s3://b/m"), modelFormat: { name: "sklearn", version: "0" } }));
    expect(upstream.issues.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["deploymentMode", "modelmesh/unavailable", "a ModelMesh InferenceService needs ModelMesh Serving, a separate install on upstream KServe (archived upstream), and the target does not declare it"],
    ]);
    const odh3 = validationError(
      (chart) => new InferenceService(chart, "m", { engine: ServingRuntime.fromName("mlserver-1.x", ModelMeshRuntimes.installed("mlserver-1.x")), model: ModelLocation.fromUri("s3://b/m"), modelFormat: { name: "sklearn", version: "0" } }),
      { target: { openshiftAI: { version: "3.2" } } },
    );
    expect(odh3.issues.map((i) => [i.rule, i.message])).toEqual([
      ["modelmesh/unavailable", "OpenShift AI 3.2 (KServe 0.15) cannot serve a ModelMesh InferenceService: OpenShift AI 3.x has no ModelMesh (multi-model serving was removed in 3.0) and reconciles only Standard mode"],
    ]);
    expect(ruleIds((chart) => new InferenceService(chart, "k", { engine: engine(chart, { protocol: "v1" }), model: ModelLocation.fromUri("s3://b/m"), deploymentMode: "Knative" }), { target: { openshiftAI: true } })).toEqual(["odh/standard-only"]);
  });
});

describeIfCrds("conformance", () => {
  it("ModelMesh InferenceServices validate against the InferenceService CRD", () => {
    const manifests = synthChart(
      (chart) => {
        mesh(chart, { displayName: "MNIST", labels: { team: "a" }, annotations: { note: "x" } });
        new InferenceService(chart, "uri", { engine: ServingRuntime.fromName("mlserver-1.x", ModelMeshRuntimes.installed("mlserver-1.x")), model: ModelLocation.fromUri("s3://models/b"), modelFormat: { name: "xgboost", version: "1" }, pinRuntime: false });
      },
      { target: { openshiftAI: { version: "2.25" } } },
    );
    expect(formatProblems(validateAll(manifests))).toBe("");
  });
});
