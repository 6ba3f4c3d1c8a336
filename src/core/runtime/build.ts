/**
 * Builds a raw ServingRuntime, and handles for existing runtimes.
 */
import { runRules } from "../rules/registry";
import { existingRuntimeNameRule } from "./rules";
import { clusterNamespaceRule } from "../engine/rules";
import { z } from "zod";
import type { BuildContext, BuildDraft } from "../context";
import { guardBuild } from "../context";
import { isError, locate } from "../errors";
import type { IssueDraft } from "../errors";
import type { Manifest } from "../k8s";
import { k8sName, parseProps } from "../schema";
import { canonicalize, compact } from "../canonical";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
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

/** Builds a runtime from a raw spec. */
function buildServingRuntimeUnguarded(props: ServingRuntimeProps, ctx: BuildContext): BuildDraft<RuntimeInfo> {
  const name = (props as Partial<ServingRuntimeProps> | undefined)?.name ?? ctx.defaultName;
  const kind = (props as Partial<ServingRuntimeProps> | undefined)?.scope === "cluster" ? "ClusterServingRuntime" : "ServingRuntime";
  const namespace = kind === "ServingRuntime" ? ((props as Partial<ServingRuntimeProps> | undefined)?.namespace ?? ctx.namespace) : undefined;
  const base = { name, kind, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where } as const;
  const parsed = parseProps(servingRuntimeSchema, props);
  if (parsed.value === undefined) return { manifests: [], issues: locate(ctx.where, parsed.issues), handle: { ...base, valid: false } };
  const p = parsed.value;
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  const drafts: IssueDraft[] = [...targetIssues];
  drafts.push(...runRules([clusterNamespaceRule], p));
  const manifest = canonicalize({
    apiVersion: RUNTIME_API_VERSION,
    kind,
    metadata: {
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      labels: compact({ [MANAGED_BY.key]: MANAGED_BY.value, ...p.labels }),
      annotations: compact({ ...p.annotations }),
    },
    spec: { ...p.spec },
  }) as Manifest;
  const handle: RuntimeInfo = { ...base, valid: true, manifest };
  drafts.push(...runManifestRules(RUNTIME_MANIFEST_RULES, { manifest, target, app: [manifest], known: { runtimes: ctx.registry?.runtimes ?? [] } }));
  const issues = locate(ctx.where, drafts);
  if (!issues.some(isError)) issues.push(...(ctx.registry?.claim(ctx.where, [manifest]) ?? []));
  const valid = !issues.some(isError);
  if (valid) ctx.registry?.addRuntime(handle);
  return { manifests: valid ? [manifest] : [], issues, handle: { ...handle, valid } };
}

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
export const buildServingRuntime = guardBuild<ServingRuntimeProps, RuntimeInfo>(buildServingRuntimeUnguarded, (ctx) => ({ name: ctx.defaultName, kind: "ServingRuntime" as const, where: ctx.where, valid: false }));
