/**
 * Builds a raw ServingRuntime, declared through the pipeline (`../pipeline.ts`), and handles for
 * existing runtimes.
 */
import { runRules } from "../rules/registry";
import { existingRuntimeNameRule } from "./rules";
import { clusterNamespaceRule } from "../engine/rules";
import { z } from "zod";
import type { BuildContext, BuildResult } from "../context";
import type { Manifest } from "../k8s";
import { defineConcept, targetRule } from "../pipeline";
import { k8sName } from "../schema";
import { canonicalize, compact } from "../canonical";
import { defaultTarget, mergeTargetProps } from "../target/resolve";
import type { Target } from "../target/resolve";
import { targetSchema } from "../target/schema";
import { stringRecord } from "../pod/schema";
import { MANAGED_BY } from "../keys";
import { RUNTIME_API_VERSION } from "../engine/render";
import type { ExistingRuntimeOptions, ServingRuntimeProps } from "./props";
import type { RuntimeInfo } from "./ref";
import { RUNTIME_MANIFEST_RULES } from "./rules";
import { runManifestRules } from "../rules/registry";

const servingRuntimeSchema: z.ZodType<ServingRuntimeProps> = z.strictObject({
  name: k8sName.optional(),
  namespace: z.string().optional(),
  scope: z.enum(["namespace", "cluster"]).optional(),
  spec: z.record(z.string(), z.unknown()),
  labels: stringRecord.optional(),
  annotations: stringRecord.optional(),
  target: targetSchema.optional(),
});

/** What a raw runtime's handle says whatever its props: its name, kind, namespace and construct path. */
type RuntimeBase = Pick<RuntimeInfo, "name" | "kind" | "namespace" | "where">;

/** A raw runtime's props resolved: its name, kind and namespace (a ServingRuntime's), and its target. */
interface ResolvedRuntime {
  readonly base: RuntimeBase;
  readonly target: Target;
}

/** The name, kind and namespace of a runtime from its props (as given: they may not fit the schema). */
function runtimeBase(props: Partial<ServingRuntimeProps> | undefined, ctx: BuildContext): RuntimeBase {
  const kind = props?.scope === "cluster" ? "ClusterServingRuntime" : "ServingRuntime";
  const namespace = kind === "ServingRuntime" ? (props?.namespace ?? ctx.namespace) : undefined;
  return { name: props?.name ?? ctx.defaultName, kind, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where };
}

/** The ServingRuntime concept: the raw spec rendered as given, then checked by the runtime rules (with the props' rules, all at once). */
const servingRuntimeConcept = defineConcept<ServingRuntimeProps, ResolvedRuntime, RuntimeInfo>({
  name: "serving-runtime",
  schema: servingRuntimeSchema,
  resolve: (p, ctx) => ({ base: runtimeBase(p, ctx), target: defaultTarget(mergeTargetProps(ctx.target, p.target)) }),
  // neither stops the render: the runtime rules report on the manifest too
  rules: [
    { ...targetRule, stopsRender: false },
    { name: "cluster-namespace", stopsRender: false, check: (_resolved, p) => runRules([clusterNamespaceRule], p) },
  ],
  render: ({ base: { name, kind, namespace } }, p) => ({
    manifests: [
      canonicalize({
        apiVersion: RUNTIME_API_VERSION,
        kind,
        metadata: {
          name,
          ...(namespace !== undefined ? { namespace } : {}),
          labels: compact({ [MANAGED_BY.key]: MANAGED_BY.value, ...p.labels }),
          annotations: compact({ ...p.annotations }),
        },
        spec: { ...p.spec },
      }) as Manifest,
    ],
  }),
  renderedRules: [
    {
      name: "runtime-manifest",
      // the render gives the one runtime manifest
      check: ({ manifests }, { target }, _p, ctx) => runManifestRules(RUNTIME_MANIFEST_RULES, { manifest: manifests[0] as Manifest, target, app: manifests, known: { runtimes: ctx.registry?.runtimes ?? [] } }),
    },
  ],
  // once rendered (even with errors), the handle carries the manifest
  handle: ({ given, rendered, valid }, ctx) => {
    const manifest = rendered?.manifests[0];
    return { ...runtimeBase(given, ctx), valid, ...(manifest !== undefined ? { manifest } : {}) };
  },
  record: (handle, _resolved, ctx) => ctx.registry?.addRuntime(handle),
  fallback: (ctx) => ({ name: ctx.defaultName, kind: "ServingRuntime", where: ctx.where, valid: false }),
});

/** A handle for a runtime that already exists in the cluster. */
export function existingRuntime(name: string, options: ExistingRuntimeOptions = {}): RuntimeInfo {
  const kind = options.kind ?? "ClusterServingRuntime";
  const problems = runRules([existingRuntimeNameRule], { name: String(name), kind, ...(options.namespace !== undefined ? { namespace: options.namespace } : {}) });
  return {
    name,
    kind,
    ...(problems.length > 0 ? { problems } : {}),
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
    where: `existing ${kind} ${name}`,
    valid: true,
    declared: {
      ...(options.modelFormats !== undefined ? { modelFormats: options.modelFormats } : {}),
      ...(options.protocolVersions !== undefined ? { protocolVersions: options.protocolVersions } : {}),
      multiModel: options.multiModel ?? false,
      ...(options.recommendedAccelerators !== undefined ? { recommendedAccelerators: options.recommendedAccelerators } : {}),
    },
  };
}

/**
 * Builds a ServingRuntime from a raw KServe spec (checked by the runtime rules): `{ manifests, issues, handle }`.
 * Never throws: bad input and unexpected exceptions come back as issues.
 */
export const buildServingRuntime: (props: ServingRuntimeProps, ctx: BuildContext) => BuildResult<RuntimeInfo> = servingRuntimeConcept.build;
