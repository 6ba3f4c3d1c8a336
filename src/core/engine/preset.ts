/**
 * The engine preset contract: a preset turns its own small props into InferenceEngine props (or
 * problems), so the engine build accepts presets and plain props alike. The presets live in src/presets.
 */
import type { IssueDraft } from "../errors";
import { isRecord } from "../canonical";
import type { InferenceEngineProps } from "./props";

/** A preset, ready to resolve into engine props. */
export interface EnginePreset {
  /** Preset name, for messages (`vllm`, `mlserver`, `nim`, ...). */
  readonly preset: string;
  /** The engine props, or the problems with the preset's own props (paths relative to them). */
  readonly resolve: () => { readonly props?: InferenceEngineProps; readonly issues: readonly IssueDraft[] };
}

/** True for presets. */
export function isEnginePreset(value: unknown): value is EnginePreset {
  return isRecord(value) && typeof value["preset"] === "string" && typeof value["resolve"] === "function";
}
