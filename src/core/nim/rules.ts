/**
 * NIM rules: the model, the two NGC Secrets kept apart, GPU counts the model's profiles support,
 * profiles, and a cache the NIM can use.
 */
import { defineRule, runRules } from "../rules/registry";
import type { IssueDraft } from "../errors";
import { closest } from "../engine/parameters";
import { NIM_MODELS } from "../../presets/nim/catalogue";
import type { NimModelSpec } from "../../presets/nim/catalogue";
import { nimModelSchema } from "./schema";
import { parseProps } from "../schema";
import type { HfTokenSecret, NgcApiKeySecret, NgcPullSecret, NimAccountSecret, NimCacheProps, NimProps } from "./props";
import type { HardwareRequest } from "../hardware/request";
import { requestAccelerator } from "../hardware/request";

/** A NIM profile: `auto` or a profile id (sha256, 64 hex characters). */
export const NIM_PROFILE = /^(auto|[0-9a-f]{64})$/;

type AnyRef = NgcApiKeySecret | NgcPullSecret | NimAccountSecret | HfTokenSecret;

const WHAT: Readonly<Record<AnyRef["type"], string>> = {
  "ngc-api-key": "the NGC API key Secret (Opaque, key NGC_API_KEY)",
  "ngc-pull-secret": "the nvcr.io image pull secret (kubernetes.io/dockerconfigjson)",
  "nim-account-api-key": "the OpenShift AI NIM Account's Secret (key api_key)",
  "hf-token": "the Hugging Face token Secret (Opaque, key HF_TOKEN)",
};

const FACTORY: Readonly<Record<AnyRef["type"], string>> = {
  "ngc-api-key": "NgcSecrets.apiKey(name)",
  "ngc-pull-secret": "NgcSecrets.pullSecret(name)",
  "nim-account-api-key": "NgcSecrets.accountApiKey(name)",
  "hf-token": "NgcSecrets.hfToken(name)",
};

/** Resolves the model: a catalogue id or a described model. */
export function resolveNimModel(model: string | NimModelSpec): { model?: NimModelSpec; issues: IssueDraft[] } {
  if (typeof model === "string") {
    const found = Object.hasOwn(NIM_MODELS, model) ? (NIM_MODELS as Record<string, NimModelSpec | undefined>)[model] : undefined;
    if (found !== undefined) return { model: found, issues: [] };
    const ids = Object.keys(NIM_MODELS);
    const near = closest(model, ids);
    return {
      issues: [
        {
          path: "model",
          value: model,
          rule: "nim/unknown-model",
          message: `"${model}" is not in the NIM catalogue`,
          fix: near !== undefined ? `did you mean "${near}"? Or describe the model with Nim.model({ id, image, version, gpuCounts, shmSize, resources })` : `use one of ${ids.join(", ")}, or describe the model with Nim.model({...})`,
        },
      ],
    };
  }
  const parsed = parseProps(nimModelSchema, model, "model");
  return parsed.value === undefined ? { issues: parsed.issues } : { model: parsed.value, issues: [] };
}

/** A Secret reference as its typed form. */
export function ref(value: string | AnyRef, fallback: (name: string) => AnyRef): AnyRef {
  return typeof value === "string" ? fallback(value) : value;
}

/** Checks that each Secret reference is of the kind its field needs. */
export function checkSecretKind(path: string, value: AnyRef, wanted: AnyRef["type"]): IssueDraft[] {
  if (value.type === wanted) return [];
  return [
    {
      path,
      value: `${value.type}:${value.name}`,
      rule: "nim/secret-mixup",
      message: `${path} expects ${WHAT[wanted]}, and got ${WHAT[value.type]}`,
      fix: `pass ${FACTORY[wanted]} here`,
    },
  ];
}

