/**
 * Rules on the arguments of the `Accelerator` factories (they run when the factory is called, so a
 * wrong argument is one ValidationError instead of a TypeError).
 */
import { locate, throwIfErrors } from "../errors";
import type { Finding } from "../rules/registry";
import { defineRule, runRules } from "../rules/registry";

/** What the rule looks at: the factory called and the options it was given. */
export interface AcceleratorCall {
  readonly factory: string;
  readonly options: unknown;
  /** Fields that must be non-empty strings (custom accelerators). */
  readonly required?: readonly string[];
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** The factory's options are an object (or omitted), with the fields it needs. */
export const acceleratorOptionsRule = defineRule<AcceleratorCall>({
  id: "accelerator/options",
  severity: "error",
  summary: "An Accelerator factory is called with no options or an options object, and Accelerator.custom with a key and a resource name.",
  why: "Anything else cannot describe an accelerator; without this check the call fails with a TypeError far from the mistake.",
  fix: "pass an options object, for example Accelerator.nvidia({ min: 1, default: 1, max: 8 })",
  on: "props",
  check: ({ factory, options, required = [] }) => {
    if (options === undefined && required.length === 0) return [];
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
      return [{ path: "accelerator", value: options, message: `Accelerator.${factory}() takes an options object${required.length === 0 ? " (or none)" : ""}, got ${describe(options)}`, fix: required.length === 0 ? `call Accelerator.${factory}() without arguments, or with { min, default, max, ... }` : `call Accelerator.${factory}({ ${required.map((r) => `${r}: "..."`).join(", ")} })` }];
    }
    const findings: Finding[] = [];
    for (const field of required) {
      const v = (options as Record<string, unknown>)[field];
      if (typeof v !== "string" || v === "") findings.push({ path: `accelerator.${field}`, value: v, message: `Accelerator.${factory}() needs ${field} as a non-empty string`, fix: field === "resourceName" ? 'give the extended resource name, for example "intel.com/gpu"' : 'give a lowercase key, for example "intel-gpu"' });
    }
    return findings;
  },
});

/** Throws one ValidationError when the options of `Accelerator.<factory>()` are not usable. */
export function assertAcceleratorOptions(factory: string, options: unknown, required: readonly string[] = []): void {
  throwIfErrors(locate(`Accelerator.${factory}()`, runRules([acceleratorOptionsRule], { factory, options, required })));
}
