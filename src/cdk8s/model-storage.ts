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
import { adopt, buildContext } from "./state";

/**
 * A model storage. Create one with a factory (`ModelStorage.s3`, `.pvc`, `.oci`, `.huggingFace`,
 * `.gcs`, `.azureBlob`, `.uri`), then address models with `storage.path("...")`. Credentials are
 * references to existing Secrets; the storage emits the ServiceAccount (and S3 settings) KServe reads.
 */
export class ModelStorage extends Construct {
  /** S3 or S3-compatible storage (`s3://bucket/prefix/path`). */
  public static s3(scope: Construct, id: string, props: S3StorageProps): ModelStorage {
    return new ModelStorage(scope, id, (ctx) => buildS3Storage(props, ctx));
  }

  /** A PersistentVolumeClaim (`pvc://claim/path`), existing or created with `create`. */
  public static pvc(scope: Construct, id: string, props: PvcStorageProps = {}): ModelStorage {
    return new ModelStorage(scope, id, (ctx) => buildPvcStorage(props, ctx));
  }

  /** Models packaged as OCI images (`oci://registry/repository:tag`). */
  public static oci(scope: Construct, id: string, props: OciStorageProps): ModelStorage {
    return new ModelStorage(scope, id, (ctx) => buildOciStorage(props, ctx));
  }

  /** The Hugging Face Hub (`hf://owner/model[:revision]`). */
  public static huggingFace(scope: Construct, id: string, props: HuggingFaceStorageProps = {}): ModelStorage {
    return new ModelStorage(scope, id, (ctx) => buildHuggingFaceStorage(props, ctx));
  }

  /** Google Cloud Storage (`gs://bucket/prefix/path`). */
  public static gcs(scope: Construct, id: string, props: GcsStorageProps): ModelStorage {
    return new ModelStorage(scope, id, (ctx) => buildGcsStorage(props, ctx));
  }

  /** Azure Blob Storage. */
  public static azureBlob(scope: Construct, id: string, props: AzureBlobStorageProps): ModelStorage {
    return new ModelStorage(scope, id, (ctx) => buildAzureBlobStorage(props, ctx));
  }

  /** Plain HTTP(S) downloads below a base URL. */
  public static uri(scope: Construct, id: string, props: UriStorageProps): ModelStorage {
    return new ModelStorage(scope, id, (ctx) => buildUriStorage(props, ctx));
  }

  /** The storage handle. */
  public readonly storage: StorageHandle;
  /** The synthesized objects (ServiceAccount, PVC, S3 settings); empty when the props have errors. */
  public readonly apiObjects: readonly ApiObject[];

  private constructor(scope: Construct, id: string, build: (ctx: BuildContext) => BuildResult<StorageHandle>) {
    super(scope, id);
    const result = build(buildContext(scope, id));
    this.storage = result.handle;
    this.apiObjects = adopt(this, result);
  }

  /**
   * The location of a model inside this storage: a key below the bucket and prefix, a path inside the
   * claim, `owner/model[:revision]` on the Hub, `repository:tag` below the registry.
   */
  public path(path: string): ModelLocation {
    return locateChecked(this.storage, path);
  }
}
