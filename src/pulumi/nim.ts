/**
 * Nim and NimAccount: NVIDIA NIM models in one typed call.
 */
import type * as pulumi from "@pulumi/pulumi";
import { buildNim, buildNimAccount, declareNimRuntime, nimRuntime, nimRuntimeSharing } from "../index";
import type { IRuntime, NimCacheProps, NgcApiKeySecret, NgcPullSecret, NimAccountHandle, NimAccountProps, NimAccountSecret, NimHandle, NimModelSpec, NimNgcProps, NimProps, RuntimeInfo, HfTokenSecret } from "../index";
import { KServeComponent, assertArgsObject, declaredArgs } from "./component";
import type { BuildFunction } from "./component";
import { registerReference } from "./inputs";
import { KServeProgram } from "./program";
import type { ReadinessArgs } from "./readiness";
import type { ClaimInput, SecretInput } from "./references";

/** A typed Secret reference whose name (and namespace) may be Inputs. */
export type SecretRefArgs<T extends { readonly name: string }> = Omit<T, "name" | "namespace"> & {
  /** Name of the Secret (an Input, or a `k8s.core.v1.Secret` resource). */
  readonly name: SecretInput;
} & ("namespace" extends keyof T
    ? {
        /**
         * Namespace of the Secret.
         * @default the Account's namespace
         */
        readonly namespace?: pulumi.Input<string>;
      }
    : unknown);

/** NGC credentials (see {@link NimNgcProps}); the Secret names may be Inputs (a Pulumi secret stays secret). */
export interface NimNgcArgs extends Omit<NimNgcProps, "apiKeySecret" | "pullSecret" | "hfTokenSecret"> {
  /** The Secret with the NGC API key (a name means `NgcSecrets.apiKey(name)`, key `NGC_API_KEY`). */
  readonly apiKeySecret: SecretInput | SecretRefArgs<NgcApiKeySecret>;
  /** The nvcr.io image pull secret (a name means `NgcSecrets.pullSecret(name)`). */
  readonly pullSecret: SecretInput | SecretRefArgs<NgcPullSecret>;
  /**
   * The Secret with the Hugging Face token (a name means `NgcSecrets.hfToken(name)`, key `HF_TOKEN`).
   * @default none
   */
  readonly hfTokenSecret?: SecretInput | SecretRefArgs<HfTokenSecret>;
}

/** Args of a {@link Nim}: the core's {@link NimProps}, with `namespace` and the NGC Secret names accepting Inputs. */
export interface NimArgs extends Omit<NimProps, "namespace" | "ngc" | "cache">, ReadinessArgs {
  /**
   * The model cache (see {@link NimCacheProps}); `claimName` may also be a `k8s.core.v1.PersistentVolumeClaim` resource.
   * @default an emptyDir cache
   */
  readonly cache?: Omit<NimCacheProps, "claimName"> & {
    /**
     * An existing claim (its name, an Input, or the resource).
     * @default a new claim named `<name>-cache` when `create` is given, else no claim
     */
    readonly claimName?: ClaimInput;
  };
  /**
   * Namespace.
   * @default not set (the Kubernetes provider's default namespace)
   */
  readonly namespace?: pulumi.Input<string>;
  /** NGC credentials. */
  readonly ngc: NimNgcArgs;
}

/** Args of the catalogue shortcuts (`Nim.llama31_8bInstruct(...)`): everything but the model. */
export type NimPresetArgs = Omit<NimArgs, "model">;

/**
 * An NVIDIA NIM model, deployed on KServe (a runtime and an InferenceService, with OpenShift AI's
 * metadata on OpenShift AI targets) or with the NIM Operator (`platform: "nim-operator"`: a NIMCache and
 * a NIMService). NGC credentials are two typed Secret references that are never mixed up.
 *
 * Nims of the same model and version share one runtime, as in cdk8s: when their runtimes would be the
 * same (the same plain values, or the same Output objects), the later Nim uses the earlier one's. To
 * share a runtime between Nims whose Secret names are different Outputs of the same value, pass
 * `runtime: otherNim`.
 *
 * Registered outputs: `serviceName`, `runtimeName` (KServe), `platform`, `cacheClaimName`, `namespace`, `objects`.
 *
 * @example
 * Nim.llama31_8bInstruct("llama", { ngc: { apiKeySecret: "nvidia-nim-secrets", pullSecret: "ngc-secret" }, hardware: a100 }, { provider });
 */