/** The API key and the pull secret are different Secrets; the NIM Operator reads NGC_API_KEY. */
export function checkNgcSecrets(apiKey: AnyRef, pull: AnyRef, platform: "kserve" | "nim-operator"): IssueDraft[] {
  const issues = [...checkSecretKind("ngc.apiKeySecret", apiKey, "ngc-api-key"), ...checkSecretKind("ngc.pullSecret", pull, "ngc-pull-secret")];
  if (issues.length > 0) return issues;
  if (apiKey.name === pull.name) {
    issues.push({
      path: "ngc.pullSecret",
      value: pull.name,
      rule: "nim/secret-mixup",
      message: `the pull secret and the API key Secret are both "${pull.name}": the nvcr.io pull secret is a kubernetes.io/dockerconfigjson Secret, the API key a generic Secret with NGC_API_KEY`,
      fix: 'use two Secrets (conventionally "ngc-secret" for pulling and "nvidia-nim-secrets" for the key)',
    });
  }
  if (platform === "nim-operator" && apiKey.type === "ngc-api-key" && apiKey.key !== "NGC_API_KEY") {
    issues.push({ path: "ngc.apiKeySecret", value: apiKey.key, rule: "nim/operator-key", message: `the NIM Operator reads the key NGC_API_KEY from authSecret, not ${apiKey.key}`, fix: 'store the key as NGC_API_KEY and use NgcSecrets.apiKey(name)' });
  }
  return issues;
}

/** GPUs per pod: the given count, the request's, or the smallest supported count the hardware allows. */
export function resolveGpus(model: NimModelSpec, gpus: number | undefined, request: HardwareRequest | undefined): { gpus?: number; issues: IssueDraft[] } {
  const issues: IssueDraft[] = [];
  const accelerator = request !== undefined ? requestAccelerator(request) : undefined;
  if (accelerator !== undefined && accelerator.key !== "nvidia") {
    issues.push({ path: "hardware", value: accelerator.key, rule: "nim/accelerator", message: `NVIDIA NIM runs on NVIDIA GPUs, and the hardware is ${accelerator.displayName}`, fix: "use a hardware profile with Accelerator.nvidia()" });
    return { issues };
  }
  const explicit = gpus ?? request?.accelerators;
  if (explicit !== undefined) {
    if (!model.gpuCounts.includes(explicit)) {
      issues.push({
        path: gpus !== undefined ? "gpus" : "hardware.accelerators",
        value: explicit,
        rule: "nim/gpu-count",
        message: `${model.displayName} has profiles for ${model.gpuCounts.join(" or ")} GPU${model.gpuCounts.length === 1 && model.gpuCounts[0] === 1 ? "" : "s"} per pod, not ${explicit}`,
        fix: `request ${model.gpuCounts.join(" or ")} GPUs`,
      });
    }
    return { gpus: explicit, issues };
  }
  const gpuBounds = request?.profile?.identifiers.find((i) => i.identifier.startsWith("nvidia.com/"));
  const max = gpuBounds?.max !== undefined ? Number(gpuBounds.max) : (accelerator?.counts.max ?? Infinity);
  const min = gpuBounds !== undefined ? Number(gpuBounds.min) : (accelerator?.counts.min ?? 1);
  const fitting = [...model.gpuCounts].sort((a, b) => a - b).find((c) => c >= min && c <= max);
  if (fitting === undefined) {
    issues.push({
      path: "hardware",
      value: { min, max: Number.isFinite(max) ? max : undefined },
      rule: "nim/hardware-too-small",
      message: `${model.displayName} needs ${model.gpuCounts.join(" or ")} GPUs per pod, and ${request?.profile ? `hardware profile "${request.profile.name}"` : "the accelerator"} allows ${min} to ${Number.isFinite(max) ? max : "any number"}`,
      fix: "use a hardware profile that offers enough GPUs",
    });
    return { issues };
  }
  return { gpus: fitting, issues };
}

/** `auto` or a profile id. */
export function checkProfile(profile: string | undefined): IssueDraft[] {
  if (profile === undefined || NIM_PROFILE.test(profile)) return [];
  return [
    {
      path: "profile",
      value: profile,
      rule: "nim/profile",
      message: "a NIM profile is \"auto\" or a profile id (64 hexadecimal characters)",
      fix: "use \"auto\", or an id printed by the NIM's list-model-profiles",
    },
  ];
}

