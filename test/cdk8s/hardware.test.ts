import type { Chart } from "cdk8s";
import { Accelerator, Hardware, HardwareProfile, InferenceEngine, InferenceService, ModelLocation, ServingRuntime } from "kserve-constructs/cdk8s";
import type { HardwareProfileProps, InferenceServiceProps, Manifest } from "kserve-constructs";
import { engine, multiNodeService } from "../support/fixtures";
import { find, ruleIds, synthChart, validationError } from "../support/synth";

function predictor(m: Manifest): Record<string, unknown> {
  return (m["spec"] as Record<string, Record<string, unknown>>)["predictor"] as Record<string, unknown>;
}
function model(m: Manifest): Record<string, unknown> {
  return predictor(m)["model"] as Record<string, unknown>;
}

const a100Props: HardwareProfileProps = {
  accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA-A100-SXM4-80GB" }),
  cpu: { min: 2, default: 8, max: 32 },
  memory: { min: "16Gi", default: "64Gi", max: "256Gi" },
};

function gpuService(chart: Chart, profile: HardwareProfile, overrides: Partial<InferenceServiceProps> = {}, id = "granite"): InferenceService {
  return new InferenceService(chart, id, {
    engine: (overrides.engine as InferenceEngine | undefined) ?? InferenceEngine.vllm(chart, `${id}-vllm`, { accelerator: "nvidia" }),
    model: ModelLocation.fromUri("pvc://models/granite"),
    hardware: profile.request({ accelerators: 2 }),
    ...overrides,
  });
}

describe("accelerators", () => {
  it("know their resource, scheduling, env, volumes and architectures", () => {
    expect(Accelerator.nvidia()).toMatchObject({ resourceName: "nvidia.com/gpu", tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }], architectures: ["amd64", "arm64"], kserveKnownGpu: true, counts: { min: 1, default: 1 } });
    expect(Accelerator.nvidia({ mig: "1g.10gb", product: "NVIDIA-A100-SXM4-80GB" })).toMatchObject({ resourceName: "nvidia.com/mig-1g.10gb", nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" } });
    expect(Accelerator.amd()).toMatchObject({ resourceName: "amd.com/gpu", tolerations: [], architectures: ["amd64"] });
    expect(Accelerator.gaudi({ skipWarmup: true })).toMatchObject({ resourceName: "habana.ai/gaudi", env: { VLLM_SKIP_WARMUP: "true" }, multiDeviceEnv: { PT_HPU_ENABLE_LAZY_COLLECTIVES: "true" } });
    expect(Accelerator.spyre()).toMatchObject({ key: "spyre", resourceName: "ibm.com/spyre_pf", schedulerName: "spyre-scheduler", kserveKnownGpu: false, volumes: [{ name: "spyre-cache", mountPath: "/opt/ibm/spyre/models", emptyDir: {} }] });
    expect(Accelerator.spyre({ arch: "s390x" })).toMatchObject({ key: "spyre-s390x", resourceName: "ibm.com/spyre_vf", architectures: ["s390x"], env: { FLEX_DEVICE: "VF", VLLM_SPYRE_USE_CB: "1" } });
    expect(Accelerator.spyre({ arch: "ppc64le" })).toMatchObject({ key: "spyre-ppc64le", resourceName: "ibm.com/spyre_pf", architectures: ["ppc64le"] });
    expect(Accelerator.cpu().resourceName).toBeUndefined();
    expect(Accelerator.custom({ key: "intel-gpu", resourceName: "intel.com/gpu", kserveKnownGpu: true, max: 4 })).toMatchObject({ key: "intel-gpu", resourceName: "intel.com/gpu", counts: { min: 1, default: 1, max: 4 } });
    expect(Accelerator.nvidia({ tolerations: [], runtimeClassName: "nvidia" })).toMatchObject({ tolerations: [], runtimeClassName: "nvidia" });
  });
});

