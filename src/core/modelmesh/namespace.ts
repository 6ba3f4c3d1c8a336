/**
 * A namespace enabled for ModelMesh (label `modelmesh-enabled: "true"`), for platforms where the user
 * owns the namespace. Emitted only when asked: most namespaces already exist and belong to someone else.
 */
import { guardBuild } from "../context";
import { z } from "zod";
import type { BuildContext, BuildDraft } from "../context";
import type { IssueDraft } from "../errors";
import { isError, locate } from "../errors";
import type { Manifest } from "../k8s";
import { parseProps } from "../schema";
import { canonicalize, compact } from "../canonical";
import { checkDns1123Label } from "../rules/common";
import { stringRecord } from "../pod/schema";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import { targetSchema } from "../target/schema";
import type { TargetProps } from "../target/props";
import { MANAGED_BY, ODH } from "../keys";
import { runManifestRules, runRules } from "../rules/registry";
import { modelMeshOwnedKeyRule, unavailableRule } from "./rules";
import { MODELMESH_ENABLED_LABEL } from "./constants";

/** Props of a ModelMesh namespace. */
export interface ModelMeshNamespaceProps {
  /**
   * The namespace's name.
   * @default the chart's namespace (cdk8s) or the resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * More labels.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * OpenShift AI: show the namespace as a data science project in the dashboard (label `opendatahub.io/dashboard`).
   * @default true on OpenShift AI
   */
  readonly dashboard?: boolean;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

const schema: z.ZodType<ModelMeshNamespaceProps> = z.strictObject({
  name: z.string().min(1).optional(),
  labels: stringRecord.optional(),
  annotations: stringRecord.optional(),
  dashboard: z.boolean().optional(),
  target: targetSchema.optional(),
});

/** What other constructs need from the namespace. */
export interface NamespaceHandle {
  readonly name: string;
  readonly where: string;
  readonly valid: boolean;
}

/** Builds a ModelMesh namespace; never throws on bad input. */
function buildModelMeshNamespaceUnguarded(props: ModelMeshNamespaceProps, ctx: BuildContext): BuildDraft<NamespaceHandle> {
  const name = (props as Partial<ModelMeshNamespaceProps> | undefined)?.name ?? ctx.namespace ?? ctx.defaultName;
  const parsed = parseProps(schema, props);
  const drafts: IssueDraft[] = [...parsed.issues];
  let manifest: Manifest | undefined;
  const p = parsed.value;
  if (p !== undefined) {
    const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
    drafts.push(...targetIssues, ...checkDns1123Label(p.name !== undefined ? "name" : "(namespace)", name, "a namespace name"));
    drafts.push(...runRules([modelMeshOwnedKeyRule], p.labels !== undefined ? { labels: p.labels } : {}));
    const dashboard = p.dashboard ?? target.openshiftAI !== undefined;
    manifest = canonicalize({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name,
        labels: compact({ ...p.labels, [MANAGED_BY.key]: MANAGED_BY.value, [MODELMESH_ENABLED_LABEL]: "true", ...(dashboard ? { [ODH.dashboard]: "true" } : {}) }),
        annotations: compact({ ...p.annotations }),
      },
    }) as Manifest;
    drafts.push(...runManifestRules([unavailableRule], { manifest, target, app: [manifest] }));
  }
  const issues = locate(ctx.where, drafts);
  if (!issues.some(isError) && manifest !== undefined) issues.push(...(ctx.registry?.claim(ctx.where, [manifest]) ?? []));
  const valid = !issues.some(isError);
  return { manifests: valid && manifest !== undefined ? [manifest] : [], issues, handle: { name, where: ctx.where, valid } };
}

/** Builds a ModelMeshNamespace from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildModelMeshNamespace = guardBuild<ModelMeshNamespaceProps, NamespaceHandle>(buildModelMeshNamespaceUnguarded, (ctx) => ({ name: ctx.namespace ?? ctx.defaultName, where: ctx.where, valid: false }));
