/**
 * NVIDIA NIM: Llama 3.1 8B Instruct on KServe (NVIDIA's recipe: a ClusterServingRuntime and an
 * InferenceService, the cache on a writable claim), the same model with the NIM Operator (NIMCache and
 * NIMService), and an embedding NIM. NGC credentials are references to two different Secrets.
 */
import { Chart } from "cdk8s";
import type { Construct } from "constructs";
import { Accelerator, HardwareProfile, Nim, NgcSecrets } from "kserve-constructs/cdk8s";

export class NimChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: "nim" });

    const ngc = { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"), pullSecret: NgcSecrets.pullSecret("ngc-secret") };
    const l40s = new HardwareProfile(this, "nvidia-l40s", {
      accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4, product: "NVIDIA-L40S" }),
      cpu: { min: "4", default: "12", max: "32" },
      memory: { min: "16Gi", default: "32Gi", max: "128Gi" },
    });

    Nim.llama31_8bInstruct(this, "llama-3-1-8b-kserve", {
      ngc,
      hardware: l40s.request({ accelerators: 1 }),
      cache: { create: { size: "100Gi", storageClass: "fast-rwx", accessMode: "ReadWriteMany" } },
      replicas: { min: 1, max: 2 },
    });

    Nim.llama31_8bInstruct(this, "llama-3-1-8b-operator", {
      platform: "nim-operator",
      ngc,
      hardware: l40s.request({ accelerators: 2 }),
      cache: { create: { size: "100Gi", storageClass: "fast-rwx", accessMode: "ReadWriteMany" } },
      replicas: { min: 1, max: 3 },
    });

    Nim.nvEmbedqaE5V5(this, "embedqa", { ngc, hardware: l40s, cache: { emptyDirSize: "20Gi" } });
  }
}
