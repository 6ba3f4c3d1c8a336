/**
 * What the shared example specs need from the adapters: the cdk8s constructs and the Pulumi components
 * give model locations, hardware requests and storage-config locations the same way.
 */
import type { HardwareRequest, HardwareRequestProps, ModelLocation, StorageConfigPathOptions } from "kserve-constructs";

/** A model storage, as the specs use it. */
export interface ModelSource {
  path(path: string): ModelLocation;
}

/** A hardware profile, as the specs use it. */
export interface ProfileSource {
  request(values?: HardwareRequestProps): HardwareRequest;
}

/** A StorageConfig, as the specs use it. */
export interface StorageConfigSource {
  path(key: string, path: string, options?: StorageConfigPathOptions): ModelLocation;
}
