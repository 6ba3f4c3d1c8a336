/**
 * The props rules of InferenceServices, StorageConfigs and the runtime presets report exactly what they
 * find: each problem's place, value, rule, message, fix and severity (other test files check when each
 * rule fires; these pin what it says).
 */
import { InferenceEngine, InferenceService, MLServer, ModelLocation, ModelStorage, StorageConfig } from "kserve-constructs/cdk8s";
import type { InferenceServiceProps } from "kserve-constructs";
import type { Chart } from "cdk8s";
import { engine, multiNodeService } from "../support/fixtures";
import { validationError } from "../support/synth";

function isvc(chart: Chart, overrides: Partial<InferenceServiceProps> = {}, id = "granite"): InferenceService {
  const e = (overrides.engine as InferenceEngine | undefined) ?? engine(chart);
  return new InferenceService(chart, id, { engine: e, model: ModelLocation.fromUri("s3://models/granite/"), ...overrides });
}

const multiNode = multiNodeService;

const PROM = "http://prometheus.monitoring:9090";

describe("InferenceService props rules", () => {
  it("isvc/standard-scale-to-zero, isvc/canary-mode and isvc/concurrency-mode: what Standard mode ignores", () => {
    expect(validationError((chart) => isvc(chart, { scaling: { min: 0 }, canaryTrafficPercent: 10, containerConcurrency: 2 })).issues).toEqual([
      {
        where: "test/granite",
        path: "scaling.min",
        value: 0,
        rule: "isvc/standard-scale-to-zero",
        message: "Standard mode has no scale-to-zero with the hpa autoscaler (KServe runs at least one replica)",
        fix: 'set scaling.min to 1 or more, or scale to zero with deploymentMode "Knative", or with scaling.autoscaler "keda" and a scaling.external Prometheus query',
      },
      { where: "test/granite", path: "canaryTrafficPercent", value: 10, rule: "isvc/canary-mode", message: "Standard mode ignores canaryTrafficPercent (it splits traffic between Knative revisions)", fix: 'use deploymentMode "Knative" for revision canaries, or remove canaryTrafficPercent' },
      { where: "test/granite", path: "containerConcurrency", value: 2, rule: "isvc/concurrency-mode", message: "Standard mode ignores containerConcurrency (a Knative queue-proxy limit)", fix: 'use deploymentMode "Knative", or remove containerConcurrency' },
    ]);
  });

  it("isvc/keda-metric: keda scales on cpu or memory", () => {
    expect(validationError((chart) => isvc(chart, { scaling: { min: 1, autoscaler: "keda", metric: "rps" } })).issues).toEqual([
      { where: "test/granite", path: "scaling.metric", value: "rps", rule: "isvc/keda-metric", message: "the library renders keda scaling on cpu or memory; rps is a Knative metric", fix: 'use scaling.metric "cpu" or "memory", or deploymentMode "Knative"' },
    ]);
    expect(() => validationError((chart) => isvc(chart, { deploymentMode: "Knative", scaling: { min: 1, metric: "rps" } }))).toThrow("expected a ValidationError");
  });

  it("isvc/knative-autoscaler: Knative mode scales with kpa or hpa", () => {
    expect(validationError((chart) => isvc(chart, { deploymentMode: "Knative", scaling: { autoscaler: "none" } })).issues).toEqual([
      { where: "test/granite", path: "scaling.autoscaler", value: "none", rule: "isvc/knative-autoscaler", message: "Knative mode scales with Knative's autoscaler (kpa) or its hpa class, not none", fix: 'use "kpa" or "hpa", or deploymentMode "Standard" for none' },
    ]);
  });

  it("isvc/owned-key: an annotation and a label the library sets from props", () => {
    expect(validationError((chart) => isvc(chart, { annotations: { "serving.kserve.io/deploymentMode": "Knative" }, labels: { "networking.kserve.io/visibility": "exposed" } })).issues).toEqual([
      { where: "test/granite", path: 'annotations["serving.kserve.io/deploymentMode"]', value: "Knative", rule: "isvc/owned-key", message: "the library sets serving.kserve.io/deploymentMode from the deploymentMode prop", fix: "remove the annotation and set deploymentMode" },
      { where: "test/granite", path: 'labels["networking.kserve.io/visibility"]', value: "exposed", rule: "isvc/owned-key", message: "the library sets networking.kserve.io/visibility from the visibility prop", fix: "remove the label and set visibility" },
    ]);
  });

  it("target/auth: token auth is OpenShift AI's", () => {
    expect(validationError((chart) => isvc(chart, { auth: true })).issues).toEqual([
      {
        where: "test/granite",
        path: "auth",
        value: true,
        rule: "target/auth",
        message: "upstream KServe has no switch to require tokens on an InferenceService (security.opendatahub.io/enable-auth is OpenShift AI's)",
        fix: "remove auth and protect the service at your gateway, or set target.openshiftAI if the cluster runs OpenShift AI",
      },
    ]);
  });

  it("isvc/storage-namespace: the storage lives in another namespace", () => {
    const error = validationError((chart) => {
      const bucket = ModelStorage.s3(chart, "b", { bucket: "models", namespace: "other", credentials: { secretName: "s" } });
      isvc(chart, { model: bucket.path("x") });
    });
    expect(error.issues).toEqual([
      {
        where: "test/granite",
        path: "model",
        value: "test/b",
        rule: "isvc/storage-namespace",
        message: "the model's storage lives in namespace other (its ServiceAccount, Secret references and claims are namespaced), the InferenceService in models",
        fix: "define the storage in namespace models",
      },
    ]);
  });

  it("isvc/pvc-replicas: a warning on a ReadWriteOnce claim, an error on a ReadWriteOncePod one", () => {
    const error = validationError((chart) => {
      const e = engine(chart);
      isvc(chart, { engine: e, model: ModelStorage.pvc(chart, "rwo", { claimName: "shared", accessModes: ["ReadWriteOnce"] }).path("x"), scaling: { min: 2 } }, "a");
      isvc(chart, { engine: e, model: ModelStorage.pvc(chart, "rwop", { claimName: "single", accessModes: ["ReadWriteOncePod"] }).path("x"), scaling: { min: 1, max: 3 } }, "b");
    });
    const fix = "use a ReadOnlyMany or ReadWriteMany claim for models served by several replicas";
    expect(error.issues).toEqual([
      { where: "test/b", path: "scaling", value: { min: 1, max: 3 }, rule: "isvc/pvc-replicas", message: "claim single is ReadWriteOncePod, so replicas beyond the first can only start on the same node", fix, severity: "error" },
      { where: "test/a", path: "scaling", value: { min: 2, max: undefined }, rule: "isvc/pvc-replicas", message: "claim shared is ReadWriteOnce, so replicas beyond the first can only start on the same node", fix, severity: "warning" },
    ]);
  });

  it("target/feature-canary-predictors: canaries and a predictor name on a target without them", () => {
    const message = "spec.canary and predictor.name (Standard-mode canary predictors) needs KServe 0.20 or later; the target is OpenShift AI 3.4 (KServe 0.17), and OpenShift AI has it from 3.5";
    const fix = "upgrade to OpenShift AI 3.5 (KServe 0.20) and set target.openshiftAI.version, or do without this feature";
    expect(validationError((chart) => isvc(chart, { predictorName: "v31", canaries: [{ name: "v33", trafficPercent: 10 }] }), { target: { openshiftAI: { version: "3.4" } } }).issues).toEqual([
      { where: "test/granite", path: "canaries", value: ["v33"], rule: "target/feature-canary-predictors", message, fix },
      { where: "test/granite", path: "predictorName", value: "v31", rule: "target/feature-canary-predictors", message, fix },
    ]);
  });

  it("target/feature-autoscaling-external-auth: a TriggerAuthentication before KServe 0.16, on the trigger that has one", () => {
    const scaling = { min: 1, autoscaler: "keda" as const, external: [{ metric: "vllm-waiting-requests" as const, threshold: 4, serverAddress: PROM }, { metric: "vllm-kv-cache-usage" as const, threshold: 0.8, serverAddress: PROM, authentication: { triggerAuthentication: "prom-auth" } }] };
    expect(validationError((chart) => isvc(chart, { scaling }), { target: { kserveVersion: "0.15" } }).issues).toEqual([
      {
        where: "test/granite",
        path: "scaling.external[1].authentication",
        value: { triggerAuthentication: "prom-auth" },
        rule: "target/feature-autoscaling-external-auth",
        message: "authenticationRef on external autoScaling metrics (a KEDA TriggerAuthentication) needs KServe 0.16 or later; the target is KServe 0.15",
        fix: "query a Prometheus server without authentication",
      },
    ]);
  });

  it("props/shape: each problem of the props' shape, with its own fix", () => {
    expect(validationError((chart) => isvc(chart, { scaling: { min: -1, maxx: 2 } as never, deploymentMode: "Serverles" as never })).issues).toEqual([
      { where: "test/granite", path: "deploymentMode", value: "Serverles", rule: "props/shape", message: "unknown deployment mode", fix: 'use "Standard" (alias "RawDeployment"), "Knative" (alias "Serverless") or "ModelMesh"' },
      { where: "test/granite", path: "scaling.min", value: -1, rule: "props/shape", message: "must be at least 0", fix: "use a value of at least 0" },
      { where: "test/granite", path: "scaling.maxx", value: 2, rule: "props/shape", message: 'unknown prop "maxx"', fix: "remove it or check its spelling against the props' documentation" },
    ]);
  });
});

