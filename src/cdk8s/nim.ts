/**
 * Nim and NimAccount: NVIDIA NIM models in one typed call.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildNim, buildNimAccount, nimRuntime } from "../index";
import type { IRuntime, NimAccountHandle, NimAccountProps, NimHandle, NimModelSpec, NimProps, RuntimeInfo } from "../index";
import { adopt, buildWithHandles } from "./state";
import { createdHandle, createdName } from "./plus";
import type { ClaimClass, WithHandles } from "./plus";

/** Props of the catalogue shortcuts (`Nim.llama31_8bInstruct(...)`): everything but the model. */
export type NimPresetProps = WithHandles<Omit<NimProps, "model">>;

/**
 * An NVIDIA NIM model, deployed on KServe (a runtime and an InferenceService, with OpenShift AI's
 * metadata on OpenShift AI targets) or with the NIM Operator (`platform: "nim-operator"`: a NIMCache and
 * a NIMService). NGC credentials are two typed Secret references that are never mixed up.
 *
 * @example
 * Nim.llama31_8bInstruct(chart, "llama", { ngc: { apiKeySecret: "nvidia-nim-secrets", pullSecret: "ngc-secret" }, hardware: a100 });
 */
export class Nim extends Construct implements IRuntime {
  /** Describes a model the catalogue does not know; it goes through the same checks. */
  public static model(spec: NimModelSpec): NimModelSpec {
    return spec;
  }
  /** Llama 3 8B Instruct (1 or 2 GPUs). */
  public static llama3_8bInstruct(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "llama3-8b-instruct" });
  }
  /** Llama 3 70B Instruct (2 or 4 GPUs). */
  public static llama3_70bInstruct(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "llama3-70b-instruct" });
  }
  /** Llama 3.1 8B Instruct (1 or 2 GPUs). */
  public static llama31_8bInstruct(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "llama-3.1-8b-instruct" });
  }
  /** Llama 3.1 70B Instruct (2 or 4 GPUs). */
  public static llama31_70bInstruct(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "llama-3.1-70b-instruct" });
  }
  /** Mistral 7B Instruct v0.3 (1 GPU). */
  public static mistral7bInstructV03(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "mistral-7b-instruct-v03" });
  }
  /** Mixtral 8x7B Instruct v0.1 (2 GPUs). */
  public static mixtral8x7bInstructV01(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "mixtral-8x7b-instruct-v01" });
  }
  /** Mixtral 8x22B Instruct v0.1 (8 GPUs). */
  public static mixtral8x22bInstructV01(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "mixtral-8x22b-instruct-v01" });
  }
  /** Llama 3.3 Nemotron Super 49B v1 (2 GPUs). */
  public static llama33NemotronSuper49bV1(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "llama-3.3-nemotron-super-49b-v1" });
  }
  /** NV-EmbedQA E5 v5 embeddings (1 GPU). */
  public static nvEmbedqaE5V5(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "nv-embedqa-e5-v5" });
  }
  /** NV-RerankQA Mistral 4B v3 reranking (1 GPU). */
  public static nvRerankqaMistral4bV3(scope: Construct, id: string, props: NimPresetProps): Nim {
    return new Nim(scope, id, { ...props, model: "nv-rerankqa-mistral-4b-v3" });
  }

  /** The handle. */
  public readonly nim: NimHandle;
  /** The KServe runtime, for other Nims of the same model (`runtime: nim`); invalid on the NIM Operator. */
  public readonly runtime: RuntimeInfo;
  /** The service's name. */
  public readonly name: string;
  /** The name of the InferenceService (KServe) or NIMService (NIM Operator); the same as `name`. */
  public readonly serviceName: string;
  /** The name of the KServe runtime it uses (its own or a shared one); `undefined` on the NIM Operator. */
  public readonly runtimeName: string | undefined;
  /** `kserve` or `nim-operator`. */
  public readonly platform: NimHandle["platform"];
  /** The synthesized objects. */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<NimProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildNim);
    this.nim = result.handle;
    this.name = result.handle.name;
    this.serviceName = result.handle.name;
    this.runtimeName = result.handle.runtime?.name;
    this.platform = result.handle.platform;
    this.runtime = nimRuntime(result.handle);
    this.apiObjects = adopt(this, result);
    const claimName = createdName(this.apiObjects, "PersistentVolumeClaim");
    if (claimName !== undefined) this.cacheClaimName = claimName;
  }

  /** Name of the cache claim this Nim creates (on KServe, with `cache.create`), if it creates one. */
  public readonly cacheClaimName?: string;

  /**
   * The cache claim this Nim creates, as a cdk8s-plus object of the line you use (pass its
   * `PersistentVolumeClaim` class), to mount it elsewhere with cdk8s-plus. The same object on every call;
   * a ValidationError when the Nim creates no claim (an existing claim, an emptyDir cache, or the NIM
   * Operator, whose NIMCache makes the claim).
   */
  public cacheClaim<T>(claimClass: ClaimClass<T>): T {
    return createdHandle(this, "PersistentVolumeClaim", this.cacheClaimName, "cacheClaim", claimClass, (name, id) => claimClass.fromClaimName(this, id, name));
  }
}

/** OpenShift AI's NIM Account: validates the NGC key (Secret key `api_key`) and feeds the dashboard's NIM catalogue. One per namespace. */
export class NimAccount extends Construct {
  /** The handle. */
  public readonly account: NimAccountHandle;
  /** The Account's name. */
  public readonly accountName: string;
  /** The synthesized objects. */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: WithHandles<NimAccountProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildNimAccount);
    this.account = result.handle;
    this.accountName = result.handle.name;
    this.apiObjects = adopt(this, result);
  }
}
