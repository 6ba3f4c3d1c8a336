import { Accelerator, Hardware, HardwareProfile, Nim, NimAccount, NgcSecrets, NIM_MODELS, ServingRuntime } from "kserve-constructs/cdk8s";
import type { NimPresetProps } from "kserve-constructs/cdk8s";
import type { Manifest, NimProps } from "kserve-constructs";
import type { Chart } from "cdk8s";
import { find, ruleIds, synthChart, validationError } from "../support/synth";

const ngc = { apiKeySecret: "nvidia-nim-secrets", pullSecret: "ngc-secret" };

function spec(m: Manifest): Record<string, unknown> {
  return m["spec"] as Record<string, unknown>;
}
function predictor(m: Manifest): Record<string, unknown> {
  return spec(m)["predictor"] as Record<string, unknown>;
}

function a100(chart: Chart): HardwareProfile {
  return new HardwareProfile(chart, "a100", { accelerator: Accelerator.nvidia({ min: 1, max: 8 }) });
}

describe("NIM catalogue", () => {
  it("has LLM, embedding and reranking models with their images, versions, GPU counts, shm and resources", () => {
    expect(NIM_MODELS["llama-3.1-8b-instruct"]).toEqual({
      id: "llama-3.1-8b-instruct",
      displayName: "Llama 3.1 8B Instruct",
      kind: "llm",
      image: "nvcr.io/nim/meta/llama-3.1-8b-instruct",
      version: "1.13.1",
      gpuCounts: [1, 2],
      shmSize: "16Gi",
      resources: { requests: { cpu: "12", memory: "32Gi" }, limits: { cpu: "12", memory: "32Gi" } },
      weightsSize: "15Gi",
      newerLine: "2.1.5",
    });
    expect(NIM_MODELS["nv-embedqa-e5-v5"]).toMatchObject({ kind: "embedding", gpuCounts: [1], resources: { requests: { cpu: "4", memory: "16Gi" }, limits: { cpu: "16", memory: "32Gi" } } });
    expect(NIM_MODELS["nv-rerankqa-mistral-4b-v3"].kind).toBe("reranking");
    expect(NIM_MODELS["mixtral-8x22b-instruct-v01"].gpuCounts).toEqual([8]);
  });

  it("every model has a shortcut (Nim.llama31_8bInstruct(...)) that deploys it", () => {
    const statics = Nim as unknown as Record<string, unknown>;
    const shortcuts = Object.getOwnPropertyNames(Nim).filter((n) => n !== "model" && typeof statics[n] === "function");
    const ids: (string | undefined)[] = [];
    synthChart((chart) => {
      shortcuts.forEach((n, i) => ids.push((statics[n] as (scope: Chart, id: string, props: NimPresetProps) => Nim)(chart, `nim-${i}`, { ngc }).nim.model?.id));
    });
    expect([...ids].sort()).toEqual(Object.keys(NIM_MODELS).sort());
  });
});

