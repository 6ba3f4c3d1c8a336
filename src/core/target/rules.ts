/**
 * Rules of the target itself: which OpenShift AI releases the library supports, and the KServe level an
 * OpenShift AI release runs.
 */
import { defineRule } from "../rules/registry";
import type { OpenShiftAIRelease } from "./features";
import { MIN_OPENSHIFT_AI_VERSION, NEWEST_OPENSHIFT_AI_VERSION, OPENSHIFT_AI_RELEASES } from "./features";
import type { Version } from "./version";
import { compareVersions, formatVersion, parseVersion } from "./version";

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

/** The target rules, in order. */
export const TARGET_RULES = [unsupportedOpenShiftAI, openShiftAIKServeVersion] as const;
