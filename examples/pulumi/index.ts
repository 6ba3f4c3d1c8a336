/**
 * The example platform as a Pulumi program (`pulumi up` from the repository root; see Pulumi.yaml):
 * every scenario of examples/platform.ts (custom engines, S3/PVC/Hugging Face models, accelerators,
 * OpenShift AI hardware profiles, NVIDIA NIM, a ModelMesh fleet, an MLServer custom runtime).
 *
 * Stack config (all optional; Pulumi.yaml declares each with its default):
 *   kserveVersion        KServe version of the cluster, "major.minor" (default "0.20", the platform's target in
 *                        examples/specs/platform.ts; the whole platform needs 0.18 or later: pick
 *                        older-friendly scenarios with `scenarios`)
 *   openshiftAI          "true", or the OpenShift AI release ("2.25"), or "false" (default)
 *   scenarios            the scenarios to deploy, comma-separated cdk8s chart ids, or "all" (default all: openai-engine-pvc,
 *                        kserve-runtime-s3, huggingface, accelerators, openshift-ai-hardware, nim, modelmesh-fleet,
 *                        mlserver-custom, mlserver-custom-multi)
 *   namespacePrefix      prefix of every scenario's namespace, e.g. "dev-" (default none)
 *   createNamespaces     create the namespaces (default true; the ModelMesh namespace is created either way)
 *   minioSecretName      existing Secret with the MinIO keys (default "minio-credentials")
 *   hfTokenSecretName    existing Secret with the Hugging Face token (default "hf-token")
 *   ngcApiKeySecretName  existing Secret with the NGC API key, key NGC_API_KEY (default "nvidia-nim-secrets")
 *   ngcPullSecretName    existing nvcr.io image pull secret (default "ngc-secret")
 *   kubeconfig           kubeconfig (contents or path) for an explicit Kubernetes provider
 *   context              kubeconfig context for an explicit Kubernetes provider
 * The Secret names are plain config; passed to deployPlatform as Pulumi secrets, they stay secret in the objects.
 * Without kubeconfig and context the default provider is used (`kubernetes:kubeconfig`, `kubernetes:context`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { TargetProps } from "kserve-constructs/pulumi";
import { deployPlatform } from "./platform";
import { target } from "../specs/platform";

const config = new pulumi.Config();

function openshiftAI(value: string | undefined): TargetProps["openshiftAI"] {
  if (value === undefined || value === "false") return undefined;
  return value === "true" ? true : { version: value };
}

const kserveVersion = config.get("kserveVersion");
const kubeconfig = config.get("kubeconfig");
const context = config.get("context");
const openshift = openshiftAI(config.get("openshiftAI"));
const scenarios = config.get("scenarios");
const namespacePrefix = config.get("namespacePrefix");
const secretNames = Object.fromEntries(
  ["minioSecretName", "hfTokenSecretName", "ngcApiKeySecretName", "ngcPullSecretName"].flatMap((key) => {
    const value = config.get(key);
    return value === undefined ? [] : [[key, value] as const];
  }),
);

const platform = deployPlatform({
  // an OpenShift AI release decides the KServe level: the platform's default KServe version does not apply to it
  target: openshift !== undefined ? { openshiftAI: openshift, ...(kserveVersion !== undefined ? { kserveVersion } : {}) } : { ...target, ...(kserveVersion !== undefined ? { kserveVersion } : {}) },
  createNamespaces: config.getBoolean("createNamespaces") ?? true,
  ...(scenarios !== undefined && scenarios.trim() !== "all" ? { scenarios: scenarios.split(",").map((s) => s.trim()).filter((s) => s !== "") } : {}),
  ...(namespacePrefix !== undefined ? { namespacePrefix } : {}),
  ...secretNames,
  ...(kubeconfig !== undefined || context !== undefined
    ? { provider: new k8s.Provider("k8s", { ...(kubeconfig !== undefined ? { kubeconfig } : {}), ...(context !== undefined ? { context } : {}) }) }
    : {}),
});

/** The URL of each InferenceService, by resource name (KServe's status.url; empty until KServe reports it). */
export const urls = platform.urls;
/** The runtimes created by engines, by resource name, with their kinds. */
export const runtimes = platform.runtimes;
/** The NIMs: service name, platform and KServe runtime. */
export const nims = platform.nims;
/** The namespace of each scenario. */
export const namespaces = platform.namespaces;
