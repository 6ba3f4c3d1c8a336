/**
 * MLServer custom runtimes: the implementation class, server and model settings as MLServer reads them,
 * in single-model and multi-model mode.
 */
import { InferenceEngine, InferenceService, KServeTarget, MLServer, ModelServing, StorageConfig } from "kserve-constructs/cdk8s";
import type { MLServerPresetProps, Manifest, TargetProps } from "kserve-constructs";
import { find, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";

const MM: TargetProps = { modelMesh: true };
const FRAUD: MLServerPresetProps = { image: "registry.example/fraud-mlserver:1.4.0", implementation: "fraud_model.FraudModel", modelFormats: [{ name: "fraud-model", version: "1" }] };

function container(runtime: Manifest): Record<string, unknown> {
  return ((runtime["spec"] as Record<string, unknown>)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;
}

describe("MLServer.runtime, single-model", () => {
  it("sets the implementation as runtime env (no server-type annotation, which would overwrite modelClass), MLServer's ports, V2 readiness on the model", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "fraud", MLServer.runtime({ ...FRAUD, server: { parallelWorkers: 4, debug: false, extensions: ["ext.Metrics"] }, modelDefaults: { maxBatchSize: 16, parameters: { extra: { threshold: 0.7 } } } })));
    expect(runtime?.metadata).toEqual({ name: "fraud", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } });
    expect(container(runtime as Manifest)).toEqual({
      name: "kserve-container",
      image: "registry.example/fraud-mlserver:1.4.0",
      env: [
        { name: "MLSERVER_DEBUG", value: "false" },
        { name: "MLSERVER_EXTENSIONS", value: '["ext.Metrics"]' },
        { name: "MLSERVER_GRPC_PORT", value: "8081" },
        { name: "MLSERVER_HTTP_PORT", value: "8080" },
        { name: "MLSERVER_METRICS_PORT", value: "8082" },
        { name: "MLSERVER_MODELS_DIR", value: "/mnt/models" },
        { name: "MLSERVER_MODEL_EXTRA", value: '{"threshold":0.7}' },
        { name: "MLSERVER_MODEL_IMPLEMENTATION", value: "fraud_model.FraudModel" },
        { name: "MLSERVER_MODEL_MAX_BATCH_SIZE", value: "16" },
        { name: "MLSERVER_MODEL_NAME", value: "{{.Name}}" },
        { name: "MLSERVER_MODEL_URI", value: "/mnt/models" },
        { name: "MLSERVER_PARALLEL_WORKERS", value: "4" },
      ],
      ports: [
        { containerPort: 8080, protocol: "TCP" },
        { containerPort: 8081, name: "grpc-port", protocol: "TCP" },
      ],
      readinessProbe: { httpGet: { path: "/v2/models/{{.Name}}/ready", port: 8080 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    });
    const spec = runtime?.["spec"] as Record<string, unknown>;
    expect([spec["multiModel"], spec["protocolVersions"], spec["annotations"]]).toEqual([false, ["v2", "grpc-v2"], { "prometheus.kserve.io/path": "/metrics", "prometheus.kserve.io/port": "8082" }]);
  });

  it("one model's settings are env on its InferenceService (they win over the runtime's by name); grpc: false leaves one port for Knative", () => {
    const manifests = synthChart((chart) => {
      const runtime = new InferenceEngine(chart, "fraud", MLServer.runtime({ ...FRAUD, grpc: false }));
      const storage = new StorageConfig(chart, "sc", { entries: { minio: { type: "s3", bucket: "models" } } });
      new InferenceService(chart, "cards", {
        engine: runtime,
        model: storage.path("minio", "cards/"),
        env: MLServer.modelEnv({ parameters: { version: "7", contentType: "np" }, versions: ["sklearn/1.4.2"], maxBatchTime: 0.1 }),
        deploymentMode: "Knative",
      });
    });
    expect(container(find(manifests, "ServingRuntime"))["ports"]).toEqual([{ containerPort: 8080, protocol: "TCP" }]);
    expect(((find(manifests, "InferenceService")["spec"] as Record<string, Record<string, Record<string, unknown>>>)["predictor"]?.["model"])?.["env"]).toEqual([
      { name: "MLSERVER_MODEL_CONTENT_TYPE", value: "np" },
      { name: "MLSERVER_MODEL_MAX_BATCH_TIME", value: "0.1" },
      { name: "MLSERVER_MODEL_VERSION", value: "7" },
      { name: "MLSERVER_MODEL_VERSIONS", value: '["sklearn/1.4.2"]' },
    ]);
  });
});

