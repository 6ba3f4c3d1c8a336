/**
 * Every documented @default of the ModelMesh, MLServer, StorageConfig, ModelServing and ModelFleet props
 * (the ones not already pinned by the other tests in this folder), and the ModelMesh namespace.
 */
import { InferenceEngine, InferenceService, MLServer, ModelMeshNamespace, ModelMeshRuntimes, StorageConfig } from "kserve-constructs/cdk8s";
import { engine } from "../support/fixtures";
import type { InferenceEngineProps, Manifest, TargetProps } from "kserve-constructs";
import { find, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";
import { itChecksDefaults } from "../support/defaults";

const MM: TargetProps = { modelMesh: true };

function runtimeSpec(m: Manifest | undefined): Record<string, unknown> {
  return (m as Manifest)["spec"] as Record<string, unknown>;
}

const custom: InferenceEngineProps = {
  versions: { "1": { image: { cpu: "r/s:1" } } },
  port: 8001,
  protocol: "grpc-v2",
  modelFormats: [{ name: "f" }],
  resources: { limits: { memory: "1Gi" } },
  multiModel: { scaling: {} },
};

describe("multiModel defaults", () => {
  itChecksDefaults(["MultiModelProps.adapter", "MultiModelProps.httpDataEndpoint", "MultiModelProps.replicas", "MultiModelProps.storageHelper", "MultiModelProps.route", "MultiModelProps.auth", "MultiModelScalingProps.min", "MultiModelScalingProps.metric", "MultiModelScalingProps.target"], "no adapter, no HTTP endpoint, no replicas, the puller on, no OpenShift AI route or auth; autoscaling 1..1 on 80% CPU", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "c", custom), { target: { openshiftAI: { version: "2.25" } } });
    const spec = runtimeSpec(runtime);
    expect([spec["builtInAdapter"], spec["httpDataEndpoint"], spec["replicas"], spec["storageHelper"]]).toEqual([undefined, undefined, undefined, undefined]);
    expect((spec["containers"] as unknown[]).length).toBe(1);
    expect(runtime?.metadata.annotations?.["enable-route"]).toBeUndefined();
    expect(runtime?.metadata.annotations?.["enable-auth"]).toBeUndefined();
    expect(runtime?.metadata.annotations).toMatchObject({
      "serving.kserve.io/autoscalerClass": "hpa",
      "serving.kserve.io/min-scale": "1",
      "serving.kserve.io/max-scale": "1",
      "serving.kserve.io/metrics": "cpu",
      "serving.kserve.io/targetUtilizationPercentage": "80",
    });
  });

  itChecksDefaults(["MultiModelProps.scaling"], "no scaling: no HPA, ModelMesh's podsPerRuntime decides the pods", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "c", { ...custom, multiModel: {} }), { target: MM });
    const keys = Object.keys(runtime?.metadata.annotations ?? {});
    expect(keys.filter((k) => /autoscalerClass|min-scale|max-scale|metrics|targetUtilization/.test(k))).toEqual([]);
    expect(runtimeSpec(runtime)["replicas"]).toBeUndefined();
  });

  itChecksDefaults(["MultiModelScalingProps.max"], "scaling.max defaults to min", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "c", { ...custom, multiModel: { scaling: { min: 3 } } }), { target: MM });
    expect(runtime?.metadata.annotations?.["serving.kserve.io/max-scale"]).toBe("3");
  });
});

