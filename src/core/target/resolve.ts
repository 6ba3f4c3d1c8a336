/**
 * Turns {@link TargetProps} into a resolved {@link Target}. Resolving reports nothing: the target rules
 * (`./rules.ts`) check the same props.
 */
import type { IssueDraft } from "../errors";
import type { TargetProps } from "./props";
import type { Version } from "./version";
import { atLeast, compareVersions, formatVersion, parseVersion } from "./version";
import type { KServeFeature, OpenShiftAIRelease } from "./features";
import { CURRENT_KSERVE_VERSION, CURRENT_OPENSHIFT_AI_VERSION, KSERVE_FEATURES, OPENSHIFT_AI_RELEASES } from "./features";
import { memoByTargetProps } from "./memo";

/** A resolved target. */
export interface Target {
  /** KServe version. */
  readonly kserve: Version;
  /** Kubernetes version, when the target declares it (`target.kubernetesVersion`). */
  readonly kubernetes?: Version;
  /** OpenShift AI settings, when the cluster runs it. */
  readonly openshiftAI?: {
    readonly version: Version;
    readonly applicationsNamespace: string;
    /** The release line (its KServe fork, HardwareProfile version, modes); the nearest one for an unsupported release (which is an error). */
    readonly release: OpenShiftAIRelease;
  };
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

/**
 * Merges props, later ones winning field by field (`undefined` does not override). A layer that names an
 * OpenShift AI release without a KServe version drops the KServe version of the layers before it: the
 * OpenShift AI release decides the KServe level.
 */
export function mergeTargetProps(...layers: (TargetProps | undefined)[]): TargetProps {
  const out: { kserveVersion?: string; kubernetesVersion?: string; openshiftAI?: TargetProps["openshiftAI"]; knativeFeatures?: readonly string[]; modelMesh?: boolean } = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (layer.openshiftAI !== undefined && layer.openshiftAI !== false && layer.kserveVersion === undefined) delete out.kserveVersion;
    if (layer.kserveVersion !== undefined) out.kserveVersion = layer.kserveVersion;
    if (layer.kubernetesVersion !== undefined) out.kubernetesVersion = layer.kubernetesVersion;
    if (layer.openshiftAI !== undefined) out.openshiftAI = layer.openshiftAI;
    if (layer.knativeFeatures !== undefined) out.knativeFeatures = layer.knativeFeatures;
    if (layer.modelMesh !== undefined) out.modelMesh = layer.modelMesh;
  }
  return out;
}

/**
 * The target that target props resolve to, with every default applied (a version string that does not
 * parse falls back to the current version). Reports nothing: the target rules
 * (`checkTargetVersions` in ./rules.ts) report bad versions.
 */
export function defaultTarget(props: TargetProps | undefined): Target {
  return resolvedTarget(props);
}

/** {@link defaultTarget}, resolved once per distinct target props (the targets are read-only and shared). */
const resolvedTarget = memoByTargetProps((props: TargetProps | undefined): Target => {
  const odhProps = props?.openshiftAI;
  let openshiftAI: Target["openshiftAI"];
  if (odhProps !== undefined && odhProps !== false) {
    const settings = odhProps === true ? {} : odhProps;
    const version = parseVersion(settings.version ?? CURRENT_OPENSHIFT_AI_VERSION) ?? (parseVersion(CURRENT_OPENSHIFT_AI_VERSION) as Version);
    openshiftAI = { version, applicationsNamespace: settings.applicationsNamespace ?? "redhat-ods-applications", release: openShiftAIRelease(version) ?? nearestRelease(version) };
  }
  const kserveText = openshiftAI !== undefined ? openshiftAI.release.kserve : (props?.kserveVersion ?? CURRENT_KSERVE_VERSION);
  const kserve = parseVersion(kserveText) ?? (parseVersion(CURRENT_KSERVE_VERSION) as Version);
  const kubernetes = props?.kubernetesVersion !== undefined ? parseVersion(props.kubernetesVersion) : undefined;
  return { kserve, ...(kubernetes !== undefined ? { kubernetes } : {}), ...(openshiftAI ? { openshiftAI } : {}), knativeFeatures: new Set(props?.knativeFeatures ?? []), ...(props?.modelMesh !== undefined ? { modelMesh: props.modelMesh } : {}) };
});

/** The supported OpenShift AI release line `version` falls in, if any. */
export function openShiftAIRelease(version: Version): OpenShiftAIRelease | undefined {
  return OPENSHIFT_AI_RELEASES.find((r) => atLeast(version, r.from) && compareVersions(version, parseVersion(r.to) as Version) <= 0);
}

/** The nearest supported release line at or below `version` (the oldest one below them all). */
export function nearestRelease(version: Version): OpenShiftAIRelease {
  const older = OPENSHIFT_AI_RELEASES.filter((r) => atLeast(version, r.from));
  return older[older.length - 1] ?? (OPENSHIFT_AI_RELEASES[0] as OpenShiftAIRelease);
}

/** True when a KServe level (or an OpenShift AI release's fork) has the feature. */
function releaseSupports(kserve: Version, release: OpenShiftAIRelease | undefined, feature: KServeFeature): boolean {
  if (release?.adds.includes(feature)) return true;
  if (release?.lacks.includes(feature)) return false;
  return atLeast(kserve, KSERVE_FEATURES[feature].since);
}

/** True when the target's KServe (on OpenShift AI: its release's KServe fork) has the feature. */
export function supports(target: Target, feature: KServeFeature): boolean {
  return releaseSupports(target.kserve, target.openshiftAI?.release, feature);
}

/** The first supported OpenShift AI release whose KServe fork has the feature, if any. */
export function firstOpenShiftAIWith(feature: KServeFeature): OpenShiftAIRelease | undefined {
  return OPENSHIFT_AI_RELEASES.find((r) => releaseSupports(parseVersion(r.kserve) as Version, r, feature));
}

/** An issue when the target lacks a feature, naming the version that added it. */
export function requireFeature(target: Target, feature: KServeFeature, path: string, value: unknown, alternative?: string): IssueDraft[] {
  if (supports(target, feature)) return [];
  const { since, what } = KSERVE_FEATURES[feature];
  if (target.openshiftAI !== undefined) {
    const first = firstOpenShiftAIWith(feature);
    const upgrade = first !== undefined ? `upgrade to OpenShift AI ${first.from} (KServe ${first.kserve}) and set target.openshiftAI.version` : "OpenShift AI has no release with it yet";
    return [
      {
        path,
        value,
        rule: `target/feature-${feature}`,
        message: `${what} needs KServe ${since} or later; the target is ${describeTarget(target)}${first !== undefined ? `, and OpenShift AI has it from ${first.from}` : ""}`,
        fix: alternative !== undefined ? `${alternative} (${upgrade})` : `${upgrade}, or do without this feature`,
      },
    ];
  }
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
