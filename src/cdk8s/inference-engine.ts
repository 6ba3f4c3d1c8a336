/**
 * InferenceEngine: a custom serving engine, synthesized as a ServingRuntime or ClusterServingRuntime.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { EnginePresets, buildInferenceEngine, chariotPreset, gpuStackPreset } from "../index";
import type { ChariotEngineVersion, ChariotImportProps, DefinitionSource, EnginePreset, GpuStackBackendDefinition, GpuStackImportProps, InferenceEngineProps, IRuntime, RuntimeInfo, VllmPresetProps } from "../index";
import { adopt, buildWithHandles } from "./state";
import { presetWithHandles } from "./plus";
import type { WithHandles } from "./plus";

/**
 * A custom serving engine: versions with images per accelerator, a command with placeholders, the
 * protocol it speaks, typed parameters and the model formats it serves. Synthesizes a `ServingRuntime`
 * (or a `ClusterServingRuntime` with `scope: "cluster"`) that InferenceServices use as `engine`.
 *
 * @example
 * const engine = new InferenceEngine(chart, "my-engine", {
 *   versions: { "1.2.0": { image: { cpu: "registry.example/engine:1.2.0" } } },
 *   args: ["--model={{model_path}}", "--port={{port}}"],
 *   protocol: "openai",
 *   modelFormats: [{ name: "my-format" }],
 * });
 */
export class InferenceEngine extends Construct implements IRuntime {
  /**
   * vLLM for an accelerator (NVIDIA, AMD, Intel Gaudi, IBM Spyre, CPU), as OpenShift AI's vLLM runtimes
   * run it; `multiNode: true` for serving across nodes.
   *
   * @example InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" })
   */
  public static vllm(scope: Construct, id: string, props: WithHandles<VllmPresetProps>): InferenceEngine {
    return new InferenceEngine(scope, id, presetWithHandles(props, EnginePresets.vllm));
  }

  /**
   * An engine from a GPUStack inference backend definition (the YAML its Inference Backend page imports
   * and exports, or the parsed object): versions, images per framework, command line, env and health
   * path; GPUStack placeholders become their Kubernetes equivalents (see `importGpuStack`). Problems of
   * the definition are reported with GPUStack's field names as paths.
   *
   * @example InferenceEngine.fromGpuStack(chart, "llama-cpp", fs.readFileSync("llama.cpp.yaml", "utf8"), { modelFile: "model.gguf" })
   */
  public static fromGpuStack(scope: Construct, id: string, definition: DefinitionSource<GpuStackBackendDefinition>, props: GpuStackImportProps = {}): InferenceEngine {
    return new InferenceEngine(scope, id, gpuStackPreset(definition, props));
  }

  /**
   * An engine from Chariot engine versions (the fields of `create_engine_version`: one object or a list
   * of versions of one engine; JSON/YAML text or parsed): images for CPU and GPU, readiness probe,
   * typed settings, protocol, entrypoint and command (see `importChariot`). Problems are reported with
   * Chariot's field names as paths.
   *
   * @example InferenceEngine.fromChariot(chart, "my-engine", { name: "My Engine", version: "1.0.0", container_image_cpu: "r/e:1.0.0" })
   */
  public static fromChariot(scope: Construct, id: string, definition: DefinitionSource<ChariotEngineVersion | readonly ChariotEngineVersion[]>, props: ChariotImportProps = {}): InferenceEngine {
    return new InferenceEngine(scope, id, chariotPreset(definition, props));
  }

  /** The runtime handle InferenceServices use. */
  public readonly runtime: RuntimeInfo;
  /** The runtime's name. */
  public readonly name: string;
  /** The runtime's name (the same as `name`; the Pulumi component's output of that name). */
  public readonly runtimeName: string;
  /** `ServingRuntime` or `ClusterServingRuntime`. */
  public readonly runtimeKind: RuntimeInfo["kind"];
  /** The synthesized objects (empty when the props have errors); for `addJsonPatch` escape hatches. */
  public readonly apiObjects: readonly ApiObject[];

  /** @param props the engine's props, or a preset (`EnginePresets.vllm({...})`) */
  constructor(scope: Construct, id: string, props: WithHandles<InferenceEngineProps> | EnginePreset) {
    super(scope, id);
    const result = buildWithHandles(scope, id, props, buildInferenceEngine);
    this.runtime = result.handle;
    this.name = result.handle.name;
    this.runtimeName = result.handle.name;
    this.runtimeKind = result.handle.kind;
    this.apiObjects = adopt(this, result);
  }
}