describe("preset defaults", () => {
  itChecksDefaults(["PresetRuntimeProps.name", "PresetRuntimeProps.namespace", "PresetRuntimeProps.scope"], "ModelMesh presets: named after the construct, namespaced, no extra env", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "my-ovms", ModelMeshRuntimes.ovms()), { target: MM });
    expect([runtime?.kind, runtime?.metadata.name, runtime?.metadata.namespace]).toEqual(["ServingRuntime", "my-ovms", "models"]);
    expect((runtimeSpec(runtime)["containers"] as Record<string, unknown>[])[0]?.["env"]).toBeUndefined();
  });

  itChecksDefaults(["MLServerPresetProps.version", "MLServerPresetProps.mode", "MLServerPresetProps.resources", "MLServerPresetProps.server", "MLServerPresetProps.modelDefaults"], "MLServer: the version is the image's tag, 'latest' for a digest; single-model; nothing of MLServer's own settings is set unless given", () => {
    const manifests = synthChart((chart) => {
      new InferenceEngine(chart, "a", MLServer.runtime({ image: "r/m:2.1", implementation: "m.M", modelFormats: [{ name: "f" }] }));
      new InferenceEngine(chart, "b", MLServer.runtime({ image: `r/m@sha256:${"0".repeat(64)}`, implementation: "m.M", modelFormats: [{ name: "g" }] }));
    });
    const a = find(manifests, "ServingRuntime", "a");
    const b = find(manifests, "ServingRuntime", "b");
    const engineA = (runtimeSpec(a)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect((engineA["env"] as { name: string }[]).map((e) => e.name)).toEqual(["MLSERVER_GRPC_PORT", "MLSERVER_HTTP_PORT", "MLSERVER_METRICS_PORT", "MLSERVER_MODELS_DIR", "MLSERVER_MODEL_IMPLEMENTATION", "MLSERVER_MODEL_NAME", "MLSERVER_MODEL_URI"]);
    expect(engineA["resources"]).toBeUndefined();
    expect(a.metadata.name).toBe("a");
    const odh = synthChart((chart) => new InferenceEngine(chart, "a", MLServer.runtime({ image: "r/m:2.1", implementation: "m.M", modelFormats: [{ name: "f" }] })), { target: { openshiftAI: { version: "2.25" } } });
    expect(odh[0]?.metadata.annotations?.["opendatahub.io/runtime-version"]).toBe("2.1");
    const odhDigest = synthChart((chart) => new InferenceEngine(chart, "b", MLServer.runtime({ image: `r/m@sha256:${"0".repeat(64)}`, implementation: "m.M", modelFormats: [{ name: "g" }] })), { target: { openshiftAI: { version: "2.25" } } });
    expect(odhDigest[0]?.metadata.annotations?.["opendatahub.io/runtime-version"]).toBe("latest");
    expect(b.metadata.name).toBe("b");
  });

  it("MLServer model env renders only what is given", () => {
    expect(MLServer.modelEnv({})).toEqual({});
    expect(MLServer.modelEnv({ name: "m", implementation: "a.B", platform: "sklearn", maxBatchSize: 0, parameters: { uri: "/mnt/models/m.joblib", format: "joblib" } })).toEqual({
      MLSERVER_MODEL_FORMAT: "joblib",
      MLSERVER_MODEL_IMPLEMENTATION: "a.B",
      MLSERVER_MODEL_MAX_BATCH_SIZE: "0",
      MLSERVER_MODEL_NAME: "m",
      MLSERVER_MODEL_PLATFORM: "sklearn",
      MLSERVER_MODEL_URI: "/mnt/models/m.joblib",
    });
  });
});

