/**
 * A namespace enabled for ModelMesh (label `modelmesh-enabled: "true"`), for platforms where the user
 * owns the namespace. Emitted only when asked: most namespaces already exist and belong to someone else.
 */
import { defineConcept, targetRule } from "../pipeline";
import type { BuildContext, BuildResult } from "../context";
import { z } from "zod";
import type { Manifest } from "../k8s";
import { canonicalize, compact } from "../canonical";
import { checkDns1123Label } from "../rules/common";
import { stringRecord } from "../pod/schema";
import { defaultTarget, mergeTargetProps } from "../target/resolve";
import type { Target } from "../target/resolve";
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

/** A ModelMesh namespace's props with the defaults applied. */
interface NamespaceSpec {
  readonly name: string;
  /** Where the name came from, for messages: the prop, or the chart's namespace. */
  readonly namePath: string;
  readonly target: Target;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly dashboard: boolean;
}

function renderNamespace(spec: NamespaceSpec): Manifest {
  return canonicalize({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: spec.name,
      labels: compact({ ...spec.labels, [MANAGED_BY.key]: MANAGED_BY.value, [MODELMESH_ENABLED_LABEL]: "true", ...(spec.dashboard ? { [ODH.dashboard]: "true" } : {}) }),
      annotations: compact({ ...spec.annotations }),
    },
  }) as Manifest;
}

/** The ModelMesh-namespace concept: the name's default, its rules, the Namespace. */
const modelMeshNamespaceConcept = defineConcept<ModelMeshNamespaceProps, NamespaceSpec, NamespaceHandle>({
  name: "modelmesh-namespace",
  schema,
  resolve: (p, ctx) => {
    const target = defaultTarget(mergeTargetProps(ctx.target, p.target));
    return {
      name: p.name ?? ctx.namespace ?? ctx.defaultName,
      namePath: p.name !== undefined ? "name" : "(namespace)",
      target,
      ...(p.labels !== undefined ? { labels: p.labels } : {}),
      ...(p.annotations !== undefined ? { annotations: p.annotations } : {}),
      dashboard: p.dashboard ?? target.openshiftAI !== undefined,
    };
  },
  rules: [
    targetRule,
    { name: "name", check: (spec) => checkDns1123Label(spec.namePath, spec.name, "a namespace name") },
    { name: "owned-labels", check: (spec) => runRules([modelMeshOwnedKeyRule], spec.labels !== undefined ? { labels: spec.labels } : {}) },
    {
      name: "available",
      check: (spec) => {
        const manifest = renderNamespace(spec);
        return runManifestRules([unavailableRule], { manifest, target: spec.target, app: [manifest] });
      },
    },
  ],
  render: (spec) => ({ manifests: [renderNamespace(spec)] }),
  handle: ({ given, valid }, ctx) => ({ name: given?.name ?? ctx.namespace ?? ctx.defaultName, where: ctx.where, valid }),
  fallback: (ctx) => ({ name: ctx.namespace ?? ctx.defaultName, where: ctx.where, valid: false }),
});

/** Builds a ModelMeshNamespace from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildModelMeshNamespace: (props: ModelMeshNamespaceProps, ctx: BuildContext) => BuildResult<NamespaceHandle> = modelMeshNamespaceConcept.build;
