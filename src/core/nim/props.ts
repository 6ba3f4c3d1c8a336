/**
 * Props of an NVIDIA NIM deployment: a catalogue model (or one you describe), NGC credentials as typed
 * references, hardware, cache and the platform it is deployed with.
 */
import type { TargetProps } from "../target/props";
import type { HardwareProfileInfo, HardwareRequest } from "../hardware/request";
import type { IRuntime } from "../runtime/ref";
import type { DeploymentMode } from "../target/resolve";
import type { ScalingProps } from "../service/props";
import type { NimModelId, NimModelSpec } from "./catalogue";

/** The Opaque Secret holding the NGC API key the NIM containers read (`NGC_API_KEY`). */
export interface NgcApiKeySecret {
  readonly type: "ngc-api-key";
  readonly name: string;
  /** Key in the Secret. */
  readonly key: string;
}

/** The `kubernetes.io/dockerconfigjson` Secret that pulls NIM images from nvcr.io. */
export interface NgcPullSecret {
  readonly type: "ngc-pull-secret";
  readonly name: string;
}

/** The Secret the OpenShift AI NIM Account reads (key `api_key`). */
export interface NimAccountSecret {
  readonly type: "nim-account-api-key";
  readonly name: string;
  /** Key in the Secret (OpenShift AI reads `api_key`). */
  readonly key: string;
  /**
   * Namespace of the Secret.
   * @default the Account's namespace
   */
  readonly namespace?: string;
}

/** The Secret holding the Hugging Face token NIMs read (`HF_TOKEN`), for models that come from the Hub. */
export interface HfTokenSecret {
  readonly type: "hf-token";
  readonly name: string;
  /** Key in the Secret. */
  readonly key: string;
}

/** A Secret object given by its name (a cdk8s-plus `ISecret`, a cdk8s ApiObject): only `name` is read. */
export interface NamedSecret {
  /** The Secret's name. */
  readonly name: string;
}

function nameOf(secret: string | NamedSecret): string {
  // an object's name only when it is one (a Pulumi Output stays itself, for the adapter to resolve)
  if (secret !== null && typeof secret === "object" && typeof (secret as { name?: unknown }).name === "string") return secret.name;
  return secret as string;
}

/**
 * Typed references to the NGC Secrets: the three are different Secrets with different keys. Each takes
 * the Secret's name or an object with it (a cdk8s-plus `Secret`).
 */
export const NgcSecrets = {
  /** The generic Secret with the NGC API key (key `NGC_API_KEY` unless given). */
  apiKey(secret: string | NamedSecret, options: { readonly key?: string } = {}): NgcApiKeySecret {
    return { type: "ngc-api-key", name: nameOf(secret), key: options.key ?? "NGC_API_KEY" };
  },
  /** The nvcr.io image pull secret (`kubernetes.io/dockerconfigjson`, user `$oauthtoken`). */
  pullSecret(secret: string | NamedSecret): NgcPullSecret {
    return { type: "ngc-pull-secret", name: nameOf(secret) };
  },
  /**
   * The Secret with the Hugging Face token (key `HF_TOKEN` unless given). It may be the NGC API key's
   * Secret (NVIDIA's recipe keeps both keys in `nvidia-nim-secrets`), never the pull secret.
   */
  hfToken(secret: string | NamedSecret, options: { readonly key?: string } = {}): HfTokenSecret {
    return { type: "hf-token", name: nameOf(secret), key: options.key ?? "HF_TOKEN" };
  },
  /** The Secret OpenShift AI's NIM Account reads (key `api_key` unless given). */
  accountApiKey(secret: string | NamedSecret, options: { readonly key?: string; readonly namespace?: string } = {}): NimAccountSecret {
    return { type: "nim-account-api-key", name: nameOf(secret), key: options.key ?? "api_key", ...(options.namespace !== undefined ? { namespace: options.namespace } : {}) };
  },
} as const;

/** NGC credentials, by reference. */
export interface NimNgcProps {
  /** The Secret with the NGC API key (a name means `NgcSecrets.apiKey(name)`, key `NGC_API_KEY`). */
  readonly apiKeySecret: string | NgcApiKeySecret;
  /** The nvcr.io image pull secret (a name means `NgcSecrets.pullSecret(name)`). */
  readonly pullSecret: string | NgcPullSecret;
  /**
   * The Secret with the Hugging Face token, for NIMs that download from Hugging Face (a name means
   * `NgcSecrets.hfToken(name)`, key `HF_TOKEN`).
   * @default none
   */
  readonly hfTokenSecret?: string | HfTokenSecret;
}

/** Where the NIM keeps its model cache. */
export interface NimCacheProps {
  /**
   * An existing claim.
   * @default a new claim named `<name>-cache` when `create` is given, else no claim (an emptyDir cache)
   */
  readonly claimName?: string;
  /** Create the claim (KServe: a PVC; NIM Operator: the NIMCache's PVC). */
  readonly create?: {
    /** Size, for example `"100Gi"`. */
    readonly size: string;
    /**
     * Storage class.
     * @default the cluster default
     */
    readonly storageClass?: string;
    /**
     * Access mode; several replicas on one cache need `ReadWriteMany`.
     * @default "ReadWriteOnce"
     */
    readonly accessMode?: "ReadWriteOnce" | "ReadWriteMany" | "ReadOnlyMany";
  };
  /**
   * Access modes of an existing claim, when known (used for the replica check).
   * @default unknown
   */
  readonly accessModes?: readonly ("ReadWriteOnce" | "ReadWriteMany" | "ReadOnlyMany" | "ReadWriteOncePod")[];
  /**
   * KServe: mount the claim read-only (KServe's default for model claims). NIM then needs a filled cache:
   * `prefilled` or `downloadJob`.
   * @default false (mounted writable, so the NIM can download into it)
   */
  readonly readOnly?: boolean;
  /**
   * KServe: the claim already holds the model (filled by a download Job or copied).
   * @default false
   */
  readonly prefilled?: boolean;
  /**
   * KServe: also emit a Job that fills the cache (the NIM image's `download-to-cache`), with the same
   * GPUs and scheduling as the service.
   * @default false
   */
  readonly downloadJob?: boolean;
  /**
   * emptyDir size when there is no claim.
   * @default no limit
   */
  readonly emptyDirSize?: string;
}

