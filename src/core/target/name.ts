/**
 * Targets by name, as the command line takes them: `0.20` or `kserve-0.20` for upstream KServe,
 * `openshift-ai` or `openshift-ai-2.25` for OpenShift AI (its KServe follows from the release).
 */
import type { IssueDraft } from "../errors";
import type { TargetProps } from "./props";
import { parseVersion } from "./version";
import { runRules } from "../rules/registry";
import { targetNameRule } from "./rules";

/** The forms {@link parseTargetName} accepts, for help texts. */
export { TARGET_NAME_FORMS } from "./rules";

/**
 * Turns a target name into {@link TargetProps} (then resolved with `resolveTarget`); a name of no known
 * form comes back as a `target/name` issue (the rule is in ./rules.ts).
 */
export function parseTargetName(name: string): { props: TargetProps; issues: IssueDraft[] } {
  const text = name.trim().toLowerCase();
  const odh = /^(?:openshift-ai|rhoai|odh)(?:-v?(.+))?$/.exec(text);
  if (odh !== null) {
    const version = odh[1];
    if (version === undefined) return { props: { openshiftAI: true }, issues: [] };
    if (parseVersion(version) !== undefined) return { props: { openshiftAI: { version } }, issues: [] };
  } else {
    const version = text.replace(/^kserve-/, "");
    if (parseVersion(version) !== undefined) return { props: { kserveVersion: version.replace(/^v/, "") }, issues: [] };
  }
  return { props: {}, issues: runRules([targetNameRule], { name, known: false }) };
}