describe("StorageConfig defaults", () => {
  itChecksDefaults(["StorageConfigProps.secretName", "StorageConfigJobProps.name", "StorageConfigJobProps.resources", "StorageConfigJobProps.revision", "StorageConfigProps.namespace"], "the Secret is storage-config; the Job is <secretName>-writer-<hash> with small resources; revision 1; gcs and azure key names", () => {
    const entries = {
      g: { type: "gcs" as const, credentials: { secretName: "gcs" } },
      z: { type: "azure" as const, accountName: "acme", container: "models", credentials: { secretName: "az" } },
    };
    const manifests = synthChart((chart) => new StorageConfig(chart, "s", { source: { job: { image: "k:1" } }, entries }));
    const again = synthChart((chart) => new StorageConfig(chart, "s", { source: { job: { image: "k:1", revision: 1 } }, entries }));
    expect(find(manifests, "Job").metadata.name).toBe(find(again, "Job").metadata.name);
    expect(find(manifests, "Job").metadata.name).toMatch(/^storage-config-writer-[0-9a-f]{8}$/);
    const container = ((((find(manifests, "Job")["spec"] as Record<string, unknown>)["template"] as Record<string, Record<string, unknown>>)["spec"] as Record<string, unknown>)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(container["resources"]).toEqual({ limits: { cpu: "100m", memory: "128Mi" }, requests: { cpu: "10m", memory: "32Mi" } });
    expect(container["env"]).toEqual([
      { name: "SC0_CLIENT_EMAIL", valueFrom: { secretKeyRef: { name: "gcs", key: "client_email" } } },
      { name: "SC0_PRIVATE_KEY", valueFrom: { secretKeyRef: { name: "gcs", key: "private_key" } } },
      { name: "SC1_CONNECTION_STRING", valueFrom: { secretKeyRef: { name: "az", key: "connection_string" } } },
    ]);
    expect((container["command"] as string[])[2]).toContain("kubectl create secret generic 'storage-config' \\");
    expect(find(manifests, "Job").metadata.namespace).toBe("models");
  });
});

describe("ModelMeshNamespace", () => {
  itChecksDefaults(["ModelMeshNamespaceProps.name", "ModelMeshNamespaceProps.dashboard", "ModelMeshNamespaceProps.annotations"], "the chart's namespace with ModelMesh on; on OpenShift AI 2.x also a dashboard project; no annotations", () => {
    expect(synthChart((chart) => new ModelMeshNamespace(chart, "ns", { labels: { team: "fraud" } }), { target: MM })).toEqual([
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "modelmesh-enabled": "true", team: "fraud" } } },
    ]);
    const [odh] = synthChart((chart) => new ModelMeshNamespace(chart, "ns", { name: "fraud" }), { target: { openshiftAI: { version: "2.25" } } });
    expect(odh?.metadata).toEqual({ name: "fraud", labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "modelmesh-enabled": "true", "opendatahub.io/dashboard": "true" } });
  });

  it("the label is the library's; ModelMesh must be available", () => {
    expect(validationError((chart) => new ModelMeshNamespace(chart, "ns", { labels: { "modelmesh-enabled": "false" } }), { target: MM }).issues[0]).toMatchObject({
      rule: "modelmesh/owned-key",
      message: 'the library sets modelmesh-enabled: "true" on a ModelMesh namespace',
    });
    expect(validationError((chart) => new ModelMeshNamespace(chart, "ns"), { target: { openshiftAI: true } }).issues[0]).toMatchObject({ rule: "modelmesh/unavailable", value: "models" });
  });
});

describeIfCrds("conformance", () => {
  it("the namespace validates", () => {
    expect(formatProblems(validateAll(synthChart((chart) => new ModelMeshNamespace(chart, "ns", { annotations: { owner: "x" } }), { target: MM })))).toBe("");
  });
});

describe("ModelFleet, ModelServing and StorageConfig entry defaults", () => {
  const { ModelFleet, ModelServing, ModelLocation } = jest.requireActual<typeof import("kserve-constructs/cdk8s")>("../../src/cdk8s");
  const SK = { name: "sklearn", version: "0" };
  itChecksDefaults(
    ["ModelFleetProps.namespace", "ModelFleetProps.namePrefix", "ModelFleetProps.defaults", "ModelFleetProps.storage", "FleetModelProps.format", "FleetModelProps.overrides", "FleetModelProps.path"],
    "a fleet without storage: each model gives its location; names as given, the runtime's only format, nothing merged in",
    () => {
      const manifests = synthChart((chart) => new ModelFleet(chart, "fleet", { engine: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ modelFormats: [SK] })), models: [{ name: "churn", location: ModelLocation.fromUri("s3://b/churn/") }] }), { target: MM });
      const isvc = find(manifests, "InferenceService");
      expect(isvc.metadata).toEqual({ name: "churn", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" }, annotations: { "serving.kserve.io/deploymentMode": "ModelMesh" } });
      expect(isvc["spec"]).toEqual({ predictor: { model: { modelFormat: { name: "sklearn" }, runtime: "mlserver", storageUri: "s3://b/churn/" } } });
    },
  );
  itChecksDefaults(["FleetModelProps.location", "FleetModelProps.mode", "ModelFleetProps.singleModelDefaults", "ModelServingProps.single"], "a model's location is the fleet's storage at its path; its mode the ModelServing's; single-model defaults apply only to single-model services", () => {
    const manifests = synthChart((chart) => {
      const storage = new StorageConfig(chart, "storage", { entries: { minio: { type: "s3", bucket: "models" } } });
      const serving = new ModelServing(chart, "tabular", { mode: "multi", multi: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ modelFormats: [SK] })) });
      new ModelFleet(chart, "fleet", { engine: serving, storage: storage.entry("minio"), singleModelDefaults: { labels: { single: "yes" } }, models: [{ name: "churn", path: "churn/" }] });
    }, { target: MM });
    const isvc = find(manifests, "InferenceService");
    expect(isvc.metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("ModelMesh");
    expect(isvc.metadata.labels?.["single"]).toBeUndefined();
    expect(isvc["spec"]).toEqual({ predictor: { model: { modelFormat: { name: "sklearn" }, runtime: "mlserver", storage: { key: "minio", path: "churn/" } } } });
    expect(validationError((chart) => {
      const serving = new ModelServing(chart, "tabular", { mode: "multi", multi: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ modelFormats: [SK] })) });
      new ModelFleet(chart, "fleet", { engine: serving, models: [{ name: "churn", location: ModelLocation.fromUri("s3://b/c/"), mode: "single" }] });
    }, { target: MM }).issues.map((i) => i.rule)).toContain("serving/missing-runtime");
  });
  itChecksDefaults(["ModelServingProps.multi"], "a ModelServing without a multi-model runtime: mode multi is an error", () => {
    expect(validationError((chart) => {
      const serving = new ModelServing(chart, "tabular", { mode: "single", single: engine(chart, { protocol: ["v1", "v2"], modelFormats: [SK] }, "sk") });
      new ModelFleet(chart, "fleet", { engine: serving, models: [{ name: "churn", location: ModelLocation.fromUri("s3://b/c/"), mode: "multi" }] });
    }, { target: MM }).issues.map((i) => i.rule)).toContain("serving/missing-runtime");
  });
  itChecksDefaults(["StorageConfigProps.source"], "StorageConfig: the Secret exists already (nothing written)", () => {
    const manifests = synthChart((chart) => {
      const sc = new StorageConfig(chart, "storage", { entries: { minio: { type: "s3" } } });
      new InferenceService(chart, "churn", { engine: new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver({ modelFormats: [SK] })), model: sc.path("minio", "churn/"), modelFormat: SK } as never);
    }, { target: MM });
    expect(manifests.map((m) => m.kind).sort()).toEqual(["InferenceService", "ServingRuntime"]);
  });
});