describe("multi-node props rules", () => {
  it("isvc/multi-node-mode: Standard mode only", () => {
    const issues = validationError((chart) => multiNode(chart, { deploymentMode: "Knative" })).issues;
    expect(issues.filter((i) => i.rule === "isvc/multi-node-mode")).toEqual([
      { where: "test/llama-405b", path: "multiNode", value: { pipelineParallelSize: 2, tensorParallelSize: 4 }, rule: "isvc/multi-node-mode", message: "multi-node serving works only in Standard mode (KServe creates no workers in Knative mode)", fix: 'use deploymentMode "Standard"' },
    ]);
  });

  it("isvc/multi-node-runtime: a single-node runtime with multiNode, and a multi-node runtime without", () => {
    expect(validationError((chart) => multiNode(chart, { engine: InferenceEngine.vllm(chart, "single", { accelerator: "nvidia" }) })).issues).toEqual([
      { where: "test/llama-405b", path: "engine", value: "single", rule: "isvc/multi-node-runtime", message: 'runtime "single" has no workerSpec, so it cannot serve across nodes', fix: "use a multi-node engine (multiNode on the engine, or InferenceEngine.vllm with multiNode: true)" },
    ]);
    expect(validationError((chart) => multiNode(chart, { multiNode: undefined })).issues).toEqual([
      { where: "test/llama-405b", path: "multiNode", value: undefined, rule: "isvc/multi-node-runtime", message: 'runtime "vllm-mn" is a multi-node runtime (it has a workerSpec); KServe uses it only for multi-node InferenceServices', fix: "set multiNode, or use a single-node runtime" },
    ]);
  });

  it("isvc/multi-node-hardware: no accelerators requested", () => {
    expect(validationError((chart) => multiNode(chart, { hardware: undefined })).issues).toEqual([
      { where: "test/llama-405b", path: "hardware", value: undefined, rule: "isvc/multi-node-hardware", message: "multi-node serving splits a model across accelerators, and this InferenceService requests none", fix: "request accelerators with hardware: profile.request({ accelerators: N })" },
    ]);
  });
});

