/**
 * Props of a ServingRuntime given as a raw spec, and of references to runtimes that already exist.
 */
import type { TargetProps } from "../target/props";
import type { KServeProtocol } from "../engine/protocols";
import type { SupportedModelFormat } from "./ref";

/** A runtime given as KServe's own spec (for runtimes the InferenceEngine props do not cover). */
export interface ServingRuntimeProps {
  /**
   * The runtime's name.
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace of a namespaced runtime.
   * @default the chart's namespace (cdk8s) or the provider's default namespace (Pulumi)
   */
  readonly namespace?: string;
  /**
   * `namespace` renders a ServingRuntime; `cluster` a ClusterServingRuntime.
   * @default "namespace"
   */
  readonly scope?: "namespace" | "cluster";
  /** The runtime spec, exactly as KServe's ServingRuntime `spec` (checked by the same rules as engines). */
  readonly spec: Readonly<Record<string, unknown>>;
  /**
   * Labels on the runtime object.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations on the runtime object.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

/** What is known of a runtime that exists in the cluster (used to check InferenceServices against it). */
export interface ExistingRuntimeOptions {
  /**
   * `ServingRuntime` (namespaced) or `ClusterServingRuntime`.
   * @default "ClusterServingRuntime"
   */
  readonly kind?: "ServingRuntime" | "ClusterServingRuntime";
  /**
   * Namespace of a namespaced runtime.
   * @default the InferenceService's namespace
   */
  readonly namespace?: string;
  /**
   * Formats it serves; enables the format checks.
   * @default unknown (not checked; InferenceServices must name their format)
   */
  readonly modelFormats?: readonly SupportedModelFormat[];
  /**
   * Protocol versions it declares (`[]` when it declares none and so accepts any).
   * @default unknown (not checked)
   */
  readonly protocolVersions?: readonly KServeProtocol[];
  /**
   * A ModelMesh (multi-model) runtime.
   * @default false
   */
  readonly multiModel?: boolean;
  /**
   * Accelerator resource names it is built for (OpenShift AI's recommended accelerators).
   * @default unknown
   */
  readonly recommendedAccelerators?: readonly string[];
}
