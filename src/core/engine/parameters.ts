/**
 * Typed engine parameters: per-model settings an engine declares, type-checked at synth time and
 * rendered as environment variables (the runtime carries the defaults, each InferenceService its values).
 */
import { formatValue } from "../errors";

/** The value types a parameter can have. */
export type ParameterType = "string" | "int" | "float" | "bool";

/** A value given for a parameter. Numbers and booleans may also be given as strings ("42", "true"). */
export type ParameterValue = string | number | boolean;

/** Common settings of every parameter. */
export interface ParameterOptions<V> {
  /**
   * The value used when a model does not set one; rendered on the runtime.
   * @default no default (the variable is not set unless a model sets it)
   */
  readonly default?: V;
  /**
   * What the parameter does, for people reading the engine definition.
   * @default no description
   */
  readonly description?: string;
  /**
   * Every InferenceService that uses the engine must set the parameter (only meaningful without a default).
   * @default false
   */
  readonly required?: boolean;
}

/** Settings of a numeric parameter. */
export interface NumberParameterOptions extends ParameterOptions<number> {
  /**
   * Smallest allowed value.
   * @default no lower bound
   */
  readonly min?: number;
  /**
   * Largest allowed value.
   * @default no upper bound
   */
  readonly max?: number;
}

/** Settings of a string parameter. */
export interface StringParameterOptions extends ParameterOptions<string> {
  /**
   * The only values allowed.
   * @default any string
   */
  readonly allowed?: readonly string[];
}

/** A declared parameter: its type and constraints. */
export interface ParameterSpec {
  readonly type: ParameterType;
  readonly default?: ParameterValue;
  readonly description?: string;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly allowed?: readonly string[];
}

/** Factories for {@link ParameterSpec}s. */
export const Parameter = {
  /** A free-form or enumerated string. */
  string(options: StringParameterOptions = {}): ParameterSpec {
    return { type: "string", ...options };
  },
  /** A whole number. */
  int(options: NumberParameterOptions = {}): ParameterSpec {
    return { type: "int", ...options };
  },
  /** A decimal number. */
  float(options: NumberParameterOptions = {}): ParameterSpec {
    return { type: "float", ...options };
  },
  /** `true` or `false` (rendered as the strings "true" and "false"). */
  bool(options: ParameterOptions<boolean> = {}): ParameterSpec {
    return { type: "bool", ...options };
  },
} as const;

/** How each type is named in messages. */
export const PARAMETER_TYPE_NAMES: Readonly<Record<ParameterType, string>> = { string: "a string", int: "an integer", float: "a number", bool: "a boolean" };

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Converts a value to the string put in the environment variable, or explains why it does not fit. */
export function renderParameter(spec: ParameterSpec, value: ParameterValue): { text?: string; problem?: string } {
  switch (spec.type) {
    case "string": {
      if (typeof value !== "string") return { problem: `expects a string, got ${typeof value} ${formatValue(value)}` };
      if (spec.allowed !== undefined && !spec.allowed.includes(value)) {
        return { problem: `expects one of ${spec.allowed.map((a) => JSON.stringify(a)).join(", ")}` };
      }
      return { text: value };
    }
    case "bool": {
      if (typeof value === "boolean") return { text: String(value) };
      if (value === "true" || value === "false") return { text: value };
      return { problem: `expects a boolean (true or false), got ${formatValue(value)}` };
    }
    case "int":
    case "float": {
      let n: number;
      if (typeof value === "number") n = value;
      else if (typeof value === "string" && (spec.type === "int" ? INT : FLOAT).test(value.trim())) n = Number(value);
      else return { problem: `expects ${spec.type === "int" ? "an integer" : "a number"}, got ${formatValue(value)}` };
      if (!Number.isFinite(n)) return { problem: `expects a finite number, got ${formatValue(value)}` };
      if (spec.type === "int" && !Number.isInteger(n)) return { problem: `expects an integer, got ${formatValue(value)}` };
      if (spec.min !== undefined && n < spec.min) return { problem: `must be at least ${spec.min}` };
      if (spec.max !== undefined && n > spec.max) return { problem: `must be at most ${spec.max}` };
      return { text: typeof value === "string" ? value.trim() : String(n) };
    }
  }
}

/** The closest candidate by edit distance (case-insensitive), when close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}