describe("preset rules", () => {
  it("preset/vllm-image and preset/vllm-multi-node, in that order", () => {
    expect(validationError((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "cpu", multiNode: true })).issues).toEqual([
      { where: "test/v", path: "image", value: undefined, rule: "preset/vllm-image", message: "vLLM for cpu has no image the library may choose for you", fix: "set image (on OpenShift AI, the image of the matching vLLM runtime template in your cluster)" },
      { where: "test/v", path: "multiNode", value: true, rule: "preset/vllm-multi-node", message: "the multi-node vLLM preset covers NVIDIA and AMD GPUs, not cpu", fix: "drop multiNode, or define an InferenceEngine with multiNode for this accelerator" },
    ]);
  });

  it("preset/mlserver-implementation and preset/mlserver-mode, with their fixes", () => {
    const error = validationError((chart) => {
      new InferenceEngine(chart, "a", MLServer.runtime({ image: "r/x:1", implementation: "MyModel", modelFormats: [{ name: "f" }], replicas: 2, auth: true }));
      new InferenceEngine(chart, "b", MLServer.runtime({ image: "r/x:1", implementation: "m.M", modelFormats: [{ name: "f" }], mode: "multi", grpc: false }));
    });
    const single = 'set mode: "multi" (single-model replicas are set per InferenceService with scaling)';
    expect(error.issues).toEqual([
      { where: "test/a", path: "implementation", value: "MyModel", rule: "preset/mlserver-implementation", message: "MLServer imports the implementation by its Python path (module.Class), so this would fail when the model loads", fix: 'give the module and class of your MLModel subclass, for example "my_model.MyModel"' },
      { where: "test/a", path: "replicas", value: 2, rule: "preset/mlserver-mode", message: 'replicas applies to the multi-model (ModelMesh) runtime, and mode is "single"', fix: `remove replicas, or ${single}` },
      { where: "test/a", path: "auth", value: true, rule: "preset/mlserver-mode", message: 'auth applies to the multi-model (ModelMesh) runtime, and mode is "single"', fix: `remove auth, or ${single}` },
      { where: "test/b", path: "grpc", value: false, rule: "preset/mlserver-mode", message: 'grpc declares the single-model gRPC port; in mode "multi" ModelMesh serves gRPC for every model', fix: "remove grpc" },
    ]);
  });
});

