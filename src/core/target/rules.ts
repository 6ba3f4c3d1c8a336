/**
 * Rules of the target itself (which OpenShift AI releases the library supports, and the KServe level an
 * OpenShift AI release runs), and the feature gates: one manifest rule per KServe feature the library can
 * emit, raised when a manifest uses the feature and the target's KServe (or OpenShift AI fork) lacks it
 * (the feature table is in `features.ts`).
 */
import type { IssueDraft } from "../errors";
import { formatValue, locate, throwIfErrors } from "../errors";
import { runRules } from "../rules/registry";
import { closest } from "../engine/parameters";
import { defineRule } from "../rules/registry";
import type { Finding, ManifestRule, ManifestSubject, Rule } from "../rules/registry";
import { defineManifestRule } from "../rules/registry";
import { getIn, isRecord } from "../canonical";
import { KSERVE } from "../keys";
import type { KServeFeature } from "./features";
import { KSERVE_FEATURES, MIN_KSERVE_VERSION } from "./features";
import type { Target } from "./resolve";
import { defaultTarget, mergeTargetProps, nearestRelease, openShiftAIRelease, requireFeature, supports } from "./resolve";
import type { TargetProps } from "./props";
import { CURRENT_KSERVE_VERSION, CURRENT_OPENSHIFT_AI_VERSION } from "./features";
import { IMPLEMENTATION_CONTAINERS, isServiceManifest, POD_KINDS, RUNTIME_KINDS, SERVICE_KINDS } from "../pod/rules";
import { isRuntimeManifest } from "../runtime/ref";
import { schemeOf, storageUrisOf, STORAGE_SCHEMES } from "../storage/uri";

import type { OpenShiftAIRelease } from "./features";
import { MIN_OPENSHIFT_AI_VERSION, NEWEST_OPENSHIFT_AI_VERSION, OPENSHIFT_AI_RELEASES } from "./features";
import type { Version } from "./version";
import { atLeast, compareVersions, formatVersion, parseVersion } from "./version";
import { memoByTargetProps } from "./memo";

/** What the target rules look at: the OpenShift AI release named, and the KServe version given with it. */
export interface OpenShiftAITargetSubject {
  /** `target.openshiftAI.version`, parsed. */
  readonly version: Version;
  /** The supported release line it falls in, if any. */
  readonly release: OpenShiftAIRelease | undefined;
  /** `target.kserveVersion`, parsed, when it was given. */
  readonly kserveVersion: Version | undefined;
}

const SUPPORTED = OPENSHIFT_AI_RELEASES.map((r) => (r.from === r.to ? r.from : `${r.from} to ${r.to}`)).join(", ");

/** OpenShift AI releases outside the supported lines. */
export const unsupportedOpenShiftAI = defineRule<OpenShiftAITargetSubject>({
  id: "target/unsupported-openshift-ai",
  severity: "error",
  on: "props",
  summary: "The OpenShift AI release is one the library supports (2.25, 3.0 to 3.5).",
  why: "Each OpenShift AI release runs its own KServe fork and HardwareProfile version; output for a release the library does not know would be validated against the wrong CRDs.",
  fix: `target OpenShift AI ${SUPPORTED}`,
  check: ({ version, release }) => {
    if (release !== undefined) return [];
    const text = formatVersion(version);
    const min = parseVersion(MIN_OPENSHIFT_AI_VERSION) as Version;
    if (compareVersions(version, min) < 0) {
      return [
        {
          path: "target.openshiftAI.version",
          value: text,
          message: `OpenShift AI ${text} is not supported: the library supports OpenShift AI ${SUPPORTED}. Releases before ${MIN_OPENSHIFT_AI_VERSION} are out of support, and those before the infrastructure.opendatahub.io HardwareProfile bound hardware through the dashboard's legacy kinds (dashboard.opendatahub.io AcceleratorProfile and HardwareProfile), which the library does not emit and today's operator refuses`,
          fix: `upgrade to OpenShift AI ${MIN_OPENSHIFT_AI_VERSION} or later and set target.openshiftAI.version`,
        },
      ];
    }
    return [
      {
        path: "target.openshiftAI.version",
        value: text,
        message: `OpenShift AI ${text} is newer than the releases the library knows (the newest is ${NEWEST_OPENSHIFT_AI_VERSION}); its KServe fork's CRDs have not been checked`,
        fix: `target OpenShift AI ${NEWEST_OPENSHIFT_AI_VERSION}, or upgrade kserve-constructs`,
      },
    ];
  },
});

