/**
 * NIM rules: the model, the two NGC Secrets kept apart, GPU counts the model's profiles support,
 * profiles, a cache the NIM can use, the KServe-only settings, replicas, and OpenShift AI's NIM Account.
 * Each is one registry entry; the build runs them (through the small `check*` helpers below) where it
 * knows their subject, and the resolve helpers (`nimModelOf`, `nimGpus`) report nothing: the model's
 * and the GPUs' problems are what `checkNimModel` and `checkNimGpus` find.
 */
import { defineRule, runRules } from "../rules/registry";
import type { Finding } from "../rules/registry";
import type { IssueDraft } from "../errors";
import { closest } from "../engine/parameters";
import { NIM_MODELS } from "./catalogue";
import type { NimModelSpec } from "./catalogue";
import { nimModelSchema } from "./schema";
import { parseProps } from "../schema";
import type { HfTokenSecret, NgcApiKeySecret, NgcPullSecret, NimAccountSecret, NimCacheProps, NimProps } from "./props";
import type { HardwareRequest } from "../hardware/request";
import { requestAccelerator } from "../hardware/request";
import type { AcceleratorSpec } from "../accelerators/types";

/** A NIM profile: `auto` or a profile id (sha256, 64 hex characters). */
export const NIM_PROFILE = /^(auto|[0-9a-f]{64})$/;

/** A typed Secret reference of a NIM or NIM Account (an NGC API key, pull secret, Account key or Hugging Face token). */
export type NimSecretRef = NgcApiKeySecret | NgcPullSecret | NimAccountSecret | HfTokenSecret;

const WHAT: Readonly<Record<NimSecretRef["type"], string>> = {
  "ngc-api-key": "the NGC API key Secret (Opaque, key NGC_API_KEY)",
  "ngc-pull-secret": "the nvcr.io image pull secret (kubernetes.io/dockerconfigjson)",
  "nim-account-api-key": "the OpenShift AI NIM Account's Secret (key api_key)",
  "hf-token": "the Hugging Face token Secret (Opaque, key HF_TOKEN)",
};

const FACTORY: Readonly<Record<NimSecretRef["type"], string>> = {
  "ngc-api-key": "NgcSecrets.apiKey(name)",
  "ngc-pull-secret": "NgcSecrets.pullSecret(name)",
  "nim-account-api-key": "NgcSecrets.accountApiKey(name)",
  "hf-token": "NgcSecrets.hfToken(name)",
};

type Platform = "kserve" | "nim-operator";

/** A catalogue id names a model of the catalogue. */
export const nimUnknownModelRule = defineRule<{ readonly model: string }>({
  id: "nim/unknown-model",
  severity: "error",
  summary: "A NIM model given by id is one of the library's NIM catalogue.",
  why: "The catalogue supplies the image, version, GPU counts, shared memory and resources of a NIM; for an id it does not know there is nothing to render, and a guessed image would fail to pull from nvcr.io.",
  fix: "use a catalogue id, or describe the model with Nim.model({ id, image, version, gpuCounts, shmSize, resources })",
  on: "props",
  check: ({ model }) => {
    if (Object.hasOwn(NIM_MODELS, model)) return [];
    const ids = Object.keys(NIM_MODELS);
    const near = closest(model, ids);
    return [
      {
        path: "model",
        value: model,
        message: `"${model}" is not in the NIM catalogue`,
        fix: near !== undefined ? `did you mean "${near}"? Or describe the model with Nim.model({ id, image, version, gpuCounts, shmSize, resources })` : `use one of ${ids.join(", ")}, or describe the model with Nim.model({...})`,
      },
    ];
  },
});

/**
 * The model a NIM's `model` prop stands for: the catalogue's entry for an id, or the described model;
 * none when it has problems ({@link checkNimModel} reports them). Reports nothing.
 */