/** Props of a NIM deployment. */
export interface NimProps {
  /** A catalogue id (`"llama-3.1-8b-instruct"`) or a model described with `Nim.model({...})`. */
  readonly model: NimModelId | NimModelSpec;
  /**
   * Name of the InferenceService / NIMService.
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * How the NIM is deployed: a KServe runtime and InferenceService (also on OpenShift AI, with its
   * metadata and Account), or the NVIDIA NIM Operator's NIMCache and NIMService.
   * @default "kserve"
   */
  readonly platform?: "kserve" | "nim-operator";
  /** NGC credentials. */
  readonly ngc: NimNgcProps;
  /**
   * The image tag (NIM version).
   * @default the catalogue's version
   */
  readonly version?: string;
  /**
   * Hardware: a profile request, `Hardware.accelerator(Accelerator.nvidia())`, or a HardwareProfile
   * itself (then `accelerators` devices are requested from it).
   * @default NVIDIA GPUs without a profile
   */
  readonly hardware?: HardwareRequest | { readonly profile: HardwareProfileInfo };
  /**
   * GPUs per pod: one of the counts the model's profiles support (the same word as a hardware
   * request's `accelerators`).
   * @default the request's count, else the smallest supported count the hardware allows
   */
  readonly accelerators?: number;
  /**
   * NIM profile: `auto` (the NIM picks one for the GPUs it finds) or a profile id (64 hex characters,
   * from `list-model-profiles`).
   * @default "auto"
   */
  readonly profile?: string;
  /**
   * Model cache.
   * @default an emptyDir (the model is downloaded on every start)
   */
  readonly cache?: NimCacheProps;
  /**
   * Fixed replicas, as on an InferenceService, a ModelMesh runtime and an LLMInferenceService
   * (excludes `scaling`).
   * @default 1, unless `scaling` is set
   */
  readonly replicas?: number;
  /**
   * KServe: reuse a NIM runtime defined elsewhere (for example another Nim's `runtime`).
   * @default a runtime for this model and version
   */
  readonly runtime?: IRuntime;
  /**
   * KServe: the runtime's scope.
   * @default "cluster" (a ClusterServingRuntime, as NVIDIA's KServe recipes do)
   */
  readonly runtimeScope?: "cluster" | "namespace";
  /**
   * Who can reach the service (KServe visibility; the NIM Operator's Service type ClusterIP either way).
   * @default "cluster-local"
   */
  readonly visibility?: "cluster-local" | "exposed";
  /**
   * KServe: the InferenceService's deployment mode. `"Knative"` is how NVIDIA's KServe recipe
   * (nim-deploy) runs NIMs: concurrency-based autoscaling with a target of 10 requests per pod unless
   * `scaling` says otherwise. OpenShift AI 3.x serves Standard only.
   * @default "Standard"
   */
  readonly deploymentMode?: DeploymentMode;
  /**
   * Autoscaling between `min` and `max` replicas (excludes `replicas`). On KServe also the metric, target
   * and autoscaler of the InferenceService; the NIM Operator takes `min` and `max` only (its HPA).
   * @default fixed replicas; with Knative, `{ metric: "concurrency", target: 10 }` (NVIDIA's recipe)
   */
  readonly scaling?: ScalingProps;
  /**
   * KServe: how long the NIM may take to start before the kubelet restarts it (the startup probe's
   * budget). The first start of a NIM without a filled cache downloads the weights, so the budget
   * follows the model's size: 15 minutes plus 25 seconds per GiB of weights (about 50 MiB/s of download
   * and loading), or 15 minutes plus 5 seconds per GiB when the cache is filled (`cache.prefilled`,
   * `cache.downloadJob`).
   * @default from the model's `weightsSize` and the cache as above
   */
  readonly startupSeconds?: number;
  /**
   * KServe: labels on the InferenceService.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * KServe: annotations on the InferenceService.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

/** Props of OpenShift AI's NIM Account (one per namespace; it validates the key and feeds the dashboard). */
export interface NimAccountProps {
  /**
   * Account name.
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace of the Account.
   * @default OpenShift AI's applications namespace
   */
  readonly namespace?: string;
  /** The Secret with the NGC key the Account reads (key `api_key`; a name means `NgcSecrets.accountApiKey(name)`). */
  readonly apiKeySecret: string | NimAccountSecret;
  /**
   * How often the key is validated again (Go duration).
   * @default OpenShift AI's default (24h)
   */
  readonly validationRefreshRate?: string;
  /**
   * How often the model list is refreshed (Go duration).
   * @default OpenShift AI's default (24h)
   */
  readonly nimConfigRefreshRate?: string;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}
