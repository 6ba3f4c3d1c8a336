/**
 * Every documented @default with a concrete value, checked against what the library does. Each test names
 * the defaults it checks (`Interface.prop`), so that test/defaults-coverage.test.ts can tell which
 * documented defaults have a test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Chart } from "cdk8s";
import { InferenceService, ModelLocation, ModelStorage, SECRET_OVERLAY_ANNOTATIONS, ServingRuntime, resolveTarget, synthAtomically } from "kserve-constructs/cdk8s";
import type { Manifest } from "kserve-constructs";
import { engine } from "./support/fixtures";
import { itChecksDefaults } from "./support/defaults";
import { modelMeshUnavailable } from "../src/core/modelmesh/availability";
import { find, ruleIds, synthChart } from "./support/synth";

type Obj = Record<string, unknown>;

function container(runtime: Manifest): Obj {
  return ((runtime["spec"] as Obj)["containers"] as Obj[])[0] as Obj;
}
function predictor(isvc: Manifest): Obj {
  return (isvc["spec"] as Record<string, Obj>)["predictor"] as Obj;
}
function model(isvc: Manifest): Obj {
  return predictor(isvc)["model"] as Obj;
}

describe("InferenceEngine defaults", () => {
  const manifests = synthChart((chart) => engine(chart, { metrics: {} }));
  const runtime = find(manifests, "ServingRuntime");
  itChecksDefaults(["InferenceEngineProps.name", "InferenceEngineProps.namespace", "InferenceEngineProps.scope"], "name = construct id, namespace = chart namespace, scope = namespace (ServingRuntime)", () => {
    expect([runtime.kind, runtime.metadata.name, runtime.metadata.namespace]).toEqual(["ServingRuntime", "engine", "models"]);
  });
  itChecksDefaults(["InferenceEngineProps.port", "InferenceEngineProps.defaultVersion", "InferenceEngineProps.runtimeImage"], "port 8080, defaultVersion = the only version, runtimeImage = cpu", () => {
    expect(container(runtime)["ports"]).toEqual([{ containerPort: 8080, protocol: "TCP" }]);
    expect(container(runtime)["image"]).toBe("registry.example/engine:1.0.0");
  });
  itChecksDefaults(["InferenceEngineProps.readiness", "InferenceEngineProps.liveness", "InferenceEngineProps.startup"], "readiness on with the protocol's path and 10s period / 5s timeout / 3 failures; liveness and startup off", () => {
    expect(container(runtime)["readinessProbe"]).toEqual({ httpGet: { path: "/v1/models", port: 8080 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
    expect(container(runtime)["livenessProbe"]).toBeUndefined();
    expect(container(runtime)["startupProbe"]).toBeUndefined();
  });
  it("startup probes default to 60 failures", () => {
    const [rt] = synthChart((chart) => engine(chart, { startup: {} }));
    expect((container(rt as Manifest)["startupProbe"] as Obj)["failureThreshold"]).toBe(60);
  });
  itChecksDefaults(["ModelFormatProps.autoSelect", "MetricsProps.path", "MetricsProps.port", "InferenceEngineProps.podAnnotations"], "formats autoSelect true; metrics path /metrics on the container port, as the Prometheus annotations", () => {
    expect((runtime["spec"] as Obj)["supportedModelFormats"]).toEqual([{ name: "my-format", autoSelect: true }]);
    expect((runtime["spec"] as Obj)["annotations"]).toEqual({ "prometheus.kserve.io/path": "/metrics", "prometheus.kserve.io/port": "8080" });
  });
  itChecksDefaults(["InferenceEngineProps.security", "SecurityProps.runAsNonRoot", "SecurityProps.readOnlyRootFilesystem", "SecurityProps.runAsUser", "InferenceEngineProps.imageUser"], "security: no escalation, no capabilities, RuntimeDefault seccomp, runAsNonRoot, no user, writable root", () => {
    expect(container(runtime)["securityContext"]).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
  });
  itChecksDefaults(["InferenceEngineProps.enforceParameters", "InferenceEngineProps.multiGpu"], "enforceParameters false, multiGpu false", () => {
    const e = engine(new Chart(new (jest.requireActual<typeof import("cdk8s")>("cdk8s").App)(), "c"));
    expect(e.runtime.engine?.enforceParameters).toBe(false);
    expect(e.runtime.engine?.multiGpu).toBe(false);
  });
  itChecksDefaults(["InferenceEngineProps.openshiftAI", "OpenShiftAIEngineProps.displayName", "OpenShiftAIEngineProps.modelType", "OpenShiftAIEngineProps.showInDashboard", "OpenShiftAIEngineProps.description", "OpenShiftAIEngineProps.provider"], "OpenShift AI: display name = runtime name, model type from protocol, listed in the dashboard, no description or provider", () => {
    const [rt] = synthChart((chart) => engine(chart), { target: { openshiftAI: true } });
    expect(rt?.metadata.annotations?.["openshift.io/display-name"]).toBe("engine");
    expect(rt?.metadata.annotations?.["opendatahub.io/model-type"]).toBe('["generative"]');
    expect(rt?.metadata.labels?.["opendatahub.io/dashboard"]).toBe("true");
    expect(Object.keys(rt?.metadata.annotations ?? {}).filter((k) => /description|provider/.test(k))).toEqual([]);
    const [v2] = synthChart((chart) => engine(chart, { protocol: "v2" }), { target: { openshiftAI: true } });
    expect(v2?.metadata.annotations?.["opendatahub.io/model-type"]).toBe('["predictive"]');
  });
  itChecksDefaults(
    [
      "InferenceEngineProps.annotations",
      "InferenceEngineProps.labels",
      "InferenceEngineProps.command",
      "InferenceEngineProps.env",
      "InferenceEngineProps.grpcPort",
      "InferenceEngineProps.hardware",
      "InferenceEngineProps.imagePullSecrets",
      "InferenceEngineProps.metrics",
      "InferenceEngineProps.modelLoadingTimeoutMillis",
      "InferenceEngineProps.multiModel",
      "InferenceEngineProps.multiNode",
      "InferenceEngineProps.parameters",
      "InferenceEngineProps.podLabels",
      "InferenceEngineProps.resources",
      "InferenceEngineProps.tensorParallel",
      "InferenceEngineProps.volumes",
      "ModelFormatProps.version",
      "ModelFormatProps.priority",
      "EngineVersionProps.env",
      "ResourcesProps.limits",
      "ResourcesProps.requests",
    ],
    "a minimal engine writes nothing it was not given: a single-model, single-node runtime of one container",
    () => {
      const [rt] = synthChart((chart) => engine(chart));
      expect(rt).toEqual({
        apiVersion: "serving.kserve.io/v1alpha1",
        kind: "ServingRuntime",
        metadata: { labels: { "app.kubernetes.io/managed-by": "kserve-constructs" }, name: "engine", namespace: "models" },
        spec: {
          containers: [
            {
              args: ["--model=/mnt/models", "--port=8080", "--name={{.Name}}"],
              image: "registry.example/engine:1.0.0",
              name: "kserve-container",
              ports: [{ containerPort: 8080, protocol: "TCP" }],
              readinessProbe: { failureThreshold: 3, httpGet: { path: "/v1/models", port: 8080 }, periodSeconds: 10, timeoutSeconds: 5 },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
            },
          ],
          multiModel: false,
          supportedModelFormats: [{ autoSelect: true, name: "my-format" }],
        },
      });
    },
  );
  itChecksDefaults(["InferenceEngineProps.repeatableFlags"], "repeatableFlags none: a flag given twice is an error", () => {
    expect(ruleIds((chart) => engine(chart, { args: ["--max-model-len=4096", "--max-model-len", "8192"] }))).toContain("args/duplicate-flag");
  });
  itChecksDefaults(["VolumeProps.readOnly", "VolumeProps.subPath"], "volumes are mounted writable, the whole volume", () => {
    const [rt] = synthChart((chart) => engine(chart, { volumes: [{ name: "scratch", mountPath: "/scratch", emptyDir: {} }] }));
    expect(container(rt as Manifest)["volumeMounts"]).toEqual([{ mountPath: "/scratch", name: "scratch" }]);
  });
});

describe("InferenceService defaults", () => {
  const manifests = synthChart((chart) => {
    const bucket = ModelStorage.s3(chart, "bucket", { bucket: "models", credentials: { secretName: "creds" } });
    const oci = ModelStorage.oci(chart, "oci", { registry: "quay.io/acme", pullSecret: "quay" });
    new InferenceService(chart, "granite", { engine: engine(chart, { metrics: {} }), model: bucket.path("g/") });
    new InferenceService(chart, "car", { engine: engine(chart, {}, "e2"), model: oci.path("m:1") });
  });
  const isvc = find(manifests, "InferenceService", "granite");
  itChecksDefaults(["InferenceServiceProps.name", "InferenceServiceProps.namespace", "InferenceServiceProps.deploymentMode", "InferenceServiceProps.visibility", "ScalingProps.min"], "name = construct id, namespace = chart namespace, deploymentMode Standard, one replica, cluster-local", () => {
    expect([isvc.metadata.name, isvc.metadata.namespace]).toEqual(["granite", "models"]);
    expect(isvc.metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Standard");
    expect(predictor(isvc)["minReplicas"]).toBe(1);
    expect(isvc.metadata.labels?.["networking.kserve.io/visibility"]).toBe("cluster-local");
  });
  itChecksDefaults(["InferenceServiceProps.pinRuntime", "InferenceServiceProps.modelFormat", "InferenceServiceProps.engineVersion"], "runtime pinned, format = the runtime's only format, engine's default version (no image override)", () => {
    expect(model(isvc)).toMatchObject({ runtime: "engine", modelFormat: { name: "my-format" } });
    expect(model(isvc)["image"]).toBeUndefined();
  });
  itChecksDefaults(["InferenceServiceProps.serviceAccountName", "InferenceServiceProps.imagePullSecrets", "InferenceServiceProps.metrics", "StorageBaseProps.serviceAccountName"], "serviceAccountName from the storage (<name>-sa), pull secrets from the storage, metrics from the engine", () => {
    expect(predictor(isvc)["serviceAccountName"]).toBe("bucket-sa");
    expect(find(manifests, "ServiceAccount").metadata.name).toBe("bucket-sa");
    expect(predictor(find(manifests, "InferenceService", "car"))["imagePullSecrets"]).toEqual([{ name: "quay" }]);
    expect(isvc.metadata.annotations?.["serving.kserve.io/enable-prometheus-scraping"]).toBe("true");
  });
  itChecksDefaults(["InferenceServiceProps.auth", "InferenceServiceProps.displayName"], "auth on and display name = name on OpenShift AI", () => {
    const [, m] = synthChart((chart) => new InferenceService(chart, "g", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/g") }), { target: { openshiftAI: true } });
    expect(m?.metadata.annotations?.["security.opendatahub.io/enable-auth"]).toBe("true");
    expect(m?.metadata.annotations?.["openshift.io/display-name"]).toBe("g");
  });
  itChecksDefaults(
    [
      "InferenceServiceProps.annotations",
      "InferenceServiceProps.args",
      "InferenceServiceProps.canaries",
      "InferenceServiceProps.canaryTrafficPercent",
      "InferenceServiceProps.containerConcurrency",
      "InferenceServiceProps.deploymentStrategy",
      "InferenceServiceProps.env",
      "InferenceServiceProps.hardware",
      "InferenceServiceProps.labels",
      "InferenceServiceProps.logger",
      "InferenceServiceProps.multiNode",
      "InferenceServiceProps.nodeSelector",
      "InferenceServiceProps.parameters",
      "InferenceServiceProps.podAnnotations",
      "InferenceServiceProps.podLabels",
      "InferenceServiceProps.predictorName",
      "InferenceServiceProps.predictorOverrides",
      "InferenceServiceProps.protocolVersion",
      "InferenceServiceProps.replicas",
      "InferenceServiceProps.scaling",
      "InferenceServiceProps.timeoutSeconds",
      "InferenceServiceProps.tolerations",
      "InferenceServiceProps.volumes",
      "ScalingProps.autoscaler",
      "ScalingProps.external",
      "ScalingProps.max",
      "ScalingProps.target",
    ],
    "a minimal InferenceService writes nothing it was not given (one replica, no autoscaler settings, no protocol for an openai-only engine)",
    () => {
      const [, m] = synthChart((chart) => new InferenceService(chart, "g", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/g") }));
      expect(m).toEqual({
        apiVersion: "serving.kserve.io/v1beta1",
        kind: "InferenceService",
        metadata: {
          annotations: { "serving.kserve.io/deploymentMode": "Standard" },
          labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "networking.kserve.io/visibility": "cluster-local" },
          name: "g",
          namespace: "models",
        },
        spec: { predictor: { minReplicas: 1, model: { modelFormat: { name: "my-format" }, runtime: "engine", storageUri: "s3://b/g" } } },
      });
    },
  );
  itChecksDefaults(["InferenceServiceProps.deploymentMode"], "deploymentMode ModelMesh for a multi-model engine", () => {
    const { ModelMeshRuntimes, InferenceEngine } = jest.requireActual<typeof import("kserve-constructs/cdk8s")>("../src/cdk8s");
    const m = synthChart((chart) => new InferenceService(chart, "g", { engine: new InferenceEngine(chart, "mm", ModelMeshRuntimes.mlserver()), model: ModelLocation.fromUri("s3://b/g"), modelFormat: { name: "sklearn", version: "0" } }), { target: { modelMesh: true } });
    expect(find(m, "InferenceService").metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("ModelMesh");
  });
  itChecksDefaults(["InferenceServiceProps.protocolVersion"], "protocolVersion: v2 for the triton format, else the runtime's lowest protocol", () => {
    const triton = synthChart((chart) => new InferenceService(chart, "t", { engine: engine(chart, { protocol: ["v1", "v2"], modelFormats: [{ name: "triton" }] }), model: ModelLocation.fromUri("s3://b/t") }));
    expect(model(find(triton, "InferenceService"))["protocolVersion"]).toBe("v2");
    const v1 = synthChart((chart) => new InferenceService(chart, "s", { engine: engine(chart, { protocol: ["v2", "v1"], modelFormats: [{ name: "sklearn" }] }), model: ModelLocation.fromUri("s3://b/s") }));
    expect(model(find(v1, "InferenceService"))["protocolVersion"]).toBe("v1");
  });
  itChecksDefaults(["CanaryProps.model", "CanaryProps.replicas"], "a canary serves the stable predictor's model with KServe's replica default", () => {
    const m = synthChart((chart) => new InferenceService(chart, "g", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/g"), canaries: [{ name: "next", trafficPercent: 10 }] } as never));
    const spec = find(m, "InferenceService")["spec"] as Obj;
    expect(JSON.stringify(spec)).toContain("s3://b/g");
  });
});

describe("storage, runtime reference and target defaults", () => {
  itChecksDefaults(["PvcStorageProps.claimName", "PvcCreateProps.accessModes", "PvcCreateProps.storageClassName", "StorageBaseProps.name", "StorageBaseProps.namespace"], "PVC: claim name = storage name in the chart's namespace, ReadWriteOnce, the cluster's default storage class", () => {
    const [pvc] = synthChart((chart) => ModelStorage.pvc(chart, "store", { create: { size: "1Gi" } }));
    expect([pvc?.metadata.name, pvc?.metadata.namespace]).toEqual(["store", "models"]);
    expect(pvc?.["spec"]).toEqual({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, volumeMode: "Filesystem" });
  });
  itChecksDefaults(["PvcStorageProps.create"], "PVC without create: the claim exists already (nothing is written)", () => {
    expect(synthChart((chart) => ModelStorage.pvc(chart, "store", { claimName: "models-pvc" }))).toEqual([]);
  });
  itChecksDefaults(["S3StorageProps.annotateSecret", "S3StorageProps.useHttps", "S3StorageProps.verifySsl", "S3StorageProps.endpoint", "S3StorageProps.virtualHostedBuckets", "S3StorageProps.caBundleConfigMap"], "S3: annotateSecret true; endpoint, https, verification, addressing and CA bundle are KServe's defaults and not written", () => {
    const m = synthChart((chart) => ModelStorage.s3(chart, "s", { bucket: "models", region: "r", credentials: { secretName: "c" } }));
    expect(find(m, "Secret").metadata.annotations).toEqual({ "serving.kserve.io/s3-region": "r", ...SECRET_OVERLAY_ANNOTATIONS });
  });
  itChecksDefaults(["S3StorageProps.region", "S3StorageProps.prefix", "GcsStorageProps.prefix", "AzureBlobStorageProps.prefix", "GcsStorageProps.credentialsSecret", "AzureBlobStorageProps.credentialsSecret", "HuggingFaceStorageProps.tokenSecret", "OciStorageProps.pullSecret"], "object stores: paths from the bucket root, no region, no credentials (nothing written)", () => {
    const uris: string[] = [];
    const m = synthChart((chart) => {
      uris.push(String(ModelStorage.s3(chart, "s3", { bucket: "models", credentials: { secretName: "c" } }).path("x/").uri));
      uris.push(String(ModelStorage.gcs(chart, "gcs", { bucket: "models" }).path("x/").uri));
      uris.push(String(ModelStorage.azureBlob(chart, "az", { account: "acct", container: "models" } as never).path("x/").uri));
      uris.push(String(ModelStorage.huggingFace(chart, "hf", {} as never).path("org/m").uri));
      uris.push(String(ModelStorage.oci(chart, "oci", { registry: "quay.io/acme" }).path("m:1").uri));
    });
    expect(uris).toEqual(["s3://models/x/", "gs://models/x/", "https://acct.blob.core.windows.net/models/x/", "hf://org/m", "oci://quay.io/acme/m:1"]);
    expect(m.map((x) => x.kind)).toEqual(["ServiceAccount"]);
    expect(m[0]?.["secrets"]).toEqual([{ name: "c" }]);
  });
  it("ServingRuntime.fromName: a ClusterServingRuntime, single-model", () => {
    const ref = ServingRuntime.fromName("x");
    expect(ref.runtime.kind).toBe("ClusterServingRuntime");
    expect(ref.runtime.declared?.multiModel).toBe(false);
  });
  itChecksDefaults(["ServingRuntimeProps.name", "ServingRuntimeProps.namespace", "ServingRuntimeProps.scope", "ServingRuntimeProps.labels", "ServingRuntimeProps.annotations"], "ServingRuntime: named after the construct, a ServingRuntime in the chart's namespace, only the library's label", () => {
    const [rt] = synthChart((chart) => new ServingRuntime(chart, "raw", { spec: { containers: [{ name: "kserve-container", image: "r/x:1" }], supportedModelFormats: [{ name: "f" }] } }));
    expect(rt?.kind).toBe("ServingRuntime");
    expect(rt?.metadata).toEqual({ name: "raw", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } });
  });
  itChecksDefaults(["TargetProps.kserveVersion", "TargetProps.openshiftAI", "TargetProps.knativeFeatures", "TargetProps.modelMesh", "OpenShiftAIProps.version", "OpenShiftAIProps.applicationsNamespace"], "target: KServe 0.20, no OpenShift AI, no Knative flags, no ModelMesh; OpenShift AI 3.0 in redhat-ods-applications, ModelMesh before 3.0", () => {
    const plain = resolveTarget({}).target;
    expect(plain.kserve).toEqual({ major: 0, minor: 20 });
    expect(plain.openshiftAI).toBeUndefined();
    expect(plain.knativeFeatures.size).toBe(0);
    expect(modelMeshUnavailable(plain, "p", "v", "x")).toHaveLength(1);
    expect(resolveTarget({ openshiftAI: true }).target.openshiftAI).toEqual({ version: { major: 3, minor: 0 }, applicationsNamespace: "redhat-ods-applications", release: expect.objectContaining({ from: "3.0", to: "3.3", kserve: "0.15" }) });
    expect(modelMeshUnavailable(resolveTarget({ openshiftAI: true }).target, "p", "v", "x")).toHaveLength(1);
    expect(modelMeshUnavailable(resolveTarget({ openshiftAI: { version: "2.25" } }).target, "p", "v", "x")).toEqual([]);
  });
  it("synthAtomically writes to ./dist", () => {
    const cwd = process.cwd();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-def-"));
    process.chdir(dir);
    try {
      const result = synthAtomically((app) => new Chart(app, "empty"));
      expect(result.outdir).toBe(path.join(fs.realpathSync(dir), "dist"));
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("accelerator, hardware and preset defaults", () => {
  const { Accelerator, Hardware, HardwareProfile, InferenceEngine } = jest.requireActual<typeof import("kserve-constructs/cdk8s")>("../src/cdk8s");
  it("accelerator counts: min 1 (0 for CPU), default = min, no max; custom accelerators", () => {
    expect(Accelerator.amd().counts).toEqual({ min: 1, default: 1 });
    expect(Accelerator.cpu().counts).toEqual({ min: 0, default: 0 });
    expect(Accelerator.nvidia({ min: 2 }).counts).toEqual({ min: 2, default: 2 });
    expect(Accelerator.spyre().key).toBe("spyre");
    expect(Accelerator.nvidia()).toMatchObject({ nodeSelector: {}, resourceName: "nvidia.com/gpu" });
    expect(Accelerator.nvidia().runtimeClassName).toBeUndefined();
    expect(Accelerator.gaudi().env).toEqual({});
    expect(Accelerator.custom({ key: "x", resourceName: "example.com/x" })).toMatchObject({ displayName: "x", env: {}, volumes: [], architectures: ["amd64"], kserveKnownGpu: false });
    expect(Accelerator.custom({ key: "x", resourceName: "example.com/x" }).schedulerName).toBeUndefined();
  });
  itChecksDefaults(
    ["HardwareProfileProps.displayName", "HardwareProfileProps.description", "HardwareProfileProps.accelerator", "HardwareProfileProps.cpu", "HardwareProfileProps.memory", "HardwareProfileProps.identifiers", "HardwareProfileProps.queueScheduling", "HardwareRequestProps.accelerators", "HardwareRequestProps.memory"],
    "hardware profile: display name = name, nothing offered unless given; requests take the profile's defaults",
    () => {
      const manifests = synthChart(
        (chart) => {
          const p = new HardwareProfile(chart, "plain");
          new HardwareProfile(chart, "gpu", { accelerator: Accelerator.nvidia({ default: 2, max: 4 }), memory: { min: "8Gi", default: "16Gi" } });
          new InferenceService(chart, "m", { engine: engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } }, multiGpu: true }), model: ModelLocation.fromUri("s3://b/m"), hardware: { profile: synthProfile(chart) } });
          void p;
        },
        { target: { openshiftAI: true } },
      );
      const plain = find(manifests, "HardwareProfile", "plain");
      expect(plain.metadata.annotations?.["opendatahub.io/display-name"]).toBe("plain");
      expect(plain.metadata.annotations?.["opendatahub.io/description"]).toBeUndefined();
      expect(plain["spec"]).toEqual({ identifiers: [] });
      expect(model(find(manifests, "InferenceService"))["resources"]).toEqual({
        requests: { memory: "16Gi", "nvidia.com/gpu": 2 },
        limits: { memory: "16Gi", "nvidia.com/gpu": 2 },
      });
      function synthProfile(chart: Chart) {
        return (chart.node.findChild("gpu") as InstanceType<typeof HardwareProfile>).profile;
      }
    },
  );
  itChecksDefaults(["HardwareProfileProps.name", "HardwareProfileProps.namespace", "HardwareProfileProps.visibleIn", "HardwareProfileProps.disabled", "HardwareProfileProps.nodeScheduling", "HardwareIdentifierProps.displayName", "HardwareIdentifierProps.resourceType"], "hardware profile: in the applications namespace, for model serving, enabled, scheduled by the accelerator's tolerations; identifiers named after themselves, no resource type", () => {
    const [p] = synthChart((chart) => new HardwareProfile(chart, "gpu", { accelerator: Accelerator.nvidia(), identifiers: [{ identifier: "example.com/fpga", min: 1, default: 1 }] } as never), { target: { openshiftAI: true } });
    expect([p?.metadata.name, p?.metadata.namespace]).toEqual(["gpu", "redhat-ods-applications"]);
    expect(p?.metadata.annotations).toMatchObject({ "opendatahub.io/dashboard-feature-visibility": '["model-serving"]', "opendatahub.io/disabled": "false" });
    const spec = p?.["spec"] as Obj;
    expect(spec["scheduling"]).toEqual({ node: { tolerations: [{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }] }, type: "Node" });
    expect((spec["identifiers"] as Obj[]).find((i) => i["identifier"] === "example.com/fpga")).toEqual({ defaultCount: 1, displayName: "example.com/fpga", identifier: "example.com/fpga", minCount: 1 });
  });
  itChecksDefaults(["HardwareRequestProps.shmSize"], "shm: 2Gi per accelerator, at most half the memory limit", () => {
    const m = synthChart(
      (chart) => {
        const p = new HardwareProfile(chart, "gpu", { accelerator: Accelerator.nvidia({ default: 2, max: 4 }), memory: { min: "4Gi", default: "16Gi" } });
        new InferenceService(chart, "a", { engine: engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } }, multiGpu: true }), model: ModelLocation.fromUri("s3://b/m"), hardware: p.request() });
        new InferenceService(chart, "b", { engine: engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } }, multiGpu: true }, "e2"), model: ModelLocation.fromUri("s3://b/m"), hardware: p.request({ memory: "6Gi" } as never) });
      },
      { target: { openshiftAI: true } },
    );
    expect(predictor(find(m, "InferenceService", "a"))["volumes"]).toEqual([{ emptyDir: { medium: "Memory", sizeLimit: "4Gi" }, name: "shm" }]);
    expect(predictor(find(m, "InferenceService", "b"))["volumes"]).toEqual([{ emptyDir: { medium: "Memory", sizeLimit: "3Gi" }, name: "shm" }]);
  });
  it("Hardware.accelerator: the accelerator's default count and scheduling", () => {
    const [m] = synthChart((chart) => new InferenceService(chart, "m", { engine: engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } } }), model: ModelLocation.fromUri("s3://b/m"), hardware: Hardware.accelerator(Accelerator.nvidia()) })).filter((x) => x.kind === "InferenceService");
    expect(predictor(m as Manifest)["tolerations"]).toEqual([{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }]);
    expect((model(m as Manifest)["resources"] as Obj)["limits"]).toEqual({ "nvidia.com/gpu": 1 });
  });
  itChecksDefaults(["EngineMultiNodeProps.pipelineParallelSize", "EngineMultiNodeProps.tensorParallelSize", "EngineMultiNodeProps.command", "EngineMultiNodeProps.args", "EngineMultiNodeProps.executorBackend", "EngineMultiNodeProps.env"], "engine multiNode: pipeline 2, tensor 1, the head's command and args, no env, Ray (no executor annotation)", () => {
    const [rt] = synthChart((chart) => engine(chart, { command: ["serve"], multiNode: {} }));
    const spec = rt?.["spec"] as Obj;
    expect(spec["annotations"]).toBeUndefined();
    expect(spec["workerSpec"]).toMatchObject({ pipelineParallelSize: 2, tensorParallelSize: 1, containers: [{ name: "worker-container", command: ["serve"], args: ["--model=/mnt/models", "--port=8080", "--name={{.Name}}"] }] });
    expect(((spec["workerSpec"] as Obj)["containers"] as Obj[])[0]?.["env"]).toBeUndefined();
  });
  itChecksDefaults(["VllmPresetProps.version", "VllmPresetProps.resources", "VllmPresetProps.multiNode"], "vLLM preset: version from the image tag; no resources unless multi-node", () => {
    const [rt] = synthChart((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "amd", image: "docker.io/rocm/vllm:v0.10.1" }), { target: { openshiftAI: true } });
    expect(rt?.metadata.annotations?.["opendatahub.io/runtime-version"]).toBe("v0.10.1");
    expect(container(rt as Manifest)["resources"]).toBeUndefined();
    expect((rt?.["spec"] as Obj)["workerSpec"]).toBeUndefined();
    const [mn] = synthChart((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "nvidia", multiNode: true }));
    expect(container(mn as Manifest)["resources"]).toEqual({ requests: { cpu: "8", memory: "24Gi" }, limits: { cpu: "16", memory: "48Gi" } });
  });
  itChecksDefaults(["VllmPresetProps.image", "VllmPresetProps.version", "VllmPresetProps.env", "VllmPresetProps.extraArgs", "VllmPresetProps.hardware", "PresetRuntimeProps.name", "PresetRuntimeProps.namespace", "PresetRuntimeProps.scope", "PresetRuntimeProps.labels", "PresetRuntimeProps.annotations", "PresetRuntimeProps.imagePullSecrets"], "vLLM preset on NVIDIA: the vllm-openai image at v0.12.0, no env, no extra args; a ServingRuntime named after the construct, nothing else added", () => {
    const [rt] = synthChart((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "nvidia" }));
    expect([rt?.kind, rt?.metadata.name, rt?.metadata.namespace]).toEqual(["ServingRuntime", "v", "models"]);
    expect(rt?.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs" });
    expect(rt?.metadata.annotations).toBeUndefined();
    expect((rt?.["spec"] as Obj)["imagePullSecrets"]).toBeUndefined();
    expect(container(rt as Manifest)["image"]).toBe("docker.io/vllm/vllm-openai:v0.12.0");
    expect(container(rt as Manifest)["env"]).toEqual([{ name: "HF_HOME", value: "/tmp/hf_home" }]);
    expect(container(rt as Manifest)["args"]).toEqual(["--port=8080", "--model=/mnt/models", "--served-model-name={{.Name}}"]);
    expect(Object.keys(rt?.["spec"] as Obj).sort()).toEqual(["annotations", "containers", "multiModel", "supportedModelFormats"]);
  });
});

describe("NIM defaults", () => {
  const { Nim, NimAccount, KServeTarget } = jest.requireActual<typeof import("kserve-constructs/cdk8s")>("../src/cdk8s");
  const { NIM_MODELS } = jest.requireActual<typeof import("../src/core/nim/catalogue")>("../src/core/nim/catalogue");
  const ngc = { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" };
  const version = NIM_MODELS["llama-3.1-8b-instruct"].version;
  const manifests = synthChart((chart) => new Nim(chart, "llama", { model: "llama-3.1-8b-instruct", ngc }));
  const isvc = find(manifests, "InferenceService");
  const runtime = find(manifests, "ClusterServingRuntime");
  itChecksDefaults(
    ["NimProps.name", "NimProps.namespace", "NimProps.platform", "NimProps.deploymentMode", "NimProps.visibility", "NimProps.labels", "NimProps.annotations", "NimProps.replicas", "NimProps.scaling"],
    "a KServe InferenceService named after the construct, Standard, cluster-local, one replica, only the library's labels and annotations",
    () => {
      expect([isvc.metadata.name, isvc.metadata.namespace]).toEqual(["llama", "models"]);
      expect(isvc.metadata.annotations).toEqual({ "serving.kserve.io/deploymentMode": "Standard", "serving.kserve.io/enable-prometheus-scraping": "true" });
      expect(isvc.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs", "networking.kserve.io/visibility": "cluster-local" });
      expect([predictor(isvc)["minReplicas"], predictor(isvc)["maxReplicas"], predictor(isvc)["scaleMetric"], predictor(isvc)["scaleTarget"]]).toEqual([1, 1, undefined, undefined]);
    },
  );
  itChecksDefaults(["NimProps.runtime", "NimProps.runtimeScope", "NimProps.version"], "a ClusterServingRuntime for the model at the catalogue's version", () => {
    expect(runtime.metadata.name).toBe(`nvidia-nim-llama-3.1-8b-instruct-${version}`);
    expect(container(runtime)["image"]).toBe(`nvcr.io/nim/meta/llama-3.1-8b-instruct:${version}`);
    expect(model(isvc)["runtime"]).toBe(runtime.metadata.name);
  });
  itChecksDefaults(["NimProps.hardware", "NimProps.accelerators", "NimProps.profile", "NimProps.cache", "NimNgcProps.hfTokenSecret"], "one NVIDIA GPU without a profile, NIM's automatic profile, an emptyDir cache, no Hugging Face token", () => {
    expect(model(isvc)["resources"]).toEqual({ limits: { "nvidia.com/gpu": 1 }, requests: { "nvidia.com/gpu": 1 } });
    expect(predictor(isvc)["tolerations"]).toEqual([{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }]);
    expect(Object.keys(isvc.metadata.annotations ?? {}).filter((k) => k.includes("hardware-profile"))).toEqual([]);
    const env = [...((container(runtime)["env"] as Obj[]) ?? []), ...((model(isvc)["env"] as Obj[]) ?? [])].map((e) => e["name"]);
    expect(env).not.toContain("NIM_MODEL_PROFILE");
    expect(env).not.toContain("HF_TOKEN");
    expect(predictor(isvc)["volumes"]).toEqual([{ emptyDir: {}, name: "nim-cache" }]);
  });
  itChecksDefaults(["NimProps.scaling"], "Knative: concurrency 10 (NVIDIA's recipe)", () => {
    const m = synthChart((chart) => new Nim(chart, "kn", { model: "llama-3.1-8b-instruct", ngc, deploymentMode: "Knative" }), { target: { knativeFeatures: ["kubernetes.podspec-tolerations"] } });
    expect([predictor(find(m, "InferenceService"))["scaleMetric"], predictor(find(m, "InferenceService"))["scaleTarget"]]).toEqual(["concurrency", 10]);
  });
  itChecksDefaults(["NimCacheProps.claimName", "NimCacheProps.readOnly", "NimCacheProps.prefilled", "NimCacheProps.downloadJob"], "a cache with create: a new claim <name>-cache, mounted writable, not prefilled, no download Job", () => {
    const m = synthChart((chart) => new Nim(chart, "c", { model: "llama-3.1-8b-instruct", ngc, cache: { create: { size: "50Gi" } } }));
    expect(m.map((x) => x.kind).sort()).toEqual(["ClusterServingRuntime", "InferenceService", "PersistentVolumeClaim"]);
    expect(find(m, "PersistentVolumeClaim").metadata.name).toBe("c-cache");
    expect(model(find(m, "InferenceService"))["storageUri"]).toBe("pvc://c-cache/");
    expect(find(m, "InferenceService").metadata.annotations?.["storage.kserve.io/readonly"]).toBe("false");
  });
  itChecksDefaults(["NimCacheProps.accessModes"], "an existing cache claim's access modes are unknown: several replicas are not checked against them", () => {
    const cache = { claimName: "nim-cache" };
    expect(synthChart((chart) => new Nim(chart, "c", { model: "llama-3.1-8b-instruct", ngc, cache, replicas: 2 })).map((m) => m.kind).sort()).toEqual(["ClusterServingRuntime", "InferenceService"]);
    expect(ruleIds((chart) => new Nim(chart, "c", { model: "llama-3.1-8b-instruct", ngc, cache: { ...cache, accessModes: ["ReadWriteOnce"] }, replicas: 2 }))).toEqual(["nim/cache-rwx"]);
  });
  itChecksDefaults(["NimCacheProps.emptyDirSize"], "an emptyDir cache has no size limit", () => {
    const m = synthChart((chart) => new Nim(chart, "e", { model: "llama-3.1-8b-instruct", ngc, cache: {} }));
    expect(predictor(find(m, "InferenceService"))["volumes"]).toEqual([{ emptyDir: {}, name: "nim-cache" }]);
  });
  itChecksDefaults(["NimAccountProps.name", "NimAccountProps.namespace", "NimAccountProps.validationRefreshRate", "NimAccountProps.nimConfigRefreshRate"], "NIM Account: named after the construct, in OpenShift AI's applications namespace, refresh rates left to OpenShift AI", () => {
    const [a] = synthChart((chart) => new NimAccount(chart, "acct", { apiKeySecret: "ngc" }), { target: { openshiftAI: true } });
    expect(a).toEqual({ apiVersion: "nim.opendatahub.io/v1", kind: "Account", metadata: { labels: { "app.kubernetes.io/managed-by": "kserve-constructs" }, name: "acct", namespace: "redhat-ods-applications" }, spec: { apiKeySecret: { name: "ngc" } } });
  });
  void KServeTarget;
});

describe("the target defaults to the app's", () => {
  const cdk = jest.requireActual<typeof import("kserve-constructs/cdk8s")>("../src/cdk8s");
  itChecksDefaults(
    ["InferenceEngineProps.target", "InferenceServiceProps.target", "HardwareProfileProps.target", "NimAccountProps.target", "NimProps.target", "ModelMeshNamespaceProps.target", "ModelMeshNamespaceProps.labels", "PresetRuntimeProps.target", "ModelFleetProps.target", "InferenceEngineProps.args"],
    "constructs without a target of their own follow the app's (OpenShift AI 2.25 here): its annotations, namespaces and modes",
    () => {
      const manifests = synthChart(
        (chart) => {
          const e = new cdk.InferenceEngine(chart, "engine", { versions: { "1.0.0": { image: { cpu: "registry.example/engine:1.0.0" } } }, protocol: "openai", modelFormats: [{ name: "my-format" }] });
          new InferenceService(chart, "g", { engine: e, model: ModelLocation.fromUri("s3://b/g") });
          new cdk.HardwareProfile(chart, "hp");
          new cdk.NimAccount(chart, "acct", { apiKeySecret: "ngc" });
          new cdk.Nim(chart, "llama", { model: "llama-3.1-8b-instruct", ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" } });
          new cdk.ModelMeshNamespace(chart, "ns", { name: "mm" });
          cdk.InferenceEngine.vllm(chart, "v", { accelerator: "nvidia" });
          const mm = new cdk.InferenceEngine(chart, "mlserver", cdk.ModelMeshRuntimes.mlserver({ modelFormats: [{ name: "sklearn", version: "0" }] }));
          new cdk.ModelFleet(chart, "fleet", { engine: mm, models: [{ name: "churn", location: ModelLocation.fromUri("s3://b/c/") }] });
        },
        { target: { openshiftAI: { version: "2.25" } } },
      );
      const engineRuntime = find(manifests, "ServingRuntime", "engine");
      expect(engineRuntime.metadata.annotations?.["openshift.io/display-name"]).toBe("engine");
      expect(container(engineRuntime)["args"]).toBeUndefined();
      expect(find(manifests, "InferenceService", "g").metadata.annotations).toEqual({ "openshift.io/display-name": "g", "security.opendatahub.io/enable-auth": "true", "serving.kserve.io/deploymentMode": "RawDeployment" });
      expect(find(manifests, "HardwareProfile", "hp").metadata.namespace).toBe("redhat-ods-applications");
      expect(find(manifests, "Account", "acct").metadata.namespace).toBe("redhat-ods-applications");
      expect(find(manifests, "InferenceService", "llama").metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("RawDeployment");
      expect(manifests.some((m) => m.kind === "ServingRuntime" && m.metadata.annotations?.["runtimes.opendatahub.io/nvidia-nim"] === "true")).toBe(true);
      expect(find(manifests, "Namespace", "mm").metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "kserve-constructs", "modelmesh-enabled": "true", "opendatahub.io/dashboard": "true" });
      expect(find(manifests, "ServingRuntime", "v").metadata.annotations?.["opendatahub.io/runtime-version"]).toBe("v0.12.0");
      expect(find(manifests, "InferenceService", "churn").metadata.annotations).toEqual({ "openshift.io/display-name": "churn", "serving.kserve.io/deploymentMode": "ModelMesh" });
    },
  );
});

describe("InferenceService scaling, logging, rollout and multi-node defaults", () => {
  const cdk = jest.requireActual<typeof import("kserve-constructs/cdk8s")>("../src/cdk8s");
  const PROM = "http://prometheus.monitoring.svc:9090";
  const svc = (props: Partial<import("kserve-constructs").InferenceServiceProps>, target?: import("kserve-constructs").TargetProps): Manifest =>
    find(synthChart((chart) => new InferenceService(chart, "g", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/g"), ...props }), target ? { target } : {}), "InferenceService");

  itChecksDefaults(["ScalingProps.metric", "ScalingProps.metricType"], "the metric is left to KServe (cpu with the HPA, concurrency with Knative): no scaleMetric or scaleMetricType is written", () => {
    expect(predictor(svc({ scaling: { min: 1, max: 3, target: 70 } }))).toMatchObject({ minReplicas: 1, maxReplicas: 3, scaleTarget: 70 });
    expect([predictor(svc({ scaling: { min: 1, max: 3, target: 70 } }))["scaleMetric"], predictor(svc({ scaling: { min: 1, max: 3, target: 70 } }))["scaleMetricType"]]).toEqual([undefined, undefined]);
    const knative = svc({ deploymentMode: "Knative", scaling: { min: 1, max: 3, target: 10 } });
    expect([predictor(knative)["scaleTarget"], predictor(knative)["scaleMetric"]]).toEqual([10, undefined]);
    expect(predictor(svc({ scaling: { min: 1, max: 3, target: 2, metric: "memory", metricType: "AverageValue" } }))).toMatchObject({ scaleMetric: "memory", scaleMetricType: "AverageValue", scaleTarget: 2 });
  });

  itChecksDefaults(["ScalingProps.metric", "ScalingProps.metricType"], "with the keda autoscaler a target alone scales on cpu utilization (rendered as an autoScaling metric)", () => {
    expect(predictor(svc({ scaling: { min: 1, max: 3, autoscaler: "keda", target: 70 } }))["autoScaling"]).toEqual({ metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] });
    expect(predictor(svc({ scaling: { min: 1, max: 3, autoscaler: "keda", metric: "memory", target: 70 } }))["autoScaling"]).toEqual({ metrics: [{ type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: 70 } } }] });
    expect(predictor(svc({ scaling: { min: 1, max: 3, autoscaler: "keda" } }))["autoScaling"]).toBeUndefined();
  });

  itChecksDefaults(["ExternalMetricProps.threshold", "ExternalMetricProps.namespace", "ExternalMetricProps.authentication"], "KEDA triggers on the engine's metrics: 10 waiting requests or 0.8 KV-cache usage per replica, no tenant namespace, no authentication", () => {
    const metrics = (predictor(svc({ scaling: { min: 1, max: 3, autoscaler: "keda", external: [{ metric: "vllm-waiting-requests", serverAddress: PROM }, { metric: "vllm-kv-cache-usage", serverAddress: PROM }] } }))["autoScaling"] as { metrics: { external: Obj }[] }).metrics;
    expect(metrics.map((m) => m.external)).toEqual([
      { metric: { backend: "prometheus", query: 'sum(vllm:num_requests_waiting{namespace="models",pod=~"g-predictor-.*"})', serverAddress: PROM }, target: { type: "Value", value: "10" } },
      { metric: { backend: "prometheus", query: 'sum(vllm:kv_cache_usage_perc{namespace="models",pod=~"g-predictor-.*"})', serverAddress: PROM }, target: { type: "Value", value: "0.8" } },
    ]);
    expect(ruleIds((chart) => new InferenceService(chart, "g", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/g"), scaling: { min: 1, autoscaler: "keda", external: [{ metric: { query: "sum(up)" }, serverAddress: PROM }] } }))).toEqual(["isvc/keda-external-threshold"]);
  });

  itChecksDefaults(["LoggerProps.url", "DeploymentStrategyProps.rollingUpdate"], "a logger without a URL uses the cluster's; a RollingUpdate without bounds Kubernetes': neither is written", () => {
    const p = predictor(svc({ logger: { mode: "all" }, deploymentStrategy: { type: "RollingUpdate" } }));
    expect([p["logger"], p["deploymentStrategy"]]).toEqual([{ mode: "all" }, { type: "RollingUpdate" }]);
    const given = predictor(svc({ logger: { mode: "request", url: "http://sink.logging" }, deploymentStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } }));
    expect([given["logger"], given["deploymentStrategy"]]).toEqual([{ mode: "request", url: "http://sink.logging" }, { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } }]);
  });

  itChecksDefaults(["MultiNodeProps.pipelineParallelSize", "MultiNodeProps.tensorParallelSize"], "multi-node: the runtime's pipeline size, the devices each pod requests", () => {
    const gpus = cdk.Hardware.accelerator(cdk.Accelerator.nvidia({ max: 8 }), { accelerators: 2 });
    const out = synthChart((chart) => {
      const e = engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } }, multiGpu: true, multiNode: { pipelineParallelSize: 3 } });
      const claim = ModelStorage.pvc(chart, "store", { claimName: "models" });
      new InferenceService(chart, "g", { engine: e, model: claim.path("g"), hardware: gpus, multiNode: {} });
      new InferenceService(chart, "h", { engine: e, model: claim.path("g"), hardware: gpus, multiNode: { pipelineParallelSize: 2, tensorParallelSize: 2 } });
    });
    expect(predictor(find(out, "InferenceService", "g"))["workerSpec"]).toMatchObject({ pipelineParallelSize: 3, tensorParallelSize: 2 });
    expect(predictor(find(out, "InferenceService", "h"))["workerSpec"]).toMatchObject({ pipelineParallelSize: 2, tensorParallelSize: 2 });
  });

  itChecksDefaults(["InferenceServiceProps.resources"], "the model container takes the engine's resources (written on the runtime, none on the InferenceService); given ones are written", () => {
    const out = synthChart((chart) => {
      const e = engine(chart, { resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "1", memory: "2Gi" } } });
      new InferenceService(chart, "g", { engine: e, model: ModelLocation.fromUri("s3://b/g") });
      new InferenceService(chart, "h", { engine: e, model: ModelLocation.fromUri("s3://b/g"), resources: { limits: { memory: "4Gi" } } });
    });
    expect(container(find(out, "ServingRuntime"))["resources"]).toEqual({ requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "1", memory: "2Gi" } });
    expect(model(find(out, "InferenceService", "g"))["resources"]).toBeUndefined();
    expect(model(find(out, "InferenceService", "h"))["resources"]).toEqual({ limits: { memory: "4Gi" } });
  });

  itChecksDefaults(["TensorParallelProps.arg", "TensorParallelProps.env"], "tensorParallel without a flag or variable passes the device count nowhere", () => {
    const gpus = cdk.Hardware.accelerator(cdk.Accelerator.nvidia({ max: 8 }), { accelerators: 2 });
    const out = synthChart((chart) => {
      const none = engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } }, multiGpu: true, tensorParallel: {} }, "none");
      const both = engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } }, multiGpu: true, tensorParallel: { arg: "--tp", env: "TP" } }, "both");
      new InferenceService(chart, "g", { engine: none, model: ModelLocation.fromUri("s3://b/g"), hardware: gpus });
      new InferenceService(chart, "h", { engine: both, model: ModelLocation.fromUri("s3://b/g"), hardware: gpus });
    });
    expect([model(find(out, "InferenceService", "g"))["args"], model(find(out, "InferenceService", "g"))["env"]]).toEqual([undefined, undefined]);
    expect([model(find(out, "InferenceService", "h"))["args"], model(find(out, "InferenceService", "h"))["env"]]).toEqual([["--tp=2"], [{ name: "TP", value: "2" }]]);
  });
});

describe("hardware, claim and runtime target defaults", () => {
  const cdk = jest.requireActual<typeof import("kserve-constructs/cdk8s")>("../src/cdk8s");

  itChecksDefaults(["HardwareRequestProps.cpu"], "a request takes the profile's default CPU", () => {
    const out = synthChart((chart) => {
      const p = new cdk.HardwareProfile(chart, "p", { cpu: { min: "1", default: "4", max: "16" } });
      new InferenceService(chart, "g", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/g"), hardware: p.request() });
      new InferenceService(chart, "h", { engine: engine(chart, {}, "e2"), model: ModelLocation.fromUri("s3://b/g"), hardware: p.request({ cpu: "2" }) });
    }, { target: { openshiftAI: true } });
    expect(model(find(out, "InferenceService", "g"))["resources"]).toEqual({ requests: { cpu: "4" }, limits: { cpu: "4" } });
    expect(model(find(out, "InferenceService", "h"))["resources"]).toEqual({ requests: { cpu: "2" }, limits: { cpu: "2" } });
  });

  itChecksDefaults(["NodeSchedulingProps.nodeSelector", "NodeSchedulingProps.tolerations", "QueueSchedulingProps.priorityClass"], "node scheduling adds no node labels or tolerations of its own (the accelerator's stay); queue scheduling no priority class", () => {
    const out = synthChart((chart) => {
      new cdk.HardwareProfile(chart, "node", { accelerator: cdk.Accelerator.nvidia(), nodeScheduling: {} });
      new cdk.HardwareProfile(chart, "own", { accelerator: cdk.Accelerator.nvidia(), nodeScheduling: { nodeSelector: { pool: "gpu" }, tolerations: [{ key: "team", operator: "Exists", effect: "NoSchedule" }] } });
      new cdk.HardwareProfile(chart, "queue", { queueScheduling: { localQueue: "gpus" } });
    }, { target: { openshiftAI: true } });
    const scheduling = (name: string): unknown => (find(out, "HardwareProfile", name)["spec"] as Obj)["scheduling"];
    expect(scheduling("node")).toEqual({ type: "Node", node: { tolerations: [{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }] } });
    expect(scheduling("own")).toEqual({ type: "Node", node: { nodeSelector: { pool: "gpu" }, tolerations: [{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }, { effect: "NoSchedule", key: "team", operator: "Exists" }] } });
    expect(scheduling("queue")).toEqual({ type: "Queue", kueue: { localQueueName: "gpus" } });
  });

  itChecksDefaults(["PvcStorageProps.accessModes"], "an existing claim's access modes are unknown: several replicas are not checked against them", () => {
    const two = (storage: ReturnType<typeof ModelStorage.pvc>) => (chart: Chart) => new InferenceService(chart, "g", { engine: engine(chart), model: storage.path("m"), scaling: { min: 2, max: 2 } });
    expect(synthChart((chart) => two(ModelStorage.pvc(chart, "store", { claimName: "models" }))(chart)).map((m) => m.kind)).toEqual(["ServingRuntime", "InferenceService"]);
    expect(ruleIds((chart) => two(ModelStorage.pvc(chart, "store", { claimName: "models", accessModes: ["ReadWriteOncePod"] }))(chart))).toEqual(["isvc/pvc-replicas"]);
  });

  itChecksDefaults(["ServingRuntimeProps.target"], "a ServingRuntime is checked against the app's target, or its own", () => {
    const spec = { containers: [{ name: "kserve-container", image: "r/x:1" }], supportedModelFormats: [{ name: "f" }], schedulerName: "volcano" };
    expect(ruleIds((chart) => new ServingRuntime(chart, "raw", { spec }), { target: { kserveVersion: "0.15" } })).toEqual(["target/feature-runtime-scheduler-name"]);
    expect(synthChart((chart) => new ServingRuntime(chart, "raw", { spec, target: { kserveVersion: "0.17" } }), { target: { kserveVersion: "0.15" } }).map((m) => m.kind)).toEqual(["ServingRuntime"]);
  });
});

describe("storage target", () => {
  itChecksDefaults(["StorageBaseProps.target"], "a storage is checked against the app's target unless it gives its own; its objects do not depend on it", () => {
    const plain = synthChart((chart) => void ModelStorage.s3(chart, "minio", { bucket: "models", endpoint: "https://minio:9000", credentials: { secretName: "creds" } }), { target: { kserveVersion: "0.15" } });
    const own = synthChart((chart) => void ModelStorage.s3(chart, "minio", { bucket: "models", endpoint: "https://minio:9000", credentials: { secretName: "creds" }, target: { openshiftAI: { version: "3.4" } } }), { target: { kserveVersion: "0.15" } });
    expect(own).toEqual(plain);
    expect(ruleIds((chart) => void ModelStorage.s3(chart, "minio", { bucket: "models", credentials: { secretName: "creds" } }), { target: { kserveVersion: "banana" } })).toEqual(["target/version"]);
    expect(ruleIds((chart) => void ModelStorage.s3(chart, "minio", { bucket: "models", credentials: { secretName: "creds" }, target: { kserveVersion: "banana" } }))).toEqual(["target/version"]);
  });
});