describe("NIM on KServe", () => {
  it("renders NVIDIA's KServe recipe: a ClusterServingRuntime and an InferenceService with the GPUs, cache and secrets", () => {
    const manifests = synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { ngc, hardware: a100(chart), cache: { create: { size: "100Gi" } } }));
    const runtime = find(manifests, "ClusterServingRuntime");
    expect(runtime.metadata.name).toBe("nvidia-nim-llama-3.1-8b-instruct-1.13.1");
    const [c] = spec(runtime)["containers"] as Record<string, unknown>[];
    expect(c).toMatchObject({
      image: "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.13.1",
      env: [
        { name: "NGC_API_KEY", valueFrom: { secretKeyRef: { name: "nvidia-nim-secrets", key: "NGC_API_KEY" } } },
        { name: "NIM_CACHE_PATH", value: "/mnt/models/cache" },
      ],
      ports: [{ containerPort: 8000, protocol: "TCP" }],
      volumeMounts: [{ name: "dshm", mountPath: "/dev/shm" }],
      resources: { requests: { cpu: "12", memory: "32Gi" }, limits: { cpu: "12", memory: "32Gi" } },
    });
    expect(spec(runtime)).toMatchObject({
      imagePullSecrets: [{ name: "ngc-secret" }],
      protocolVersions: ["v2", "grpc-v2"],
      supportedModelFormats: [{ name: "nvidia-nim-llama-3.1-8b-instruct", version: "1.13.1", autoSelect: true, priority: 1 }],
      volumes: [{ name: "dshm", emptyDir: { medium: "Memory", sizeLimit: "16Gi" } }],
    });
    const isvc = find(manifests, "InferenceService", "llama");
    expect(isvc.metadata.annotations?.["storage.kserve.io/readonly"]).toBe("false");
    expect(predictor(isvc)).toMatchObject({
      minReplicas: 1,
      maxReplicas: 1,
      securityContext: { fsGroup: 2000 },
      model: {
        modelFormat: { name: "nvidia-nim-llama-3.1-8b-instruct" },
        runtime: "nvidia-nim-llama-3.1-8b-instruct-1.13.1",
        storageUri: "pvc://llama-cache/",
        resources: { requests: { "nvidia.com/gpu": 1 }, limits: { "nvidia.com/gpu": 1 } },
      },
    });
    expect(find(manifests, "PersistentVolumeClaim", "llama-cache")).toBeDefined();
  });

  it("without a cache claim the NIM caches in an emptyDir", () => {
    const isvc = find(synthChart((chart) => Nim.nvEmbedqaE5V5(chart, "embed", { ngc, cache: { emptyDirSize: "20Gi" } })), "InferenceService");
    expect(predictor(isvc)["volumes"]).toEqual([{ name: "nim-cache", emptyDir: { sizeLimit: "20Gi" } }]);
    expect(predictor(isvc)["model"]).toMatchObject({ env: [{ name: "NIM_CACHE_PATH", value: "/opt/nim/.cache" }], volumeMounts: [{ name: "nim-cache", mountPath: "/opt/nim/.cache" }] });
    expect((predictor(isvc)["model"] as Record<string, unknown>)["storageUri"]).toBeUndefined();
  });

  it("a prefilled read-only cache with a download Job that fills it with the same GPUs", () => {
    const manifests = synthChart((chart) =>
      Nim.llama31_70bInstruct(chart, "llama70", { ngc, hardware: a100(chart).request({ accelerators: 4 }), cache: { claimName: "nim-cache", readOnly: true, downloadJob: true }, profile: "a".repeat(64) }),
    );
    const isvc = find(manifests, "InferenceService");
    expect(isvc.metadata.annotations?.["storage.kserve.io/readonly"]).toBeUndefined();
    expect((predictor(isvc)["model"] as Record<string, unknown>)["env"]).toEqual([{ name: "NIM_MODEL_PROFILE", value: "a".repeat(64) }]);
    const job = find(manifests, "Job", "llama70-cache-download");
    const pod = (spec(job)["template"] as Record<string, Record<string, unknown>>)["spec"] as Record<string, unknown>;
    const [container] = pod["containers"] as Record<string, unknown>[];
    expect(container).toMatchObject({
      image: "nvcr.io/nim/meta/llama-3.1-70b-instruct:1.13.1",
      args: ["download-to-cache"],
      resources: { limits: { cpu: "12", memory: "32Gi", "nvidia.com/gpu": 4 }, requests: { cpu: "12", memory: "32Gi", "nvidia.com/gpu": 4 } },
      volumeMounts: [{ name: "cache", mountPath: "/mnt/models" }],
    });
    expect(pod).toMatchObject({ imagePullSecrets: [{ name: "ngc-secret" }], volumes: [{ name: "cache", persistentVolumeClaim: { claimName: "nim-cache" } }], tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }] });
  });

  it("two Nims of the same model share one runtime", () => {
    const manifests = synthChart((chart) => {
      Nim.llama31_8bInstruct(chart, "llama-a", { ngc });
      Nim.llama31_8bInstruct(chart, "llama-b", { ngc, accelerators: 2 });
    });
    expect(manifests.filter((m) => m.kind === "ClusterServingRuntime")).toHaveLength(1);
    expect(manifests.filter((m) => m.kind === "InferenceService")).toHaveLength(2);
  });

  it("on OpenShift AI: a namespaced runtime with the NIM metadata and writable paths, and the Account", () => {
    const manifests = synthChart(
      (chart) => {
        Nim.nvEmbedqaE5V5(chart, "embed", { ngc });
        new NimAccount(chart, "nim-account", { apiKeySecret: "ngc-account" });
      },
      { target: { openshiftAI: true } },
    );
    const runtime = find(manifests, "ServingRuntime");
    expect(runtime.metadata.namespace).toBe("models");
    expect(runtime.metadata.annotations).toMatchObject({ "runtimes.opendatahub.io/nvidia-nim": "true", "openshift.io/display-name": "NVIDIA NIM NV-EmbedQA E5 v5", "opendatahub.io/recommended-accelerators": '["nvidia.com/gpu"]' });
    expect(spec(runtime)["annotations"]).toMatchObject({ "prometheus.io/path": "/v1/metrics", "prometheus.io/port": "8000" });
    const [c] = spec(runtime)["containers"] as Record<string, unknown>[];
    expect((c?.["volumeMounts"] as { mountPath: string }[]).map((m) => m.mountPath)).toEqual(["/dev/shm", "/opt/nim/workspace", "/.cache", "/opt/nim/nginx", "/opt/nim/generated_configs", "/opt/nim/.config", "/opt/nim/.triton"]);
    expect((c?.["securityContext"] as Record<string, unknown>)["runAsUser"]).toBeUndefined();
    expect(find(manifests, "Account")).toEqual({
      apiVersion: "nim.opendatahub.io/v1",
      kind: "Account",
      metadata: { name: "nim-account", namespace: "redhat-ods-applications", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
      spec: { apiKeySecret: { name: "ngc-account" } },
    });
    expect(predictor(find(manifests, "InferenceService"))["securityContext"]).toBeUndefined();
  });
});

