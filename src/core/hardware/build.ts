/**
 * Builds a hardware profile: the OpenShift AI object on OpenShift AI targets, and the handle that
 * InferenceServices and engines apply. Declared through the pipeline (`../pipeline.ts`).
 */
import type { BuildContext, BuildResult } from "../context";
import { defineConcept, targetRule } from "../pipeline";
import { mergeTargetProps, defaultTarget } from "../target/resolve";
import type { Target } from "../target/resolve";
import type { HardwareProfileProps } from "./props";
import { hardwareProfileSchema } from "./schema";
import { checkProfileProps } from "./rules";
import { resolveProfile } from "./spec";
import { renderHardwareProfile } from "./render";
import type { HardwareProfileInfo } from "./request";

/** A hardware profile's props with its defaults applied. */
interface HardwareProfileSpec {
  readonly name: string;
  readonly target: Target;
  readonly info: HardwareProfileInfo;
}

function invalidHandle(name: string, ctx: BuildContext): HardwareProfileInfo {
  return { name, where: ctx.where, valid: false, identifiers: [] };
}

/** The hardware-profile concept: schema, defaults, rules (target, then the profile's), render. */
const hardwareProfileConcept = defineConcept<HardwareProfileProps, HardwareProfileSpec, HardwareProfileInfo>({
  name: "hardware-profile",
  schema: hardwareProfileSchema,
  resolve: (p, ctx) => {
    const name = p.name ?? ctx.defaultName;
    const target = defaultTarget(mergeTargetProps(ctx.target, p.target));
    const namespace = p.namespace ?? target.openshiftAI?.applicationsNamespace ?? ctx.namespace;
    return { name, target, info: resolveProfile(p, name, namespace, ctx.where) };
  },
  rules: [targetRule, { name: "profile", check: (_spec, p) => checkProfileProps(p) }],
  render: ({ name, target, info }, p) => {
    const odh = target.openshiftAI;
    return {
      manifests: odh
        ? [renderHardwareProfile(info, { displayName: p.displayName ?? name, ...(p.description !== undefined ? { description: p.description } : {}), disabled: p.disabled ?? false, visibleIn: p.visibleIn ?? ["model-serving"], version: odh.release.hardwareProfileVersion })]
        : [],
    };
  },
  handle: ({ given, spec, stoppedAt, valid }, ctx) => (spec !== undefined && stoppedAt === undefined ? { ...spec.info, valid } : invalidHandle(given?.name ?? ctx.defaultName, ctx)),
  fallback: (ctx) => invalidHandle(ctx.defaultName, ctx),
});

/**
 * Builds a hardware profile (an OpenShift AI HardwareProfile on OpenShift AI, else no object): `{ manifests, issues, handle }`.
 * Never throws: bad input and unexpected exceptions come back as issues.
 */
export const buildHardwareProfile: (props: HardwareProfileProps, ctx: BuildContext) => BuildResult<HardwareProfileInfo> = hardwareProfileConcept.build;
