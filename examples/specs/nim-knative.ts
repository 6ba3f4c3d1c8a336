/**
 * Specs of the NIM-on-Knative example: NVIDIA's KServe recipe (nim-deploy) as NVIDIA publishes it. A
 * ClusterServingRuntime per model and version with the recipe's metric aggregation and Prometheus
 * scraping annotations, and InferenceServices in Knative mode that scale on concurrency (10 requests
 * per pod), their weights in a claim filled beforehand by a download Job. The Hugging Face token and
 * the NGC key sit in one Secret (`nvidia-nim-secrets`, keys HF_TOKEN and NGC_API_KEY), as in the recipe.
 * Shared by the cdk8s chart (examples/nim-knative.ts) and the Pulumi program (examples/pulumi).
 */
import { NgcSecrets } from "kserve-constructs";
import type { NimNgcProps, NimProps, TargetProps } from "kserve-constructs";

/** The namespace of this example. */
export const namespace = "nim-serverless";

/** KServe in Knative mode, with the Knative features the NIM pods need (PVC volumes, fsGroup, GPU tolerations). */
export const target: TargetProps = {
  knativeFeatures: ["kubernetes.podspec-persistent-volume-claim", "kubernetes.podspec-persistent-volume-write", "kubernetes.podspec-securitycontext", "kubernetes.podspec-tolerations"],
};

/** The NGC credentials, and the Hugging Face token from the same Secret. */
export const ngc: NimNgcProps = {
  apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"),
  pullSecret: NgcSecrets.pullSecret("ngc-secret"),
  hfTokenSecret: NgcSecrets.hfToken("nvidia-nim-secrets"),
};

/** The props of a NIM shortcut, with the NGC credentials given apart. */
export type NimSpec = Omit<NimProps, "model" | "ngc">;

/** Mistral 7B on one GPU in Knative mode: the recipe's concurrency target, from one to four pods. */
export const mistral7b: NimSpec = {
  deploymentMode: "Knative",
  accelerators: 1,
  cache: { create: { size: "300Gi", storageClass: "local-storage", accessMode: "ReadWriteMany" }, downloadJob: true },
  scaling: { min: 1, max: 4 },
  labels: { team: "assistants" },
  annotations: { "example.com/cost-center": "llm-42" },
};

/** Llama 3.1 70B on two GPUs: a larger startup budget for its weights, a lower concurrency target. */
export const llama70b: NimSpec = {
  deploymentMode: "Knative",
  accelerators: 2,
  cache: { claimName: "nvidia-nim-pvc", accessModes: ["ReadWriteMany"], prefilled: true, readOnly: true },
  scaling: { min: 1, max: 2, metric: "concurrency", target: 4 },
};
