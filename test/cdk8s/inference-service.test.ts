import { Env, InferenceEngine, InferenceService, ModelFleet, ModelLocation, ModelStorage, Parameter, ServingRuntime } from "kserve-constructs/cdk8s";
import type { InferenceServiceProps } from "kserve-constructs";
import { ApiObject, Chart, Testing } from "cdk8s";
import { engine } from "../support/fixtures";
import { find, ruleIds, synthChart, validationError } from "../support/synth";

function isvc(chart: Chart, overrides: Partial<InferenceServiceProps> = {}, id = "granite"): InferenceService {
  const e = (overrides.engine as InferenceEngine | undefined) ?? engine(chart);
  return new InferenceService(chart, id, { engine: e, model: ModelLocation.fromUri("s3://models/granite/"), ...overrides });
}

function predictor(m: { spec?: unknown } | Record<string, unknown>): Record<string, unknown> {
  return ((m as Record<string, Record<string, unknown>>)["spec"] as Record<string, unknown>)["predictor"] as Record<string, unknown>;
}

describe("InferenceService renders", () => {
  it("the canonical predictor.model form with an explicit mode, runtime and cluster-local visibility", () => {
    const manifests = synthChart((chart) => isvc(chart));
    expect(find(manifests, "InferenceService")).toEqual({
      apiVersion: "serving.kserve.io/v1beta1",
      kind: "InferenceService",
      metadata: {
        name: "granite",
        namespace: "models",
        labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "networking.kserve.io/visibility": "cluster-local" },
        annotations: { "serving.kserve.io/deploymentMode": "Standard" },
      },
      spec: {
        predictor: {
          minReplicas: 1,
          model: { modelFormat: { name: "my-format" }, runtime: "engine", storageUri: "s3://models/granite/" },
        },
      },
    });
  });

  it("parameters, args, env, resources, scaling, pull secrets and scheduling", () => {
    const manifests = synthChart((chart) => {
      const e = engine(chart, {
        parameters: { MAX_LEN: Parameter.int({ default: 4096 }), QUANT: Parameter.bool({ default: false }) },
        enforceParameters: true,
        resources: { requests: { cpu: "1" }, limits: { cpu: "2" } },
      });
      isvc(chart, {
        engine: e,
        parameters: { MAX_LEN: "8192", QUANT: true },
        args: ["--port-check={{port}}", "--dtype=bfloat16"],
        env: { KEY: Env.fromSecret("keys", "k"), MODE: "x" },
        resources: { requests: { memory: "8Gi" }, limits: { memory: "8Gi" } },
        scaling: { min: 2, max: 5, metric: "memory", target: 80, autoscaler: "hpa" },
        imagePullSecrets: ["pull"],
        nodeSelector: { "node-type": "inference" },
        tolerations: [{ key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule" }],
        timeoutSeconds: 120,
        podLabels: { app: "granite" },
        podAnnotations: { "sidecar.istio.io/inject": "false" },
        labels: { team: "a" },
        annotations: { "example.com/owner": "me" },
        logger: { mode: "request", url: "http://logs" },
      });
    });
    const m = find(manifests, "InferenceService");
    expect(m.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs", "networking.kserve.io/visibility": "cluster-local", team: "a" });
    expect(m.metadata.annotations).toEqual({ "example.com/owner": "me", "serving.kserve.io/autoscalerClass": "hpa", "serving.kserve.io/deploymentMode": "Standard" });
    expect(predictor(m)).toEqual({
      minReplicas: 2,
      maxReplicas: 5,
      scaleMetric: "memory",
      scaleTarget: 80,
      timeout: 120,
      imagePullSecrets: [{ name: "pull" }],
      nodeSelector: { "node-type": "inference" },
      tolerations: [{ key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule" }],
      labels: { app: "granite" },
      annotations: { "sidecar.istio.io/inject": "false" },
      logger: { mode: "request", url: "http://logs" },
      model: {
        modelFormat: { name: "my-format" },
        runtime: "engine",
        storageUri: "s3://models/granite/",
        args: ["--port-check=8080", "--dtype=bfloat16"],
        env: [
          { name: "KEY", valueFrom: { secretKeyRef: { name: "keys", key: "k" } } },
          { name: "MAX_LEN", value: "8192" },
          { name: "MODE", value: "x" },
          { name: "QUANT", value: "true" },
        ],
        resources: { requests: { memory: "8Gi" }, limits: { memory: "8Gi" } },
      },
    });
  });

  it("an engine version other than the default sets the model's image and that version's env", () => {
    const manifests = synthChart((chart) => {
      const e = engine(chart, {
        versions: { "1.0.0": { image: { cpu: "r/e:1" } }, "2.0.0": { image: { cpu: "r/e:2" }, env: { NEW_MODE: "on" } } },
        defaultVersion: "1.0.0",
      });
      isvc(chart, { engine: e, engineVersion: "2.0.0" }, "new");
      isvc(chart, { engine: e, engineVersion: "1.0.0" }, "old");
    });
    expect((predictor(find(manifests, "InferenceService", "new"))["model"] as Record<string, unknown>)["image"]).toBe("r/e:2");
    expect((predictor(find(manifests, "InferenceService", "new"))["model"] as Record<string, unknown>)["env"]).toEqual([{ name: "NEW_MODE", value: "on" }]);
    expect((predictor(find(manifests, "InferenceService", "old"))["model"] as Record<string, unknown>)["image"]).toBeUndefined();
  });

  it("deployment mode names follow the target's KServe version", () => {
    const legacy = synthChart((chart) => {
      isvc(chart, { deploymentMode: "Standard" }, "a");
      isvc(chart, { deploymentMode: "Knative", engine: engine(chart, { protocol: "v1" }, "e2") }, "b");
    }, { target: { kserveVersion: "0.15" } });
    expect(find(legacy, "InferenceService", "a").metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("RawDeployment");
    expect(find(legacy, "InferenceService", "b").metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Serverless");
    const current = synthChart((chart) => isvc(chart, { deploymentMode: "RawDeployment" }));
    expect(find(current, "InferenceService").metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Standard");
  });

  it("Knative mode: Knative's visibility label and autoscaler class, scale to zero, concurrency and canary", () => {
    const manifests = synthChart((chart) =>
      isvc(chart, { deploymentMode: "Serverless", scaling: { min: 0, max: 4, metric: "rps", target: 20, autoscaler: "kpa" }, containerConcurrency: 4, canaryTrafficPercent: 20 }),
    );
    const m = find(manifests, "InferenceService");
    expect(m.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs", "networking.knative.dev/visibility": "cluster-local" });
    expect(m.metadata.annotations).toEqual({ "autoscaling.knative.dev/class": "kpa.autoscaling.knative.dev", "serving.kserve.io/deploymentMode": "Knative" });
    expect(predictor(m)).toMatchObject({ minReplicas: 0, maxReplicas: 4, scaleMetric: "rps", scaleTarget: 20, containerConcurrency: 4, canaryTrafficPercent: 20 });
  });

  it("exposed services carry no visibility label upstream", () => {
    const m = find(synthChart((chart) => isvc(chart, { visibility: "exposed" })), "InferenceService");
    expect(m.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs" });
  });

  it("keda scaling renders autoScaling metrics instead of scaleMetric", () => {
    const m = find(synthChart((chart) => isvc(chart, { scaling: { min: 1, max: 3, autoscaler: "keda", metric: "cpu", target: 70 } })), "InferenceService");
    expect(m.metadata.annotations?.["serving.kserve.io/autoscalerClass"]).toBe("keda");
    expect(predictor(m)).toEqual({
      minReplicas: 1,
      maxReplicas: 3,
      autoScaling: { metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] },
      model: { modelFormat: { name: "my-format" }, runtime: "engine", storageUri: "s3://models/granite/" },
    });
  });

  it("protocolVersion: the runtime's lowest protocol, v2 for vLLM and triton formats, unset for openai engines", () => {
    const manifests = synthChart((chart) => {
      isvc(chart, { engine: engine(chart, { protocol: ["grpc-v2", "v2"] }, "oip-engine") }, "oip");
      isvc(chart, { engine: engine(chart, { protocol: "openai", modelFormats: [{ name: "vLLM" }] }, "vllm-engine") }, "vllm");
      isvc(chart, { engine: engine(chart, { protocol: "openai", modelFormats: [{ name: "chat" }] }, "chat-engine") }, "chat");
    });
    expect((predictor(find(manifests, "InferenceService", "oip"))["model"] as Record<string, unknown>)["protocolVersion"]).toBe("v2");
    expect((predictor(find(manifests, "InferenceService", "vllm"))["model"] as Record<string, unknown>)["protocolVersion"]).toBe("v2");
    expect((predictor(find(manifests, "InferenceService", "chat"))["model"] as Record<string, unknown>)["protocolVersion"]).toBeUndefined();
  });

  it("pinRuntime false leaves runtime selection to KServe", () => {
    const m = find(synthChart((chart) => isvc(chart, { pinRuntime: false })), "InferenceService");
    expect((predictor(m)["model"] as Record<string, unknown>)["runtime"]).toBeUndefined();
  });

  it("metrics scraping follows the engine's metrics", () => {
    const manifests = synthChart((chart) => {
      isvc(chart, { engine: engine(chart, { metrics: {} }, "m") }, "with");
      isvc(chart, { engine: engine(chart, { metrics: {}, protocol: "v1" }, "m2"), metrics: false }, "without");
    });
    expect(find(manifests, "InferenceService", "with").metadata.annotations?.["serving.kserve.io/enable-prometheus-scraping"]).toBe("true");
    expect(find(manifests, "InferenceService", "without").metadata.annotations?.["serving.kserve.io/enable-prometheus-scraping"]).toBeUndefined();
  });

  it("predictorOverrides merge into the predictor", () => {
    const m = find(synthChart((chart) => isvc(chart, { predictorOverrides: { priorityClassName: "high", model: { runtimeVersion: "1.0.1" } } })), "InferenceService");
    expect(predictor(m)["priorityClassName"]).toBe("high");
    expect((predictor(m)["model"] as Record<string, unknown>)["runtimeVersion"]).toBe("1.0.1");
    expect((predictor(m)["model"] as Record<string, unknown>)["runtime"]).toBe("engine");
  });
});

describe("InferenceService on OpenShift AI", () => {
  it("adds the dashboard label, display name, auth by default, and the token mount for storage service accounts", () => {
    const manifests = synthChart(
      (chart) => {
        const bucket = ModelStorage.s3(chart, "minio", { bucket: "models", credentials: { secretName: "minio" } });
        isvc(chart, { model: bucket.path("granite/"), displayName: "Granite 7B" });
      },
      { target: { openshiftAI: true } },
    );
    const m = find(manifests, "InferenceService");
    expect(m.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs", "opendatahub.io/dashboard": "true" });
    expect(m.metadata.annotations).toEqual({
      "openshift.io/display-name": "Granite 7B",
      "security.opendatahub.io/enable-auth": "true",
      "serving.kserve.io/deploymentMode": "RawDeployment",
    });
    expect(predictor(m)["automountServiceAccountToken"]).toBe(true);
    expect(predictor(m)["serviceAccountName"]).toBe("minio-sa");
  });

  it("exposes with the exposed label and can turn auth off", () => {
    const m = find(synthChart((chart) => isvc(chart, { visibility: "exposed", auth: false }), { target: { openshiftAI: { version: "3.4" } } }), "InferenceService");
    expect(m.metadata.labels?.["networking.kserve.io/visibility"]).toBe("exposed");
    expect(m.metadata.annotations?.["security.opendatahub.io/enable-auth"]).toBe("false");
    expect(m.metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Standard");
  });

  it("rejects names over 53 characters and non-Standard modes on 3.x", () => {
    const error = validationError((chart) => isvc(chart, { name: "a".repeat(54), deploymentMode: "Knative", engine: engine(chart, { protocol: "v1" }) }), {
      target: { openshiftAI: true },
      chart: { namespace: "m" },
    });
    expect(error.issues.map((i) => i.rule)).toEqual(["isvc/hostname-length", "odh/name-length", "odh/standard-only"]);
    expect(error.issues[1]?.message).toBe("OpenShift AI rejects InferenceService names longer than 53 characters (this one has 54)");
    expect(error.issues[2]?.message).toBe("OpenShift AI 3.0 (KServe 0.15) reconciles only Standard (raw deployment) mode: OpenShift AI 3.x has no Knative (Serverless) mode, removed in 3.0");
  });

  it("allows Serverless on OpenShift AI 2.x", () => {
    const m = find(synthChart((chart) => isvc(chart, { deploymentMode: "Knative", engine: engine(chart, { protocol: "v1" }) }), { target: { openshiftAI: { version: "2.25" } } }), "InferenceService");
    expect(m.metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Serverless");
  });
});

describe("InferenceService rules", () => {
  it("name and derived host name", () => {
    const error = validationError((chart) => isvc(chart, { name: "Granite_7B" }));
    expect(error.issues[0]).toMatchObject({ path: "metadata.name", rule: "kserve/name", fix: 'use a name such as "granite-7b"' });
    const long = validationError((chart) => isvc(chart, { name: "a".repeat(50) }), { chart: { namespace: "production-models" } });
    expect(long.issues[0]).toMatchObject({
      rule: "isvc/hostname-length",
      message: `KServe derives the host name label "${"a".repeat(50)}-predictor-production-models" (78 characters), longer than the 63 a DNS label allows; the service would never become ready`,
      fix: "shorten the name to at most 35 characters in namespace production-models",
    });
  });

  it("model format: exact match, case hint, version strings, autoSelect without a pinned runtime", () => {
    expect(validationError((chart) => isvc(chart, { modelFormat: { name: "My-Format" } })).issues[0]).toMatchObject({
      rule: "isvc/runtime-format",
      message: 'runtime "engine" does not serve format "My-Format" (it serves my-format); KServe matches names exactly',
      fix: 'use "my-format" (case matters)',
    });
    const version = validationError((chart) => isvc(chart, { engine: engine(chart, { modelFormats: [{ name: "sklearn", version: "1" }] }), modelFormat: { name: "sklearn", version: "1.5" } }));
    expect(version.issues[0]).toMatchObject({ rule: "isvc/runtime-format-version", fix: "use one of those version strings, or leave the version out" });
    expect(ruleIds((chart) => isvc(chart, { engine: engine(chart, { modelFormats: [{ name: "my-format", autoSelect: false }] }), pinRuntime: false }))).toEqual(["isvc/runtime-autoselect"]);
    expect(ruleIds((chart) => isvc(chart, { engine: engine(chart, { modelFormats: [{ name: "a" }, { name: "b" }] }) }))).toEqual(["isvc/model-format-required"]);
  });

  it("protocol: a v2-only runtime is never auto-selected for a model that counts as v1", () => {
    const error = validationError((chart) => isvc(chart, { engine: engine(chart, { protocol: "v2" }), protocolVersion: "v1" }));
    expect(error.issues[0]).toMatchObject({
      path: "spec.predictor.model.protocolVersion",
      rule: "isvc/runtime-protocol",
      message: 'runtime "engine" does not support protocol v1 (it speaks v2)',
      fix: "set protocolVersion to one of v2",
    });
    const existing = validationError((chart) =>
      isvc(chart, { engine: ServingRuntime.fromName("kserve-mlserver", { protocolVersions: ["v2"] }), modelFormat: { name: "sklearn" }, predictorOverrides: { model: { protocolVersion: undefined } } }),
    );
    expect(existing.issues.map((i) => i.rule)).toEqual(["isvc/runtime-protocol"]);
  });

  it("parameters against the engine's schema", () => {
    const error = validationError((chart) =>
      isvc(chart, { engine: engine(chart, { parameters: { N: Parameter.int({ min: 1 }) }, enforceParameters: true }), parameters: { N: "many", OTHER: "1" }, env: { N: "2" } }),
    );
    expect(error.issues.map((i) => `${i.path} ${i.rule}`)).toEqual(["parameters.N isvc/parameter-type", "parameters.OTHER isvc/undeclared-parameter", "env.N isvc/parameter-env-clash"]);
    expect(error.issues[2]).toMatchObject({ rule: "isvc/parameter-env-clash", fix: "set it once, through parameters.N" });
  });

  it("duplicate flags after merging engine args and model args", () => {
    const error = validationError((chart) => isvc(chart, { engine: engine(chart, { args: ["--max-model-len=4096"] }), args: ["--max-model-len", "8192"] }));
    expect(error.issues).toEqual([
      {
        where: "test/granite",
        path: "spec.predictor.model.args[0]",
        value: "--max-model-len",
        rule: "args/duplicate-flag",
        message: "flag --max-model-len is already set at runtime engine: args[0]; KServe appends the model's args to the runtime's, so the server sees it twice",
        fix: "set --max-model-len once: drop it from one place (make it an engine parameter to vary it per model), or list it in the engine's repeatableFlags",
      },
    ]);
    expect(() => synthChart((chart) => isvc(chart, { engine: engine(chart, { args: ["--lora=a"], repeatableFlags: ["--lora"] }), args: ["--lora=b"] }))).not.toThrow();
  });

  it("braces in model args, requests above limits after merging with the runtime", () => {
    expect(ruleIds((chart) => isvc(chart, { args: ["--x={{model}}"] }))).toEqual(["runtime/template"]);
    const merged = validationError((chart) => isvc(chart, { engine: engine(chart, { resources: { limits: { memory: "4Gi" } } }), resources: { requests: { memory: "8Gi" } } }));
    expect(merged.issues[0]).toMatchObject({ rule: "resources/request-above-limit", message: "the memory request 8Gi is above its limit 4Gi; Kubernetes rejects the pod" });
  });

  it("an engine without multi-GPU support rejects more than one accelerator", () => {
    const error = validationError((chart) => isvc(chart, { resources: { requests: { "nvidia.com/gpu": 2 }, limits: { "nvidia.com/gpu": 2 } } }));
    expect(error.issues[0]).toMatchObject({
      rule: "isvc/multi-gpu",
      message: 'engine "engine" does not declare multi-GPU support, and this model asks for 2 accelerators in one pod',
    });
    expect(() => synthChart((chart) => isvc(chart, { engine: engine(chart, { multiGpu: true }), resources: { limits: { "nvidia.com/gpu": 2 } } }))).not.toThrow();
  });

  it("runtime templates referring to labels the InferenceService lacks", () => {
    const error = validationError((chart) => isvc(chart, { engine: engine(chart, { env: { IMPL: "{{.Labels.modelClass}}" } }) }));
    expect(error.issues[0]).toMatchObject({ rule: "isvc/template-reference", fix: 'add labels: { "modelClass": ... }' });
    expect(() => synthChart((chart) => isvc(chart, { engine: engine(chart, { env: { IMPL: "{{.Labels.modelClass}}" } }), labels: { modelClass: "my.Model" } }))).not.toThrow();
  });

  it("Standard mode: no scale to zero with hpa, canary and concurrency are Knative-only", () => {
    const error = validationError((chart) => isvc(chart, { scaling: { min: 0 }, canaryTrafficPercent: 10, containerConcurrency: 2 }));
    expect(error.issues.map((i) => i.rule)).toEqual(["isvc/standard-scale-to-zero", "isvc/canary-mode", "isvc/concurrency-mode"]);
    expect(error.issues[1]).toMatchObject({ message: "Standard mode ignores canaryTrafficPercent (it splits traffic between Knative revisions)" });
  });

  it("engine version and image checks", () => {
    expect(validationError((chart) => isvc(chart, { engineVersion: "1.0.1" })).issues[0]).toMatchObject({ rule: "isvc/engine-version", fix: "did you mean 1.0.0? Versions: 1.0.0" });
    expect(ruleIds((chart) => isvc(chart, { engine: ServingRuntime.fromName("x"), modelFormat: { name: "f" }, engineVersion: "1" }))).toEqual(["isvc/engine-version"]);
    expect(
      validationError((chart) => isvc(chart, { engine: engine(chart, { versions: { "1": { image: { cpu: "a" } }, "2": { image: { nvidia: "b" } } }, defaultVersion: "1" }), engineVersion: "2" })).issues[0],
    ).toMatchObject({ rule: "isvc/engine-image", message: 'version 2 of engine "engine" has no cpu image (it has nvidia)' });
  });

  it("storage: namespace and service account agreement", () => {
    const error = validationError((chart) => {
      const bucket = ModelStorage.s3(chart, "b", { bucket: "models", namespace: "other", credentials: { secretName: "s" } });
      isvc(chart, { model: bucket.path("x"), serviceAccountName: "mine" });
    });
    expect(error.issues.map((i) => i.rule)).toEqual(["isvc/storage-service-account"]);
    const ns = validationError((chart) => {
      const bucket = ModelStorage.s3(chart, "b", { bucket: "models", namespace: "other", credentials: { secretName: "s" } });
      isvc(chart, { model: bucket.path("x") });
    });
    expect(ns.issues[0]).toMatchObject({ rule: "isvc/storage-namespace", fix: "define the storage in namespace models" });
  });

  it("runtime namespace must be the InferenceService's", () => {
    expect(ruleIds((chart) => isvc(chart, { engine: engine(chart, { namespace: "shared" }) }))).toEqual(["isvc/runtime-namespace"]);
  });

  it("a multi-model runtime cannot serve a single-model service", () => {
    expect(ruleIds((chart) => isvc(chart, { engine: ServingRuntime.fromName("mlserver-1.x", { multiModel: true }), modelFormat: { name: "sklearn" }, deploymentMode: "Standard" }))).toEqual(["isvc/runtime-multi-model"]);
  });

  it("library-owned keys are set through props", () => {
    expect(ruleIds((chart) => isvc(chart, { annotations: { "serving.kserve.io/deploymentMode": "Knative" }, labels: { "networking.kserve.io/visibility": "exposed" } }))).toEqual(["isvc/owned-key", "isvc/owned-key"]);
  });

  it("auth needs OpenShift AI", () => {
    expect(validationError((chart) => isvc(chart, { auth: true })).issues[0]).toMatchObject({ rule: "target/auth", path: "auth" });
  });

  it("a PVC model on a ReadWriteOnce claim with several replicas is a warning, not an error", () => {
    const manifests = synthChart((chart) => {
      const store = ModelStorage.pvc(chart, "store", { claimName: "m", accessModes: ["ReadWriteOnce"] });
      isvc(chart, { model: store.path("x"), scaling: { min: 2 } });
    });
    expect(find(manifests, "InferenceService").metadata.name).toBe("granite");
    expect(ruleIds((chart) => {
      const store = ModelStorage.pvc(chart, "store", { claimName: "m", accessModes: ["ReadWriteOncePod"] });
      isvc(chart, { model: store.path("x"), scaling: { min: 2 } });
    })).toEqual(["isvc/pvc-replicas"]);
  });

  it("an InferenceService whose engine or storage is invalid reports only their problems", () => {
    const error = validationError((chart) => {
      const e = engine(chart, { defaultVersion: "nope" });
      isvc(chart, { engine: e });
    });
    expect(error.issues.map((i) => i.where)).toEqual(["test/engine"]);
  });

  it("rejects props of the wrong shape without a crash", () => {
    const error = validationError((chart) => new InferenceService(chart, "x", { engine: "vllm", model: "s3://x" } as never));
    expect(error.issues.map((i) => [i.path, i.message])).toEqual([["model", "a model location is an object, not a string"]]);
    expect(error.issues[0]?.fix).toBe('wrap the URI: ModelLocation.fromUri("s3://x"), or use storage.path("...") of a ModelStorage');
    const shape = validationError((chart) => new InferenceService(chart, "z", { engine: "vllm", model: ModelLocation.fromUri("s3://x") } as never));
    expect(shape.issues.map((i) => [i.path, i.message])).toEqual([["engine", "engine must be an InferenceEngine, a ServingRuntime or ServingRuntime.fromName(...)"]]);
    const undefinedProps = validationError((chart) => new InferenceService(chart, "y", undefined as never));
    expect(undefinedProps.issues[0]?.message).toBe("required object is missing");
  });
});

describe("namespaces", () => {
  it("must be DNS-1123 labels", () => {
    const error = validationError((chart) => isvc(chart), { chart: { namespace: "Not_A_Namespace" } });
    expect(error.issues.map((i) => [i.where, i.rule])).toEqual([["test/engine", "names/namespace"]]);
    expect(error.issues[0]?.fix).toBe('use a namespace such as "not-a-namespace"');
    const own = validationError((chart) => isvc(chart, { engine: ServingRuntime.fromName("r", { modelFormats: [{ name: "f" }] }), namespace: "ml.prod" }));
    expect(own.issues.map((i) => [i.where, i.rule, i.value])).toEqual([["test/granite", "names/namespace", "ml.prod"]]);
  });
});

describe("an InferenceService is its own ApiObject (one cdk8s node per model: cdk8s walks the app once per chart)", () => {
  it("has no children and lists itself as its only object", () => {
    synthChart((chart) => {
      const service = isvc(chart);
      expect(service).toBeInstanceOf(ApiObject);
      expect(service.node.children).toHaveLength(0);
      expect(service.apiObjects).toEqual([service]);
      expect(service.name).toBe("granite");
      expect(service.kind).toBe("InferenceService");
    });
  });

  it("with errors, lists no object and refuses to render", () => {
    const chart = new Chart(Testing.app(), "test", { namespace: "models" });
    const service = isvc(chart, { deploymentMode: "Bogus" as never });
    expect(service.apiObjects).toEqual([]);
    expect(() => service.toJson()).toThrow(/has errors/);
  });

  it("a ModelFleet still reports __proto__ in a model's overrides (props/reserved-key)", () => {
    const parameters: Record<string, unknown> = {};
    Object.defineProperty(parameters, "__proto__", { value: "v", enumerable: true, writable: true, configurable: true });
    const rules = ruleIds((chart) => void new ModelFleet(chart, "fleet", { engine: engine(chart), models: [{ name: "a", location: ModelLocation.fromUri("s3://models/a/"), overrides: { parameters: parameters as Record<string, string> } }] }));
    expect(rules).toContain("props/reserved-key");
  });
});
