/**
 * InferenceEngine: a custom serving engine, created as a ServingRuntime or ClusterServingRuntime.
 */
import type * as pulumi from "@pulumi/pulumi";
import { EnginePresets, buildInferenceEngine, chariotPreset, gpuStackPreset, isEnginePreset } from "../index";
import type { BuildContext, BuildResult, ChariotEngineVersion, ChariotImportProps, DefinitionSource, EnginePreset, EngineVersionProps, GpuStackBackendDefinition, GpuStackImportProps, InferenceEngineProps, RuntimeInfo, VllmPresetProps } from "../index";
import { RuntimeComponent } from "./runtime-component";
import { assertArgsObject } from "./component";
import type { BuildFunction } from "./component";
import type { Inputify } from "./args";
export type { EnvInput } from "./args";

/** One released version of an engine; images may be Outputs (for example a digest from a build). */
export interface EngineVersionArgs extends Inputify<EngineVersionProps> {}

/**
 * Args of an {@link InferenceEngine}: the core's {@link InferenceEngineProps}, with `namespace`, the
 * images of each version, `env` values and `imagePullSecrets` items accepting Inputs (see {@link Inputify}).
 */
export interface InferenceEngineArgs extends Inputify<InferenceEngineProps> {}

/**
 * A preset (`EnginePresets.vllm(...)`, `ModelMeshRuntimes.mlserver(...)`, `MLServer.runtime(...)`), with
 * the runtime's namespace as an Input: `{ ...ModelMeshRuntimes.mlserver({ replicas: 2 }), namespace }`.
 * The preset's own props are plain values.
 */
export type PresetArgs = EnginePreset & {
  /**
   * Namespace of a namespaced runtime (overrides the preset's own `namespace`).
   * @default the preset's `namespace`, else not set (the Kubernetes provider's default namespace)
   */
  readonly namespace?: pulumi.Input<string>;
};

/** Props of {@link InferenceEngine.vllm}: the preset's props, `namespace` accepting an Input. */
export type VllmPresetArgs = Omit<VllmPresetProps, "namespace"> & {
  /**
   * Namespace of a namespaced runtime.
   * @default not set (the Kubernetes provider's default namespace)
   */
  readonly namespace?: pulumi.Input<string>;
};

/** Props of {@link InferenceEngine.fromGpuStack}: the importer's props, `namespace` accepting an Input. */
export type GpuStackImportArgs = Omit<GpuStackImportProps, "namespace"> & {
  /**
   * Namespace of a namespaced runtime.
   * @default not set (the Kubernetes provider's default namespace)
   */
  readonly namespace?: pulumi.Input<string>;
};

/** Props of {@link InferenceEngine.fromChariot}: the importer's props, `namespace` accepting an Input. */
export type ChariotImportArgs = Omit<ChariotImportProps, "namespace"> & {
  /**
   * Namespace of a namespaced runtime.
   * @default not set (the Kubernetes provider's default namespace)
   */
  readonly namespace?: pulumi.Input<string>;
};

/** Builds an engine; a namespace given beside a preset becomes the namespace of the props it resolves to. */
function buildEngine(input: InferenceEngineProps | PresetArgs, ctx: BuildContext): BuildResult<RuntimeInfo> {
  if (!isEnginePreset(input) || !("namespace" in input)) return buildInferenceEngine(input, ctx);
  const { namespace, ...preset } = input;
  return buildInferenceEngine(
    {
      preset: preset.preset,
      resolve: () => {
        const resolved = preset.resolve();
        return resolved.props === undefined ? resolved : { ...resolved, props: { ...resolved.props, namespace: namespace as string } };
      },
    },
    ctx,
  );
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
   * run it; `multiNode: true` for serving across nodes. Preset props are plain values, but `namespace`.
   *
   * @example InferenceEngine.vllm("vllm", { accelerator: "nvidia" }, { provider })
   */
  public static vllm(name: string, props: VllmPresetArgs, opts?: pulumi.ComponentResourceOptions): InferenceEngine {
    assertArgsObject(name, props, ((p: unknown, c: BuildContext) => buildInferenceEngine(EnginePresets.vllm(p as VllmPresetProps), c)) as BuildFunction<never, unknown>);
    const { namespace, ...rest } = props;
    return new InferenceEngine(name, { ...EnginePresets.vllm(rest), ...(namespace !== undefined ? { namespace } : {}) }, opts);
  }

  /**
   * An engine from a GPUStack inference backend definition (YAML text or the parsed object); see the
   * cdk8s `InferenceEngine.fromGpuStack` and the core's `importGpuStack`. Props are plain values, but `namespace`.
   *
   * @example InferenceEngine.fromGpuStack("llama-cpp", fs.readFileSync("llama.cpp.yaml", "utf8"), { modelFile: "model.gguf" }, { provider })
   */
  public static fromGpuStack(name: string, definition: DefinitionSource<GpuStackBackendDefinition>, args: GpuStackImportArgs = {}, opts?: pulumi.ComponentResourceOptions): InferenceEngine {
    const { namespace, ...rest } = args;
    return new InferenceEngine(name, { ...gpuStackPreset(definition, rest), ...(namespace !== undefined ? { namespace } : {}) }, opts);
  }

  /**
   * An engine from Chariot engine versions (one object or a list; JSON/YAML text or parsed); see the
   * cdk8s `InferenceEngine.fromChariot` and the core's `importChariot`. Props are plain values, but `namespace`.
   *
   * @example InferenceEngine.fromChariot("my-engine", chariotJson, {}, { provider })
   */
  public static fromChariot(name: string, definition: DefinitionSource<ChariotEngineVersion | readonly ChariotEngineVersion[]>, args: ChariotImportArgs = {}, opts?: pulumi.ComponentResourceOptions): InferenceEngine {
    const { namespace, ...rest } = args;
    return new InferenceEngine(name, { ...chariotPreset(definition, rest), ...(namespace !== undefined ? { namespace } : {}) }, opts);
  }

  /**
   * @param args the engine's args, or a preset (`EnginePresets.vllm({...})`, `ModelMeshRuntimes.mlserver({...})`,
   * `MLServer.runtime({...})`; plain values), optionally with `namespace` beside it as an Input
   */
  constructor(name: string, args: InferenceEngineArgs | PresetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kserve-constructs:index:InferenceEngine", name, args, opts, buildEngine);
  }
}
