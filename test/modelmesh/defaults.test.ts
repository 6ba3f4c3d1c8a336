/**
 * Every documented @default of the ModelMesh, MLServer, StorageConfig, ModelServing and ModelFleet props
 * (the ones not already pinned by the other tests in this folder), and the ModelMesh namespace.
 */
import { InferenceEngine, MLServer, ModelMeshNamespace, ModelMeshRuntimes, StorageConfig } from "kserve-constructs/cdk8s";
import type { InferenceEngineProps, Manifest, TargetProps } from "kserve-constructs";
import { find, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";

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
  multiModel: { autoscaling: {} },
};

describe("multiModel defaults", () => {
  it("no adapter, no HTTP endpoint, no replicas, the puller on, no OpenShift AI route or auth; autoscaling 1..1 on 80% CPU", () => {
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

  it("autoscaling.max defaults to min", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "c", { ...custom, multiModel: { autoscaling: { min: 3 } } }), { target: MM });
    expect(runtime?.metadata.annotations?.["serving.kserve.io/max-scale"]).toBe("3");
  });
});

describe("preset defaults", () => {
  it("ModelMesh presets: named after the construct, namespaced, no extra env", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "my-ovms", ModelMeshRuntimes.ovms()), { target: MM });
    expect([runtime?.kind, runtime?.metadata.name, runtime?.metadata.namespace]).toEqual(["ServingRuntime", "my-ovms", "models"]);
    expect((runtimeSpec(runtime)["containers"] as Record<string, unknown>[])[0]?.["env"]).toBeUndefined();
  });

  it("MLServer: the version is the image's tag, 'latest' for a digest; nothing of MLServer's own settings is set unless given", () => {
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
  it("the Secret is storage-config; the Job is <secretName>-writer-<hash> with small resources; revision 1; gcs and azure key names", () => {
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
  });
});

describe("ModelMeshNamespace", () => {
  it("the chart's namespace with ModelMesh on; on OpenShift AI 2.x also a dashboard project", () => {
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
