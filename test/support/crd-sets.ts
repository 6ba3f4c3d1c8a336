/**
 * Which CRDs each supported target is validated against: the target -> CRD set map of the conformance
 * tests (../shared/crds/README.md lists the folders).
 *
 * - An upstream KServe target is validated against that release's own CRDs (`kserve-releases/vX.Y.Z`);
 *   the level the library calls 0.21 (KServe's main branch after 0.20) against `kserve/`.
 * - An OpenShift AI target is validated against its own KServe fork (`kserve-releases/odh-*`), which
 *   differs from upstream at the same level, and, on 2.x, the 2.x operator's HardwareProfile CRD
 *   (`opendatahub-releases/v2.35.0`, `v1alpha1` only).
 * - Every set also holds the current CRDs of the other projects (NIM Operator, Open Data Hub NIM
 *   Account and OpenShift Template, Gateway API, Inference Extension, llm-d, LeaderWorkerSet, KEDA).
 *
 * Other test files use {@link crdSetFor} / `validateForTarget` (conformance.ts) to check their output
 * against the right set, and {@link MATRIX_TARGETS} to run a case on every supported target.
 */
import type { Target, TargetProps } from "kserve-constructs";
import { describeTarget, formatVersion, resolveTarget } from "kserve-constructs";
import type { CrdSet } from "./crd-schemas";

/** A named CRD set. */
export interface TargetCrdSet {
  /** Short name of the set, e.g. "kserve-0.20" or "openshift-ai-2.25". */
  readonly name: string;
  /** Folders of ../shared/crds, later ones winning for the same group/kind. */
  readonly folders: CrdSet;
}

/** The CRDs of the other projects, the same for every target. */
const COMMON = ["nvidia", "opendatahub", "gateway-api", "inference-extension", "llm-d", "lws", "keda"] as const;

/** Upstream KServe levels with a CRD set: "major.minor" -> folder. */
export const KSERVE_CRD_FOLDERS: Readonly<Record<string, string>> = {
  "0.15": "kserve-releases/v0.15.2",
  "0.17": "kserve-releases/v0.17.1",
  "0.20": "kserve-releases/v0.20.0",
  "0.21": "kserve",
};

/** OpenShift AI releases with a CRD set: "major.minor" -> the fork's folder (and the HardwareProfile folder). */
export const OPENSHIFT_AI_CRD_FOLDERS: Readonly<Record<string, { readonly kserve: string; readonly hardwareProfile?: string }>> = {
  "2.25": { kserve: "kserve-releases/odh-stable-2.x", hardwareProfile: "opendatahub-releases/v2.35.0" },
  "3.0": { kserve: "kserve-releases/odh-v3.0" },
  // 3.1 to 3.3 are at 3.0's KServe level; the fork of 3.0 is the nearest CRD set there is
  "3.1": { kserve: "kserve-releases/odh-v3.0" },
  "3.2": { kserve: "kserve-releases/odh-v3.0" },
  "3.3": { kserve: "kserve-releases/odh-v3.0" },
  "3.4": { kserve: "kserve-releases/odh-v3.4" },
  "3.5": { kserve: "kserve-releases/odh-v3.5" },
};

function isResolved(target: Target | TargetProps | undefined): target is Target {
  return target !== undefined && typeof (target as Partial<Target>).kserve === "object";
}

/** Resolves target props (throws on props the library itself refuses). */
export function resolveForTest(target: Target | TargetProps | undefined): Target {
  if (isResolved(target)) return target;
  const { target: resolved, issues } = resolveTarget(target);
  const errors = issues.filter((i) => i.severity !== "warning");
  if (errors.length > 0) throw new Error(`the library refuses this target: ${errors.map((i) => `${i.rule}: ${i.message}`).join("; ")}`);
  return resolved;
}

/**
 * The CRD set a target is validated against. Throws for a target without one (a KServe level whose
 * CRDs are not in ../shared, such as 0.16).
 */
export function crdSetFor(target: Target | TargetProps | undefined): TargetCrdSet {
  const resolved = resolveForTest(target);
  if (resolved.openshiftAI !== undefined) {
    const version = formatVersion(resolved.openshiftAI.version);
    const odh = OPENSHIFT_AI_CRD_FOLDERS[version];
    if (odh === undefined) throw new Error(`no CRD set for ${describeTarget(resolved)} (OpenShift AI releases with one: ${Object.keys(OPENSHIFT_AI_CRD_FOLDERS).join(", ")})`);
    return {
      name: `openshift-ai-${version}`,
      folders: [odh.kserve, ...COMMON, ...(odh.hardwareProfile !== undefined ? [odh.hardwareProfile] : [])],
    };
  }
  const version = formatVersion(resolved.kserve);
  const folder = KSERVE_CRD_FOLDERS[version];
  if (folder === undefined) throw new Error(`no CRD set for ${describeTarget(resolved)} (KServe levels with one: ${Object.keys(KSERVE_CRD_FOLDERS).join(", ")})`);
  return { name: `kserve-${version}`, folders: [folder, ...COMMON] };
}

/** A target of the conformance matrix. */
export interface MatrixTarget {
  /** "KServe 0.20", "OpenShift AI 2.25". */
  readonly name: string;
  /**
   * The target props. Both platform fields are always present (`openshiftAI: false` upstream), so the
   * matrix target replaces a chart's own platform when spread over it.
   */
  readonly props: TargetProps & Required<Pick<TargetProps, "openshiftAI">>;
}

/** Every target the library supports and validates, oldest first. */
export const MATRIX_TARGETS: readonly MatrixTarget[] = [
  { name: "KServe 0.15", props: { kserveVersion: "0.15", openshiftAI: false } },
  { name: "KServe 0.17", props: { kserveVersion: "0.17", openshiftAI: false } },
  { name: "KServe 0.20", props: { kserveVersion: "0.20", openshiftAI: false } },
  { name: "KServe 0.21", props: { kserveVersion: "0.21", openshiftAI: false } },
  { name: "OpenShift AI 2.25", props: { kserveVersion: undefined, openshiftAI: { version: "2.25" } } },
  { name: "OpenShift AI 3.0", props: { kserveVersion: undefined, openshiftAI: { version: "3.0" } } },
  { name: "OpenShift AI 3.4", props: { kserveVersion: undefined, openshiftAI: { version: "3.4" } } },
  { name: "OpenShift AI 3.5", props: { kserveVersion: undefined, openshiftAI: { version: "3.5" } } },
];
