/**
 * InferenceEngine: a custom serving engine, synthesized as a ServingRuntime or ClusterServingRuntime.
 */
import type { ApiObject } from "cdk8s";
import { Construct } from "constructs";
import { EnginePresets, buildInferenceEngine } from "../index";
import type { EnginePreset, InferenceEngineProps, IRuntime, RuntimeInfo, VllmPresetProps } from "../index";
import { adopt, buildContext } from "./state";

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
  public static vllm(scope: Construct, id: string, props: VllmPresetProps): InferenceEngine {
    return new InferenceEngine(scope, id, EnginePresets.vllm(props));
  }

  /** The runtime handle InferenceServices use. */
  public readonly runtime: RuntimeInfo;
  /** The runtime's name. */
  public readonly name: string;
  /** The synthesized objects (empty when the props have errors); for `addJsonPatch` escape hatches. */
  public readonly apiObjects: readonly ApiObject[];

  /** @param props the engine's props, or a preset (`EnginePresets.vllm({...})`) */
  constructor(scope: Construct, id: string, props: InferenceEngineProps | EnginePreset) {
    super(scope, id);
    const result = buildInferenceEngine(props, buildContext(scope, id));
    this.runtime = result.handle;
    this.name = result.handle.name;
    this.apiObjects = adopt(this, result);
  }
}
