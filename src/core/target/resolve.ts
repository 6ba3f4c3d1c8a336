/**
 * Turns {@link TargetProps} into a resolved {@link Target}.
 */
import type { IssueDraft } from "../errors";
import type { TargetProps } from "./props";
import type { Version } from "./version";
import { atLeast, compareVersions, formatVersion, parseVersion } from "./version";
import type { KServeFeature } from "./features";
import { CURRENT_KSERVE_VERSION, CURRENT_OPENSHIFT_AI_VERSION, KSERVE_FEATURES, MIN_KSERVE_VERSION, OPENSHIFT_AI_KSERVE } from "./features";

/** A resolved target. */
export interface Target {
  /** KServe version. */
  readonly kserve: Version;
  /** OpenShift AI settings, when the cluster runs it. */
  readonly openshiftAI?: { readonly version: Version; readonly applicationsNamespace: string };
  /** Enabled Knative feature flags. */
  readonly knativeFeatures: ReadonlySet<string>;
  /** `target.modelMesh` as declared (availability is decided by `modelMeshAvailability`). */
  readonly modelMesh?: boolean;
}

/** The canonical deployment modes. */
export type CanonicalMode = "Standard" | "Knative" | "ModelMesh";

/** Deployment modes as users may write them: current names and the legacy aliases. */
export type DeploymentMode = CanonicalMode | "RawDeployment" | "Serverless";

/** Legacy alias to canonical name. */
export function canonicalMode(mode: DeploymentMode): CanonicalMode {
  return mode === "RawDeployment" ? "Standard" : mode === "Serverless" ? "Knative" : mode;
}

/** The name of a mode that the target's KServe understands. */
export function modeName(mode: CanonicalMode, target: Target): DeploymentMode {
  if (mode === "ModelMesh" || supports(target, "mode-names-standard-knative")) return mode;
  return mode === "Standard" ? "RawDeployment" : "Serverless";
}

/** Merges props, later ones winning field by field (`undefined` does not override). */
export function mergeTargetProps(...layers: (TargetProps | undefined)[]): TargetProps {
  const out: { kserveVersion?: string; openshiftAI?: TargetProps["openshiftAI"]; knativeFeatures?: readonly string[]; modelMesh?: boolean } = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (layer.kserveVersion !== undefined) out.kserveVersion = layer.kserveVersion;
    if (layer.openshiftAI !== undefined) out.openshiftAI = layer.openshiftAI;
    if (layer.knativeFeatures !== undefined) out.knativeFeatures = layer.knativeFeatures;
    if (layer.modelMesh !== undefined) out.modelMesh = layer.modelMesh;
  }
  return out;
}

/** Resolves target props; problems (bad version strings) come back as issues and the defaults are used. */
export function resolveTarget(props: TargetProps | undefined): { target: Target; issues: IssueDraft[] } {
  const issues: IssueDraft[] = [];
  const odhProps = props?.openshiftAI;
  let openshiftAI: Target["openshiftAI"];
  if (odhProps !== undefined && odhProps !== false) {
    const settings = odhProps === true ? {} : odhProps;
    const text = settings.version ?? CURRENT_OPENSHIFT_AI_VERSION;
    let version = parseVersion(text);
    if (version === undefined) {
      issues.push({ path: "target.openshiftAI.version", value: text, rule: "target/version", message: "not a version", fix: 'use "major.minor", for example "2.25" or "3.0"' });
      version = parseVersion(CURRENT_OPENSHIFT_AI_VERSION) as Version;
    }
    openshiftAI = { version, applicationsNamespace: settings.applicationsNamespace ?? "redhat-ods-applications" };
  }
  let kserveText = props?.kserveVersion;
  if (kserveText === undefined && openshiftAI !== undefined) {
    const odh = openshiftAI.version;
    kserveText = [...OPENSHIFT_AI_KSERVE].reverse().find((row) => atLeast(odh, row.from))?.kserve ?? "0.14";
  }
  kserveText ??= CURRENT_KSERVE_VERSION;
  let kserve = parseVersion(kserveText);
  if (kserve === undefined) {
    issues.push({ path: "target.kserveVersion", value: kserveText, rule: "target/version", message: "not a version", fix: 'use "major.minor", for example "0.20"' });
    kserve = parseVersion(CURRENT_KSERVE_VERSION) as Version;
  } else if (!atLeast(kserve, MIN_KSERVE_VERSION)) {
    issues.push({
      path: "target.kserveVersion",
      value: kserveText,
      rule: "target/unsupported-version",
      message: `KServe ${formatVersion(kserve)} predates ServingRuntimes and predictor.model (added in ${MIN_KSERVE_VERSION})`,
      fix: `upgrade KServe to ${MIN_KSERVE_VERSION} or later`,
    });
  }
  return {
    target: { kserve, ...(openshiftAI ? { openshiftAI } : {}), knativeFeatures: new Set(props?.knativeFeatures ?? []), ...(props?.modelMesh !== undefined ? { modelMesh: props.modelMesh } : {}) },
    issues,
  };
}

/** True when the target's KServe has the feature. */
export function supports(target: Target, feature: KServeFeature): boolean {
  return atLeast(target.kserve, KSERVE_FEATURES[feature].since);
}

/** An issue when the target lacks a feature, naming the version that added it. */
export function requireFeature(target: Target, feature: KServeFeature, path: string, value: unknown, alternative?: string): IssueDraft[] {
  if (supports(target, feature)) return [];
  const { since, what } = KSERVE_FEATURES[feature];
  return [
    {
      path,
      value,
      rule: `target/feature-${feature}`,
      message: `${what} needs KServe ${since} or later; the target is KServe ${formatVersion(target.kserve)}`,
      fix: alternative ?? `upgrade KServe to ${since} (and set target.kserveVersion), or do without this feature`,
    },
  ];
}

/** True when the target is OpenShift AI at `since` or later. */
export function openshiftAIAtLeast(target: Target, since: string): boolean {
  return target.openshiftAI !== undefined && atLeast(target.openshiftAI.version, since);
}

/** "KServe 0.20" or "OpenShift AI 3.0 (KServe 0.15)". */
export function describeTarget(target: Target): string {
  const kserve = `KServe ${formatVersion(target.kserve)}`;
  return target.openshiftAI ? `OpenShift AI ${formatVersion(target.openshiftAI.version)} (${kserve})` : kserve;
}

export { compareVersions };
