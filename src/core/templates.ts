/**
 * Placeholders in runtime fields.
 *
 * KServe renders the `kserve-container` of a runtime (merged with the InferenceService's model fields) as
 * a Go template over the InferenceService metadata: only `{{.Name}}`, `{{.Namespace}}`, `{{.Labels.x}}`
 * and `{{.Annotations.x}}` (and the `index` form for keys with '/' or '.') survive. The library's own
 * placeholders, `{{model_path}}`, `{{port}}` and `{{model_name}}`, are substituted before output; anything
 * else in double braces would fail reconciliation, so it is an error at synth time.
 */
import type { Finding } from "./rules/registry";

/** Where KServe puts model files. */
export const MODEL_MOUNT_PATH = "/mnt/models";

/** Values for the library's placeholders. */
export interface PlaceholderValues {
  /** Container port. */
  readonly port: number;
}

const OWN = /\{\{\s*(model_path|port|model_name)\s*\}\}/g;

/** Replaces `{{model_path}}`, `{{port}}` and `{{model_name}}`. */
export function substitutePlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(OWN, (_m, name: string) => {
    switch (name) {
      case "model_path":
        return MODEL_MOUNT_PATH;
      case "port":
        return String(values.port);
      default:
        return "{{.Name}}";
    }
  });
}

const ACTION = /\{\{(.*?)\}\}/g;
const ALLOWED = [
  /^\s*-?\s*\.(Name|Namespace)\s*-?\s*$/,
  /^\s*-?\s*\.(Labels|Annotations)\.[A-Za-z_][A-Za-z0-9_]*\s*-?\s*$/,
  /^\s*-?\s*index\s+\.(Labels|Annotations)\s+"[^"]+"\s*-?\s*$/,
];

/** A Go-template reference to InferenceService metadata found in a runtime field. */
export interface MetadataReference {
  readonly kind: "label" | "annotation";
  readonly key: string;
}

/** The labels and annotations a string refers to with `{{.Labels.x}}`, `{{index .Annotations "x"}}`, .... */
export function metadataReferences(text: string): MetadataReference[] {
  const out: MetadataReference[] = [];
  for (const match of text.matchAll(ACTION)) {
    const body = match[1] ?? "";
    const dotted = /\.(Labels|Annotations)\.([A-Za-z_][A-Za-z0-9_]*)/.exec(body);
    const indexed = /index\s+\.(Labels|Annotations)\s+"([^"]+)"/.exec(body);
    const found = dotted ?? indexed;
    if (found) out.push({ kind: found[1] === "Labels" ? "label" : "annotation", key: found[2] as string });
  }
  return out;
}

/**
 * What is wrong with the Go templates in `text`: forms KServe does not substitute, and unclosed braces
 * (the rule `runtime/template` in `./runtime/rules.ts` reports these).
 */
export function templateFindings(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ACTION)) {
    const body = match[1] ?? "";
    if (ALLOWED.some((re) => re.test(body))) continue;
    findings.push({
      path,
      value: text,
      message: `"${match[0]}" is not a placeholder KServe substitutes; the InferenceService would fail to reconcile`,
      fix: "use {{model_path}}, {{port}} or {{model_name}} (substituted by the library), or {{.Name}}, {{.Namespace}}, {{.Labels.key}}, {{.Annotations.key}}; for environment variables use $(VAR)",
    });
  }
  const unclosed = text.replace(ACTION, "");
  if (unclosed.includes("{{")) {
    findings.push({ path, value: text, message: "an unclosed \"{{\" makes the Go template invalid", fix: "close it with \"}}\" or remove the braces" });
  }
  return findings;
}

/** Applies `check` to every string inside a container-like object, with its dotted path. */
export function eachString(value: unknown, path: string, visit: (path: string, text: string) => void): void {
  if (typeof value === "string") {
    visit(path, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => eachString(item, `${path}[${i}]`, visit));
  } else if (value !== null && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) eachString(member, path === "" ? key : `${path}.${key}`, visit);
  }
}