/** The cache must be writable for the NIM, or filled already; several replicas need a shared claim. */
export function checkCache(cache: NimCacheProps | undefined, props: NimProps, platform: "kserve" | "nim-operator"): IssueDraft[] {
  const issues: IssueDraft[] = [];
  if (cache === undefined) return issues;
  const claim = cache.claimName !== undefined || cache.create !== undefined;
  if (cache.readOnly === true && cache.prefilled !== true && cache.downloadJob !== true) {
    issues.push({
      path: "cache.readOnly",
      value: true,
      rule: "nim/cache-read-only",
      message: "NIM_CACHE_PATH is on a read-only mount (KServe mounts model claims read-only), and nothing fills the cache, so the NIM cannot download its model",
      fix: "drop readOnly (the claim is then mounted writable), or fill the cache first: downloadJob: true or prefilled: true",
    });
  }
  if (!claim && (cache.readOnly !== undefined || cache.prefilled !== undefined || cache.downloadJob !== undefined || cache.accessModes !== undefined)) {
    issues.push({ path: "cache", value: cache, rule: "nim/cache-claim", message: "readOnly, prefilled, downloadJob and accessModes describe a cache claim, and no claim is given", fix: "set cache.claimName or cache.create" });
  }
  if (cache.emptyDirSize !== undefined && claim) {
    issues.push({ path: "cache.emptyDirSize", value: cache.emptyDirSize, rule: "nim/cache-claim", message: "emptyDirSize sizes the cache when there is no claim", fix: "drop emptyDirSize, or drop the claim" });
  }
  if (platform === "nim-operator" && (cache.downloadJob !== undefined || cache.readOnly !== undefined || cache.prefilled !== undefined)) {
    issues.push({ path: "cache", value: cache, rule: "nim/cache-platform", message: "readOnly, prefilled and downloadJob are KServe settings; the NIM Operator fills the cache with its NIMCache", fix: "drop them for platform nim-operator" });
  }
  const max = Math.max(props.replicas?.min ?? 1, props.replicas?.max ?? 1);
  const modes = cache.create !== undefined ? [cache.create.accessMode ?? "ReadWriteOnce"] : cache.accessModes;
  const shared = modes?.some((m) => m === "ReadWriteMany" || (m === "ReadOnlyMany" && cache.readOnly === true));
  if (claim && max > 1 && modes !== undefined && !shared) {
    issues.push({
      path: cache.create !== undefined ? "cache.create.accessMode" : "cache.accessModes",
      value: modes,
      rule: "nim/cache-rwx",
      message: `${max} replicas share the cache claim, and a ${modes.join("/")} claim mounts on one node only`,
      fix: 'use a ReadWriteMany claim (accessMode: "ReadWriteMany"), or one replica',
    });
  }
  return issues;
}

/** The KServe-only settings of a Nim, and its deployment modes. */
export const nimKServeOnlyRule = defineRule<{ readonly props: NimProps; readonly platform: "kserve" | "nim-operator" }>({
  id: "nim/kserve-only",
  severity: "error",
  summary: "deploymentMode, scaling, startupSeconds, labels and annotations of a Nim apply to its KServe InferenceService, so only on platform kserve",
  why: "the NIM Operator's NIMService has its own scaling (replicas or an HPA) and probes; settings for an InferenceService that is never rendered would be silently lost",
  fix: "drop them, or use platform kserve",
  on: "props",
  check: ({ props, platform }) => {
    if (platform === "kserve") return [];
    return (["deploymentMode", "scaling", "startupSeconds", "labels", "annotations"] as const)
      .filter((k) => props[k] !== undefined)
      .map((k) => ({ path: k, value: props[k], message: `${k} configures the KServe InferenceService, and this Nim runs on the NIM Operator` }));
  },
});

/** `replicas.min` above `replicas.max`: the library would otherwise raise max to min without a word. */
export const nimReplicasRule = defineRule<{ readonly min?: number; readonly max?: number } | undefined>({
  id: "nim/replicas",
  severity: "error",
  summary: "A NIM's replicas.min is at most its replicas.max.",
  why: "KServe and the NIM Operator reject (or clamp) a minimum above the maximum, so the NIM would not scale as written.",
  fix: "lower replicas.min or raise replicas.max",
  on: "props",
  check: (replicas) => {
    if (replicas?.min === undefined || replicas.max === undefined || replicas.min <= replicas.max) return [];
    return [{ path: "replicas.min", value: replicas.min, message: `replicas.min ${replicas.min} is above replicas.max ${replicas.max}`, fix: `set replicas.min to at most ${replicas.max}, or replicas.max to at least ${replicas.min}` }];
  },
});

/** Problems with a NIM's replicas. */
export function checkNimReplicas(replicas: { readonly min?: number; readonly max?: number } | undefined): IssueDraft[] {
  return runRules([nimReplicasRule], replicas);
}