describe("StorageConfig props rules", () => {
  it("storage-config/entry-keys: two fields read from one Secret key, entry by entry", () => {
    const error = validationError(
      (chart) =>
        new StorageConfig(chart, "s", {
          source: { job: { image: "registry.example/job:1" } },
          entries: {
            g: { type: "gcs", bucket: "models", credentials: { secretName: "gcs", privateKeyKey: "key.json", clientEmailKey: "key.json" } },
            m: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "r", credentials: { secretName: "minio", accessKeyIdKey: "k", secretAccessKeyKey: "k" } },
          },
        }),
      { target: { modelMesh: true } },
    );
    const fix = "name a different Secret key for each of them";
    expect(error.issues).toEqual([
      { where: "test/s", path: "entries.g.credentials", value: "key.json", rule: "storage-config/entry-keys", message: "client_email and private_key would all be read from key key.json of Secret gcs, so at most one of them is right", fix },
      { where: "test/s", path: "entries.m.credentials", value: "k", rule: "storage-config/entry-keys", message: "access_key_id and secret_access_key would all be read from key k of Secret minio, so at most one of them is right", fix },
    ]);
  });

  it("storage-config/credentials-unused: the credentials are the value, the fix names the other sources", () => {
    expect(validationError((chart) => new StorageConfig(chart, "s", { entries: { m: { type: "s3", bucket: "models", credentials: { secretName: "minio" } }, p: { type: "pvc", claimName: "x" } } })).issues).toEqual([
      {
        where: "test/s",
        path: "entries.m.credentials",
        value: { secretName: "minio" },
        rule: "storage-config/credentials-unused",
        message: 'with source "existing" the library writes nothing, so these credentials would never reach the storage-config Secret',
        fix: 'remove them (the existing entry holds its own), or use source { job: { image } } or "data-connections"',
      },
    ]);
  });
});

describe("target props rules", () => {
  it("target/version: a Kubernetes version that is not major.minor", () => {
    const issues = validationError((chart) => isvc(chart), { target: { kubernetesVersion: "1.x" } }).issues;
    expect(issues).toEqual(["test/engine", "test/granite"].map((where) => ({ where, path: "target.kubernetesVersion", value: "1.x", rule: "target/version", message: "not a version", fix: 'use "major.minor", for example "1.33"' })));
  });
});

describe("StorageConfig entry keys", () => {
  it("storage-config/key: each bad key of entries, in key order, before that entry's other problems", () => {
    const error = validationError((chart) => new StorageConfig(chart, "s", { entries: { "b c": { type: "s3", bucket: "models", credentials: { secretName: "x" } }, "a/b": { type: "pvc", claimName: "models" } } }));
    expect(error.issues.map((i) => [i.path, i.value, i.rule, i.fix])).toEqual([
      ["entries.a/b", "a/b", "storage-config/key", 'use for example "a-b"'],
      ["entries.b c", "b c", "storage-config/key", 'use for example "b-c"'],
      ["entries.b c.credentials", { secretName: "x" }, "storage-config/credentials-unused", 'remove them (the existing entry holds its own), or use source { job: { image } } or "data-connections"'],
    ]);
  });
});
