/**
 * Every documented @default with a concrete value, checked against what the library does.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Chart } from "cdk8s";
import { InferenceService, ModelLocation, ModelStorage, SECRET_OVERLAY_ANNOTATIONS, ServingRuntime, resolveTarget, synthAtomically } from "kserve-constructs/cdk8s";
import type { Manifest } from "kserve-constructs";
import { engine } from "./support/fixtures";
import { find, synthChart } from "./support/synth";

function container(runtime: Manifest): Record<string, unknown> {
  return ((runtime["spec"] as Record<string, unknown>)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;
}
function predictor(isvc: Manifest): Record<string, unknown> {
  return (isvc["spec"] as Record<string, Record<string, unknown>>)["predictor"] as Record<string, unknown>;
}

describe("InferenceEngine defaults", () => {
  const manifests = synthChart((chart) => engine(chart, { metrics: {} }));
  const runtime = find(manifests, "ServingRuntime");
  it("name = construct id, namespace = chart namespace, scope = namespace (ServingRuntime)", () => {
    expect([runtime.kind, runtime.metadata.name, runtime.metadata.namespace]).toEqual(["ServingRuntime", "engine", "models"]);
  });
  it("port 8080, defaultVersion = the only version, runtimeImage = cpu", () => {
    expect(container(runtime)["ports"]).toEqual([{ containerPort: 8080, protocol: "TCP" }]);
    expect(container(runtime)["image"]).toBe("registry.example/engine:1.0.0");
  });
  it("readiness on with the protocol's path and 10s period / 5s timeout / 3 failures; liveness and startup off", () => {
    expect(container(runtime)["readinessProbe"]).toEqual({ httpGet: { path: "/v1/models", port: 8080 }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
    expect(container(runtime)["livenessProbe"]).toBeUndefined();
    expect(container(runtime)["startupProbe"]).toBeUndefined();
  });
  it("startup probes default to 60 failures", () => {
    const [rt] = synthChart((chart) => engine(chart, { startup: {} }));
    expect((container(rt as Manifest)["startupProbe"] as Record<string, unknown>)["failureThreshold"]).toBe(60);
  });
  it("formats autoSelect true; metrics path /metrics on the container port", () => {
    expect((runtime["spec"] as Record<string, unknown>)["supportedModelFormats"]).toEqual([{ name: "my-format", autoSelect: true }]);
    expect((runtime["spec"] as Record<string, unknown>)["annotations"]).toEqual({ "prometheus.kserve.io/path": "/metrics", "prometheus.kserve.io/port": "8080" });
  });
  it("security: no escalation, no capabilities, RuntimeDefault seccomp, runAsNonRoot", () => {
    expect(container(runtime)["securityContext"]).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
  });
  it("enforceParameters false, multiGpu false", () => {
    const e = engine(new Chart(new (jest.requireActual<typeof import("cdk8s")>("cdk8s").App)(), "c"));
    expect(e.runtime.engine?.enforceParameters).toBe(false);
    expect(e.runtime.engine?.multiGpu).toBe(false);
  });
  it("OpenShift AI: display name = runtime name, model type from protocol, listed in the dashboard", () => {
    const [rt] = synthChart((chart) => engine(chart), { target: { openshiftAI: true } });
    expect(rt?.metadata.annotations?.["openshift.io/display-name"]).toBe("engine");
    expect(rt?.metadata.annotations?.["opendatahub.io/model-type"]).toBe('["generative"]');
    expect(rt?.metadata.labels?.["opendatahub.io/dashboard"]).toBe("true");
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
  it("name = construct id, namespace = chart namespace, deploymentMode Standard, one replica, cluster-local", () => {
    expect([isvc.metadata.name, isvc.metadata.namespace]).toEqual(["granite", "models"]);
    expect(isvc.metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Standard");
    expect(predictor(isvc)["minReplicas"]).toBe(1);
    expect(isvc.metadata.labels?.["networking.kserve.io/visibility"]).toBe("cluster-local");
  });
  it("runtime pinned, format = the runtime's only format, engine's default version (no image override)", () => {
    expect(predictor(isvc)["model"]).toMatchObject({ runtime: "engine", modelFormat: { name: "my-format" } });
    expect((predictor(isvc)["model"] as Record<string, unknown>)["image"]).toBeUndefined();
  });
  it("serviceAccountName from the storage (<name>-sa), pull secrets from the storage, metrics from the engine", () => {
    expect(predictor(isvc)["serviceAccountName"]).toBe("bucket-sa");
    expect(predictor(find(manifests, "InferenceService", "car"))["imagePullSecrets"]).toEqual([{ name: "quay" }]);
    expect(isvc.metadata.annotations?.["serving.kserve.io/enable-prometheus-scraping"]).toBe("true");
  });
  it("auth on and display name = name on OpenShift AI", () => {
    const [, m] = synthChart((chart) => new InferenceService(chart, "g", { engine: engine(chart), model: ModelLocation.fromUri("s3://b/g") }), { target: { openshiftAI: true } });
    expect(m?.metadata.annotations?.["security.opendatahub.io/enable-auth"]).toBe("true");
    expect(m?.metadata.annotations?.["openshift.io/display-name"]).toBe("g");
  });
});

describe("storage, runtime reference and target defaults", () => {
  it("PVC: claim name = storage name, ReadWriteOnce", () => {
    const [pvc] = synthChart((chart) => ModelStorage.pvc(chart, "store", { create: { size: "1Gi" } }));
    expect(pvc?.metadata.name).toBe("store");
    expect((pvc?.["spec"] as Record<string, unknown>)["accessModes"]).toEqual(["ReadWriteOnce"]);
  });
  it("S3: annotateSecret true; https and verification are KServe's defaults and not written", () => {
    const m = synthChart((chart) => ModelStorage.s3(chart, "s", { bucket: "models", region: "r", credentials: { secretName: "c" } }));
    expect(find(m, "Secret").metadata.annotations).toEqual({ "serving.kserve.io/s3-region": "r", ...SECRET_OVERLAY_ANNOTATIONS });
  });
  it("ServingRuntime.fromName: a ClusterServingRuntime, single-model", () => {
    const ref = ServingRuntime.fromName("x");
    expect(ref.runtime.kind).toBe("ClusterServingRuntime");
    expect(ref.runtime.declared?.multiModel).toBe(false);
  });
  it("target: KServe 0.20, OpenShift AI 3.0 in redhat-ods-applications, no Knative flags", () => {
    expect(resolveTarget({}).target.kserve).toEqual({ major: 0, minor: 20 });
    expect(resolveTarget({ openshiftAI: true }).target.openshiftAI).toEqual({ version: { major: 3, minor: 0 }, applicationsNamespace: "redhat-ods-applications", release: expect.objectContaining({ from: "3.0", to: "3.3", kserve: "0.15" }) });
    expect(resolveTarget({}).target.knativeFeatures.size).toBe(0);
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
  it("hardware profile: display name = name, nothing offered unless given; requests take the profile's defaults", () => {
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
    expect((predictor(find(manifests, "InferenceService"))["model"] as Record<string, unknown>)["resources"]).toEqual({
      requests: { memory: "16Gi", "nvidia.com/gpu": 2 },
      limits: { memory: "16Gi", "nvidia.com/gpu": 2 },
    });
    function synthProfile(chart: Chart) {
      return (chart.node.findChild("gpu") as InstanceType<typeof HardwareProfile>).profile;
    }
  });
  it("Hardware.accelerator: the accelerator's default count and scheduling", () => {
    const [m] = synthChart((chart) => new InferenceService(chart, "m", { engine: engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } } }), model: ModelLocation.fromUri("s3://b/m"), hardware: Hardware.accelerator(Accelerator.nvidia()) })).filter((x) => x.kind === "InferenceService");
    expect(predictor(m as Manifest)["tolerations"]).toEqual([{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }]);
    expect(((predictor(m as Manifest)["model"] as Record<string, unknown>)["resources"] as Record<string, unknown>)["limits"]).toEqual({ "nvidia.com/gpu": 1 });
  });
  it("engine multiNode: pipeline 2, tensor 1, the head's command and args, Ray (no executor annotation)", () => {
    const [rt] = synthChart((chart) => engine(chart, { command: ["serve"], multiNode: {} }));
    const spec = rt?.["spec"] as Record<string, unknown>;
    expect(spec["annotations"]).toBeUndefined();
    expect(spec["workerSpec"]).toMatchObject({ pipelineParallelSize: 2, tensorParallelSize: 1, containers: [{ name: "worker-container", command: ["serve"], args: ["--model=/mnt/models", "--port=8080", "--name={{.Name}}"] }] });
  });
  it("vLLM preset: version from the image tag; no resources unless multi-node", () => {
    const [rt] = synthChart((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "amd", image: "docker.io/rocm/vllm:v0.10.1" }), { target: { openshiftAI: true } });
    expect(rt?.metadata.annotations?.["opendatahub.io/runtime-version"]).toBe("v0.10.1");
    expect(container(rt as Manifest)["resources"]).toBeUndefined();
    const [mn] = synthChart((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "nvidia", multiNode: true }));
    expect(container(mn as Manifest)["resources"]).toEqual({ requests: { cpu: "8", memory: "24Gi" }, limits: { cpu: "16", memory: "48Gi" } });
  });
});