export class Nim extends KServeComponent<NimHandle> implements IRuntime {
  /** Describes a model the catalogue does not know; it goes through the same checks. */
  public static model(spec: NimModelSpec): NimModelSpec {
    return spec;
  }
  /** Llama 3 8B Instruct (1 or 2 GPUs). */
  public static llama3_8bInstruct(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "llama3-8b-instruct" }, opts);
  }
  /** Llama 3 70B Instruct (2 or 4 GPUs). */
  public static llama3_70bInstruct(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "llama3-70b-instruct" }, opts);
  }
  /** Llama 3.1 8B Instruct (1 or 2 GPUs). */
  public static llama31_8bInstruct(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "llama-3.1-8b-instruct" }, opts);
  }
  /** Llama 3.1 70B Instruct (2 or 4 GPUs). */
  public static llama31_70bInstruct(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "llama-3.1-70b-instruct" }, opts);
  }
  /** Mistral 7B Instruct v0.3 (1 GPU). */
  public static mistral7bInstructV03(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "mistral-7b-instruct-v03" }, opts);
  }
  /** Mixtral 8x7B Instruct v0.1 (2 GPUs). */
  public static mixtral8x7bInstructV01(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "mixtral-8x7b-instruct-v01" }, opts);
  }
  /** Mixtral 8x22B Instruct v0.1 (8 GPUs). */
  public static mixtral8x22bInstructV01(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "mixtral-8x22b-instruct-v01" }, opts);
  }
  /** Llama 3.3 Nemotron Super 49B v1 (2 GPUs). */
  public static llama33NemotronSuper49bV1(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "llama-3.3-nemotron-super-49b-v1" }, opts);
  }
  /** NV-EmbedQA E5 v5 embeddings (1 GPU). */
  public static nvEmbedqaE5V5(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "nv-embedqa-e5-v5" }, opts);
  }
  /** NV-RerankQA Mistral 4B v3 reranking (1 GPU). */
  public static nvRerankqaMistral4bV3(name: string, args: NimPresetArgs, opts?: pulumi.ComponentResourceOptions): Nim {
    return new Nim(name, { ...args, model: "nv-rerankqa-mistral-4b-v3" }, opts);
  }

  /** The handle (Output leaves are placeholders in it). */
  public readonly nim: NimHandle;
  /**
   * The KServe runtime, for other Nims of the same model (`runtime: nim`) and InferenceServices
   * (`engine: nim`); invalid on the NIM Operator.
   */
  public readonly runtime: RuntimeInfo;
  /** The name of the InferenceService (KServe) or NIMService (NIM Operator). */
  public readonly serviceName: string;
  /** The name of the KServe runtime it uses (its own or a shared one); `undefined` on the NIM Operator. */
  public readonly runtimeName: string | undefined;
  /** `kserve` or `nim-operator`. */
  public readonly platform: NimHandle["platform"];
  /** Name of the cache claim the NIM creates (KServe), if it creates one (as in the cdk8s construct). */
  public readonly cacheClaimName: pulumi.Output<string | undefined>;

  constructor(name: string, args: NimArgs, opts?: pulumi.ComponentResourceOptions) {
    assertArgsObject(name, args, buildNim as BuildFunction<never, unknown>);
    // the core says, before the Nim builds, whether it shares the runtime of a Nim declared before it
    const declared = declaredArgs(name, args, true);
    const ctx = { ...declared.declaredCtx, registry: KServeProgram.registry };
    const sharing = nimRuntimeSharing(declared.props as NimProps, ctx);
    const nimArgs = sharing.sharesWith !== undefined ? { ...args, runtime: sharing.sharesWith } : args;
    super("kserve-constructs:index:Nim", name, nimArgs, opts, buildNim, { readiness: true });
    this.nim = this.handle;
    this.serviceName = this.handle.name;
    this.platform = this.handle.platform;
    this.runtimeName = this.handle.runtime?.name;
    this.runtime = nimRuntime(this.handle);
    if (this.handle.runtime !== undefined && nimArgs.runtime === undefined) this.registerDerived(this.handle.runtime, (handle) => handle.runtime);
    declareNimRuntime(sharing, this, this.handle, ctx);
    registerReference(this, () => ({ runtime: this.runtime }));
    this.cacheClaimName = this.nameOfKind("PersistentVolumeClaim");
    this.registerAll({ serviceName: this.serviceName, runtimeName: this.runtimeName, platform: this.platform, cacheClaimName: this.cacheClaimName });
  }
}

/** Args of a {@link NimAccount}: the core's {@link NimAccountProps}, with `namespace` and the Secret's name accepting Inputs. */
export interface NimAccountArgs extends Omit<NimAccountProps, "namespace" | "apiKeySecret"> {
  /**
   * Namespace of the Account.
   * @default OpenShift AI's applications namespace
   */
  readonly namespace?: pulumi.Input<string>;
  /** The Secret with the NGC key the Account reads (key `api_key`; a name means `NgcSecrets.accountApiKey(name)`). */
  readonly apiKeySecret: SecretInput | SecretRefArgs<NimAccountSecret>;
}

/**
 * OpenShift AI's NIM Account: validates the NGC key (Secret key `api_key`) and feeds the dashboard's NIM
 * catalogue. One per namespace.
 *
 * Registered outputs: `accountName`, `namespace`, `objects`.
 */
export class NimAccount extends KServeComponent<NimAccountHandle> {
  /** The handle. */
  public readonly account: NimAccountHandle;
  /** The Account's name. */
  public readonly accountName: string;

  constructor(name: string, args: NimAccountArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:NimAccount", name, args, opts, buildNimAccount);
    this.account = this.handle;
    this.accountName = this.handle.name;
    this.registerAll({ accountName: this.accountName });
  }
}