/** An explicit KServe version that is not the one the OpenShift AI release runs. */
export const openShiftAIKServeVersion = defineRule<OpenShiftAITargetSubject>({
  id: "target/openshift-ai-kserve-version",
  severity: "error",
  on: "props",
  summary: "target.kserveVersion, when given with an OpenShift AI release, is the KServe level that release runs.",
  why: "An OpenShift AI release ships one KServe fork; the cluster's CRDs and webhooks are that fork's, whatever the target says, so features of another level would be refused on apply.",
  fix: "drop target.kserveVersion: the OpenShift AI release decides it",
  check: ({ version, release, kserveVersion }) => {
    if (release === undefined || kserveVersion === undefined) return [];
    const level = parseVersion(release.kserve) as Version;
    if (compareVersions(level, kserveVersion) === 0) return [];
    return [
      {
        path: "target.kserveVersion",
        value: formatVersion(kserveVersion),
        message: `OpenShift AI ${formatVersion(version)} runs KServe ${release.kserve} (its fork ${release.fork}), not ${formatVersion(kserveVersion)}`,
        fix: `drop target.kserveVersion (the OpenShift AI release decides it), or set it to "${release.kserve}"`,
      },
    ];
  },
});

// ---------------------------------------------------------------------------
// version strings and target names

/** A version string of the target props. */
export interface TargetVersionSubject {
  /** The field, under `target.`. */
  readonly field: "openshiftAI.version" | "kserveVersion" | "kubernetesVersion";
  /** The text given. */
  readonly text: string;
  /** True when an OpenShift AI release decides the KServe version (a kserveVersion given with it is then only checked). */
  readonly decidedByOpenShiftAI?: boolean;
}

/** Versions are "major.minor". */
export const targetVersionRule = defineRule<TargetVersionSubject>({
  id: "target/version",
  severity: "error",
  summary: 'A version of the target (target.kserveVersion, target.openshiftAI.version, target.kubernetesVersion) is "major.minor" (a patch level is allowed).',
  why: "The target decides which field names, deployment mode names and features the output uses; a version the library cannot read would silently fall back to the default release (target.kubernetesVersion: to no Kubernetes release at all, so the checks that depend on it would not run) and produce manifests for another cluster.",
  fix: 'use "major.minor", for example "0.20" or "3.0"',
  on: "props",
  check: ({ field, text, decidedByOpenShiftAI }) =>
    parseVersion(text) !== undefined
      ? []
      : [
          {
            path: `target.${field}`,
            value: text,
            message: "not a version",
            fix:
              field === "openshiftAI.version"
                ? 'use "major.minor", for example "2.25" or "3.0"'
                : field === "kubernetesVersion"
                  ? 'use "major.minor", for example "1.33"'
                  : decidedByOpenShiftAI === true
                    ? "drop target.kserveVersion: the OpenShift AI release decides it"
                    : 'use "major.minor", for example "0.20"',
          },
        ],
});

/** KServe releases before ServingRuntimes are not supported. */
export const targetUnsupportedVersionRule = defineRule<{ readonly kserve: Version; readonly text: string }>({
  id: "target/unsupported-version",
  severity: "error",
  summary: `The target's KServe is ${MIN_KSERVE_VERSION} or later.`,
  why: `Older KServe releases have no ServingRuntimes and no predictor.model, which every InferenceService the library writes uses: their API server rejects the objects.`,
  fix: `upgrade KServe to ${MIN_KSERVE_VERSION} or later`,
  on: "props",
  check: ({ kserve, text }) =>
    atLeast(kserve, MIN_KSERVE_VERSION) ? [] : [{ path: "target.kserveVersion", value: text, message: `KServe ${formatVersion(kserve)} predates ServingRuntimes and predictor.model (added in ${MIN_KSERVE_VERSION})` }],
});

