/**
 * Specs of the NVIDIA NIM example: Llama 3.1 8B Instruct on KServe (NVIDIA's recipe: a
 * ClusterServingRuntime and an InferenceService, the cache on a writable claim), the same model with the
 * NIM Operator (NIMCache and NIMService), and an embedding NIM. NGC credentials are references to two
 * different Secrets. Shared by the cdk8s chart (examples/nim.ts) and the Pulumi program (examples/pulumi).
 */
import { Accelerator, NgcSecrets } from "kserve-constructs";
import type { HardwareProfileInfo, HardwareProfileProps, NimNgcProps, NimProps } from "kserve-constructs";
import type { ProfileSource } from "./types";

/** The namespace of this example. */
export const namespace = "nim";

/** The NGC credentials: the API key Secret and the nvcr.io pull secret. */
export const ngc: NimNgcProps = { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"), pullSecret: NgcSecrets.pullSecret("ngc-secret") };

/** NVIDIA L40S nodes. */
export const nvidiaL40s: HardwareProfileProps = {
  accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 4, product: "NVIDIA-L40S" }),
  cpu: { min: "4", default: "12", max: "32" },
  memory: { min: "16Gi", default: "32Gi", max: "128Gi" },
};

/** The props of a NIM shortcut (`Nim.llama31_8bInstruct(...)`), with the NGC credentials given apart. */
export type NimSpec = Omit<NimProps, "model" | "ngc">;

/** Llama 3.1 8B on KServe: one GPU, a shared writable cache, one or two replicas. */
export function llamaKServe(l40s: ProfileSource): NimSpec {
  return {
    hardware: l40s.request({ accelerators: 1 }),
    cache: { create: { size: "100Gi", storageClass: "fast-rwx", accessMode: "ReadWriteMany" } },
    scaling: { min: 1, max: 2 },
  };
}

/** The same model with the NIM Operator: two GPUs, one to three replicas. */
export function llamaOperator(l40s: ProfileSource): NimSpec {
  return {
    platform: "nim-operator",
    hardware: l40s.request({ accelerators: 2 }),
    cache: { create: { size: "100Gi", storageClass: "fast-rwx", accessMode: "ReadWriteMany" } },
    scaling: { min: 1, max: 3 },
  };
}

/** NV-EmbedQA on the L40S profile itself (the NIM picks its GPU count), an emptyDir cache. */
export function embedqa(l40s: { readonly profile: HardwareProfileInfo }): NimSpec {
  return { hardware: l40s, cache: { emptyDirSize: "20Gi" } };
}