export function nimModelOf(model: string | NimModelSpec): NimModelSpec | undefined {
  if (typeof model === "string") return Object.hasOwn(NIM_MODELS, model) ? (NIM_MODELS as Record<string, NimModelSpec>)[model] : undefined;
  return parseProps(nimModelSchema, model, "model").value;
}

/** Problems with a NIM's model: an id the catalogue does not know ({@link nimUnknownModelRule}), or the described model's shape. */
export function checkNimModel(model: string | NimModelSpec): IssueDraft[] {
  return typeof model === "string" ? runRules([nimUnknownModelRule], { model }) : parseProps(nimModelSchema, model, "model").issues;
}

/** A Secret reference as its typed form. */
export function ref(value: string | NimSecretRef, fallback: (name: string) => NimSecretRef): NimSecretRef {
  return typeof value === "string" ? fallback(value) : value;
}

/** What the Secret rule sees: typed Secret references and the kind each field needs, or the API key and pull secret together. */
export type NimSecretSubject =
  | { readonly fields: readonly { readonly path: string; readonly value: NimSecretRef; readonly wanted: NimSecretRef["type"] }[] }
  | { readonly apiKey: NimSecretRef; readonly pull: NimSecretRef };

/** Each Secret reference is of the kind its field needs, and the API key and the pull secret are two Secrets. */
export const nimSecretMixupRule = defineRule<NimSecretSubject>({
  id: "nim/secret-mixup",
  severity: "error",
  summary: "Each NGC Secret reference is of the kind its field needs, and the nvcr.io pull secret and the NGC API key are two different Secrets.",
  why: "A NIM needs an image pull secret (kubernetes.io/dockerconfigjson) for nvcr.io and a generic Secret holding NGC_API_KEY; one Secret cannot be both, so the pod either fails to pull its image or starts without the key and cannot download its model.",
  fix: 'use two Secrets (conventionally "ngc-secret" for pulling and "nvidia-nim-secrets" for the key), each passed through its NgcSecrets factory',
  on: "props",
  check: (subject): Finding[] => {
    if ("fields" in subject) {
      return subject.fields
        .filter((f) => f.value.type !== f.wanted)
        .map((f) => ({ path: f.path, value: `${f.value.type}:${f.value.name}`, message: `${f.path} expects ${WHAT[f.wanted]}, and got ${WHAT[f.value.type]}`, fix: `pass ${FACTORY[f.wanted]} here` }));
    }
    const { apiKey, pull } = subject;
    if (apiKey.name !== pull.name) return [];
    return [
      {
        path: "ngc.pullSecret",
        value: pull.name,
        message: `the pull secret and the API key Secret are both "${pull.name}": the nvcr.io pull secret is a kubernetes.io/dockerconfigjson Secret, the API key a generic Secret with NGC_API_KEY`,
        fix: 'use two Secrets (conventionally "ngc-secret" for pulling and "nvidia-nim-secrets" for the key)',
      },
    ];
  },
});

/** The NIM Operator reads the key NGC_API_KEY. */
export const nimOperatorKeyRule = defineRule<{ readonly apiKey: NimSecretRef; readonly platform: Platform }>({
  id: "nim/operator-key",
  severity: "error",
  summary: "On the NIM Operator, the NGC API key is stored under the key NGC_API_KEY of its Secret.",
  why: "The NIM Operator passes the authSecret to the NIM as NGC_API_KEY and reads no other key, so a key stored under another name leaves the NIM without credentials to download its model.",
  fix: "store the key as NGC_API_KEY and use NgcSecrets.apiKey(name)",
  on: "props",
  check: ({ apiKey, platform }) =>
    platform === "nim-operator" && apiKey.type === "ngc-api-key" && apiKey.key !== "NGC_API_KEY"
      ? [{ path: "ngc.apiKeySecret", value: apiKey.key, message: `the NIM Operator reads the key NGC_API_KEY from authSecret, not ${apiKey.key}`, fix: 'store the key as NGC_API_KEY and use NgcSecrets.apiKey(name)' }]
      : [],
});