/** The forms a target name takes, for help texts. */
export const TARGET_NAME_FORMS = '"0.20" or "kserve-0.20" (upstream KServe), "openshift-ai" or "openshift-ai-2.25" (OpenShift AI)';

/** A target name (the command line's `--target`) is of a known form. */
export const targetNameRule = defineRule<{ readonly name: string; readonly known: boolean }>({
  id: "target/name",
  severity: "error",
  summary: "A target name is a KServe version or an OpenShift AI release (as the command line's --target takes them).",
  why: "A name of no known form cannot say which cluster the manifests are for; checking against a default instead would validate them against the wrong release.",
  fix: `use ${TARGET_NAME_FORMS}`,
  on: "props",
  check: ({ name, known }) => (known ? [] : [{ path: "target", value: name, message: "not a target name" }]),
});

/** The target rules, in order. */
export const TARGET_RULES = [unsupportedOpenShiftAI, openShiftAIKServeVersion] as const;

/**
 * The target rules on target props (bad version strings, unsupported releases and KServe versions), in
 * the order they run; `defaultTarget` (./resolve.ts) resolves the same props and reports nothing.
 */
export function checkTargetVersions(props: TargetProps | undefined): IssueDraft[] {
  return [...checkedVersions(props)];
}

/** {@link checkTargetVersions}, checked once per distinct target props. */
const checkedVersions = memoByTargetProps((props: TargetProps | undefined): readonly IssueDraft[] => {
  const issues: IssueDraft[] = [];
  const odhProps = props?.openshiftAI;
  let onOpenShiftAI = false;
  let kserveOnOpenShiftAI: string | undefined;
  if (odhProps !== undefined && odhProps !== false) {
    onOpenShiftAI = true;
    const text = (odhProps === true ? undefined : odhProps.version) ?? CURRENT_OPENSHIFT_AI_VERSION;
    let version = parseVersion(text);
    if (version === undefined) {
      issues.push(...runRules([targetVersionRule], { field: "openshiftAI.version", text }));
      version = parseVersion(CURRENT_OPENSHIFT_AI_VERSION) as Version;
    }
    const release = openShiftAIRelease(version);
    kserveOnOpenShiftAI = (release ?? nearestRelease(version)).kserve;
    const explicit = props?.kserveVersion !== undefined ? parseVersion(props.kserveVersion) : undefined;
    issues.push(...runRules(TARGET_RULES, { version, release, kserveVersion: explicit }));
  }
  if (onOpenShiftAI && props?.kserveVersion !== undefined) issues.push(...runRules([targetVersionRule], { field: "kserveVersion", text: props.kserveVersion, decidedByOpenShiftAI: true }));
  const kserveText = kserveOnOpenShiftAI ?? props?.kserveVersion ?? CURRENT_KSERVE_VERSION;
  const kserve = parseVersion(kserveText);
  if (kserve === undefined) issues.push(...runRules([targetVersionRule], { field: "kserveVersion", text: kserveText }));
  else issues.push(...runRules([targetUnsupportedVersionRule], { kserve, text: kserveText }));
  if (props?.kubernetesVersion !== undefined && parseVersion(props.kubernetesVersion) === undefined) issues.push(...runRules([targetVersionRule], { field: "kubernetesVersion", text: props.kubernetesVersion }));
  return issues;
});

/**
 * The target rules on layered target props (the context's, then a construct's own), merged as the target
 * resolves them (`mergeTargetProps`): the one place the target rules are run from (the pipeline's `target`
 * entry, `lint`'s target, {@link resolveTarget}).
 */
export function targetIssues(...layers: (TargetProps | undefined)[]): IssueDraft[] {
  return checkTargetVersions(mergeTargetProps(...layers));
}

