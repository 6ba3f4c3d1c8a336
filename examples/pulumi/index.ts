/**
 * The example platform as a Pulumi program (`pulumi up` from the repository root; see Pulumi.yaml).
 *
 * Stack config (all optional):
 *   kserveVersion      KServe version of the cluster, "major.minor" (default "0.20")
 *   openshiftAI        "true", or the OpenShift AI release ("2.25"), or "false" (default)
 *   namespace          one namespace for every scenario (default: llm-serving, fraud-detection, embeddings)
 *   createNamespaces   create the namespaces (default true)
 *   minioSecretName    existing Secret with the MinIO keys (default "minio-credentials")
 *   hfTokenSecretName  existing Secret with the Hugging Face token (default "hf-token")
 *   kubeconfig         kubeconfig (contents or path) for an explicit Kubernetes provider
 *   context            kubeconfig context for an explicit Kubernetes provider
 * Without kubeconfig and context the default provider is used (`kubernetes:kubeconfig`, `kubernetes:context`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { TargetProps } from "kserve-constructs/pulumi";
import { deployPlatform } from "./platform";

const config = new pulumi.Config();

function openshiftAI(value: string | undefined): TargetProps["openshiftAI"] {
  if (value === undefined || value === "false") return undefined;
  return value === "true" ? true : { version: value };
}

const kubeconfig = config.get("kubeconfig");
const context = config.get("context");
const openshift = openshiftAI(config.get("openshiftAI"));
const namespace = config.get("namespace");
const minioSecretName = config.get("minioSecretName");
const hfTokenSecretName = config.get("hfTokenSecretName");

const platform = deployPlatform({
  target: { kserveVersion: config.get("kserveVersion") ?? "0.20", ...(openshift !== undefined ? { openshiftAI: openshift } : {}) },
  createNamespaces: config.getBoolean("createNamespaces") ?? true,
  ...(namespace !== undefined ? { namespace } : {}),
  ...(minioSecretName !== undefined ? { minioSecretName } : {}),
  ...(hfTokenSecretName !== undefined ? { hfTokenSecretName } : {}),
  ...(kubeconfig !== undefined || context !== undefined
    ? { provider: new k8s.Provider("k8s", { ...(kubeconfig !== undefined ? { kubeconfig } : {}), ...(context !== undefined ? { context } : {}) }) }
    : {}),
});

/** The URL of each InferenceService (KServe's status.url; empty until KServe reports it). */
export const urls = platform.urls;
/** The runtimes created, with their kinds. */
export const runtimes = platform.runtimes;
/** The namespace of each scenario. */
export const namespaces = platform.namespaces;
