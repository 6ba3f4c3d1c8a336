/**
 * ModelStorage: where models live, and the wiring KServe needs to read them.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import {
  locateChecked,
  buildAzureBlobStorage,
  buildGcsStorage,
  buildHuggingFaceStorage,
  buildOciStorage,
  buildPvcStorage,
  buildS3Storage,
  buildUriStorage,
} from "../index";
import type {
  AzureBlobStorageProps,
  BuildContext,
  BuildResult,
  GcsStorageProps,
  HuggingFaceStorageProps,
  ModelLocation,
  OciStorageProps,
  PvcStorageProps,
  S3StorageProps,
  StorageHandle,
  UriStorageProps,
} from "../index";
import { adopt, buildWithHandles } from "./state";
import { createdHandle, createdName, serviceAccountHandle } from "./plus";
import type { ClaimClass, ServiceAccountClass, WithHandles } from "./plus";

/**
 * A model storage. Create one with a factory (`ModelStorage.s3`, `.pvc`, `.oci`, `.huggingFace`,
 * `.gcs`, `.azureBlob`, `.uri`), then address models with `storage.path("...")`. Credentials are
 * references to existing Secrets; the storage emits the ServiceAccount (and S3 settings) KServe reads.
 */
export class ModelStorage extends Construct {
  /** S3 or S3-compatible storage (`s3://bucket/prefix/path`). */
  public static s3(scope: Construct, id: string, props: WithHandles<S3StorageProps>): ModelStorage {
    return new ModelStorage(scope, id, props, buildS3Storage);
  }

  /** A PersistentVolumeClaim (`pvc://claim/path`), existing or created with `create`. */
  public static pvc(scope: Construct, id: string, props: WithHandles<PvcStorageProps> = {}): ModelStorage {
    return new ModelStorage(scope, id, props, buildPvcStorage);
  }

  /** Models packaged as OCI images (`oci://registry/repository:tag`). */
  public static oci(scope: Construct, id: string, props: WithHandles<OciStorageProps>): ModelStorage {
    return new ModelStorage(scope, id, props, buildOciStorage);
  }

  /** The Hugging Face Hub (`hf://owner/model[:revision]`). */
  public static huggingFace(scope: Construct, id: string, props: WithHandles<HuggingFaceStorageProps> = {}): ModelStorage {
    return new ModelStorage(scope, id, props, buildHuggingFaceStorage);
  }

  /** Google Cloud Storage (`gs://bucket/prefix/path`). */
  public static gcs(scope: Construct, id: string, props: WithHandles<GcsStorageProps>): ModelStorage {
    return new ModelStorage(scope, id, props, buildGcsStorage);
  }

  /** Azure Blob Storage. */
  public static azureBlob(scope: Construct, id: string, props: WithHandles<AzureBlobStorageProps>): ModelStorage {
    return new ModelStorage(scope, id, props, buildAzureBlobStorage);
  }

  /** Plain HTTP(S) downloads below a base URL. */
  public static uri(scope: Construct, id: string, props: WithHandles<UriStorageProps>): ModelStorage {
    return new ModelStorage(scope, id, props, buildUriStorage);
  }

  /** The storage handle. */
  public readonly storage: StorageHandle;
  /** The synthesized objects (ServiceAccount, PVC, S3 settings); empty when the props have errors. */
  public readonly apiObjects: readonly ApiObject[];
  /** The storage's name. */
  public readonly storageName: string;

  /** Name of the ServiceAccount the storage creates (the one that lists its credentials), if it creates one. */
  public readonly serviceAccountName?: string;
  /** Name of the PersistentVolumeClaim the storage creates (`ModelStorage.pvc` with `create`), if it creates one. */
  public readonly claimName?: string;

  private constructor(scope: Construct, id: string, props: unknown, build: (props: never, ctx: BuildContext) => BuildResult<StorageHandle>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, build as (props: unknown, ctx: BuildContext) => BuildResult<StorageHandle>);
    this.storage = result.handle;
    this.storageName = result.handle.name;
    this.apiObjects = adopt(this, result);
    const serviceAccountName = createdName(this.apiObjects, "ServiceAccount");
    if (serviceAccountName !== undefined) this.serviceAccountName = serviceAccountName;
    const claimName = createdName(this.apiObjects, "PersistentVolumeClaim");
    if (claimName !== undefined) this.claimName = claimName;
  }

  /**
   * The ServiceAccount this storage creates, as a cdk8s-plus object of the line you use (pass its
   * `ServiceAccount` class), for RBAC: `role.bind(bucket.serviceAccount(kplus.ServiceAccount))`. The same
   * object on every call; a ValidationError when the storage creates no ServiceAccount.
   *
   * @example
   * import * as kplus from "cdk8s-plus-31";
   * const reader = bucket.serviceAccount(kplus.ServiceAccount);
   */
  public serviceAccount<T>(serviceAccountClass: ServiceAccountClass<T>): T {
    return serviceAccountHandle(this, this.serviceAccountName, this.storage.namespace, serviceAccountClass);
  }

  /**
   * The PersistentVolumeClaim this storage creates, as a cdk8s-plus object of the line you use (pass its
   * `PersistentVolumeClaim` class), to mount it with cdk8s-plus:
   * `kplus.Volume.fromPersistentVolumeClaim(chart, "models", store.claim(kplus.PersistentVolumeClaim))`.
   * The same object on every call; a ValidationError when the storage creates no claim.
   */
  public claim<T>(claimClass: ClaimClass<T>): T {
    return createdHandle(this, "PersistentVolumeClaim", this.claimName, "claim", claimClass, (name, id) => claimClass.fromClaimName(this, id, name));
  }

  /**
   * The location of a model inside this storage: a key below the bucket and prefix, a path inside the
   * claim, `owner/model[:revision]` on the Hub, `repository:tag` below the registry.
   */
  public path(path: string): ModelLocation {
    return locateChecked(this.storage, path);
  }
}