/** Resolves target props: `defaultTarget` (./resolve.ts, which reports nothing), with the problems the target rules find (`targetIssues`). */
export function resolveTarget(props: TargetProps | undefined): { target: Target; issues: IssueDraft[] } {
  return { target: defaultTarget(props), issues: targetIssues(props) };
}

/** One use of a feature in a manifest, or in a construct's props. */
export interface FeatureUse {
  /** Where it is used: a manifest path, or the prop path the user set. */
  readonly path: string;
  /** The value that uses it. */
  readonly value: unknown;
  /**
   * A fix other than upgrading.
   * @default upgrading KServe (or OpenShift AI) to a release with the feature
   */
  readonly alternative?: string;
}

type Detector = (subject: ManifestSubject) => FeatureUse[];

const serviceAnnotation = (subject: ManifestSubject, key: string): string | undefined => (isServiceManifest(subject.manifest) ? subject.manifest.metadata.annotations?.[key] : undefined);
const predictorField = (subject: ManifestSubject, key: string): unknown => (isServiceManifest(subject.manifest) ? getIn(subject.manifest, ["spec", "predictor", key]) : undefined);
const runtimeSpecOf = (subject: ManifestSubject): Record<string, unknown> | undefined => (isRuntimeManifest(subject.manifest) && isRecord(subject.manifest["spec"]) ? subject.manifest["spec"] : undefined);

const autoscaler = (cls: string, alternative?: string): Detector => (subject) =>
  serviceAnnotation(subject, KSERVE.autoscalerClass) === cls ? [{ path: "scaling.autoscaler", value: cls, ...(alternative !== undefined ? { alternative } : {}) }] : [];

const storageScheme = (feature: KServeFeature): Detector => (subject) =>
  isServiceManifest(subject.manifest) ? storageUrisOf(subject).filter((u) => { const s = schemeOf(u.uri); return s !== undefined && STORAGE_SCHEMES[s] === feature; }).map((u) => ({ path: u.path, value: u.uri })) : [];

const runtimeField = (key: string, alternative?: string): Detector => (subject) => {
  const spec = runtimeSpecOf(subject);
  return spec !== undefined && spec[key] !== undefined ? [{ path: `spec.${key}`, value: spec[key], ...(alternative !== undefined ? { alternative } : {}) }] : [];
};

/** Where each gated feature shows in a manifest. */
const USES: Partial<Record<KServeFeature, Detector>> = {
  "autoscaler-keda": (subject) => [
    ...autoscaler("keda")(subject),
    ...(predictorField(subject, "autoScaling") !== undefined ? [{ path: "spec.predictor.autoScaling", value: predictorField(subject, "autoScaling") }] : []),
  ],
  "autoscaler-none": autoscaler("none", 'use "external" (no HPA either), or upgrade KServe'),
  "autoscaler-external": autoscaler("external"),
  "storage-oci": storageScheme("storage-oci"),
  "storage-oci-native": storageScheme("storage-oci-native"),
  "storage-oci-fetch": storageScheme("storage-oci-fetch"),
  "storage-hf": storageScheme("storage-hf"),
  "storage-modelscope": storageScheme("storage-modelscope"),
  "storage-spec": (subject) => {
    const predictor = isServiceManifest(subject.manifest) ? getIn(subject.manifest, ["spec", "predictor"]) : undefined;
    if (!isRecord(predictor)) return [];
    return IMPLEMENTATION_CONTAINERS.flatMap((key) => {
      const c = predictor[key];
      return isRecord(c) && isRecord(c["storage"]) ? [{ path: `spec.predictor.${key}.storage`, value: c["storage"] }] : [];
    });
  },
  "storage-uris": (subject) => (predictorField(subject, "storageUris") !== undefined ? [{ path: "spec.predictor.storageUris", value: predictorField(subject, "storageUris") }] : []),
  "deployment-strategy": (subject) => (predictorField(subject, "deploymentStrategy") !== undefined ? [{ path: "spec.predictor.deploymentStrategy", value: predictorField(subject, "deploymentStrategy") }] : []),
  "multi-node": (subject) => {
    if (predictorField(subject, "workerSpec") !== undefined) return [{ path: "spec.predictor.workerSpec", value: "workerSpec" }];
    const spec = runtimeSpecOf(subject);
    return spec !== undefined && isRecord(spec["workerSpec"]) ? [{ path: "spec.workerSpec", value: "workerSpec" }] : [];
  },
  "runtime-image-pull-secrets": runtimeField("imagePullSecrets", "set imagePullSecrets on each InferenceService instead, or upgrade KServe"),
  "runtime-host-ipc": runtimeField("hostIPC"),
  "runtime-scheduler-name": runtimeField("schedulerName", "set schedulerName on each InferenceService instead (predictor schedulerName, or a hardware request)"),
  "runtime-resource-claims": runtimeField("resourceClaims"),
  "multinode-executor-backend": (subject) => {
    const annotations = runtimeSpecOf(subject)?.["annotations"];
    const value = isRecord(annotations) ? annotations["multinode/executor-backend"] : undefined;
    return value !== undefined ? [{ path: 'spec.annotations["multinode/executor-backend"]', value, alternative: "drop executorBackend (KServe uses Ray), or upgrade KServe" }] : [];
  },
  "prometheus-annotations": (subject) => {
    const annotations = runtimeSpecOf(subject)?.["annotations"];
    return isRecord(annotations) && Object.keys(annotations).some((k) => k.startsWith("prometheus.kserve.io/")) ? [{ path: "spec.annotations", value: annotations, alternative: "drop metrics from the engine, or upgrade KServe" }] : [];
  },
};

