/**
 * Props of a StorageConfig: the entries of a namespace's `storage-config` Secret (one JSON document per
 * key), which ModelMesh reads for every model and KServe reads for `storage: {key, path}` models. The
 * library never writes key material: credentials are references to existing Secrets, read at deploy time.
 */
import type { ResourcesProps } from "../pod/resources";
import type { TargetProps } from "../target/props";

/** A key of an existing Secret. */
export interface SecretKeyProps {
  /** Name of the Secret. */
  readonly secretName: string;
}

/** An S3 (or S3-compatible) entry: `{"type": "s3", "endpoint_url", "region", "bucket", "access_key_id", "secret_access_key"}`. */
export interface S3EntryProps {
  readonly type: "s3";
  /**
   * Bucket models are read from unless a model names its own (`bucket`; ModelMesh's deprecated alias is `default_bucket`).
   * @default none (every model must give its bucket)
   */
  readonly bucket?: string;
  /**
   * Endpoint URL with scheme, for example `https://minio.example:9000` (`endpoint_url`). ModelMesh requires it.
   * @default none (required when the library writes the entry)
   */
  readonly endpoint?: string;
  /**
   * Region (`region`). ModelMesh requires it (MinIO accepts any, for example `us-east-1`).
   * @default none (required when the library writes the entry)
   */
  readonly region?: string;
  /**
   * Where the keys are: an existing Secret with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (or the
   * key names given here). Only for entries the library writes.
   * @default none (required when the Job writes the entry: ModelMesh's S3 client needs the keys; a data connection's keys are its own Secret's)
   */
  readonly credentials?: SecretKeyProps & {
    /**
     * Key holding the access key id.
     * @default "AWS_ACCESS_KEY_ID"
     */
    readonly accessKeyIdKey?: string;
    /**
     * Key holding the secret access key.
     * @default "AWS_SECRET_ACCESS_KEY"
     */
    readonly secretAccessKeyKey?: string;
  };
  /**
   * A PEM CA bundle for the endpoint, from a ConfigMap key (`certificate`). Only with a Job source.
   * @default the system trust store
   */
  readonly certificate?: { readonly configMapName: string; readonly key: string };
}

/** A Google Cloud Storage entry: `{"type": "gcs", "bucket", "private_key", "client_email", "token_uri"}`. */
export interface GcsEntryProps {
  readonly type: "gcs";
  /**
   * Bucket models are read from unless a model names its own.
   * @default none (every model must give its bucket)
   */
  readonly bucket?: string;
  /**
   * OAuth token URI of the service account (`token_uri`).
   * @default Google's
   */
  readonly tokenUri?: string;
  /**
   * An existing Secret with the service account's `private_key` and `client_email` (or the key names
   * given here). Only for entries the library writes.
   * @default none (public buckets)
   */
  readonly credentials?: SecretKeyProps & {
    /**
     * @default "private_key"
     */
    readonly privateKeyKey?: string;
    /**
     * @default "client_email"
     */
    readonly clientEmailKey?: string;
  };
}

/** An Azure Blob Storage entry: `{"type": "azure", "account_name", "container", "connection_string"}`. */
export interface AzureEntryProps {
  readonly type: "azure";
  /**
   * Storage account (`account_name`). ModelMesh requires it.
   * @default none (required when the library writes the entry)
   */
  readonly accountName?: string;
  /**
   * Blob container (`container`). ModelMesh requires it.
   * @default none (required when the library writes the entry)
   */
  readonly container?: string;
  /**
   * An existing Secret with the `connection_string` (or the key name given here). Only for entries the library writes.
   * @default none (anonymous access)
   */
  readonly credentials?: SecretKeyProps & {
    /**
     * @default "connection_string"
     */
    readonly connectionStringKey?: string;
  };
}

/** A PersistentVolumeClaim entry (ModelMesh): `{"type": "pvc", "name"}`. */
export interface PvcEntryProps {
  readonly type: "pvc";
  /** The claim holding the models (`name`). */
  readonly claimName: string;
}

/** One entry of the storage-config Secret. */
export type StorageConfigEntryProps = S3EntryProps | GcsEntryProps | AzureEntryProps | PvcEntryProps;

/** A Job that writes the storage-config Secret at deploy time from credential Secrets (read through secretKeyRef env). */
export interface StorageConfigJobProps {
  /** An image with `sh`, `awk` and `kubectl`, for example `registry.redhat.io/openshift4/ose-cli:latest` or `docker.io/bitnami/kubectl:1.31`. */
  readonly image: string;
  /**
   * Name of the Job's ServiceAccount, Role and RoleBinding (the Job is `<name>-<hash of its spec>`).
   * @default "<secretName>-writer"
   */
  readonly name?: string;
  /**
   * Change it to run the Job again (for example after rotating credentials): it is part of the Job's name.
   * @default 1
   */
  readonly revision?: number;
  /**
   * Pull secrets for the image.
   * @default none
   */
  readonly imagePullSecrets?: readonly string[];
  /**
   * Resources of the Job's container.
   * @default requests 10m CPU / 32Mi, limits 100m CPU / 128Mi
   */
  readonly resources?: ResourcesProps;
}

/** How the storage-config Secret comes to exist. */
export type StorageConfigSource = "existing" | "data-connections" | { readonly job: StorageConfigJobProps };

/** Props of a StorageConfig. */
export interface StorageConfigProps {
  /** The entries, by key (the Secret's data keys; InferenceServices use `storage: {key, path}`). */
  readonly entries: Readonly<Record<string, StorageConfigEntryProps>>;
  /**
   * Who writes the Secret:
   * - `existing`: it exists (your secret manager or OpenShift AI wrote it); the entries declare what is in it, for checks;
   * - `data-connections` (OpenShift AI): each S3 entry is a data connection, the credential Secret named
   *   like the key; the library adds the labels, annotations and non-secret keys OpenShift AI's controller
   *   builds storage-config from (a data-less overlay of that Secret, never its keys);
   * - `{ job }`: a Job, run at deploy time with its own ServiceAccount and Role, reads the credential
   *   Secrets through `secretKeyRef` environment variables and writes the Secret with `kubectl apply`.
   * @default "existing"
   */
  readonly source?: StorageConfigSource;
  /**
   * Name of the Secret (ModelMesh reads `storage-config`; so does KServe unless its `storageSpecSecretName` is changed).
   * @default "storage-config"
   */
  readonly secretName?: string;
  /**
   * Namespace of the Secret (and of the models that use it).
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}