describe("HardwareProfile", () => {
  it("renders OpenShift AI's HardwareProfile with identifiers and node scheduling from the accelerator", () => {
    const [profile] = synthChart((chart) => new HardwareProfile(chart, "a100", { ...a100Props, displayName: "NVIDIA A100", description: "A100 80GB nodes" }), { target: { openshiftAI: true } });
    expect(profile).toEqual({
      apiVersion: "infrastructure.opendatahub.io/v1",
      kind: "HardwareProfile",
      metadata: {
        name: "a100",
        namespace: "redhat-ods-applications",
        labels: { "app.kubernetes.io/managed-by": "kserve-constructs" },
        annotations: {
          "opendatahub.io/display-name": "NVIDIA A100",
          "opendatahub.io/description": "A100 80GB nodes",
          "opendatahub.io/disabled": "false",
          "opendatahub.io/dashboard-feature-visibility": '["model-serving"]',
        },
      },
      spec: {
        identifiers: [
          { identifier: "cpu", displayName: "CPU", minCount: 2, defaultCount: 8, maxCount: 32, resourceType: "CPU" },
          { identifier: "memory", displayName: "Memory", minCount: "16Gi", defaultCount: "64Gi", maxCount: "256Gi", resourceType: "Memory" },
          { identifier: "nvidia.com/gpu", displayName: "NVIDIA GPU", minCount: 1, defaultCount: 1, maxCount: 8, resourceType: "Accelerator" },
        ],
        scheduling: {
          type: "Node",
          node: { nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB" }, tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }] },
        },
      },
    });
  });

  it("queue scheduling renders Kueue's local queue and priority class", () => {
    const [profile] = synthChart((chart) => new HardwareProfile(chart, "q", { accelerator: Accelerator.amd(), queueScheduling: { localQueue: "gpu-queue", priorityClass: "high" }, namespace: "profiles", visibleIn: [] }), {
      target: { openshiftAI: true },
    });
    expect((profile?.["spec"] as Record<string, unknown>)["scheduling"]).toEqual({ type: "Queue", kueue: { localQueueName: "gpu-queue", priorityClass: "high" } });
    expect(profile?.metadata.namespace).toBe("profiles");
    expect(profile?.metadata.annotations?.["opendatahub.io/dashboard-feature-visibility"]).toBe("[]");
  });

  it("synthesizes nothing outside OpenShift AI", () => {
    expect(synthChart((chart) => new HardwareProfile(chart, "a100", a100Props))).toEqual([]);
  });

  it.each([
    [{ nodeScheduling: {}, queueScheduling: { localQueue: "q" } }, "hardware/one-scheduling", "a hardware profile schedules either onto nodes or through a Kueue queue, not both (OpenShift AI rejects both)"],
    [{ cpu: { min: 4, default: 2 } }, "hardware/bounds-order", "cpu: min 4 <= default 2 <= max (none) does not hold"],
    [{ memory: { min: "1Gi", default: "lots" } }, "resources/quantity", "memory bounds must be Kubernetes quantities"],
    [{ accelerator: Accelerator.nvidia({ max: 2.5 }) }, "hardware/device-count", "accelerator max must be a whole number of devices (at least 1)"],
    [{ identifiers: [{ identifier: "cpu", min: 1, default: 1 }], cpu: { min: 1, default: 1 } }, "hardware/duplicate-identifier", "cpu is offered twice"],
  ])("rejects %# with its rule and message", (props, rule, message) => {
    const error = validationError((chart) => new HardwareProfile(chart, "p", props as HardwareProfileProps));
    expect(error.issues[0]).toMatchObject({ rule, message });
  });
});

describe("InferenceServices on a hardware profile", () => {
  it("get requests = limits for every offered resource, the profile's scheduling first, and the OpenShift AI binding", () => {
    const manifests = synthChart(
      (chart) => {
        const a100 = new HardwareProfile(chart, "a100", a100Props);
        gpuService(chart, a100, { tolerations: [{ key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule" }, { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }], nodeSelector: { "nvidia.com/gpu.product": "other", zone: "a" } });
      },
      { target: { openshiftAI: true } },
    );
    const isvc = find(manifests, "InferenceService");
    expect(isvc.metadata.annotations).toMatchObject({ "opendatahub.io/hardware-profile-name": "a100", "opendatahub.io/hardware-profile-namespace": "redhat-ods-applications" });
    expect(model(isvc)["resources"]).toEqual({
      requests: { cpu: 8, memory: "64Gi", "nvidia.com/gpu": 2 },
      limits: { cpu: 8, memory: "64Gi", "nvidia.com/gpu": 2 },
    });
    expect(predictor(isvc)["tolerations"]).toEqual([
      { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" },
      { key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule" },
    ]);
    expect(predictor(isvc)["nodeSelector"]).toEqual({ "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB", zone: "a" });
  });

  it("keep the values the user set, as OpenShift AI's webhook does", () => {
    const isvc = find(
      synthChart((chart) => gpuService(chart, new HardwareProfile(chart, "a100", a100Props), { resources: { requests: { cpu: "12" }, limits: { memory: "128Gi" } } })),
      "InferenceService",
    );
    expect(model(isvc)["resources"]).toEqual({ requests: { cpu: "12", memory: "64Gi", "nvidia.com/gpu": 2 }, limits: { cpu: "12", memory: "128Gi", "nvidia.com/gpu": 2 } });
    expect(isvc.metadata.annotations?.["opendatahub.io/hardware-profile-name"]).toBeUndefined();
  });

  it("several devices: /dev/shm sized 2Gi per device (at most half the memory limit) and the engine's tensor-parallel flag", () => {
    const isvc = find(synthChart((chart) => gpuService(chart, new HardwareProfile(chart, "a100", a100Props))), "InferenceService");
    expect(predictor(isvc)["volumes"]).toEqual([{ name: "shm", emptyDir: { medium: "Memory", sizeLimit: "4Gi" } }]);
    expect(model(isvc)["volumeMounts"]).toEqual([{ name: "shm", mountPath: "/dev/shm" }]);
    expect(model(isvc)["args"]).toEqual(["--tensor-parallel-size=2"]);
    const small = find(synthChart((chart) => gpuService(chart, new HardwareProfile(chart, "p", { accelerator: Accelerator.nvidia({ max: 8 }) }), { hardware: new HardwareProfile(chart, "p2", { accelerator: Accelerator.nvidia({ max: 8 }), memory: { min: "1Gi", default: "6Gi" } }).request({ accelerators: 8 }) })), "InferenceService");
    expect(predictor(small)["volumes"]).toEqual([{ name: "shm", emptyDir: { medium: "Memory", sizeLimit: "3Gi" } }]);
  });

  it("shmSize overrides the default and may not exceed the memory limit", () => {
    const isvc = find(synthChart((chart) => gpuService(chart, new HardwareProfile(chart, "a100", a100Props), { hardware: new HardwareProfile(chart, "b", a100Props).request({ accelerators: 4, shmSize: "16Gi" }) })), "InferenceService");
    expect(predictor(isvc)["volumes"]).toEqual([{ name: "shm", emptyDir: { medium: "Memory", sizeLimit: "16Gi" } }]);
    const error = validationError((chart) => gpuService(chart, new HardwareProfile(chart, "a100", a100Props), { hardware: new HardwareProfile(chart, "b", a100Props).request({ accelerators: 2, memory: "16Gi", shmSize: "32Gi" }) }));
    expect(error.issues[0]).toMatchObject({ rule: "hardware/shm-above-memory", path: "hardware.shmSize" });
    expect(ruleIds((chart) => gpuService(chart, new HardwareProfile(chart, "a100", a100Props), { hardware: new HardwareProfile(chart, "b", a100Props).request({ accelerators: 1, shmSize: "1Gi" }) }))).toEqual(["hardware/shm-single-device"]);
  });

  it("requests outside the profile's bounds name the profile and the bound", () => {
    const error = validationError((chart) => {
      const a100 = new HardwareProfile(chart, "a100", a100Props);
      gpuService(chart, a100, { hardware: a100.request({ accelerators: 16, cpu: 1, memory: "512Gi" }) });
    });
    expect(error.issues.map((i) => [i.path, i.message, i.fix])).toEqual([
      ["hardware.accelerators", 'hardware profile "a100" allows 1 to 8 nvidia.com/gpu; 16 is above the maximum', "request at most 8, or use a profile that allows more"],
      ["hardware.cpu", 'hardware profile "a100" allows 2 to 32 cpu; 1 is below the minimum', "request at least 2"],
      ["hardware.memory", 'hardware profile "a100" allows 16Gi to 256Gi memory; 512Gi is above the maximum', "request at most 256Gi, or use a profile that allows more"],
    ]);
  });

  it("device counts are positive whole numbers; resources are not set twice", () => {
    expect(ruleIds((chart) => gpuService(chart, new HardwareProfile(chart, "p", a100Props), { hardware: new HardwareProfile(chart, "q", a100Props).request({ accelerators: 1.5 }) }))).toEqual(["hardware/device-count"]);
    expect(validationError((chart) => gpuService(chart, new HardwareProfile(chart, "p", a100Props), { resources: { limits: { "nvidia.com/gpu": 1 } } })).issues[0]).toMatchObject({
      rule: "hardware/resource-set-twice",
      fix: "set the device count once, with profile.request({ accelerators })",
    });
  });

  it("queue profiles label the InferenceService for Kueue instead of node scheduling", () => {
    const isvc = find(
      synthChart((chart) => gpuService(chart, new HardwareProfile(chart, "q", { accelerator: Accelerator.nvidia({ max: 4 }), queueScheduling: { localQueue: "gpus", priorityClass: "batch" } }))),
      "InferenceService",
    );
    expect(isvc.metadata.labels).toMatchObject({ "kueue.x-k8s.io/queue-name": "gpus", "kueue.x-k8s.io/priority-class": "batch" });
    expect(predictor(isvc)["tolerations"]).toBeUndefined();
  });

  it("an engine without multi-GPU support rejects more than one device", () => {
    const error = validationError((chart) => gpuService(chart, new HardwareProfile(chart, "a100", a100Props), { engine: engine(chart, { versions: { "1": { image: { nvidia: "r/e:1" } } } }) }));
    expect(error.issues.map((i) => i.rule)).toEqual(["isvc/multi-gpu"]);
  });
});

describe("accelerator and runtime agreement", () => {
  it("an engine without an image for the requested accelerator is an error", () => {
    const error = validationError((chart) => {
      const amd = new HardwareProfile(chart, "mi300", { accelerator: Accelerator.amd({ max: 8 }) });
      gpuService(chart, amd, { hardware: amd.request({ accelerators: 1 }) });
    });
    expect(error.issues[0]).toMatchObject({
      path: "hardware",
      rule: "isvc/engine-image",
      message: 'version v0.12.0 of engine "granite-vllm" has no amd image (it has nvidia)',
    });
  });

  it("a multi-image engine switches the model's image to the requested accelerator and adds what that accelerator needs", () => {
    const manifests = synthChart((chart) => {
      const e = engine(chart, { versions: { "1": { image: { cpu: "r/e:1", spyre: "r/e-spyre:1", gaudi: "r/e-gaudi:1" } } }, multiGpu: true, tensorParallel: { env: "TP_SIZE" } });
      new InferenceService(chart, "on-spyre", { engine: e, model: ModelLocation.fromUri("s3://b/m"), hardware: Hardware.accelerator(Accelerator.spyre()) });
      new InferenceService(chart, "on-gaudi", { engine: e, model: ModelLocation.fromUri("s3://b/m"), hardware: Hardware.accelerator(Accelerator.gaudi({ skipWarmup: true }), { accelerators: 2 }) });
    });
    const spyre = find(manifests, "InferenceService", "on-spyre");
    expect(model(spyre)).toMatchObject({ image: "r/e-spyre:1", resources: { requests: { "ibm.com/spyre_pf": 1 }, limits: { "ibm.com/spyre_pf": 1 } }, volumeMounts: [{ name: "spyre-cache", mountPath: "/opt/ibm/spyre/models" }] });
    expect(predictor(spyre)["schedulerName"]).toBe("spyre-scheduler");
    expect((model(spyre)["env"] as { name: string }[]).map((e) => e.name)).toContain("FLEX_DEVICE");
    const gaudi = find(manifests, "InferenceService", "on-gaudi");
    expect(model(gaudi)).toMatchObject({ image: "r/e-gaudi:1" });
    expect(model(gaudi)["env"]).toEqual([
      { name: "PT_HPU_ENABLE_LAZY_COLLECTIVES", value: "true" },
      { name: "TP_SIZE", value: "2" },
      { name: "VLLM_SKIP_WARMUP", value: "true" },
    ]);
  });

  it("an existing runtime built for another accelerator is an error", () => {
    const error = validationError((chart) =>
      new InferenceService(chart, "m", {
        engine: ServingRuntime.fromName("vllm-cuda-runtime", { modelFormats: [{ name: "vLLM", autoSelect: true }], recommendedAccelerators: ["nvidia.com/gpu"] }),
        model: ModelLocation.fromUri("pvc://m/x"),
        hardware: Hardware.accelerator(Accelerator.amd()),
      }),
    );
    expect(error.issues[0]).toMatchObject({ rule: "isvc/runtime-accelerator", message: 'runtime "vllm-cuda-runtime" is built for nvidia.com/gpu, and the hardware requests amd.com/gpu' });
  });
});

describe("extended resources", () => {
  it.each([
    [{ requests: { "nvidia.com/gpu": 1 } }, "resources/extended-limit"],
    [{ requests: { "nvidia.com/gpu": 1 }, limits: { "nvidia.com/gpu": 2 } }, "resources/extended-overcommit"],
    [{ limits: { "nvidia.com/gpu": "0.5" } }, "resources/extended-count"],
    [{ limits: { "nvidia.com/gpu": 1, "amd.com/gpu": 1 } }, "resources/one-vendor"],
  ])("%# is rejected", (resources, rule) => {
    expect(ruleIds((chart) => engine(chart, { resources, multiGpu: true }))).toContain(rule);
  });
});

describe("vLLM presets", () => {
  it("NVIDIA: the upstream image, OpenAI server args, HF_HOME, vLLM format, metrics and the tensor-parallel flag", () => {
    const [rt] = synthChart((chart) => InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia", extraArgs: ["--max-model-len=8192"] }));
    const spec = rt?.["spec"] as Record<string, unknown>;
    const [c] = spec["containers"] as Record<string, unknown>[];
    expect(c).toMatchObject({
      image: "docker.io/vllm/vllm-openai:v0.12.0",
      command: ["python", "-m", "vllm.entrypoints.openai.api_server"],
      args: ["--port=8080", "--model=/mnt/models", "--served-model-name={{.Name}}", "--max-model-len=8192"],
      env: [{ name: "HF_HOME", value: "/tmp/hf_home" }],
      ports: [{ containerPort: 8080, protocol: "TCP" }],
    });
    expect(spec["supportedModelFormats"]).toEqual([{ name: "vLLM", autoSelect: true }]);
    expect(spec["annotations"]).toEqual({ "opendatahub.io/kserve-runtime": "vllm", "prometheus.kserve.io/path": "/metrics", "prometheus.kserve.io/port": "8080" });
  });

  it("Gaudi does not auto-select; Spyre listens on 8000 under spyre-scheduler with its env and volumes", () => {
    const manifests = synthChart((chart) => {
      InferenceEngine.vllm(chart, "gaudi", { accelerator: "gaudi", image: "quay.io/example/vllm-gaudi:1.22" });
      InferenceEngine.vllm(chart, "spyre", { accelerator: "spyre", image: "quay.io/example/vllm-spyre:0.9" });
      InferenceEngine.vllm(chart, "spyre-z", { accelerator: "spyre-s390x", image: "quay.io/example/vllm-spyre:0.9" });
    });
    const gaudi = find(manifests, "ServingRuntime", "gaudi")["spec"] as Record<string, unknown>;
    expect(gaudi["supportedModelFormats"]).toEqual([{ name: "vLLM", autoSelect: false }]);
    const spyre = find(manifests, "ServingRuntime", "spyre")["spec"] as Record<string, unknown>;
    const [c] = spyre["containers"] as Record<string, unknown>[];
    expect(spyre["schedulerName"]).toBe("spyre-scheduler");
    expect(c?.["command"]).toBeUndefined();
    expect(c?.["ports"]).toEqual([{ containerPort: 8000, protocol: "TCP" }]);
    expect(c?.["args"]).toEqual(["--port=8000", "--model=/mnt/models", "--served-model-name={{.Name}}"]);
    expect((c?.["env"] as { name: string }[]).map((e) => e.name)).toEqual([
      "DTLOG_LEVEL", "FLEX_COMPUTE", "FLEX_DEVICE", "HF_HOME", "TOKENIZERS_PARALLELISM", "TORCH_SENDNN_LOG",
      "VLLM_SPYRE_REQUIRE_PRECOMPILED_DECODERS", "VLLM_SPYRE_WARMUP_BATCH_SIZES", "VLLM_SPYRE_WARMUP_NEW_TOKENS", "VLLM_SPYRE_WARMUP_PROMPT_LENS",
    ]);
    expect(spyre["volumes"]).toEqual([{ name: "spyre-cache", emptyDir: {} }]);
    expect(spyre["annotations"]).toMatchObject({ "prometheus.kserve.io/port": "8000" });
    const z = find(manifests, "ServingRuntime", "spyre-z")["spec"] as Record<string, unknown>;
    expect(z["volumes"]).toEqual([{ name: "shm", emptyDir: { medium: "Memory", sizeLimit: "2Gi" } }]);
  });

  it("on OpenShift AI the runtime recommends its accelerator", () => {
    const [rt] = synthChart((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "spyre-s390x", image: "quay.io/x/vllm-spyre:1" }), { target: { openshiftAI: true } });
    expect(rt?.metadata.annotations?.["opendatahub.io/recommended-accelerators"]).toBe('["ibm.com/spyre_vf"]');
    expect(rt?.metadata.annotations?.["opendatahub.io/runtime-version"]).toBe("1");
  });

  it("requires an image except for NVIDIA, and covers only the listed accelerators", () => {
    const error = validationError((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "amd" }));
    expect(error.issues[0]).toEqual({
      where: "test/v",
      path: "image",
      value: undefined,
      rule: "preset/vllm-image",
      message: "vLLM for amd has no image the library may choose for you",
      fix: "set image (on OpenShift AI, the image of the matching vLLM runtime template in your cluster)",
    });
    expect(ruleIds((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "tpu" as never }))).toEqual(["props/shape"]);
    expect(ruleIds((chart) => InferenceEngine.vllm(chart, "v", { accelerator: "gaudi", image: "x:1", multiNode: true }))).toEqual(["preset/vllm-multi-node"]);
  });
});

describe("multi-node", () => {
  const multiNode = multiNodeService;

  it("renders the runtime's workerSpec and the InferenceService's, with the head's accelerators mirrored on the workers", () => {
    const manifests = synthChart((chart) => multiNode(chart));
    const runtime = find(manifests, "ServingRuntime")["spec"] as Record<string, unknown>;
    const worker = runtime["workerSpec"] as Record<string, unknown>;
    expect(worker["pipelineParallelSize"]).toBe(2);
    expect(worker["tensorParallelSize"]).toBe(1);
    const [wc] = worker["containers"] as Record<string, unknown>[];
    expect(wc?.["name"]).toBe("worker-container");
    expect((wc?.["command"] as string[]).slice(0, 2)).toEqual(["bash", "-c"]);
    expect(wc?.["args"]).toContain("--headless");
    expect(runtime["annotations"]).toMatchObject({ "multinode/executor-backend": "mp" });
    const isvc = find(manifests, "InferenceService");
    expect(isvc.metadata.annotations?.["serving.kserve.io/autoscalerClass"]).toBe("none");
    expect(predictor(isvc)["workerSpec"]).toEqual({
      pipelineParallelSize: 2,
      tensorParallelSize: 4,
      containers: [{ name: "worker-container", resources: { limits: { "nvidia.com/gpu": 4 }, requests: { "nvidia.com/gpu": 4 } } }],
      tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
    });
    expect(model(isvc)["args"]).toBeUndefined();
  });

  it("the sizes must account for every device of head and workers", () => {
    const error = validationError((chart) => multiNode(chart, { multiNode: { pipelineParallelSize: 2, tensorParallelSize: 8 } }));
    expect(error.issues[0]).toMatchObject({
      rule: "isvc/multi-node-parallelism",
      message: "pipelineParallelSize × tensorParallelSize = 2 × 8 = 16, but head and workers request 2 × 4 = 8 nvidia.com/gpu",
      fix: "set tensorParallelSize to 4 (the devices per node), or request 8 accelerators per pod",
    });
  });

  it("needs Standard mode, a multi-node runtime, accelerators, PVC or OCI storage, and autoscaler none", () => {
    expect(ruleIds((chart) => multiNode(chart, { deploymentMode: "Knative" }))).toContain("isvc/multi-node-mode");
    expect(ruleIds((chart) => multiNode(chart, { model: ModelLocation.fromUri("s3://b/llama") }))).toEqual(["kserve/multi-node-storage"]);
    expect(ruleIds((chart) => multiNode(chart, { scaling: { autoscaler: "hpa" } }))).toEqual(["kserve/multi-node-autoscaler"]);
    expect(ruleIds((chart) => multiNode(chart, { engine: InferenceEngine.vllm(chart, "single", { accelerator: "nvidia" }) }))).toEqual(["isvc/multi-node-runtime"]);
    expect(ruleIds((chart) => multiNode(chart, { hardware: undefined }))).toEqual(["isvc/multi-node-hardware"]);
    expect(ruleIds((chart) => multiNode(chart, { multiNode: undefined }))).toEqual(["isvc/multi-node-runtime"]);
    expect(ruleIds((chart) => multiNode(chart), { target: { kserveVersion: "0.17" } })).toEqual(["target/feature-multinode-executor-backend"]);
  });

  it("declares accelerators KServe's multi-node validation does not know", () => {
    const manifests = synthChart((chart) => {
      const e = engine(chart, { versions: { "1": { image: { spyre: "r/s:1" } } }, multiGpu: true, multiNode: { pipelineParallelSize: 2 } });
      new InferenceService(chart, "m", { engine: e, model: ModelLocation.fromUri("oci://quay.io/m/m:1"), hardware: Hardware.accelerator(Accelerator.spyre(), { accelerators: 2 }), multiNode: {} });
    });
    expect((find(manifests, "ServingRuntime")["spec"] as Record<string, unknown>)["annotations"]).toEqual({ "serving.kserve.io/gpu-resource-types": '["ibm.com/spyre_pf"]' });
    expect(find(manifests, "InferenceService").metadata.annotations?.["serving.kserve.io/gpu-resource-types"]).toBe('["ibm.com/spyre_pf"]');
    expect(ruleIds((chart) => new ServingRuntime(chart, "r", { spec: { containers: [{ name: "kserve-container", image: "x", resources: { limits: { "ibm.com/spyre_pf": 1 } } }], workerSpec: { containers: [{ name: "worker-container", image: "x" }] } } }))).toEqual(["kserve/multi-node-gpu-type"]);
  });

  it("declares NVIDIA MIG slices too (KServe knows nvidia.com/gpu, not nvidia.com/mig-*)", () => {
    const manifests = synthChart((chart) => {
      const e = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia", multiNode: true });
      new InferenceService(chart, "m", { engine: e, model: ModelLocation.fromUri("pvc://models/llama"), hardware: Hardware.accelerator(Accelerator.nvidia({ mig: "3g.40gb" }), { accelerators: 2 }), multiNode: { pipelineParallelSize: 2 } });
    });
    const isvc = find(manifests, "InferenceService");
    expect(isvc.metadata.annotations?.["serving.kserve.io/gpu-resource-types"]).toBe('["nvidia.com/mig-3g.40gb"]');
    const predictor = (isvc["spec"] as { predictor: { model: { resources: { limits: Record<string, unknown> } } } }).predictor;
    expect(predictor.model.resources.limits["nvidia.com/mig-3g.40gb"]).toBe(2);
  });
});