/** The kinds each feature shows on (InferenceServices unless listed). */
const FEATURE_KINDS: Partial<Record<KServeFeature, readonly string[]>> = {
  "multi-node": POD_KINDS,
  "runtime-image-pull-secrets": RUNTIME_KINDS,
  "runtime-host-ipc": RUNTIME_KINDS,
  "runtime-scheduler-name": RUNTIME_KINDS,
  "runtime-resource-claims": RUNTIME_KINDS,
  "multinode-executor-backend": RUNTIME_KINDS,
  "prometheus-annotations": RUNTIME_KINDS,
};

/** The keys each feature's detector needs (one of them at least) to find a use: the rule's `reads`. */
const FEATURE_READS: Partial<Record<KServeFeature, ManifestRule["reads"]>> = {
  "autoscaler-keda": [KSERVE.autoscalerClass, "autoScaling"],
  "autoscaler-none": [KSERVE.autoscalerClass],
  "autoscaler-external": [KSERVE.autoscalerClass],
  "storage-oci": ["storageUri", "storageUris"],
  "storage-oci-native": ["storageUri", "storageUris"],
  "storage-oci-fetch": ["storageUri", "storageUris"],
  "storage-hf": ["storageUri", "storageUris"],
  "storage-modelscope": ["storageUri", "storageUris"],
  "storage-spec": ["storage"],
  "storage-uris": ["storageUris"],
  "deployment-strategy": ["deploymentStrategy"],
  "multi-node": ["workerSpec"],
  "runtime-image-pull-secrets": ["imagePullSecrets"],
  "runtime-host-ipc": ["hostIPC"],
  "runtime-scheduler-name": ["schedulerName"],
  "runtime-resource-claims": ["resourceClaims"],
  "multinode-executor-backend": ["multinode/executor-backend"],
  // any key starting with prometheus.kserve.io/, inside spec.annotations
  "prometheus-annotations": ["annotations"],
};