/** Checks that each Secret reference is of the kind its field needs ({@link nimSecretMixupRule}). */
export function checkSecretKind(path: string, value: NimSecretRef, wanted: NimSecretRef["type"]): IssueDraft[] {
  return runRules([nimSecretMixupRule], { fields: [{ path, value, wanted }] });
}

/** The API key and the pull secret are different Secrets of their kinds; the NIM Operator reads NGC_API_KEY. */
export function checkNgcSecrets(apiKey: NimSecretRef, pull: NimSecretRef, platform: Platform): IssueDraft[] {
  const kinds = runRules([nimSecretMixupRule], { fields: [{ path: "ngc.apiKeySecret", value: apiKey, wanted: "ngc-api-key" }, { path: "ngc.pullSecret", value: pull, wanted: "ngc-pull-secret" }] });
  if (kinds.length > 0) return kinds;
  return [...runRules([nimSecretMixupRule], { apiKey, pull }), ...runRules([nimOperatorKeyRule], { apiKey, platform })];
}

/** A NIM's GPUs as the GPU rules see them (derived by {@link nimGpuFacts}, which reports nothing). */
export interface NimGpuSubject {
  /** The model. */
  readonly model: NimModelSpec;
  /** The accelerator of the hardware, if the hardware names one. */
  readonly accelerator?: AcceleratorSpec;
  /** The GPU count given (`accelerators`, else the request's count), and the prop it came from. */
  readonly explicit?: { readonly count: number; readonly path: string };
  /** The bounds the hardware allows, and the smallest supported count within them. */
  readonly bounds: { readonly min: number; readonly max: number; readonly profile?: string; readonly fitting?: number };
}

/** The GPU facts of a NIM: the accelerator, the count given, and the bounds the hardware allows. */
export function nimGpuFacts(model: NimModelSpec, gpus: number | undefined, request: HardwareRequest | undefined): NimGpuSubject {
  const accelerator = request !== undefined ? requestAccelerator(request) : undefined;
  const given = gpus ?? request?.accelerators;
  const gpuBounds = request?.profile?.identifiers.find((i) => i.identifier.startsWith("nvidia.com/"));
  const max = gpuBounds?.max !== undefined ? Number(gpuBounds.max) : (accelerator?.counts.max ?? Infinity);
  const min = gpuBounds !== undefined ? Number(gpuBounds.min) : (accelerator?.counts.min ?? 1);
  const fitting = [...model.gpuCounts].sort((a, b) => a - b).find((c) => c >= min && c <= max);
  return {
    model,
    ...(accelerator !== undefined ? { accelerator } : {}),
    ...(given !== undefined ? { explicit: { count: given, path: gpus !== undefined ? "accelerators" : "hardware.accelerators" } } : {}),
    bounds: { min, max, ...(request?.profile ? { profile: request.profile.name } : {}), ...(fitting !== undefined ? { fitting } : {}) },
  };
}

function notNvidia(s: NimGpuSubject): boolean {
  return s.accelerator !== undefined && s.accelerator.key !== "nvidia";
}

/** NIM runs on NVIDIA GPUs. */
export const nimAcceleratorRule = defineRule<NimGpuSubject>({
  id: "nim/accelerator",
  severity: "error",
  summary: "The hardware of a NIM is NVIDIA GPUs.",
  why: "NVIDIA NIM images are built for CUDA and select their engine profile from the NVIDIA GPUs they find; on another accelerator the container finds no usable GPU and fails to start.",
  fix: "use a hardware profile with Accelerator.nvidia()",
  on: "props",
  check: (s) => (notNvidia(s) ? [{ path: "hardware", value: s.accelerator?.key, message: `NVIDIA NIM runs on NVIDIA GPUs, and the hardware is ${s.accelerator?.displayName ?? ""}` }] : []),
});

