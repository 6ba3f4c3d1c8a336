/**
 * ModelStorage: where models live, and the objects KServe needs to read them.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
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
  FleetStorage,
  GcsStorageProps,
  HuggingFaceStorageProps,
  ModelLocation,
  OciStorageProps,
  PvcStorageProps,
  S3CredentialsProps,
  S3StorageProps,
  StorageBaseProps,
  StorageHandle,
  UriStorageProps,
} from "../index";
import { KServeComponent } from "./component";
import type { BuildFunction } from "./component";
import { registerReference } from "./inputs";
import type { Inputify } from "./args";

/**
 * The args of a storage kind: its core props with `namespace`, `serviceAccountName` and the Secret and
 * claim names accepting Inputs and `@pulumi/kubernetes` resources (see {@link Inputify}).
 */
export type StorageArgs<P extends StorageBaseProps> = Inputify<P>;

/** S3 credentials; `secretName` may be an Input or a `k8s.core.v1.Secret`. Exactly one field. */
export interface S3CredentialsArgs extends Inputify<S3CredentialsProps> {}

/** Args of {@link ModelStorage.s3}. */
export interface S3StorageArgs extends Inputify<S3StorageProps> {}
/** Args of {@link ModelStorage.pvc}. */
export interface PvcStorageArgs extends Inputify<PvcStorageProps> {}
/** Args of {@link ModelStorage.oci}. */
export interface OciStorageArgs extends Inputify<OciStorageProps> {}
/** Args of {@link ModelStorage.huggingFace}. */
export interface HuggingFaceStorageArgs extends Inputify<HuggingFaceStorageProps> {}
/** Args of {@link ModelStorage.gcs}. */
export interface GcsStorageArgs extends Inputify<GcsStorageProps> {}
/** Args of {@link ModelStorage.azureBlob}. */
export interface AzureBlobStorageArgs extends Inputify<AzureBlobStorageProps> {}
/** Args of {@link ModelStorage.uri}. */
export interface UriStorageArgs extends Inputify<UriStorageProps> {}

/**
 * A model storage. Create one with a factory (`ModelStorage.s3`, `.pvc`, `.oci`, `.huggingFace`,
 * `.gcs`, `.azureBlob`, `.uri`), then address models with `storage.path("...")`. Credentials are
 * references to existing Secrets; the storage creates the ServiceAccount (and, for S3 settings, a
 * server-side patch of the credentials Secret's annotations; Pulumi never owns that Secret). A
 * ModelFleet takes the storage itself as its `storage`.
 *
 * Registered outputs: `storageName`, `serviceAccountName`, `claimName`, `namespace`, `objects`.
 *
 * @example
 * const bucket = ModelStorage.s3("models", { bucket: "models", endpoint: "https://minio.example:9000",
 *   credentials: { secretName: "minio-credentials" } }, { provider });
 * new InferenceService("granite", { engine, model: bucket.path("granite-7b-instruct/") }, { provider });
 */
export class ModelStorage extends KServeComponent<StorageHandle> {
  /** S3 or S3-compatible storage (`s3://bucket/prefix/path`). */
  public static s3(name: string, args: S3StorageArgs, opts?: pulumi.ComponentResourceOptions): ModelStorage {
    return new ModelStorage(name, args, opts, buildS3Storage);
  }

  /** A PersistentVolumeClaim (`pvc://claim/path`), existing or created with `create`. */
  public static pvc(name: string, args: PvcStorageArgs = {}, opts?: pulumi.ComponentResourceOptions): ModelStorage {
    return new ModelStorage(name, args, opts, buildPvcStorage);
  }

  /** Models packaged as OCI images (`oci://registry/repository:tag`). */
  public static oci(name: string, args: OciStorageArgs, opts?: pulumi.ComponentResourceOptions): ModelStorage {
    return new ModelStorage(name, args, opts, buildOciStorage);
  }