describe("NIM with the NIM Operator", () => {
  it("renders a NIMCache and a NIMService from the same preset", () => {
    const manifests = synthChart((chart) =>
      Nim.llama31_8bInstruct(chart, "llama", { platform: "nim-operator", ngc, hardware: a100(chart).request({ accelerators: 2 }), cache: { create: { size: "100Gi", storageClass: "fast", accessMode: "ReadWriteMany" } }, scaling: { min: 1, max: 3 } }),
    );
    expect(manifests.map((m) => m.kind)).toEqual(["NIMCache", "NIMService"]);
    expect(spec(find(manifests, "NIMCache"))).toEqual({
      source: { ngc: { authSecret: "nvidia-nim-secrets", modelPuller: "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.13.1", pullSecret: "ngc-secret", model: { tensorParallelism: "2" } } },
      storage: { pvc: { create: true, name: "llama-cache", size: "100Gi", storageClass: "fast", volumeAccessMode: "ReadWriteMany" } },
      tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
    });
    expect(spec(find(manifests, "NIMService"))).toEqual({
      image: { repository: "nvcr.io/nim/meta/llama-3.1-8b-instruct", tag: "1.13.1", pullPolicy: "IfNotPresent", pullSecrets: ["ngc-secret"] },
      authSecret: "nvidia-nim-secrets",
      storage: { nimCache: { name: "llama-cache" }, sharedMemorySizeLimit: "16Gi" },
      resources: { requests: { cpu: "12", memory: "32Gi", "nvidia.com/gpu": 2 }, limits: { cpu: "12", memory: "32Gi", "nvidia.com/gpu": 2 } },
      expose: { service: { type: "ClusterIP", port: 8000 } },
      scale: { enabled: true, hpa: { minReplicas: 1, maxReplicas: 3 } },
      tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
    });
  });

  it("fixed replicas, an emptyDir cache and a profile", () => {
    const [svc] = synthChart((chart) => Nim.mistral7bInstructV03(chart, "mistral", { platform: "nim-operator", ngc, replicas: 2, profile: "b".repeat(64) }));
    expect(spec(svc as Manifest)).toMatchObject({ replicas: 2, storage: { emptyDir: {}, sharedMemorySizeLimit: "16Gi" }, env: [{ name: "NIM_MODEL_PROFILE", value: "b".repeat(64) }] });
  });
});