/** The GPU count given is one the model's profiles support. */
export const nimGpuCountRule = defineRule<NimGpuSubject>({
  id: "nim/gpu-count",
  severity: "error",
  summary: "The GPUs per pod given to a NIM are a count its model has profiles for.",
  why: "A NIM picks an engine profile for the GPU count it sees; with a count no profile supports it finds no compatible profile and exits at startup.",
  fix: "request a GPU count the model supports",
  on: "props",
  check: (s) => {
    if (notNvidia(s) || s.explicit === undefined || s.model.gpuCounts.includes(s.explicit.count)) return [];
    const counts = s.model.gpuCounts;
    return [
      {
        path: s.explicit.path,
        value: s.explicit.count,
        message: `${s.model.displayName} has profiles for ${counts.join(" or ")} GPU${counts.length === 1 && counts[0] === 1 ? "" : "s"} per pod, not ${s.explicit.count}`,
        fix: `request ${counts.join(" or ")} GPUs`,
      },
    ];
  },
});

/** The hardware allows a GPU count the model supports. */
export const nimHardwareTooSmallRule = defineRule<NimGpuSubject>({
  id: "nim/hardware-too-small",
  severity: "error",
  summary: "When no GPU count is given, the hardware (profile or accelerator bounds) allows a count the NIM's model has profiles for.",
  why: "The library picks the smallest supported count within the hardware's bounds; when none fits, any count it wrote would either exceed what the profile allows (the dashboard and admission reject it) or have no NIM profile.",
  fix: "use a hardware profile that offers enough GPUs",
  on: "props",
  check: (s) => {
    if (notNvidia(s) || s.explicit !== undefined || s.bounds.fitting !== undefined) return [];
    const { min, max, profile } = s.bounds;
    return [
      {
        path: "hardware",
        value: { min, max: Number.isFinite(max) ? max : undefined },
        message: `${s.model.displayName} needs ${s.model.gpuCounts.join(" or ")} GPUs per pod, and ${profile !== undefined ? `hardware profile "${profile}"` : "the accelerator"} allows ${min} to ${Number.isFinite(max) ? max : "any number"}`,
      },
    ];
  },
});

/**
 * GPUs per pod: the given count, the request's, or the smallest supported count the hardware allows;
 * none on hardware that is not NVIDIA's or that allows no supported count ({@link checkNimGpus} reports
 * why). Reports nothing.
 */
export function nimGpus(facts: NimGpuSubject): number | undefined {
  return notNvidia(facts) ? undefined : (facts.explicit?.count ?? facts.bounds.fitting);
}

/** Problems with a NIM's GPUs: the accelerator, the count given, the count the hardware allows. */
export function checkNimGpus(facts: NimGpuSubject): IssueDraft[] {
  return runRules([nimAcceleratorRule, nimGpuCountRule, nimHardwareTooSmallRule], facts);
}

/** A profile is `auto` or a profile id. */
export const nimProfileRule = defineRule<{ readonly profile?: string }>({
  id: "nim/profile",
  severity: "error",
  summary: 'A NIM profile is "auto" or a profile id (64 hexadecimal characters).',
  why: "NIM_MODEL_PROFILE selects one of the image's engine profiles by id; any other value matches no profile and the NIM exits at startup.",
  fix: 'use "auto", or an id printed by the NIM\'s list-model-profiles',
  on: "props",
  check: ({ profile }) => (profile === undefined || NIM_PROFILE.test(profile) ? [] : [{ path: "profile", value: profile, message: 'a NIM profile is "auto" or a profile id (64 hexadecimal characters)' }]),
});

/** Problems with a NIM profile ({@link nimProfileRule}). */
export function checkProfile(profile: string | undefined): IssueDraft[] {
  return runRules([nimProfileRule], profile !== undefined ? { profile } : {});
}

/** What the cache rules see. */
export interface NimCacheSubject {
  /** The cache props. */
  readonly cache: NimCacheProps;
  /** The Nim's props (for its replicas). */
  readonly props: NimProps;
  /** The platform the NIM runs on. */
  readonly platform: Platform;
}

