/**
 * A model location: what an InferenceService needs to load a model from a storage.
 */

/** What a location from a StorageConfig knows of the storage-config Secret (checked where a model uses it). */
export interface StorageConfigReference {
  readonly secretName: string;
  /** Entries by key: their type, and whether they name a bucket (`unknown` for entries the library does not write). */
  readonly entries: Readonly<Record<string, { readonly type: "s3" | "gcs" | "azure" | "pvc"; readonly bucket: "declared" | "none" | "unknown" }>>;
}

/** Kinds of storage. */
export type StorageKind = "s3" | "pvc" | "oci" | "hf" | "gcs" | "azure" | "uri";

/** Where a model is and what the serving pod needs to read it. Returned by `storage.path(...)`. */
export interface ModelLocation {
  /** The storageUri, when the model is addressed by URI. */
  readonly uri?: string;
  /** The `storage` spec, when the model is addressed through the storage-config Secret. */
  readonly storage?: { readonly key: string; readonly path: string; readonly parameters?: Readonly<Record<string, string>> };
  /** The ServiceAccount whose Secrets hold the credentials. */
  readonly serviceAccountName?: string;
  /** Pull secrets the pod needs (OCI models in private registries). */
  readonly imagePullSecrets?: readonly string[];
  /** Mount a PVC model writable (KServe mounts it read-only unless told otherwise). */
  readonly writable?: boolean;
  /** No storage: the engine's image brings the model or the engine downloads it itself. */
  readonly none?: boolean;
  /** Namespace the storage's objects live in (the InferenceService must be there too). */
  readonly namespace?: string;
  /** The storage this location came from. */
  readonly source?: {
    readonly where: string;
    readonly kind: StorageKind;
    readonly valid: boolean;
    readonly claimName?: string;
    readonly accessModes?: readonly string[];
    /** The declared entries of the storage-config Secret, for locations from a StorageConfig. */
    readonly storageConfig?: StorageConfigReference;
  };
}

/** Factories for locations that need no storage construct. */
export const ModelLocation = {
  /**
   * A model at a URI whose storage needs no credentials wiring from the library (a public `hf://` model,
   * an anonymous `https://` file) or whose ServiceAccount you manage yourself.
   */
  fromUri(uri: string, options: { readonly serviceAccountName?: string; readonly imagePullSecrets?: readonly string[] } = {}): ModelLocation {
    return {
      uri,
      ...(options.serviceAccountName !== undefined ? { serviceAccountName: options.serviceAccountName } : {}),
      ...(options.imagePullSecrets !== undefined ? { imagePullSecrets: options.imagePullSecrets } : {}),
    };
  },
  /**
   * No model storage: the engine's image holds the model, or the engine fetches it itself (NVIDIA NIM,
   * engines given a model id in their args). KServe then mounts nothing at /mnt/models.
   */
  none(): ModelLocation {
    return { none: true };
  },
} as const;