describe("NIM hardware", () => {
  const sized = (chart: Chart): HardwareProfile =>
    new HardwareProfile(chart, "l40s", { accelerator: Accelerator.nvidia({ min: 1, max: 4 }), cpu: { min: "4", default: "8", max: "32" }, memory: { min: "16Gi", default: "32Gi", max: "256Gi" } });

  it("a request's CPU and memory apply when it names no accelerator count; its shmSize is checked, not dropped", () => {
    const manifests = synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { ngc, hardware: sized(chart).request({ cpu: "16", memory: "128Gi" }) }));
    const model = predictor(find(manifests, "InferenceService"))["model"] as { resources: unknown };
    expect(model.resources).toEqual({ requests: { cpu: "16", memory: "128Gi", "nvidia.com/gpu": 1 }, limits: { cpu: "16", memory: "128Gi", "nvidia.com/gpu": 1 } });
    const operator = synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { platform: "nim-operator", ngc, hardware: sized(chart).request({ memory: "128Gi" }) }));
    expect(spec(find(operator, "NIMService"))["resources"]).toMatchObject({ limits: { memory: "128Gi", "nvidia.com/gpu": 1 } });
    expect(validationError((chart) => Nim.llama31_8bInstruct(chart, "llama", { ngc, hardware: sized(chart).request({ shmSize: "24Gi" }) })).issues).toEqual([
      expect.objectContaining({ path: "hardware.shmSize", value: "24Gi", rule: "hardware/shm-runtime", message: "the runtime already mounts /dev/shm, so shmSize cannot change its size", fix: "drop shmSize, or size the runtime's /dev/shm volume" }),
    ]);
  });

  it("the profile itself means its defaults, with the model's smallest GPU count, on every platform", () => {
    const resources = { requests: { cpu: "8", memory: "32Gi", "nvidia.com/gpu": 1 }, limits: { cpu: "8", memory: "32Gi", "nvidia.com/gpu": 1 } };
    const manifests = synthChart((chart) => Nim.llama31_70bInstruct(chart, "llama", { ngc, hardware: sized(chart), accelerators: 4 }));
    expect((predictor(find(manifests, "InferenceService"))["model"] as { resources: unknown }).resources).toEqual({ requests: { ...resources.requests, "nvidia.com/gpu": 4 }, limits: { ...resources.limits, "nvidia.com/gpu": 4 } });
    const operator = synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { platform: "nim-operator", ngc, hardware: sized(chart) }));
    expect(spec(find(operator, "NIMService"))["resources"]).toEqual(resources);
  });
});

