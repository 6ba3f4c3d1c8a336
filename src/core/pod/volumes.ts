/**
 * Volumes with their mount, as one prop each.
 */
import type { Volume, VolumeMount } from "../k8s";
import { sortBy } from "../canonical";

/** A volume and where the main container mounts it. Give exactly one source. */
export interface VolumeProps {
  /** Volume name (a DNS-1123 label). */
  readonly name: string;
  /** Absolute path in the container. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this path inside the volume.
   * @default the whole volume
   */
  readonly subPath?: string;
  /** Scratch space; `medium: "Memory"` for tmpfs (for example /dev/shm). */
  readonly emptyDir?: { readonly medium?: "Memory" | ""; readonly sizeLimit?: string };
  /** Files from a ConfigMap. */
  readonly configMap?: { readonly name: string; readonly items?: readonly { readonly key: string; readonly path: string }[] };
  /** Files from a Secret (a reference; its data never appears in the output). */
  readonly secret?: { readonly secretName: string; readonly items?: readonly { readonly key: string; readonly path: string }[] };
  /** An existing PersistentVolumeClaim. */
  readonly persistentVolumeClaim?: { readonly claimName: string; readonly readOnly?: boolean };
}

/** The sources a volume can have (exactly one). */
export const VOLUME_SOURCES = ["emptyDir", "configMap", "secret", "persistentVolumeClaim"] as const;

/** Renders pod volumes and container mounts, each sorted by name. */
export function renderVolumes(volumes: readonly VolumeProps[] | undefined): { volumes?: Volume[]; mounts?: VolumeMount[] } {
  if (volumes === undefined || volumes.length === 0) return {};
  const sorted = sortBy(volumes, (v) => v.name);
  return {
    volumes: sorted.map((v) => {
      const out: Volume = { name: v.name };
      if (v.emptyDir) out.emptyDir = { ...(v.emptyDir.medium ? { medium: v.emptyDir.medium } : {}), ...(v.emptyDir.sizeLimit ? { sizeLimit: v.emptyDir.sizeLimit } : {}) };
      if (v.configMap) out.configMap = { name: v.configMap.name, ...(v.configMap.items ? { items: v.configMap.items.map((i) => ({ ...i })) } : {}) };
      if (v.secret) out.secret = { secretName: v.secret.secretName, ...(v.secret.items ? { items: v.secret.items.map((i) => ({ ...i })) } : {}) };
      if (v.persistentVolumeClaim) out.persistentVolumeClaim = { ...v.persistentVolumeClaim };
      return out;
    }),
    mounts: sorted.map((v) => ({
      name: v.name,
      mountPath: v.mountPath,
      ...(v.readOnly !== undefined ? { readOnly: v.readOnly } : {}),
      ...(v.subPath !== undefined ? { subPath: v.subPath } : {}),
    })),
  };
}
