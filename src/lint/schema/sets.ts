/**
 * The CRD sets `lint` ships, and which one a target is validated against.
 *
 * One set per KServe release whose CRDs the library is checked against, and one per OpenShift AI
 * release line (its KServe fork differs from upstream at the same level). A target between two releases
 * uses the next release at or above it (its API is a superset of what the target knows; the target
 * feature rules catch fields that are too new); a target above the newest uses the newest.
 */
import type { Target } from "../../core/target/resolve";
import type { Version } from "../../core/target/version";
import { compareVersions, parseVersion } from "../../core/target/version";

/** A kind whose schema `lint` validates against (the kinds the library renders or reads). */
export interface SchemaKind {
  /** API group. */
  readonly group: string;
  /** Kind. */
  readonly kind: string;
}

/** The custom-resource kinds `lint` ships schemas for. */
export const SCHEMA_KINDS: readonly SchemaKind[] = [
  { group: "serving.kserve.io", kind: "InferenceService" },
  { group: "serving.kserve.io", kind: "ServingRuntime" },
  { group: "serving.kserve.io", kind: "ClusterServingRuntime" },
  { group: "serving.kserve.io", kind: "LLMInferenceService" },
  { group: "serving.kserve.io", kind: "LLMInferenceServiceConfig" },
  { group: "apps.nvidia.com", kind: "NIMService" },
  { group: "apps.nvidia.com", kind: "NIMCache" },
  { group: "nim.opendatahub.io", kind: "Account" },
  { group: "infrastructure.opendatahub.io", kind: "HardwareProfile" },
];

/** A core Kubernetes kind (apiVersion v1) whose schema `lint` validates against, and its scope. */
export interface CoreSchemaKind {
  /** Kind. */
  readonly kind: string;
  /** `Namespaced` or `Cluster`. */
  readonly scope: "Namespaced" | "Cluster";
}

/**
 * The core kinds `lint` ships schemas for: those the KServe, NIM and OpenShift AI objects reference or the
 * library's rules read (one schema for every CRD set, from the Kubernetes API definitions of
 * kubernetes-models; unknown fields are errors, as with `kubectl apply --validate=strict`).
 */
export const CORE_SCHEMA_KINDS: readonly CoreSchemaKind[] = [
  { kind: "ConfigMap", scope: "Namespaced" },
  { kind: "Namespace", scope: "Cluster" },
  { kind: "PersistentVolumeClaim", scope: "Namespaced" },
  { kind: "Secret", scope: "Namespaced" },
  { kind: "Service", scope: "Namespaced" },
  { kind: "ServiceAccount", scope: "Namespaced" },
];

/** A set of CRDs: its name and the folders of ../shared/crds it is generated from (later ones override). */
export interface CrdSet {
  /** Name, e.g. `kserve-0.20` or `openshift-ai-3.4`. */
  readonly name: string;
  /** Folders under the CRD directory, in override order. */
  readonly folders: readonly string[];
  /** KServe release (upstream sets) or OpenShift AI release (fork sets) the set is for, `major.minor`. */
  readonly release: string;
  /** True for an OpenShift AI set. */
  readonly openshiftAI: boolean;
}

const VENDOR = ["nvidia", "opendatahub"];

/** Every shipped CRD set, oldest first within each line. */
export const CRD_SETS: readonly CrdSet[] = [
  { name: "kserve-0.15", release: "0.15", openshiftAI: false, folders: ["kserve-releases/v0.15.2", ...VENDOR] },
  { name: "kserve-0.17", release: "0.17", openshiftAI: false, folders: ["kserve-releases/v0.17.1", ...VENDOR] },
  { name: "kserve-0.20", release: "0.20", openshiftAI: false, folders: ["kserve-releases/v0.20.0", ...VENDOR] },
  { name: "kserve-0.21", release: "0.21", openshiftAI: false, folders: ["kserve", ...VENDOR] },
  { name: "openshift-ai-2.25", release: "2.25", openshiftAI: true, folders: ["kserve-releases/odh-stable-2.x", ...VENDOR, "opendatahub-releases/v2.35.0"] },
  { name: "openshift-ai-3.0", release: "3.0", openshiftAI: true, folders: ["kserve-releases/odh-v3.0", ...VENDOR] },
  { name: "openshift-ai-3.4", release: "3.4", openshiftAI: true, folders: ["kserve-releases/odh-v3.4", ...VENDOR] },
  { name: "openshift-ai-3.5", release: "3.5", openshiftAI: true, folders: ["kserve-releases/odh-v3.5", ...VENDOR] },
];

/**
 * The name of the CRD set a target is validated against. OpenShift AI: the newest set at or below the
 * release (3.1 to 3.3 run 3.0's KServe fork; every 2.x release uses the 2.25 set). Upstream KServe: the
 * oldest set at or above the version (0.16 uses 0.17's CRDs, 0.14 and older use 0.15's), the newest above it.
 */
export function crdSetFor(target: Target): string {
  const odh = target.openshiftAI;
  const release = (s: CrdSet): Version => parseVersion(s.release) ?? { major: 0, minor: 0 };
  if (odh !== undefined) {
    const line = CRD_SETS.filter((s) => s.openshiftAI);
    const below = line.filter((s) => compareVersions(release(s), odh.version) <= 0);
    return (below[below.length - 1] ?? line[0] ?? CRD_SETS[0]!).name;
  }
  const line = CRD_SETS.filter((s) => !s.openshiftAI);
  return (line.find((s) => compareVersions(release(s), target.kserve) >= 0) ?? line[line.length - 1] ?? CRD_SETS[0]!).name;
}