describe("NIM rules", () => {
  function nim(chart: Chart, props: Partial<NimProps>): Nim {
    return new Nim(chart, "nim", { model: "llama-3.1-8b-instruct", ngc, ...props } as NimProps);
  }

  it("the pull secret and the API key Secret are kept apart", () => {
    // TypeScript already rejects the swap; the check is for JavaScript and values from configuration
    const swapped = validationError((chart) => nim(chart, { ngc: { apiKeySecret: NgcSecrets.pullSecret("ngc-secret") as never, pullSecret: NgcSecrets.apiKey("nvidia-nim-secrets") as never } }));
    expect(swapped.issues.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["ngc.apiKeySecret", "nim/secret-mixup", "ngc.apiKeySecret expects the NGC API key Secret (Opaque, key NGC_API_KEY), and got the nvcr.io image pull secret (kubernetes.io/dockerconfigjson)"],
      ["ngc.pullSecret", "nim/secret-mixup", "ngc.pullSecret expects the nvcr.io image pull secret (kubernetes.io/dockerconfigjson), and got the NGC API key Secret (Opaque, key NGC_API_KEY)"],
    ]);
    expect(validationError((chart) => nim(chart, { ngc: { apiKeySecret: "ngc", pullSecret: "ngc" } })).issues[0]).toMatchObject({ rule: "nim/secret-mixup", fix: 'use two Secrets (conventionally "ngc-secret" for pulling and "nvidia-nim-secrets" for the key)' });
    expect(ruleIds((chart) => nim(chart, { platform: "nim-operator", ngc: { apiKeySecret: NgcSecrets.apiKey("k", { key: "api_key" }), pullSecret: "p" } }))).toEqual(["nim/operator-key"]);
  });

  it("the Account reads api_key; one Account per namespace; OpenShift AI only", () => {
    expect(validationError((chart) => new NimAccount(chart, "a", { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets") as never }), { target: { openshiftAI: true } }).issues[0]).toMatchObject({ rule: "nim/secret-mixup", path: "apiKeySecret" });
    expect(ruleIds((chart) => new NimAccount(chart, "a", { apiKeySecret: NgcSecrets.accountApiKey("s", { key: "NGC_API_KEY" }) }), { target: { openshiftAI: true } })).toEqual(["nim/account-key"]);
    expect(
      ruleIds(
        (chart) => {
          new NimAccount(chart, "a", { apiKeySecret: "s" });
          new NimAccount(chart, "b", { apiKeySecret: "s" });
        },
        { target: { openshiftAI: true } },
      ),
    ).toEqual(["nim/one-account"]);
    expect(ruleIds((chart) => new NimAccount(chart, "a", { apiKeySecret: "s" }))).toEqual(["target/nim-account"]);
  });

  it("GPU counts must be ones the model's profiles support, and the hardware must offer them", () => {
    expect(validationError((chart) => nim(chart, { accelerators: 3 })).issues[0]).toMatchObject({
      path: "accelerators",
      rule: "nim/gpu-count",
      message: "Llama 3.1 8B Instruct has profiles for 1 or 2 GPUs per pod, not 3",
      fix: "request 1 or 2 GPUs",
    });
    const small = validationError((chart) => new Nim(chart, "m", { model: "mixtral-8x22b-instruct-v01", ngc, hardware: new HardwareProfile(chart, "small", { accelerator: Accelerator.nvidia({ max: 4 }) }) }));
    expect(small.issues[0]).toMatchObject({ rule: "nim/hardware-too-small", message: 'Mixtral 8x22B Instruct v0.1 needs 8 GPUs per pod, and hardware profile "small" allows 1 to 4' });
    expect(ruleIds((chart) => nim(chart, { hardware: Hardware.accelerator(Accelerator.amd()) }))).toEqual(["nim/accelerator"]);
  });

  it("a profile is auto or a profile id", () => {
    expect(() => synthChart((chart) => nim(chart, { profile: "auto" }))).not.toThrow();
    expect(validationError((chart) => nim(chart, { profile: "tensorrt_llm-a100-fp16-tp1" })).issues[0]).toMatchObject({ rule: "nim/profile", message: 'a NIM profile is "auto" or a profile id (64 hexadecimal characters)' });
  });

  it("the cache: writable or filled, shared claims for several replicas", () => {
    expect(validationError((chart) => nim(chart, { cache: { claimName: "c", readOnly: true } })).issues[0]).toMatchObject({
      rule: "nim/cache-read-only",
      message: "NIM_CACHE_PATH is on a read-only mount (KServe mounts model claims read-only), and nothing fills the cache, so the NIM cannot download its model",
    });
    expect(validationError((chart) => nim(chart, { cache: { create: { size: "50Gi" } }, replicas: 2 })).issues[0]).toMatchObject({
      rule: "nim/cache-rwx",
      message: "2 replicas share the cache claim, and a ReadWriteOnce claim mounts on one node only",
    });
    expect(() => synthChart((chart) => nim(chart, { cache: { claimName: "c", accessModes: ["ReadOnlyMany"], readOnly: true, prefilled: true }, replicas: 2 }))).not.toThrow();
    expect(ruleIds((chart) => nim(chart, { cache: { downloadJob: true } }))).toEqual(["nim/cache-claim"]);
    expect(ruleIds((chart) => nim(chart, { platform: "nim-operator", cache: { claimName: "c", downloadJob: true } }))).toEqual(["nim/cache-platform"]);
  });

  it("a shared KServe runtime is given only on platform kserve", () => {
    const error = validationError((chart) => nim(chart, { platform: "nim-operator", runtime: ServingRuntime.fromName("nim-llama") }));
    expect(error.issues.map((i) => [i.rule, i.path, i.value, i.message, i.fix])).toEqual([["nim/runtime-platform", "runtime", "nim-llama", "a KServe runtime is used only on platform kserve", "drop runtime, or use platform kserve"]]);
  });

  it("unknown catalogue ids get a suggestion; described models get the same checks", () => {
    expect(validationError((chart) => nim(chart, { model: "llama-3.1-8b-instruc" as never })).issues[0]).toMatchObject({ rule: "nim/unknown-model", fix: 'did you mean "llama-3.1-8b-instruct"? Or describe the model with Nim.model({ id, image, version, gpuCounts, shmSize, resources })' });
    const custom = Nim.model({ id: "llama-3.2-3b-instruct", displayName: "Llama 3.2 3B", kind: "llm", image: "nvcr.io/nim/meta/llama-3.2-3b-instruct", version: "1.8.0", gpuCounts: [1], shmSize: "8Gi", resources: { requests: { cpu: "8", memory: "24Gi" }, limits: { cpu: "8", memory: "24Gi" } } });
    const manifests = synthChart((chart) => nim(chart, { model: custom }));
    expect(find(manifests, "ClusterServingRuntime").metadata.name).toBe("nvidia-nim-llama-3.2-3b-instruct-1.8.0");
    const bad = validationError((chart) => nim(chart, { model: { ...custom, image: "nvcr.io/nim/meta/x:1.0", gpuCounts: [] } }));
    expect(bad.issues.map((i) => i.path)).toEqual(["model.image", "model.gpuCounts"]);
  });
});