function featureRule(feature: KServeFeature, detect: Detector): ManifestRule {
  const reads = FEATURE_READS[feature];
  const { since, what } = KSERVE_FEATURES[feature];
  return defineManifestRule({
    id: `target/feature-${feature}`,
    severity: "error",
    summary: `A manifest uses ${what} only when the target's KServe is ${since} or later.`,
    why: `KServe releases before ${since} do not have ${what}: their CRD schema rejects the field on a strict apply (or prunes it), or their controller ignores it, so the object does not do what it says.`,
    fix: `upgrade KServe to ${since} (and set target.kserveVersion), or do without this feature`,
    on: "manifest",
    kinds: FEATURE_KINDS[feature] ?? SERVICE_KINDS,
    appliesTo: (target) => !supports(target, feature),
    ...(reads !== undefined ? { reads } : {}),
    check: (subject): Finding[] => {
      if (supports(subject.target, feature)) return [];
      return detect(subject).flatMap((use) => requireFeature(subject.target, feature, use.path, use.value, use.alternative).map(({ path, value, message, fix }) => ({ path, value, message, fix })));
    },
  });
}

/**
 * Declares the feature-gate rule of a feature the library reports where it was set in a construct's props
 * rather than on the manifest (its manifest field carries no prop path, or the construct reports it before
 * anything is rendered): `target/feature-<feature>`, a props rule over a subject with a target. `uses`
 * says where the props use the feature; the findings are those of {@link requireFeature}.
 */
export function definePropsFeatureRule<S extends { readonly target: Target }>(feature: KServeFeature, uses: (subject: S) => readonly FeatureUse[]): Rule<S> {
  const { since, what } = KSERVE_FEATURES[feature];
  return defineRule<S>({
    id: `target/feature-${feature}`,
    severity: "error",
    summary: `A construct's props use ${what} only when the target's KServe is ${since} or later.`,
    why: `KServe releases before ${since} do not have ${what}: their CRD schema rejects the field on a strict apply (or prunes it), or their controller ignores it, so the object would not do what the props say.`,
    fix: `upgrade KServe to ${since} (and set target.kserveVersion), or do without this feature`,
    on: "props",
    check: (subject): Finding[] => {
      if (supports(subject.target, feature)) return [];
      return uses(subject).flatMap((use) => requireFeature(subject.target, feature, use.path, use.value, use.alternative).map(({ path, value, message, fix }) => ({ path, value, message, fix })));
    },
  });
}

/** The feature-gate rule of each feature that shows in manifests. */
export const FEATURE_RULES: Readonly<Partial<Record<KServeFeature, ManifestRule>>> = Object.fromEntries(
  (Object.keys(USES) as KServeFeature[]).map((f) => [f, featureRule(f, USES[f] as Detector)]),
);

/** The feature-gate rule of `feature` (declared above). */
export function featureGate(feature: KServeFeature): ManifestRule {
  const rule = FEATURE_RULES[feature];
  if (rule === undefined) throw new Error(`no feature-gate rule for ${feature}`);
  return rule;
}

// ---------------------------------------------------------------------------
// the shape of target props

const TARGET_KEYS = ["kserveVersion", "kubernetesVersion", "openshiftAI", "knativeFeatures", "modelMesh"] as const;
const OPENSHIFT_AI_KEYS = ["version", "applicationsNamespace"] as const;


function unknownKeys(value: Record<string, unknown>, known: readonly string[], base: string): Finding[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => {
      const suggestion = closest(k, known);
      return {
        path: `${base}.${k}`,
        value: value[k],
        message: `the target has no setting "${k.length > 60 ? `${k.slice(0, 60)}...` : k}"${suggestion !== undefined ? `; did you mean "${suggestion}"?` : ""}`,
        fix: suggestion !== undefined ? `rename it to ${suggestion}` : `remove it (the target's settings are ${known.join(", ")})`,
      };
    });
}

/** Keys the target does not have (a misspelt `kserveVerison` would otherwise be ignored). */
export const targetUnknownKeyRule = defineRule<{ readonly value: unknown; readonly path: string }>({
  id: "target/unknown-key",
  severity: "error",
  summary: "A target has only the settings kserveVersion, kubernetesVersion, openshiftAI, knativeFeatures and modelMesh (and openshiftAI only version and applicationsNamespace).",
  why: "A misspelt setting is otherwise ignored: the manifests are rendered for the default target, which may use mode names or features the cluster does not have.",
  fix: "correct the setting's name",
  on: "props",
  check: ({ value, path }) => {
    if (!isRecord(value)) return [];
    const findings = unknownKeys(value, TARGET_KEYS, path);
    const odh = value["openshiftAI"];
    if (isRecord(odh)) findings.push(...unknownKeys(odh, OPENSHIFT_AI_KEYS, `${path}.openshiftAI`));
    return findings;
  },
});