describe("built-in adapter and endpoint defaults", () => {
  const withAdapter = (multiModel: NonNullable<InferenceEngineProps["multiModel"]>, port = 8001): Record<string, unknown> =>
    runtimeSpec(synthChart((chart) => new InferenceEngine(chart, "c", { ...custom, port, multiModel }), { target: MM })[0]);
  const containerOf = (spec: Record<string, unknown>): Record<string, unknown> => (spec["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;

  itChecksDefaults(
    ["BuiltInAdapterProps.runtimeManagementPort", "BuiltInAdapterProps.memBufferBytes", "BuiltInAdapterProps.modelLoadingTimeoutMillis", "BuiltInAdapterProps.env", "MultiModelProps.containerName", "MultiModelProps.grpcEndpoint", "MultiModelProps.grpcDataEndpoint", "MultiModelProps.scaling"],
    "a built-in adapter: the engine's port, 128 MiB buffer and 90 s load timeout (as the upstream runtimes), no env; the server container named after the server type; endpoints port:8085 and port:<the engine's port>; no HPA",
    () => {
      const spec = withAdapter({ adapter: { serverType: "mlserver" } }, 8011);
      expect(spec["builtInAdapter"]).toEqual({ memBufferBytes: 134217728, modelLoadingTimeoutMillis: 90000, runtimeManagementPort: 8011, serverType: "mlserver" });
      expect(containerOf(spec)["name"]).toBe("mlserver");
      expect([spec["grpcEndpoint"], spec["grpcDataEndpoint"]]).toEqual(["port:8085", "port:8011"]);
      const [runtime] = synthChart((chart) => new InferenceEngine(chart, "c", { ...custom, multiModel: { adapter: { serverType: "mlserver" } } }), { target: MM });
      expect(Object.keys(runtime?.metadata.annotations ?? {}).filter((k) => k.startsWith("serving.kserve.io/"))).toEqual([]);
      const given = withAdapter({ adapter: { serverType: "mlserver", runtimeManagementPort: 8012, memBufferBytes: 1, modelLoadingTimeoutMillis: 2, env: { A: "1" } }, grpcEndpoint: "port:8086", grpcDataEndpoint: "port:8013" });
      expect(given["builtInAdapter"]).toEqual({ env: [{ name: "A", value: "1" }], memBufferBytes: 1, modelLoadingTimeoutMillis: 2, runtimeManagementPort: 8012, serverType: "mlserver" });
      expect([given["grpcEndpoint"], given["grpcDataEndpoint"]]).toEqual(["port:8086", "port:8013"]);
    },
  );

  itChecksDefaults(["MultiModelProps.containerName", "MultiModelProps.grpcEndpoint"], 'without a built-in adapter the server container is "server", and implements the SPI on port:8085', () => {
    const spec = withAdapter({});
    expect([containerOf(spec)["name"], spec["grpcEndpoint"], spec["builtInAdapter"]]).toEqual(["server", "port:8085", undefined]);
    expect(containerOf(withAdapter({ containerName: "engine" }))["name"]).toBe("engine");
  });
});

describe("ModelMesh and MLServer preset defaults", () => {
  itChecksDefaults(["ModelMeshPresetProps.image", "ModelMeshPresetProps.modelFormats", "ModelMeshPresetProps.annotations"], "the documented upstream images and formats; triton's maxLoadingConcurrency annotation, none on the others", () => {
    const manifests = synthChart(
      (chart) => {
        new InferenceEngine(chart, "triton", ModelMeshRuntimes.triton());
        new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver());
        new InferenceEngine(chart, "ovms", ModelMeshRuntimes.ovms());
        new InferenceEngine(chart, "torchserve", ModelMeshRuntimes.torchserve());
      },
      { target: MM },
    );
    const of = (name: string): Record<string, unknown> => runtimeSpec(find(manifests, "ServingRuntime", name));
    const image = (name: string): unknown => ((of(name)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>)["image"];
    expect(["triton", "mlserver", "ovms", "torchserve"].map(image)).toEqual(["nvcr.io/nvidia/tritonserver:23.04-py3", "seldonio/mlserver:1.3.2", "openvino/model_server:2022.2", "pytorch/torchserve:0.7.1-cpu"]);
    const formats = (name: string): string[] => (of(name)["supportedModelFormats"] as { name: string; version: string; autoSelect: boolean }[]).map((f) => `${f.name}:${f.version}${f.autoSelect ? "" : " (no autoSelect)"}`);
    expect(formats("ovms")).toEqual(["openvino_ir:opset1", "onnx:1 (no autoSelect)"]);
    expect(formats("torchserve")).toEqual(["pytorch-mar:0"]);
    expect(formats("mlserver")).toEqual(["sklearn:0", "xgboost:1", "lightgbm:3"]);
    expect(find(manifests, "ServingRuntime", "triton").metadata.annotations).toEqual({ maxLoadingConcurrency: "2" });
    expect(find(manifests, "ServingRuntime", "mlserver").metadata.annotations).toBeUndefined();
    const [own] = synthChart((chart) => new InferenceEngine(chart, "triton", ModelMeshRuntimes.triton({ image: "r/triton:1", modelFormats: [{ name: "onnx", version: "1" }], annotations: { team: "ml" } })), { target: MM });
    expect(own?.metadata.annotations).toEqual({ maxLoadingConcurrency: "2", team: "ml" });
    expect(runtimeSpec(own)["supportedModelFormats"]).toEqual([{ autoSelect: true, name: "onnx", version: "1" }]);
  });

  itChecksDefaults(["MLServerPresetProps.grpc"], "single-model MLServer also declares its gRPC port 8081 and grpc-v2; grpc: false leaves the one HTTP port", () => {
    const preset = { image: "r/m:2.1", implementation: "m.M", modelFormats: [{ name: "f" }] };
    const [on] = synthChart((chart) => new InferenceEngine(chart, "a", MLServer.runtime(preset)));
    const [off] = synthChart((chart) => new InferenceEngine(chart, "a", MLServer.runtime({ ...preset, grpc: false })));
    const ports = (m: Manifest | undefined): unknown => ((runtimeSpec(m)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>)["ports"];
    expect(ports(on)).toEqual([{ containerPort: 8080, protocol: "TCP" }, { containerPort: 8081, name: "grpc-port", protocol: "TCP" }]);
    expect(runtimeSpec(on)["protocolVersions"]).toEqual(["v2", "grpc-v2"]);
    expect(ports(off)).toEqual([{ containerPort: 8080, protocol: "TCP" }]);
    expect(runtimeSpec(off)["protocolVersions"]).toEqual(["v2"]);
  });
});
