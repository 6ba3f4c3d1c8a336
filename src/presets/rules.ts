/**
 * Rules of the runtime presets: what a vLLM preset and an MLServer custom runtime need beyond their
 * props' shape. They run on the parsed preset props, before the preset is turned into InferenceEngine
 * props.
 *
 * These rules live beside the presets rather than under `src/core` (the presets build on the core, so
 * the core's rule loader `src/core/rules/all.ts` does not import them); the presets load them, and the
 * package entry point loads the presets.
 */
import { defineRule } from "../core/rules/registry";
import type { Finding, Rule } from "../core/rules/registry";
import type { MLServerPresetProps } from "./mlserver";
import { MULTI_MODEL_RUNTIME_KEYS } from "./modelmesh";
import type { VllmPresetProps } from "./vllm";

/** A Python path `module.Class` (at least one dot, identifiers only). */
const PYTHON_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** vLLM images other than NVIDIA's are the user's to name. */
export const vllmImageRule = defineRule<VllmPresetProps>({
  id: "preset/vllm-image",
  severity: "error",
  on: "props",
  summary: "A vLLM preset for an accelerator other than nvidia names its image.",
  why: "The only vLLM image the library can choose is upstream's vllm/vllm-openai, built for NVIDIA CUDA; AMD (ROCm), Intel Gaudi, IBM Spyre and CPU need their own builds, which OpenShift AI ships per release in its runtime templates: a CUDA image on those nodes would not find its devices and the model would not start.",
  fix: "set image (on OpenShift AI, the image of the matching vLLM runtime template in your cluster)",
  check: (p) => (p.image === undefined && p.accelerator !== "nvidia" ? [{ path: "image", value: undefined, message: `vLLM for ${p.accelerator} has no image the library may choose for you` }] : []),
});

/** The multi-node vLLM preset is for NVIDIA and AMD GPUs. */
export const vllmMultiNodeRule = defineRule<VllmPresetProps>({
  id: "preset/vllm-multi-node",
  severity: "error",
  on: "props",
  summary: "multiNode on a vLLM preset is used with the nvidia or amd accelerator.",
  why: "The multi-node preset follows OpenShift AI's vllm-multinode-runtime template: a head and worker pods joined by vLLM's multiprocessing executor over the GPUs' collective library (NCCL, RCCL). The vLLM builds for Gaudi, Spyre and CPU have no such setup, so the workers would not form one server.",
  fix: "drop multiNode, or define an InferenceEngine with multiNode for this accelerator",
  check: (p) => (p.multiNode === true && p.accelerator !== "nvidia" && p.accelerator !== "amd" ? [{ path: "multiNode", value: true, message: `the multi-node vLLM preset covers NVIDIA and AMD GPUs, not ${p.accelerator}` }] : []),
});

/** The rules of a vLLM preset, in order. */
export const VLLM_PRESET_RULES: readonly Rule<VllmPresetProps>[] = [vllmImageRule, vllmMultiNodeRule];

/** MLServer imports the implementation class by its Python path. */
export const mlserverImplementationRule = defineRule<MLServerPresetProps>({
  id: "preset/mlserver-implementation",
  severity: "error",
  on: "props",
  summary: "An MLServer runtime's implementation is a Python path module.Class.",
  why: "MLServer imports the class named by MLSERVER_MODEL_IMPLEMENTATION by its Python path when it loads a model; a name that is not module.Class fails that import, and the model never becomes ready.",
  fix: 'give the module and class of your MLModel subclass, for example "my_model.MyModel"',
  check: (p) => (PYTHON_PATH.test(p.implementation) ? [] : [{ path: "implementation", value: p.implementation, message: "MLServer imports the implementation by its Python path (module.Class), so this would fail when the model loads" }]),
});

/** Settings of the other mode are ignored. */
export const mlserverModeRule = defineRule<MLServerPresetProps>({
  id: "preset/mlserver-mode",
  severity: "error",
  on: "props",
  summary: 'An MLServer runtime sets replicas, scaling, route and auth only in mode "multi", and grpc only in mode "single".',
  why: "replicas, scaling, route and auth configure the shared pods of a ModelMesh runtime, and grpc declares the single-model server's gRPC port: in the other mode nothing reads them (single-model replicas are set per InferenceService with scaling, and ModelMesh serves gRPC for every model), so they would be silently ignored.",
  fix: "remove the setting, or choose the mode it belongs to",
  check: (p) => {
    const mode = p.mode ?? "single";
    const findings: Finding[] = [];
    for (const key of MULTI_MODEL_RUNTIME_KEYS) {
      if (mode === "single" && p[key] !== undefined) {
        findings.push({ path: key, value: p[key], message: `${key} applies to the multi-model (ModelMesh) runtime, and mode is "single"`, fix: `remove ${key}, or set mode: "multi" (single-model replicas are set per InferenceService with scaling)` });
      }
    }
    if (mode === "multi" && p.grpc !== undefined) findings.push({ path: "grpc", value: p.grpc, message: 'grpc declares the single-model gRPC port; in mode "multi" ModelMesh serves gRPC for every model', fix: "remove grpc" });
    return findings;
  },
});

/** The rules of an MLServer custom runtime, in order. */
export const MLSERVER_PRESET_RULES: readonly Rule<MLServerPresetProps>[] = [mlserverImplementationRule, mlserverModeRule];