function hasClaim(cache: NimCacheProps): boolean {
  return cache.claimName !== undefined || cache.create !== undefined;
}

/** A read-only cache is filled before the NIM starts. */
export const nimCacheReadOnlyRule = defineRule<NimCacheSubject>({
  id: "nim/cache-read-only",
  severity: "error",
  summary: "A NIM cache claim mounted read-only is filled before the NIM starts (a download Job, or prefilled).",
  why: "KServe mounts model claims read-only; a NIM whose NIM_CACHE_PATH is read-only and empty cannot download its model and fails at startup.",
  fix: "drop readOnly (the claim is then mounted writable), or fill the cache first: downloadJob: true or prefilled: true",
  on: "props",
  check: ({ cache }) =>
    cache.readOnly === true && cache.prefilled !== true && cache.downloadJob !== true
      ? [{ path: "cache.readOnly", value: true, message: "NIM_CACHE_PATH is on a read-only mount (KServe mounts model claims read-only), and nothing fills the cache, so the NIM cannot download its model" }]
      : [],
});

/** Claim settings need a claim, and an emptyDir size needs no claim. */
export const nimCacheClaimRule = defineRule<NimCacheSubject>({
  id: "nim/cache-claim",
  severity: "error",
  summary: "A NIM cache's claim settings (readOnly, prefilled, downloadJob, accessModes) come with a claim, and its emptyDir size without one.",
  why: "Without a claim the cache is an emptyDir, which the claim settings do not describe; with a claim, emptyDirSize sizes nothing: either way a setting would be silently ignored.",
  fix: "set cache.claimName or cache.create for the claim settings, or drop emptyDirSize with a claim",
  on: "props",
  check: ({ cache }) => {
    const out: Finding[] = [];
    const claim = hasClaim(cache);
    if (!claim && (cache.readOnly !== undefined || cache.prefilled !== undefined || cache.downloadJob !== undefined || cache.accessModes !== undefined)) {
      out.push({ path: "cache", value: cache, message: "readOnly, prefilled, downloadJob and accessModes describe a cache claim, and no claim is given", fix: "set cache.claimName or cache.create" });
    }
    if (cache.emptyDirSize !== undefined && claim) out.push({ path: "cache.emptyDirSize", value: cache.emptyDirSize, message: "emptyDirSize sizes the cache when there is no claim", fix: "drop emptyDirSize, or drop the claim" });
    return out;
  },
});

/** KServe-only cache settings stay off the NIM Operator. */
export const nimCachePlatformRule = defineRule<NimCacheSubject>({
  id: "nim/cache-platform",
  severity: "error",
  summary: "readOnly, prefilled and downloadJob of a NIM cache are used only on platform kserve.",
  why: "On the NIM Operator the NIMCache downloads the model into its own claim; these KServe settings would be silently ignored.",
  fix: "drop them for platform nim-operator",
  on: "props",
  check: ({ cache, platform }) =>
    platform === "nim-operator" && (cache.downloadJob !== undefined || cache.readOnly !== undefined || cache.prefilled !== undefined)
      ? [{ path: "cache", value: cache, message: "readOnly, prefilled and downloadJob are KServe settings; the NIM Operator fills the cache with its NIMCache" }]
      : [],
});

/** Several replicas share a cache claim only if it mounts on several nodes. */
export const nimCacheRwxRule = defineRule<NimCacheSubject>({
  id: "nim/cache-rwx",
  severity: "error",
  summary: "A NIM cache claim shared by more than one replica can be mounted on several nodes (ReadWriteMany, or ReadOnlyMany when mounted read-only).",
  why: "A ReadWriteOnce claim attaches to one node; replicas scheduled elsewhere stay Pending (ContainerCreating) waiting for the volume.",
  fix: 'use a ReadWriteMany claim (accessMode: "ReadWriteMany"), or one replica',
  on: "props",
  check: ({ cache, props }) => {
    const max = nimReplicaBounds(props).max;
    const modes = cache.create !== undefined ? [cache.create.accessMode ?? "ReadWriteOnce"] : cache.accessModes;
    const shared = modes?.some((m) => m === "ReadWriteMany" || (m === "ReadOnlyMany" && cache.readOnly === true));
    if (!hasClaim(cache) || max <= 1 || modes === undefined || shared === true) return [];
    return [{ path: cache.create !== undefined ? "cache.create.accessMode" : "cache.accessModes", value: modes, message: `${max} replicas share the cache claim, and a ${modes.join("/")} claim mounts on one node only` }];
  },
});

