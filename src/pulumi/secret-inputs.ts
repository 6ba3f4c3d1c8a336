/**
 * Credential-named env vars whose value is a Pulumi Input. The build with placeholders cannot judge
 * them (`env/secret-literal` skips placeholders); the build with the real values finds them like any
 * literal, and this module decides, per finding, from the Output the value came from:
 *
 * - a plain (not secret) Output: its value is a literal once known, written in plain text into the
 *   cluster object and Pulumi's state: an error, as for a literal in the program (`Env.fromSecret`);
 * - a Pulumi secret (`pulumi.secret(...)`, a secret config value): Pulumi keeps it encrypted in its
 *   state and outputs, but the object on the cluster still holds it in plain text (`kubectl get -o yaml`
 *   shows it to whoever may read the InferenceService, and its pods): a warning with the same rule id
 *   and fix, so the program runs and the user learns where the value ends up.
 */
import type { IssueDraft, Manifest } from "../index";
import { relabel, tokensIn } from "./inputs";

/** The rule of literal credentials in env values. */
const SECRET_LITERAL = "env/secret-literal";

/** The value at a manifest path as the env rules write them (`spec.containers[0].env[1].value`). */
function valueAt(manifest: Manifest, path: string): unknown {
  let current: unknown = manifest;
  for (const part of path.split(/\.|(?=\[)/)) {
    if (current === null || typeof current !== "object") return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    if (index !== null) current = Array.isArray(current) ? (current[Number(index[1])] as unknown) : undefined;
    else current = Object.hasOwn(current, part) ? (current as Record<string, unknown>)[part] : undefined;
  }
  return current;
}

/** The env var at `path` (a `...env[i].value` path) in the placeholder build, when its value is one Input. */
function inputEnv(manifests: readonly Manifest[], path: string): { name: string; token: string } | undefined {
  if (!path.endsWith(".value")) return undefined;
  const entryPath = path.slice(0, -".value".length);
  for (const manifest of manifests) {
    const entry = valueAt(manifest, entryPath);
    if (entry === null || typeof entry !== "object") continue;
    const { name, value } = entry as { name?: unknown; value?: unknown };
    if (typeof name !== "string" || typeof value !== "string") continue;
    const tokens = [...tokensIn(value)];
    if (tokens.length === 1 && tokens[0] === value) return { name, token: value };
  }
  return undefined;
}

/**
 * Judges the `env/secret-literal` findings of a build with the real values of its Inputs, given the
 * manifests of the build with placeholders and which placeholders are Pulumi secrets: a plain Output
 * stays an error (its source named), a secret becomes a warning; findings on values that were not one
 * Input were judged by the placeholder build already and are dropped.
 */
export function judgeInputCredentials(issues: readonly IssueDraft[], placeholders: readonly Manifest[], secretTokens: ReadonlySet<string>): IssueDraft[] {
  const out: IssueDraft[] = [];
  for (const issue of issues) {
    if (issue.rule !== SECRET_LITERAL) {
      out.push(issue);
      continue;
    }
    const input = inputEnv(placeholders, issue.path);
    if (input === undefined) continue;
    const source = relabel(input.token);
    if (secretTokens.has(input.token)) {
      out.push({
        ...issue,
        severity: "warning",
        message: `${input.name} holds a Pulumi secret (${source}): Pulumi keeps it encrypted in its state, but the object on the cluster holds the value in plain text, for whoever may read it (and its pods) to see`,
        fix: `create a Kubernetes Secret from it and reference that: env: { ${input.name}: Env.fromSecret("<secret name>", "${input.name}") }`,
      });
    } else {
      out.push({ ...issue, message: `${input.name} looks like a credential, and its value (${source}) is a Pulumi Output that is not secret: once known it is a literal, written in plain text into the object on the cluster and into Pulumi's state` });
    }
  }
  return out;
}