function versionFinding(path: string, value: unknown, example: string): Finding[] {
  if (value === undefined || typeof value === "string") return [];
  if (typeof value === "number") {
    return [
      {
        path,
        value,
        message: `a version must be a string: the number ${formatValue(value)} has lost what was written (YAML and JavaScript read 0.20 as 0.2)`,
        fix: `quote it, for example "${example}" (write "0.20", not 0.20)`,
      },
    ];
  }
  return [{ path, value, message: "a version must be a string such as \"" + example + "\"", fix: `give the version as a quoted string, for example "${example}"` }];
}

/** Versions given as numbers (or other non-strings), and settings of the wrong type. */
export const targetTypesRule = defineRule<{ readonly value: unknown; readonly path: string }>({
  id: "target/type",
  severity: "error",
  summary: "Target versions are strings (\"0.20\", not 0.20), openshiftAI is a boolean or its settings, knativeFeatures a list of strings, modelMesh a boolean.",
  why: "A version written as a number loses its trailing zeros (0.20 becomes 0.2, a release that does not exist), and a setting of the wrong type cannot be applied.",
  fix: "give each setting the documented type; quote versions",
  on: "props",
  check: ({ value, path }) => {
    if (value === undefined) return [];
    if (!isRecord(value)) return [{ path, value, message: "a target is an object such as { kserveVersion: \"0.20\" }", fix: 'pass an object, for example { kserveVersion: "0.20" }' }];
    const findings: Finding[] = [...versionFinding(`${path}.kserveVersion`, value["kserveVersion"], "0.20"), ...versionFinding(`${path}.kubernetesVersion`, value["kubernetesVersion"], "1.33")];
    const odh = value["openshiftAI"];
    if (odh !== undefined && typeof odh !== "boolean") {
      if (isRecord(odh)) {
        findings.push(...versionFinding(`${path}.openshiftAI.version`, odh["version"], "2.25"));
        const ns = odh["applicationsNamespace"];
        if (ns !== undefined && typeof ns !== "string") findings.push({ path: `${path}.openshiftAI.applicationsNamespace`, value: ns, message: "applicationsNamespace is a namespace name", fix: 'give a string, for example "redhat-ods-applications"' });
      } else {
        findings.push({ path: `${path}.openshiftAI`, value: odh, message: "openshiftAI is true, false or its settings { version, applicationsNamespace }", fix: 'use true, or { version: "2.25" }' });
      }
    }
    const features = value["knativeFeatures"];
    if (features !== undefined && !(Array.isArray(features) && features.every((f) => typeof f === "string"))) {
      findings.push({ path: `${path}.knativeFeatures`, value: features, message: "knativeFeatures is a list of Knative feature flag names", fix: 'give a list of strings, for example ["kubernetes.podspec-tolerations"]' });
    }
    const mm = value["modelMesh"];
    if (mm !== undefined && typeof mm !== "boolean") findings.push({ path: `${path}.modelMesh`, value: mm, message: "modelMesh is true or false", fix: "use true or false" });
    return findings;
  },
});

const TARGET_PROPS_RULES = [targetUnknownKeyRule, targetTypesRule];

/** Problems with target props given at `path` (`target` for a construct's prop). */
export function checkTargetProps(value: unknown, path = "target"): IssueDraft[] {
  return runRules(TARGET_PROPS_RULES, { value, path });
}

/** Throws one ValidationError when `value` is not valid target props (for `KServeTarget.set` and `setDefault`). */
export function assertTargetProps(value: unknown, where: string): void {
  throwIfErrors(locate(where, checkTargetProps(value, "target")));
}