/** The cache must be writable for the NIM, or filled already; several replicas need a shared claim. */
export function checkCache(cache: NimCacheProps | undefined, props: NimProps, platform: Platform): IssueDraft[] {
  if (cache === undefined) return [];
  return runRules([nimCacheReadOnlyRule, nimCacheClaimRule, nimCachePlatformRule, nimCacheRwxRule], { cache, props, platform });
}

/** A KServe runtime is given only on platform kserve. */
export const nimRuntimePlatformRule = defineRule<{ readonly props: NimProps; readonly platform: Platform }>({
  id: "nim/runtime-platform",
  severity: "error",
  summary: "A NIM's runtime (a KServe ServingRuntime to share) is given only on platform kserve.",
  why: "On the NIM Operator the NIMService runs the image itself and uses no ServingRuntime; the runtime would be silently ignored.",
  fix: "drop runtime, or use platform kserve",
  on: "props",
  check: ({ props, platform }) => (props.runtime !== undefined && platform !== "kserve" ? [{ path: "runtime", value: props.runtime.runtime.name, message: "a KServe runtime is used only on platform kserve" }] : []),
});

/** What the NIM Account rules see. */
export interface NimAccountSubject {
  /** The Account's name. */
  readonly name: string;
  /** Its namespace. */
  readonly namespace?: string;
  /** Its API key Secret reference. */
  readonly secret: NimSecretRef;
  /** Whether the target is OpenShift AI. */
  readonly openshiftAI: boolean;
  /** The construct that already defines the Account of this namespace, if one does. */
  readonly other?: string;
}

/** The Account's Secret holds the key under api_key. */
export const nimAccountKeyRule = defineRule<NimAccountSubject>({
  id: "nim/account-key",
  severity: "error",
  summary: "The Secret of OpenShift AI's NIM Account holds the NGC key under api_key.",
  why: "OpenShift AI's NIM Account controller reads only api_key from the Secret; with another key it cannot validate the account and the NIM models stay unavailable in the dashboard.",
  fix: "store the NGC key under api_key in the Account's Secret",
  on: "props",
  check: ({ secret }) =>
    secret.type === "nim-account-api-key" && secret.key !== "api_key"
      ? [{ path: "apiKeySecret", value: secret.key, message: `OpenShift AI's NIM Account reads the key api_key, not ${secret.key} (the runtimes read NGC_API_KEY from their own Secret)` }]
      : [],
});

/** The NIM Account exists only on OpenShift AI. */
export const nimAccountTargetRule = defineRule<NimAccountSubject>({
  id: "target/nim-account",
  severity: "error",
  summary: "A NIM Account is defined only for an OpenShift AI target.",
  why: "The Account (nim.opendatahub.io) is an OpenShift AI resource; on plain KServe or the NIM Operator its CRD does not exist and the apply fails.",
  fix: "set target.openshiftAI, or drop the Account (KServe and the NIM Operator take the Secrets directly)",
  on: "props",
  check: ({ name, openshiftAI }) => (openshiftAI ? [] : [{ path: "", value: name, message: "the NIM Account is an OpenShift AI resource" }]),
});

