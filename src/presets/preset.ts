/**
 * Engine presets: a preset turns its own small props into InferenceEngine props (or problems), so
 * `new InferenceEngine(scope, id, preset)` and the Pulumi component accept presets and plain props alike.
 * The contract ({@link EnginePreset}) lives in the core, which builds engines from presets.
 */
import { z } from "zod";
import type { TargetProps } from "../core/target/props";
import { targetSchema } from "../core/target/schema";
import { stringRecord } from "../core/pod/schema";
import type { EngineScope } from "../core/engine/props";

export type { EnginePreset } from "../core/engine/preset";
export { isEnginePreset } from "../core/engine/preset";

/** Props every runtime preset takes for the runtime object itself. */
export interface PresetRuntimeProps {
  /**
   * Runtime name.
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace of a namespaced runtime.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * `namespace` (ServingRuntime), `cluster` (ClusterServingRuntime) or `dashboard` (an OpenShift AI
   * dashboard Template in the applications namespace; see `InferenceEngineProps.scope`).
   * @default "namespace"
   */
  readonly scope?: EngineScope;
  /**
   * Image pull secrets (names of existing Secrets).
   * @default none
   */
  readonly imagePullSecrets?: readonly string[];
  /**
   * Labels on the runtime object.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations on the runtime object (added to the preset's).
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

/**
 * zod shape of {@link PresetRuntimeProps}.
 * @internal
 */
export const presetRuntimeShape = {
  name: z.string().optional(),
  namespace: z.string().optional(),
  scope: z.enum(["namespace", "cluster", "dashboard"]).optional(),
  imagePullSecrets: z.array(z.string().min(1)).optional(),
  labels: stringRecord.optional(),
  annotations: stringRecord.optional(),
  target: targetSchema.optional(),
};

/** The tag of an image reference (`undefined` for digests and untagged images). */
export function imageTag(image: string): string | undefined {
  if (image.includes("@")) return undefined;
  const at = image.lastIndexOf(":");
  return at > image.lastIndexOf("/") ? image.slice(at + 1) : undefined;
}

/** The runtime-object props of a preset, as engine props. */
export function presetRuntimeProps(p: PresetRuntimeProps): PresetRuntimeProps {
  return {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
    ...(p.scope !== undefined ? { scope: p.scope } : {}),
    ...(p.imagePullSecrets !== undefined ? { imagePullSecrets: p.imagePullSecrets } : {}),
    ...(p.labels !== undefined ? { labels: p.labels } : {}),
    ...(p.annotations !== undefined ? { annotations: p.annotations } : {}),
    ...(p.target !== undefined ? { target: p.target } : {}),
  };
}
