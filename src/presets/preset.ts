/**
 * Engine presets: a preset turns its own small props into InferenceEngine props (or problems), so
 * `new InferenceEngine(scope, id, preset)` and the Pulumi component accept presets and plain props alike.
 */
import type { IssueDraft } from "../core/errors";
import type { InferenceEngineProps } from "../core/engine/props";
import { isRecord } from "../core/canonical";

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