  /** The Hugging Face Hub (`hf://owner/model[:revision]`). */
  public static huggingFace(name: string, args: HuggingFaceStorageArgs = {}, opts?: pulumi.ComponentResourceOptions): ModelStorage {
    return new ModelStorage(name, args, opts, buildHuggingFaceStorage);
  }

  /** Google Cloud Storage (`gs://bucket/prefix/path`). */
  public static gcs(name: string, args: GcsStorageArgs, opts?: pulumi.ComponentResourceOptions): ModelStorage {
    return new ModelStorage(name, args, opts, buildGcsStorage);
  }

  /** Azure Blob Storage. */
  public static azureBlob(name: string, args: AzureBlobStorageArgs, opts?: pulumi.ComponentResourceOptions): ModelStorage {
    return new ModelStorage(name, args, opts, buildAzureBlobStorage);
  }

  /** Plain HTTP(S) downloads below a base URL. */
  public static uri(name: string, args: UriStorageArgs, opts?: pulumi.ComponentResourceOptions): ModelStorage {
    return new ModelStorage(name, args, opts, buildUriStorage);
  }

  /** The storage handle (Output leaves are placeholders in it). */
  public readonly storage: StorageHandle;
  /** The storage's name. */
  public readonly storageName: string;
  /**
   * The ServiceAccount the storage creates (the one that lists its credentials), for RBAC bindings:
   * `subjects: [{ kind: "ServiceAccount", name: bucket.serviceAccount.metadata.name }]`; undefined when
   * the storage creates none.
   */
  public readonly serviceAccount?: k8s.core.v1.ServiceAccount;
  /**
   * The PersistentVolumeClaim the storage creates (`ModelStorage.pvc` with `create`), to mount it;
   * undefined when the storage creates none.
   */
  public readonly claim?: k8s.core.v1.PersistentVolumeClaim;
  /** Name of the ServiceAccount the storage creates, if it creates one (as in the cdk8s construct). */
  public readonly serviceAccountName: pulumi.Output<string | undefined>;
  /** Name of the PersistentVolumeClaim the storage creates, if it creates one (as in the cdk8s construct). */
  public readonly claimName: pulumi.Output<string | undefined>;

  private constructor(name: string, args: object, opts: pulumi.ComponentResourceOptions | undefined, build: BuildFunction<never, StorageHandle>) {
    super("kserve-constructs:index:ModelStorage", name, args, opts, build);
    this.storage = this.handle;
    this.storageName = this.handle.name;
    const serviceAccount = this.resourceOfKind("ServiceAccount");
    if (serviceAccount !== undefined) this.serviceAccount = serviceAccount as k8s.core.v1.ServiceAccount;
    const claim = this.resourceOfKind("PersistentVolumeClaim");
    if (claim !== undefined) this.claim = claim as k8s.core.v1.PersistentVolumeClaim;
    // passed itself (a ModelFleet's `storage`), it stands for its model locations
    const fleetStorage: FleetStorage = { path: (path) => this.storage.locate(path) };
    this.registerDerived(fleetStorage, (handle): FleetStorage => ({ path: (path) => handle.locate(path) }));
    registerReference(this, () => fleetStorage);
    this.serviceAccountName = this.nameOfKind("ServiceAccount");
    this.claimName = this.nameOfKind("PersistentVolumeClaim");
    this.registerAll({ storageName: this.storageName, serviceAccountName: this.serviceAccountName, claimName: this.claimName });
  }

  /**
   * The location of a model inside this storage: a key below the bucket and prefix, a path inside the
   * claim, `owner/model[:revision]` on the Hub, `repository:tag` below the registry. When the storage
   * has Output args, InferenceServices using the location get their real values.
   */
  public path(path: string): ModelLocation {
    const location = locateChecked(this.storage, path);
    this.registerDerived(location, (handle) => handle.locate(path));
    return location;
  }
}
