/**
 * Props of the model storage kinds. Credentials are always references to existing Secrets (or an IAM
 * role): the library never writes a key.
 */
import type { TargetProps } from "../target/props";

/** Props every storage kind shares. */
export interface StorageBaseProps {
  /**
   * Name of the storage: used for the objects it creates (its ServiceAccount is `<name>-sa`).
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace of the objects it creates and of the InferenceServices that use it.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * Name of the ServiceAccount that carries the credentials, when the storage needs one.
   * @default "<name>-sa"
   */
  readonly serviceAccountName?: string;
  /**
   * Override the target platform the storage's props are checked against (a wrong version is a
   * problem of the storage). Its objects are the same on every target; the InferenceServices that use
   * it follow their own target.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

/** How an S3 storage gets its credentials. Exactly one field. */
export interface S3CredentialsProps {
  /**
   * An existing Secret with the keys `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (the names KServe
   * reads). The library lists it on a ServiceAccount and, when the storage has settings (endpoint,
   * region, TLS), emits a data-less overlay of that Secret carrying only KServe's `s3-*` annotations.
   */
  readonly secretName?: string;
  /**
   * An entry of the namespace's `storage-config` Secret (one JSON document per key, as OpenShift AI data
   * connections produce). The model is then addressed with `storage: { key, path }`; endpoint, region
   * and TLS come from the entry.
   */
  readonly storageConfigKey?: string;
  /**
   * An IAM role for the ServiceAccount (EKS IRSA); no keys at all.
   */
  readonly irsaRoleArn?: string;
}

/** S3 or S3-compatible object storage (MinIO, Ceph, OpenShift Data Foundation, ...). */
export interface S3StorageProps extends StorageBaseProps {
  /** Bucket name. */
  readonly bucket: string;
  /**
   * Key prefix every model path is appended to.
   * @default none (models are addressed from the bucket root)
   */
  readonly prefix?: string;
  /**
   * Endpoint of an S3-compatible service: `https://host:port`, `http://host:port` or `host:port`.
   * No path. The scheme sets `useHttps`.
   * @default AWS S3 (or the cluster's KServe default)
   */
  readonly endpoint?: string;
  /**
   * Region.
   * @default the cluster's KServe default
   */
  readonly region?: string;
  /**
   * Talk HTTPS to the endpoint. Must agree with the endpoint's scheme when it has one.
   * @default true (or the endpoint's scheme)
   */
  readonly useHttps?: boolean;
  /**
   * Verify the endpoint's TLS certificate.
   * @default true
   */
  readonly verifySsl?: boolean;
  /**
   * A ConfigMap with the CA bundle that signs the endpoint's certificate (KServe copies it to the model downloader).
   * @default the system trust store
   */
  readonly caBundleConfigMap?: string;
  /**
   * Address buckets as `bucket.host` (virtual-hosted style) instead of `host/bucket`.
   * @default false (path style)
   */
  readonly virtualHostedBuckets?: boolean;
  /** Where the credentials come from. */
  readonly credentials: S3CredentialsProps;
  /**
   * Emit the settings overlay on `credentials.secretName` (see {@link S3CredentialsProps.secretName}).
   * Turn off when your secret manager sets the `serving.kserve.io/s3-*` annotations itself.
   * @default true
   */
  readonly annotateSecret?: boolean;
}

/** A new PersistentVolumeClaim created with the storage. */
export interface PvcCreateProps {
  /** Requested size, for example `"200Gi"`. */
  readonly size: string;
  /**
   * Access modes. Use `ReadWriteMany` or `ReadOnlyMany` when replicas run on several nodes.
   * @default ["ReadWriteOnce"]
   */
  readonly accessModes?: readonly ("ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod")[];
  /**
   * Storage class.
   * @default the cluster's default storage class
   */
  readonly storageClassName?: string;
}

/** A PersistentVolumeClaim holding model files. KServe mounts it read-only at /mnt/models. */
export interface PvcStorageProps extends StorageBaseProps {
  /**
   * Name of the claim: an existing one, or the one to create.
   * @default the storage name
   */
  readonly claimName?: string;
  /**
   * Create the claim.
   * @default the claim exists already
   */
  readonly create?: PvcCreateProps;
  /**
   * Access modes of an existing claim, when known (used for replica checks).
   * @default unknown
   */
  readonly accessModes?: readonly ("ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod")[];
}

/** Models packaged as OCI images (KServe modelcars): model files under /models in the image. */
export interface OciStorageProps extends StorageBaseProps {
  /** Registry and repository prefix, for example `quay.io/my-org`; paths name `image:tag` below it. */
  readonly registry: string;
  /**
   * Pull secret for a private registry (name of an existing Secret).
   * @default none (public images)
   */
  readonly pullSecret?: string;
}

/** The Hugging Face Hub (`hf://org/model[:revision]`). */
export interface HuggingFaceStorageProps extends StorageBaseProps {
  /**
   * An existing Secret holding the key `HF_TOKEN`, for gated or private models.
   * @default none (public models)
   */
  readonly tokenSecret?: string;
}

/** Google Cloud Storage (`gs://`). */
export interface GcsStorageProps extends StorageBaseProps {
  /** Bucket name. */
  readonly bucket: string;
  /**
   * Key prefix.
   * @default none
   */
  readonly prefix?: string;
  /**
   * An existing Secret holding the key `gcloud-application-credentials.json`.
   * @default none (workload identity or public data)
   */
  readonly credentialsSecret?: string;
}

/** Azure Blob Storage (`https://<account>.blob.core.windows.net/<container>/...`). */
export interface AzureBlobStorageProps extends StorageBaseProps {
  /** Storage account name. */
  readonly account: string;
  /** Blob container. */
  readonly container: string;
  /**
   * Blob prefix.
   * @default none
   */
  readonly prefix?: string;
  /**
   * An existing Secret with `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`, `AZURE_TENANT_ID` (and
   * `AZURE_SUBSCRIPTION_ID`), or `AZURE_STORAGE_ACCESS_KEY`.
   * @default none (public container)
   */
  readonly credentialsSecret?: string;
}

/** Plain HTTP(S) downloads (a single file; zip and tar archives are unpacked). */
export interface UriStorageProps extends StorageBaseProps {
  /** Base URL that model paths are appended to, `https://host/path/`. */
  readonly baseUrl: string;
}
