/**
 * StorageConfig: the entries of the namespace's storage-config Secret, which ModelMesh (and KServe's
 * `storage: {key, path}`) read models through.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { buildStorageConfig, locateInStorageConfig } from "../index";
import type {
  FleetStorage,
  ModelLocation,
  StorageConfigEntryProps,
  StorageConfigHandle,
  StorageConfigJobProps,
  StorageConfigPathOptions,
  StorageConfigProps,
} from "../index";
import { KServeComponent } from "./component";
import type { Inputify } from "./args";

/** Credentials of an entry the library writes; `secretName` may be an Input (a Pulumi secret stays secret) or a `k8s.core.v1.Secret`. */
export type CredentialsArgs<E extends { readonly credentials?: { readonly secretName: string } }> = Inputify<NonNullable<E["credentials"]>>;

/** An entry with `credentials.secretName` accepting an Input. */
export type EntryArgs<E extends { readonly credentials?: { readonly secretName: string } }> = Inputify<E>;

/** One entry of the storage-config Secret (see the core's {@link StorageConfigProps.entries}). */
export type StorageConfigEntryArgs = Inputify<StorageConfigEntryProps>;

/** The Job that writes the Secret, with its `image` and `imagePullSecrets` items accepting Inputs. */
export interface StorageConfigJobArgs extends Inputify<StorageConfigJobProps> {}

/**
 * Args of a {@link StorageConfig}: the core's {@link StorageConfigProps}, with `namespace`, `secretName`,
 * the entries' credential Secret names and the Job's image and pull secrets accepting Inputs (see
 * {@link Inputify}).
 */
export interface StorageConfigArgs extends Inputify<StorageConfigProps> {}

/**
 * The storage-config Secret's entries. The library never writes key material: with `source: "existing"`
 * (the default) it only references entries (and checks the models that use them); `"data-connections"`
 * (OpenShift AI) patches your credential Secrets with the labels OpenShift AI builds the entries from
 * (server-side patches: Pulumi never owns those Secrets); `{ job: { image } }` creates a Job that writes
 * the Secret at deploy time from your credential Secrets.
 *
 * Registered outputs: `secretName`, `keys`, `serviceAccountName`, `namespace`, `objects`.
 *
 * @example
 * const storage = new StorageConfig("storage", {
 *   source: { job: { image: "registry.redhat.io/openshift4/ose-cli:latest" } },
 *   entries: { minio: { type: "s3", bucket: "models", endpoint: "https://minio.minio:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } } },
 * }, { provider });
 * new InferenceService("mnist", { engine, model: storage.path("minio", "sklearn/mnist-svm.joblib") }, { provider });
 */
export class StorageConfig extends KServeComponent<StorageConfigHandle> {
  /** The handle (Output leaves are placeholders in it). */
  public readonly storageConfig: StorageConfigHandle;
  /** The Secret's name. */
  public readonly secretName: pulumi.Output<string>;
  /**
   * The ServiceAccount the Job runs as (`source: { job }`), to grant it more with RBAC; undefined when
   * the StorageConfig creates no Job.
   */
  public readonly serviceAccount?: k8s.core.v1.ServiceAccount;
  /** Name of the ServiceAccount the Job runs as, if the StorageConfig creates one (as in the cdk8s construct). */
  public readonly serviceAccountName: pulumi.Output<string | undefined>;

  constructor(name: string, args: StorageConfigArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:StorageConfig", name, args, opts, buildStorageConfig);
    this.storageConfig = this.handle;
    this.secretName = this.resolvedHandle.apply((handle) => handle.secretName);
    const serviceAccount = this.resourceOfKind("ServiceAccount");
    if (serviceAccount !== undefined) this.serviceAccount = serviceAccount as k8s.core.v1.ServiceAccount;
    this.serviceAccountName = this.nameOfKind("ServiceAccount");
    this.registerAll({ secretName: this.secretName, keys: this.handle.keys, serviceAccountName: this.serviceAccountName });
  }

  /** The model at `path` (a leading '/' is dropped) in entry `key`: `storage: { key, path }`. */
  public path(key: string, path: string, options?: StorageConfigPathOptions): ModelLocation {
    const location = locateInStorageConfig(this.storageConfig, key, path, options);
    this.registerDerived(location, (handle) => handle.locate(key, path, options));
    return location;
  }

  /** One entry as a fleet's storage (`new ModelFleet(..., { storage: storageConfig.entry("minio") })`). */
  public entry(key: string, options?: StorageConfigPathOptions): FleetStorage {
    const entry: FleetStorage = { path: (path: string) => this.storageConfig.locate(key, path, options) };
    this.registerDerived(entry, (handle): FleetStorage => ({ path: (path: string) => handle.locate(key, path, options) }));
    return entry;
  }
}