/** One NIM Account per namespace. */
export const nimOneAccountRule = defineRule<NimAccountSubject>({
  id: "nim/one-account",
  severity: "error",
  summary: "An app defines at most one NIM Account per namespace.",
  why: "OpenShift AI allows one NIM Account per namespace and reconciles only one of them; a second one is ignored or fights the first.",
  fix: "keep one NimAccount per namespace",
  on: "props",
  check: ({ namespace, other }) =>
    other === undefined ? [] : [{ path: "namespace", value: namespace, message: `${other} already defines the NIM Account of namespace ${namespace ?? "(default)"}; OpenShift AI allows one Account per namespace` }],
});

/** The KServe-only settings of a Nim, and its deployment modes. */
export const nimKServeOnlyRule = defineRule<{ readonly props: NimProps; readonly platform: "kserve" | "nim-operator" }>({
  id: "nim/kserve-only",
  severity: "error",
  summary: "deploymentMode, startupSeconds, labels, annotations and scaling settings other than min and max of a Nim apply to its KServe InferenceService, so only on platform kserve",
  why: "the NIM Operator's NIMService has its own scaling (replicas or an HPA between scaling.min and scaling.max) and probes; settings for an InferenceService that is never rendered would be silently lost",
  fix: "drop them, or use platform kserve",
  on: "props",
  check: ({ props, platform }) => {
    if (platform === "kserve") return [];
    const fields = (["deploymentMode", "startupSeconds", "labels", "annotations"] as const)
      .filter((k) => props[k] !== undefined)
      .map((k) => ({ path: k, value: props[k], message: `${k} configures the KServe InferenceService, and this Nim runs on the NIM Operator` }));
    const scaling = Object.entries(props.scaling ?? {})
      .filter(([k, v]) => k !== "min" && k !== "max" && v !== undefined)
      .map(([k, v]) => ({ path: `scaling.${k}`, value: v, message: `scaling.${k} configures the KServe InferenceService's autoscaler, and this Nim runs on the NIM Operator (its HPA takes scaling.min and scaling.max)` }));
    return [...fields, ...scaling];
  },
});

/** The replica bounds of a NIM: its fixed `replicas`, else `scaling`'s min (default 1) and max (default min). */
export function nimReplicaBounds(props: Pick<NimProps, "replicas" | "scaling">): { readonly min: number; readonly max: number } {
  if (props.scaling === undefined) return { min: props.replicas ?? 1, max: props.replicas ?? 1 };
  const min = props.scaling.min ?? 1;
  return { min, max: Math.max(props.scaling.max ?? min, min) };
}

/** Fixed replicas or autoscaling, with bounds in order: the library would otherwise raise max to min without a word. */
export const nimReplicasRule = defineRule<Pick<NimProps, "replicas" | "scaling">>({
  id: "nim/replicas",
  severity: "error",
  summary: "A NIM gives fixed replicas or scaling (not both), and its scaling.min is at most its scaling.max.",
  why: "KServe and the NIM Operator reject (or clamp) a minimum above the maximum, and a fixed count beside autoscaling bounds leaves one of them unused, so the NIM would not scale as written.",
  fix: "give replicas or scaling, with scaling.min at most scaling.max",
  on: "props",
  check: ({ replicas, scaling }) => {
    const out: Finding[] = [];
    if (replicas !== undefined && scaling !== undefined && (scaling.min !== undefined || scaling.max !== undefined)) {
      out.push({ path: "replicas", value: replicas, message: "replicas fixes the NIM's pod count and scaling.min/max make it autoscale; give one", fix: "remove replicas, or scaling.min and scaling.max" });
    }
    const min = scaling?.min;
    const max = scaling?.max;
    if (min !== undefined && max !== undefined && min > max) out.push({ path: "scaling.min", value: min, message: `scaling.min ${min} is above scaling.max ${max}`, fix: `set scaling.min to at most ${max}, or scaling.max to at least ${min}` });
    return out;
  },
});

/** Problems with a NIM's replicas. */
export function checkNimReplicas(props: Pick<NimProps, "replicas" | "scaling">): IssueDraft[] {
  return runRules([nimReplicasRule], props);
}