describe("MLServer.runtime, multi-model", () => {
  it("runs behind ModelMesh's mlserver adapter: models dir under /models, gRPC 8001, HTTP 8002, the implementation as the default of every model", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "fraud", MLServer.runtime({ ...FRAUD, mode: "multi", replicas: 3, server: { grpcMaxMessageLength: 33554432 } })), { target: MM });
    expect(container(runtime as Manifest)).toEqual({
      name: "mlserver",
      image: "registry.example/fraud-mlserver:1.4.0",
      env: [
        { name: "MLSERVER_GRPC_MAX_MESSAGE_LENGTH", value: "33554432" },
        { name: "MLSERVER_GRPC_PORT", value: "8001" },
        { name: "MLSERVER_HOST", value: "127.0.0.1" },
        { name: "MLSERVER_HTTP_PORT", value: "8002" },
        { name: "MLSERVER_LOAD_MODELS_AT_STARTUP", value: "false" },
        { name: "MLSERVER_MODELS_DIR", value: "/models/_mlserver_models/" },
        { name: "MLSERVER_MODEL_IMPLEMENTATION", value: "fraud_model.FraudModel" },
        { name: "MLSERVER_MODEL_NAME", value: "dummy-model" },
      ],
      resources: { limits: { cpu: "5", memory: "1Gi" }, requests: { cpu: "500m", memory: "1Gi" } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    });
    expect(runtime?.["spec"]).toMatchObject({ multiModel: true, replicas: 3, grpcDataEndpoint: "port:8001", grpcEndpoint: "port:8085", builtInAdapter: { serverType: "mlserver", runtimeManagementPort: 8001 }, protocolVersions: ["grpc-v2"] });
  });

  it("a model's settings travel beside it as model-settings.json (sorted keys, MLServer's field names)", () => {
    expect(MLServer.modelSettingsJson({ name: "cards", implementation: "fraud_model.FraudModel", maxBatchSize: 8, parameters: { uri: "./model.joblib", version: "7", extra: { threshold: 0.7, labels: ["ok", "fraud"] } } })).toBe(
      [
        "{",
        '  "implementation": "fraud_model.FraudModel",',
        '  "max_batch_size": 8,',
        '  "name": "cards",',
        '  "parameters": {',
        '    "extra": {',
        '      "labels": [',
        '        "ok",',
        '        "fraud"',
        "      ],",
        '      "threshold": 0.7',
        "    },",
        '    "uri": "./model.joblib",',
        '    "version": "7"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(MLServer.modelSettingsJson({})).toBe("{}\n");
  });
});

describe("MLServer preset checks", () => {
  it("the implementation is a Python path; multi-model settings need mode multi and the gRPC port switch needs single", () => {
    const error = validationError((chart) => {
      new InferenceEngine(chart, "a", MLServer.runtime({ ...FRAUD, implementation: "FraudModel", replicas: 2, route: true }));
      new InferenceEngine(chart, "b", MLServer.runtime({ ...FRAUD, mode: "multi", grpc: true }));
    }, { target: MM });
    expect(error.issues.map((i) => [i.where, i.path, i.rule, i.message])).toEqual([
      ["test/a", "implementation", "preset/mlserver-implementation", "MLServer imports the implementation by its Python path (module.Class), so this would fail when the model loads"],
      ["test/a", "replicas", "preset/mlserver-mode", 'replicas applies to the multi-model (ModelMesh) runtime, and mode is "single"'],
      ["test/a", "route", "preset/mlserver-mode", 'route applies to the multi-model (ModelMesh) runtime, and mode is "single"'],
      ["test/b", "grpc", "preset/mlserver-mode", 'grpc declares the single-model gRPC port; in mode "multi" ModelMesh serves gRPC for every model'],
    ]);
    expect(error.issues[0]?.fix).toBe('give the module and class of your MLModel subclass, for example "my_model.MyModel"');
  });
});

describe("the same MLServer model in both modes", () => {
  function app(mode: "single" | "multi"): Manifest[] {
    return synthChart((chart) => {
      KServeTarget.set(chart, MM);
      const single = new InferenceEngine(chart, "fraud", MLServer.runtime(FRAUD));
      const multi = new InferenceEngine(chart, "fraud-mm", MLServer.runtime({ ...FRAUD, mode: "multi" }));
      const serving = new ModelServing(chart, "serving", { mode, single, multi });
      const storage = new StorageConfig(chart, "sc", { entries: { minio: { type: "s3", bucket: "models" } } });
      new InferenceService(chart, "cards", { engine: serving, model: storage.path("minio", "cards/v7/") });
    });
  }

  it("moves with the one mode line: runtime, mode annotation and the fields each mode reads", () => {
    const single = find(app("single"), "InferenceService");
    const multi = find(app("multi"), "InferenceService");
    expect(single.metadata.annotations).toEqual({ "serving.kserve.io/deploymentMode": "Standard", "serving.kserve.io/enable-prometheus-scraping": "true" });
    expect(single["spec"]).toEqual({ predictor: { minReplicas: 1, model: { modelFormat: { name: "fraud-model" }, protocolVersion: "v2", runtime: "fraud", storage: { key: "minio", path: "cards/v7/" } } } });
    expect(multi.metadata.annotations).toEqual({ "serving.kserve.io/deploymentMode": "ModelMesh" });
    expect(multi["spec"]).toEqual({ predictor: { model: { modelFormat: { name: "fraud-model" }, runtime: "fraud-mm", storage: { key: "minio", path: "cards/v7/" } } } });
  });
});

describeIfCrds("conformance", () => {
  it("both modes validate against the CRDs", () => {
    const manifests = synthChart((chart) => {
      KServeTarget.set(chart, MM);
      new InferenceEngine(chart, "fraud", MLServer.runtime({ ...FRAUD, modelDefaults: { versions: ["sklearn/1.4"], parameters: { format: "joblib" } } }));
      new InferenceEngine(chart, "fraud-mm", MLServer.runtime({ ...FRAUD, mode: "multi", scaling: { min: 1, max: 4 } }));
    });
    expect(formatProblems(validateAll(manifests))).toBe("");
  });
});
