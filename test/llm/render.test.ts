/**
 * What an LLMInferenceService renders: exact fields for each feature, through the cdk8s adapter.
 */
import { Accelerator, Env, Hardware, HardwareProfile, LLMConfigs, LLMInferenceService, LLMInferenceServiceConfig, ModelLocation, ModelStorage } from "kserve-constructs/cdk8s";
import type { LLMInferenceServiceProps, Manifest } from "kserve-constructs";
import type { Chart } from "cdk8s";
import { find, synthChart } from "../support/synth";

const model = ModelLocation.fromUri("hf://ibm-granite/granite-3.3-8b-instruct");

function llm(props: Partial<LLMInferenceServiceProps> = {}, target = { kserveVersion: "0.21" }): Manifest {
  return find(synthChart((chart) => new LLMInferenceService(chart, "granite", { model, ...props }), { target }), "LLMInferenceService");
}

function specOf(m: Manifest): Record<string, unknown> {
  return m["spec"] as Record<string, unknown>;
}

describe("LLMInferenceService renders", () => {
  it("the minimal resource: v1alpha2, the model URI, one replica, no pod template", () => {
    expect(llm()).toEqual({
      apiVersion: "serving.kserve.io/v1alpha2",
      kind: "LLMInferenceService",
      metadata: { name: "granite", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      spec: { model: { uri: "hf://ibm-granite/granite-3.3-8b-instruct" }, replicas: 1 },
    });
  });

  it("hardware as for InferenceServices: requests = limits, tolerations, node selector, /dev/shm replacing the template's dshm, tensor parallel over the devices", () => {
    const spec = specOf(llm({ hardware: Hardware.accelerator(Accelerator.nvidia({ product: "NVIDIA-L40S" }), { accelerators: 2, cpu: "8", memory: "64Gi" }) }));
    expect(spec["parallelism"]).toEqual({ tensor: 2 });
    expect(spec["template"]).toEqual({
      containers: [
        {
          name: "main",
          resources: { limits: { cpu: "8", memory: "64Gi", "nvidia.com/gpu": 2 }, requests: { cpu: "8", memory: "64Gi", "nvidia.com/gpu": 2 } },
          volumeMounts: [{ mountPath: "/dev/shm", name: "dshm" }],
        },
      ],
      nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-L40S" },
      tolerations: [{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }],
      volumes: [{ emptyDir: { medium: "Memory", sizeLimit: "4Gi" }, name: "dshm" }],
    });
  });

  it("the image per accelerator, args, env, the accelerator's env, and the storage's ServiceAccount", () => {
    const manifests = synthChart((chart: Chart) => {
      const hub = ModelStorage.huggingFace(chart, "hub", { tokenSecret: "hf-token" });
      new LLMInferenceService(chart, "granite", {
        model: hub.path("ibm-granite/granite-3.3-8b-instruct"),
        hardware: Hardware.accelerator(Accelerator.gaudi({ skipWarmup: true }), { accelerators: 1 }),
        image: { nvidia: "ghcr.io/llm-d/llm-d-cuda:v0.9.0", gaudi: "vault.habana.ai/gaudi-docker/vllm:1.22" },
        args: ["--max-model-len=8192"],
        env: { VLLM_LOGGING_LEVEL: "DEBUG", HF_TOKEN: Env.fromSecret("hf-token", "HF_TOKEN") },
      });
    }, { target: { kserveVersion: "0.20" } });
    const template = specOf(find(manifests, "LLMInferenceService"))["template"] as Record<string, unknown>;
    expect(template["serviceAccountName"]).toBe("hub-sa");
    expect((template["containers"] as unknown[])[0]).toEqual({
      name: "main",
      image: "vault.habana.ai/gaudi-docker/vllm:1.22",
      args: ["--max-model-len=8192"],
      env: [
        { name: "HF_TOKEN", valueFrom: { secretKeyRef: { key: "HF_TOKEN", name: "hf-token" } } },
        { name: "VLLM_LOGGING_LEVEL", value: "DEBUG" },
        { name: "VLLM_SKIP_WARMUP", value: "true" },
      ],
      resources: { limits: { "habana.ai/gaudi": 1 }, requests: { "habana.ai/gaudi": 1 } },
    });
  });

  it("multi-node: the worker pod gets the leader's hardware and the worker's env", () => {
    const spec = specOf(llm({ hardware: Hardware.accelerator(Accelerator.nvidia(), { accelerators: 4 }), parallelism: { tensor: 4, pipeline: 2 }, worker: { env: { NCCL_DEBUG: "INFO" } } }));
    expect(spec["parallelism"]).toEqual({ pipeline: 2, tensor: 4 });
    expect(spec["worker"]).toEqual({
      containers: [
        {
          name: "main",
          env: [{ name: "NCCL_DEBUG", value: "INFO" }],
          resources: { limits: { "nvidia.com/gpu": 4 }, requests: { "nvidia.com/gpu": 4 } },
          volumeMounts: [{ mountPath: "/dev/shm", name: "dshm" }],
        },
      ],
      tolerations: [{ effect: "NoSchedule", key: "nvidia.com/gpu", operator: "Exists" }],
      volumes: [{ emptyDir: { medium: "Memory", sizeLimit: "8Gi" }, name: "dshm" }],
    });
  });

  it("data-parallel tensor size per rank: devices / dataLocal", () => {
    expect(specOf(llm({ hardware: Hardware.accelerator(Accelerator.nvidia(), { accelerators: 8 }), parallelism: { data: 8, dataLocal: 4 } }))["parallelism"]).toEqual({ data: 8, dataLocal: 4, tensor: 2 });
  });

  it("scaling: WVA with the HPA actuator by default, min 1; no replicas", () => {
    const spec = specOf(llm({ scaling: { max: 4 } }));
    expect(spec["scaling"]).toEqual({ maxReplicas: 4, minReplicas: 1, wva: { hpa: {} } });
    expect(spec["replicas"]).toBeUndefined();
    expect(specOf(llm({ scaling: { min: 2, max: 4, wva: { variantCost: "5.5", keda: { pollingInterval: 10 } } } }))["scaling"]).toEqual({ maxReplicas: 4, minReplicas: 2, wva: { keda: { pollingInterval: 10 }, variantCost: "5.5" } });
  });

  it("router: managed objects are empty objects; refs carry the namespace; scheduler settings", () => {
    expect(specOf(llm({ router: { gateway: {}, route: {}, scheduler: {} } }))["router"]).toEqual({ gateway: {}, route: {}, scheduler: {} });
    expect(specOf(llm({ router: { gateway: { refs: [{ name: "gw" }] }, route: { http: { refs: ["granite-route"] } }, scheduler: { pool: { ref: "pool" }, config: { configMap: { name: "epp", key: "cfg.yaml" } }, replicas: 2, podLabels: { a: "b" } } } }))["router"]).toEqual({
      gateway: { refs: [{ name: "gw" }] },
      route: { http: { refs: [{ name: "granite-route" }] } },
      scheduler: { config: { ref: { key: "cfg.yaml", name: "epp" } }, labels: { a: "b" }, pool: { ref: { name: "pool" } }, replicas: 2 },
    });
  });

  it("the scheduler pod and the tokenizer: the main container with what is set, merged over the well-known configs", () => {
    const router = specOf(
      llm({
        router: {
          gateway: {},
          route: {},
          scheduler: {
            template: { image: "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0", args: ["--v=4"], env: { LOG_LEVEL: "debug" }, resources: { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "2", memory: "4Gi" } }, nodeSelector: { pool: "system" }, tolerations: [{ key: "system", operator: "Exists", effect: "NoSchedule" }] },
            tokenizer: { template: { resources: { requests: { cpu: "1", memory: "4Gi" }, limits: { cpu: "4", memory: "12Gi" } } } },
          },
        },
      }),
    )["router"] as Record<string, unknown>;
    expect(router["scheduler"]).toEqual({
      template: {
        containers: [{ name: "main", image: "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0", args: ["--v=4"], env: [{ name: "LOG_LEVEL", value: "debug" }], resources: { limits: { cpu: "2", memory: "4Gi" }, requests: { cpu: "2", memory: "4Gi" } } }],
        nodeSelector: { pool: "system" },
        tolerations: [{ effect: "NoSchedule", key: "system", operator: "Exists" }],
      },
      tokenizer: { template: { containers: [{ name: "main", resources: { limits: { cpu: "4", memory: "12Gi" }, requests: { cpu: "1", memory: "4Gi" } } }] } },
    });
    // `tokenizer: {}` asks for the well-known tokenizer as it is
    expect((specOf(llm({ router: { scheduler: { tokenizer: {} } } }))["router"] as Record<string, unknown>)["scheduler"]).toEqual({ tokenizer: {} });
  });

  it("LoRA, storage initializer, tracing, KV-cache tiers, rollout strategy, pod metadata", () => {
    const spec = specOf(
      llm({
        servedModelName: "granite",
        lora: { adapters: [{ name: "sql", model: ModelLocation.fromUri("hf://acme/granite-sql-lora") }], maxRank: 32, maxAdapters: 4, maxCpuAdapters: 8 },
        storageInitializer: false,
        tracing: { exporterEndpoint: "http://otel:4317", sampler: "always_on" },
        kvCacheOffloading: { cpu: "32Gi", secondary: [{ emptyDir: { size: "100Gi" } }, { pvc: { size: "1Ti" } }] },
        rolloutStrategy: { maxUnavailable: "25%", maxSurge: 1 },
        podLabels: { team: "nlp" },
        podAnnotations: { "example.com/owner": "nlp" },
      }),
    );
    expect(spec).toEqual({
      annotations: { "example.com/owner": "nlp" },
      kvCacheOffloading: { cpu: "32Gi", secondary: [{ fileSystem: { emptyDir: { size: "100Gi" } } }, { fileSystem: { pvc: { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Ti" } } } } } }] },
      labels: { team: "nlp" },
      model: { lora: { adapters: [{ name: "sql", uri: "hf://acme/granite-sql-lora" }], maxAdapters: 4, maxCpuAdapters: 8, maxRank: 32 }, name: "granite", uri: "hf://ibm-granite/granite-3.3-8b-instruct" },
      replicas: 1,
      rolloutStrategy: { maxSurge: 1, maxUnavailable: "25%" },
      storageInitializer: { enabled: false },
      tracing: { exporterEndpoint: "http://otel:4317", sampler: "always_on" },
    });
  });

  it("user routing: the HTTPRoute and InferencePool, and the refs to them", () => {
    const manifests = synthChart((chart) =>
      new LLMInferenceService(chart, "granite", { model, userRouting: { gateway: { name: "public", namespace: "gateways" }, inferencePool: { endpointPicker: { service: "granite-epp", port: 9010, failureMode: "FailClose" } }, inferenceObjective: { priority: 5 } } }),
    );
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["LLMInferenceService/granite", "HTTPRoute/granite-route", "InferencePool/granite-pool", "InferenceObjective/granite-objective"]);
    expect(find(manifests, "InferenceObjective")).toEqual({
      apiVersion: "llm-d.ai/v1alpha2",
      kind: "InferenceObjective",
      metadata: { name: "granite-objective", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      spec: { poolRef: { group: "inference.networking.k8s.io", kind: "InferencePool", name: "granite-pool" }, priority: 5 },
    });
    expect(specOf(find(manifests, "LLMInferenceService"))["router"]).toEqual({
      gateway: { refs: [{ name: "public", namespace: "gateways" }] },
      route: { http: { refs: [{ name: "granite-route" }] } },
      scheduler: { pool: { ref: { name: "granite-pool" } } },
    });
    expect(find(manifests, "HTTPRoute")["spec"]).toEqual({
      parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "public", namespace: "gateways" }],
      rules: [
        {
          backendRefs: [{ group: "inference.networking.k8s.io", kind: "InferencePool", name: "granite-pool", port: 8000, weight: 1 }],
          filters: [{ type: "URLRewrite", urlRewrite: { path: { replacePrefixMatch: "/", type: "ReplacePrefixMatch" } } }],
          matches: [{ path: { type: "PathPrefix", value: "/granite" } }],
          timeouts: { backendRequest: "0s", request: "0s" },
        },
      ],
    });
    expect(find(manifests, "InferencePool")["spec"]).toEqual({
      endpointPickerRef: { failureMode: "FailClose", kind: "Service", name: "granite-epp", port: { number: 9010 } },
      selector: { matchLabels: { "app.kubernetes.io/name": "granite", "app.kubernetes.io/part-of": "llminferenceservice", "kserve.io/component": "workload" } },
      targetPorts: [{ number: 8000 }],
    });
  });

  it("user routing with an InferenceModelRewrite for the pool", () => {
    const manifests = synthChart((chart) =>
      new LLMInferenceService(chart, "granite", {
        model,
        lora: { adapters: [{ name: "granite-sql", model: ModelLocation.fromUri("hf://acme/granite-sql-lora") }] },
        userRouting: {
          gateway: { name: "public" },
          inferencePool: { endpointPicker: { service: "granite-epp" } },
          modelRewrite: { rules: [{ models: ["granite-latest"], targets: [{ model: "granite" }] }, { models: ["sql"], targets: [{ model: "granite", weight: 80 }, { model: "granite-sql", weight: 20 }] }] },
        },
      }),
    );
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["LLMInferenceService/granite", "HTTPRoute/granite-route", "InferencePool/granite-pool", "InferenceModelRewrite/granite-rewrite"]);
    expect(find(manifests, "InferenceModelRewrite")).toEqual({
      apiVersion: "llm-d.ai/v1alpha2",
      kind: "InferenceModelRewrite",
      metadata: { name: "granite-rewrite", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      spec: {
        poolRef: { group: "inference.networking.k8s.io", kind: "InferencePool", name: "granite-pool" },
        rules: [
          { matches: [{ model: { type: "Exact", value: "granite-latest" } }], targets: [{ modelRewrite: "granite" }] },
          { matches: [{ model: { type: "Exact", value: "sql" } }], targets: [{ modelRewrite: "granite", weight: 80 }, { modelRewrite: "granite-sql", weight: 20 }] },
        ],
      },
    });
  });

  it("managed DRA as KServe's annotations; a confidential model", () => {
    const m = llm({ dra: { deviceClass: "gpu.nvidia.com", count: 2, selectors: ["device.attributes['gpu.nvidia.com'].productName == 'NVIDIA-H100-80GB-HBM3'", "device.capacity['gpu.nvidia.com'].memory.compareTo(quantity('80Gi')) >= 0"], containerName: "main" }, confidential: { resourceId: "kbs:///default/key/granite" } });
    expect(m.metadata.annotations).toEqual({
      "serving.kserve.io/exp-dra-cel-selector": "device.attributes['gpu.nvidia.com'].productName == 'NVIDIA-H100-80GB-HBM3'\ndevice.capacity['gpu.nvidia.com'].memory.compareTo(quantity('80Gi')) >= 0",
      "serving.kserve.io/exp-dra-container-name": "main",
      "serving.kserve.io/exp-dra-device-class": "gpu.nvidia.com",
      "serving.kserve.io/exp-dra-device-count": "2",
    });
    expect(specOf(m)).toEqual({ model: { uri: "hf://ibm-granite/granite-3.3-8b-instruct", confidential: { enabled: true, resourceId: "kbs:///default/key/granite" } }, parallelism: { tensor: 2 }, replicas: 1 });
    // the default count is not written (KServe's is 1)
    expect(llm({ dra: { deviceClass: "gpu.nvidia.com" } }).metadata.annotations).toEqual({ "serving.kserve.io/exp-dra-device-class": "gpu.nvidia.com" });
  });

  it("OpenShift AI: dashboard label, display name, auth, hardware profile annotations, preset baseRefs", () => {
    const manifests = synthChart((chart) => {
      const profile = new HardwareProfile(chart, "gpu", { accelerator: Accelerator.nvidia({ max: 4 }) });
      new LLMInferenceService(chart, "granite", { model, hardware: profile.request({ accelerators: 1 }), baseRefs: [LLMConfigs.openshiftAI.nvidiaCuda, "team-config"], auth: false });
    }, { target: { openshiftAI: { version: "3.4" } } });
    const m = find(manifests, "LLMInferenceService");
    expect(m.metadata).toEqual({
      name: "granite",
      namespace: "models",
      labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "opendatahub.io/dashboard": "true" },
      annotations: { "opendatahub.io/hardware-profile-name": "gpu", "opendatahub.io/hardware-profile-namespace": "redhat-ods-applications", "openshift.io/display-name": "granite", "security.opendatahub.io/enable-auth": "false" },
    });
    expect(specOf(m)["baseRefs"]).toEqual([{ name: "kserve-config-llm-template-nvidia-cuda" }, { name: "team-config" }]);
  });

  it("v1alpha1 on OpenShift AI 3.0", () => {
    expect(llm({}, { openshiftAI: { version: "3.0" } } as never).apiVersion).toBe("serving.kserve.io/v1alpha1");
  });

  it("a config: the same spec, named by baseRefs", () => {
    const manifests = synthChart((chart) => {
      const rocm = new LLMInferenceServiceConfig(chart, "vllm-rocm", { image: "docker.io/rocm/vllm:rocm6.4", env: { VLLM_USE_TRITON_FLASH_ATTN: "0" } });
      new LLMInferenceService(chart, "granite", { model, hardware: Hardware.accelerator(Accelerator.amd(), { accelerators: 1 }), baseRefs: [rocm] });
    });
    expect(find(manifests, "LLMInferenceServiceConfig")).toEqual({
      apiVersion: "serving.kserve.io/v1alpha2",
      kind: "LLMInferenceServiceConfig",
      metadata: { name: "vllm-rocm", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      spec: { template: { containers: [{ name: "main", image: "docker.io/rocm/vllm:rocm6.4", env: [{ name: "VLLM_USE_TRITON_FLASH_ATTN", value: "0" }] }] } },
    });
    expect(specOf(find(manifests, "LLMInferenceService"))["baseRefs"]).toEqual([{ name: "vllm-rocm" }]);
  });
});
