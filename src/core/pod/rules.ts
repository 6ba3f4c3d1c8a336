/**
 * Checks that apply to any container the library emits, wherever it came from.
 */
import type { IssueDraft } from "../errors";
import type { Container } from "../k8s";
import { checkResources } from "./resources";
import { BLOCKED_ENV } from "./env";

/** KServe's blocked variables and resource sanity, for one container. */
export function checkContainer(path: string, container: Container | undefined): IssueDraft[] {
  if (container === undefined) return [];
  const issues: IssueDraft[] = [];
  (container.env ?? []).forEach((v, i) => {
    if ((BLOCKED_ENV as readonly string[]).includes(v.name)) {
      issues.push({
        path: `${path}.env[${i}]`,
        value: v.name,
        rule: "kserve/blocked-env",
        message: `${v.name} is blocked by KServe's admission webhook in every container`,
        fix: `remove ${v.name}; install packages into the image's site-packages instead`,
      });
    }
  });
  issues.push(...checkResources(`${path}.resources`, container.resources));
  return issues;
}

/** The flag an argument sets (`--max-model-len=4096` and `--max-model-len` give `--max-model-len`), or undefined. */
export function flagOf(arg: string): string | undefined {
  if (/^--[A-Za-z0-9]/.test(arg)) return arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
  if (/^-[A-Za-z]$/.test(arg) || /^-[A-Za-z]=/.test(arg)) return arg.slice(0, 2);
  return undefined;
}

/** One source of args with the path it came from. */
export interface ArgSource {
  readonly path: string;
  readonly args: readonly string[];
}

/** Flags set more than once across the sources (KServe concatenates runtime args and model args). */
export function checkDuplicateFlags(sources: readonly ArgSource[], repeatable: readonly string[]): IssueDraft[] {
  const seen = new Map<string, string>();
  const issues: IssueDraft[] = [];
  for (const source of sources) {
    source.args.forEach((arg, i) => {
      const flag = flagOf(arg);
      if (flag === undefined || repeatable.includes(flag)) return;
      const at = `${source.path}[${i}]`;
      const first = seen.get(flag);
      if (first !== undefined) {
        issues.push({
          path: at,
          value: arg,
          rule: "args/duplicate-flag",
          message: `flag ${flag} is already set at ${first}; KServe appends the model's args to the runtime's, so the server sees it twice`,
          fix: `set ${flag} once: drop it from one place (make it an engine parameter to vary it per model), or list it in the engine's repeatableFlags`,
        });
      } else {
        seen.set(flag, at);
      }
    });
  }
  return issues;
}
