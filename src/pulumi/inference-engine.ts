/**
 * InferenceEngine: a custom serving engine, created as a ServingRuntime or ClusterServingRuntime.
 */
import type * as pulumi from "@pulumi/pulumi";
import { EnginePresets, buildInferenceEngine } from "../index";
import type { EnginePreset, EngineVersionProps, EnvSource, ImageTarget, InferenceEngineProps, VllmPresetProps } from "../index";
import { RuntimeComponent } from "./runtime-component";

/** An environment variable value: a string (or an Output of one, a Pulumi secret stays secret), or a reference. */
export type EnvInput = pulumi.Input<string> | EnvSource;

/** One released version of an engine; images may be Outputs (for example a digest from a build). */
export interface EngineVersionArgs extends Omit<EngineVersionProps, "image" | "env"> {
  /** Image per target, as in {@link EngineVersionProps.image}; each may be an Output. */
  readonly image: Readonly<Partial<Record<ImageTarget, pulumi.Input<string>>>>;
  /**
   * Environment variables this version adds to (or changes in) the engine's `env`.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvInput>>;
}

/**
 * Args of an {@link InferenceEngine}: the core's {@link InferenceEngineProps}, with `namespace`, the
 * images of each version, `env` values and `imagePullSecrets` items accepting `pulumi.Input<string>`.
 */
export interface InferenceEngineArgs extends Omit<InferenceEngineProps, "namespace" | "versions" | "env" | "imagePullSecrets"> {
  /**
   * Namespace of a namespaced runtime.
   * @default not set (the Kubernetes provider's default namespace)
   */
  readonly namespace?: pulumi.Input<string>;
  /** Released versions, by version string, each with its images. */
  readonly versions: Readonly<Record<string, EngineVersionArgs>>;
  /**
   * Environment variables of the container.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvInput>>;
  /**
   * Image pull secrets (names of existing Secrets).
   * @default none
   */
  readonly imagePullSecrets?: readonly pulumi.Input<string>[];
}

/**
 * A custom serving engine (see the core's {@link InferenceEngineProps}): creates a `ServingRuntime`, or a
 * `ClusterServingRuntime` with `scope: "cluster"`, that InferenceServices use as `engine`.
 *
 * Plain args are validated at construction: a `ValidationError` listing every problem stops
 * `pulumi preview`. Output leaves are checked again with their values once known (see
 * {@link KServeComponent}).
 *
 * Registered outputs: `runtimeName`, `runtimeKind`, `namespace`, `objects`.
 *
 * @example
 * const engine = new InferenceEngine("my-engine", {
 *   versions: { "1.2.0": { image: { cpu: "registry.example/engine:1.2.0" } } },
 *   args: ["--model={{model_path}}", "--port={{port}}"],
 *   protocol: "openai",
 *   modelFormats: [{ name: "my-format" }],
 * }, { provider });
 */
export class InferenceEngine extends RuntimeComponent {
  /**
   * vLLM for an accelerator (NVIDIA, AMD, Intel Gaudi, IBM Spyre, CPU), as OpenShift AI's vLLM runtimes
   * run it; `multiNode: true` for serving across nodes. Preset props are plain values.
   *
   * @example InferenceEngine.vllm("vllm", { accelerator: "nvidia" }, { provider })
   */
  public static vllm(name: string, props: VllmPresetProps, opts?: pulumi.ComponentResourceOptions): InferenceEngine {
    return new InferenceEngine(name, EnginePresets.vllm(props), opts);
  }

  /** @param args the engine's args, or a preset (`EnginePresets.vllm({...})`, plain values only) */
  constructor(name: string, args: InferenceEngineArgs | EnginePreset, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:InferenceEngine", name, args, opts, buildInferenceEngine);
  }
}
