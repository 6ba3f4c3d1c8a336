/**
 * StorageConfig: the entries of the namespace's storage-config Secret, which ModelMesh (and KServe's
 * `storage: {key, path}`) read models through.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { buildStorageConfig } from "../index";
import type { FleetStorage, ModelLocation, StorageConfigHandle, StorageConfigPathOptions, StorageConfigProps } from "../index";
import { locateInStorageConfig } from "../index";
import { adopt, buildWithHandles } from "./state";
import { createdName, serviceAccountHandle } from "./plus";
import type { ServiceAccountClass, WithHandles } from "./plus";

/**
 * The storage-config Secret's entries. The library never writes key material: with `source: "existing"`
 * (the default) it only references entries (and checks the models that use them); `"data-connections"`
 * (OpenShift AI) labels your credential Secrets so OpenShift AI builds the entries; `{ job: { image } }`
 * writes the Secret at deploy time from your credential Secrets.
 *
 * @example
 * const storage = new StorageConfig(chart, "storage", {
 *   source: { job: { image: "registry.redhat.io/openshift4/ose-cli:latest" } },
 *   entries: { minio: { type: "s3", bucket: "models", endpoint: "https://minio.minio:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } } },
 * });
 * new InferenceService(chart, "mnist", { engine, model: storage.path("minio", "sklearn/mnist-svm.joblib") });
 */
export class StorageConfig extends Construct {
  /** The handle. */
  public readonly storageConfig: StorageConfigHandle;
  /** The synthesized objects (data-connection overlays or the Job and its RBAC); empty for `existing`. */
  public readonly apiObjects: readonly ApiObject[];
  /** The storage-config Secret's name. */
  public readonly secretName: string;
  /** Name of the ServiceAccount the Job runs as (`source: { job }`), if the StorageConfig creates one. */
  public readonly serviceAccountName?: string;

  constructor(scope: Construct, id: string, props: WithHandles<StorageConfigProps>) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildStorageConfig);
    this.storageConfig = result.handle;
    this.secretName = result.handle.secretName;
    this.apiObjects = adopt(this, result);
    const serviceAccountName = createdName(this.apiObjects, "ServiceAccount");
    if (serviceAccountName !== undefined) this.serviceAccountName = serviceAccountName;
  }

  /**
   * The ServiceAccount the Job runs as, as a cdk8s-plus object of the line you use (pass its
   * `ServiceAccount` class), to grant it more with cdk8s-plus RBAC (`role.bind(...)`). The same object on
   * every call; a ValidationError when the StorageConfig creates no Job.
   *
   * @example
   * const writer = storage.serviceAccount(kplus.ServiceAccount);
   */
  public serviceAccount<T>(serviceAccountClass: ServiceAccountClass<T>): T {
    return serviceAccountHandle(this, this.serviceAccountName, this.storageConfig.namespace, serviceAccountClass);
  }

  /** The model at `path` (a leading '/' is dropped) in entry `key`: `storage: { key, path }`. */
  public path(key: string, path: string, options?: StorageConfigPathOptions): ModelLocation {
    return locateInStorageConfig(this.storageConfig, key, path, options);
  }

  /** One entry as a fleet's storage (`new ModelFleet(..., { storage: storageConfig.entry("minio") })`). */
  public entry(key: string, options?: StorageConfigPathOptions): FleetStorage {
    return { path: (path: string) => this.storageConfig.locate(key, path, options) };
  }
}
