/**
 * Volumes with their mount, as one prop each.
 */
import type { Volume, VolumeMount } from "../k8s";
import type { IssueDraft } from "../errors";
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

const SOURCES = ["emptyDir", "configMap", "secret", "persistentVolumeClaim"] as const;

/** Checks that each volume has exactly one source and names and mount paths are unique. */
export function checkVolumes(path: string, volumes: readonly VolumeProps[] | undefined): IssueDraft[] {
  if (volumes === undefined) return [];
  const issues: IssueDraft[] = [];
  const names = new Set<string>();
  const mounts = new Set<string>();
  volumes.forEach((volume, index) => {
    const at = `${path}[${index}]`;
    const sources = SOURCES.filter((s) => volume[s] !== undefined);
    if (sources.length !== 1) {
      issues.push({
        path: at,
        value: sources,
        rule: "volumes/one-source",
        message: `volume "${volume.name}" must have exactly one source, has ${sources.length === 0 ? "none" : sources.join(" and ")}`,
        fix: `give exactly one of ${SOURCES.join(", ")}`,
      });
    }
    if (names.has(volume.name)) {
      issues.push({ path: `${at}.name`, value: volume.name, rule: "volumes/unique-name", message: `volume name "${volume.name}" is used twice`, fix: "give each volume its own name" });
    }
    names.add(volume.name);
    if (!volume.mountPath.startsWith("/")) {
      issues.push({ path: `${at}.mountPath`, value: volume.mountPath, rule: "volumes/mount-path", message: "mountPath must be absolute", fix: `use "/${volume.mountPath}"` });
    }
    if (mounts.has(volume.mountPath)) {
      issues.push({ path: `${at}.mountPath`, value: volume.mountPath, rule: "volumes/unique-mount", message: `two volumes are mounted at ${volume.mountPath}`, fix: "mount each volume at its own path" });
    }
    mounts.add(volume.mountPath);
  });
  return issues;
}

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
