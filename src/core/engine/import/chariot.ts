/**
 * Chariot custom inference engines as engines: the engine-version fields of Chariot's
 * `create_engine_version` (one object, or a list of versions of the same engine) read into
 * InferenceEngine props.
 *
 * Mapping (Chariot's names):
 * - `version` → an engine version; `container_image_cpu` → its cpu image, `container_image_gpu` → its
 *   nvidia image; `env` (a list of `{name, value}` or a map) → the version's env.
 * - `is_default` → the default version (the only version is the default without it).
 * - `supports_multi_gpu` → `multiGpu`.
 * - `readiness_probe` (Kubernetes probe fields in snake case) → the readiness probe; its `port` is the
 *   container port. Without a path, `container_root_relative_base_url` + `/ready`.
 * - `predictor_env_schema` → typed parameters (`display_text` as description, `default_value` parsed
 *   by `type`); `enforce_predictor_env_schema` → `enforceParameters`.
 * - `inference_protocol`: `chariot-v2-kserve` (and `v2`, `kserve-v2`) → v2, `openai` → openai, `v1` →
 *   v1; unset → v1 (the KServe default). Another value is an error unless the `protocol` prop is set.
 * - `entrypoint` (the image's ENTRYPOINT) → the container's command; `command` (the image's CMD) → its
 *   args: Kubernetes names them the other way round.
 * - Chariot sets `CHARIOT_MODEL_ID` in the container; the runtime sets it to the InferenceService name.
 * - `name` and `project_id` identify the engine in Chariot; the runtime's name comes from the construct.
 */
import { z } from "zod";
import type { IssueDraft } from "../../errors";
import { formatPath } from "../../schema";
import type { Finding } from "../../rules/registry";
import { defineRule, runRules } from "../../rules/registry";
import type { EngineVersionProps, InferenceEngineProps } from "../props";
import type { EnginePreset } from "../preset";
import type { ParameterSpec, ParameterType } from "../parameters";
import type { EngineProtocol } from "../protocols";
import type { ProbeSettings } from "../../pod/probes";
import type { DefinitionSource, EngineImportProps } from "./source";
import { formatName, mergeImportProps, splitCommand } from "./source";
import { commandLineFinding, imageSpaceFinding, ownEngineFix, readImport, shapeFindings, versionSelectionFindings } from "./findings";
import type { ImportResult } from "./gpustack";
import { ENV_NAME } from "../../names";

/** A readiness probe as Chariot takes it (Kubernetes probe fields, snake case). */
export interface ChariotReadinessProbe {
  readonly path?: string;
  readonly port?: number;
  readonly initial_delay_seconds?: number;
  readonly timeout_seconds?: number;
  readonly period_seconds?: number;
  readonly success_threshold?: number;
  readonly failure_threshold?: number;
}

/** One entry of Chariot's `predictor_env_schema`. */
export interface ChariotPredictorEnv {
  readonly name: string;
  readonly type: "string" | "int" | "bool" | "float";
  /** The default, as a string (`"8"`, `"false"`). */
  readonly default_value?: string | number | boolean | null;
  readonly display_text?: string | null;
}

/** The fields of one Chariot engine version (`engines.create_engine_version`). */
export interface ChariotEngineVersion {
  readonly name: string;
  /** The version; a number (`2`, `1.5` in YAML) is taken as its text. */
  readonly version: string | number;
  readonly project_id?: string | null;
  readonly container_image_cpu?: string | null;
  readonly container_image_gpu?: string | null;
  readonly is_default?: boolean | null;
  readonly supports_multi_gpu?: boolean | null;
  readonly env?: readonly { readonly name: string; readonly value: string }[] | Readonly<Record<string, string>> | null;
  readonly readiness_probe?: ChariotReadinessProbe | null;
  readonly predictor_env_schema?: readonly ChariotPredictorEnv[] | null;
  readonly enforce_predictor_env_schema?: boolean | null;
  readonly inference_protocol?: string | null;
  readonly entrypoint?: string | readonly string[] | null;
  readonly command?: string | readonly string[] | null;
  readonly container_root_relative_base_url?: string | null;
}

/** Props of the Chariot importer. */
export type ChariotImportProps = EngineImportProps;

/** Chariot protocol names the library maps. */
export const CHARIOT_PROTOCOLS: Readonly<Record<string, EngineProtocol>> = { "chariot-v2-kserve": "v2", "kserve-v2": "v2", v2: "v2", v1: "v1", openai: "openai" };

const nonNegative = z.number().int().min(0).nullish();
const positive = z.number().int().min(1).nullish();
const words = z.union([z.string(), z.array(z.string())]).nullish();

const versionSchema = z.strictObject({
  name: z.string().min(1),
  version: z.union([z.string().min(1), z.number()]),
  project_id: z.string().nullish(),
  container_image_cpu: z.string().nullish(),
  container_image_gpu: z.string().nullish(),
  is_default: z.boolean().nullish(),
  supports_multi_gpu: z.boolean().nullish(),
  env: z.union([z.array(z.strictObject({ name: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]) })), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))]).nullish(),
  readiness_probe: z.strictObject({
    path: z.string().nullish(),
    port: z.number().int().min(1).max(65535).nullish(),
    initial_delay_seconds: nonNegative,
    timeout_seconds: positive,
    period_seconds: positive,
    success_threshold: positive,
    failure_threshold: positive,
  }).nullish(),
  predictor_env_schema: z.array(z.strictObject({
    name: z.string().min(1),
    type: z.enum(["string", "int", "bool", "float"]),
    default_value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
    display_text: z.string().nullish(),
  })).nullish(),
  enforce_predictor_env_schema: z.boolean().nullish(),
  inference_protocol: z.string().nullish(),
  entrypoint: words,
  command: words,
  container_root_relative_base_url: z.string().nullish(),
});

/** One version with the path prefix of its fields (`[1]` in a list, nothing for a single object). */
interface Located {
  readonly at: string;
  readonly v: ChariotEngineVersion;
}

/** What the Chariot rules look at. */
export interface ChariotSubject {
  readonly versions: readonly Located[];
  readonly props: ChariotImportProps;
}

function fieldPath(at: string, ...rest: (string | number)[]): string {
  const tail = formatPath(rest);
  if (at === "") return tail;
  return tail === "" ? at : tail.startsWith("[") ? `${at}${tail}` : `${at}.${tail}`;
}

const versionKey = (v: ChariotEngineVersion): string => String(v.version);
const selected = (s: ChariotSubject): Located[] => s.versions.filter((l) => s.props.onlyVersions === undefined || s.props.onlyVersions.includes(versionKey(l.v)));

function defaultOf(s: ChariotSubject): Located | undefined {
  const list = selected(s);
  if (s.props.defaultVersion !== undefined) return list.find((l) => versionKey(l.v) === s.props.defaultVersion);
  const marked = list.filter((l) => l.v.is_default === true);
  if (marked.length === 1) return marked[0];
  return list.length === 1 ? list[0] : undefined;
}

/** The definition has the fields of Chariot's create_engine_version, with their types. */
export const chariotShapeRule = defineRule<{ readonly input: unknown }>({
  id: "chariot/shape",
  severity: "error",
  summary: "a Chariot engine version has the fields of create_engine_version, with their types",
  why: "a field Chariot does not take, or a value of the wrong type, is a typo; importing it silently would drop what the author meant",
  fix: "correct the field named in the message (Chariot's own names: name, version, container_image_cpu, container_image_gpu, readiness_probe, ...)",
  on: "props",
  check: ({ input }) => {
    const schema = Array.isArray(input) ? z.array(versionSchema).min(1, { message: "the list has no engine versions" }) : versionSchema;
    return shapeFindings(schema as z.ZodType<unknown>, input);
  },
});

/** Every version has an image, and multi-GPU support needs the GPU image. */
export const chariotImageRule = defineRule<ChariotSubject>({
  id: "chariot/images",
  severity: "error",
  summary: "each Chariot engine version has container_image_cpu or container_image_gpu, and supports_multi_gpu comes with a GPU image",
  why: "Chariot refuses a version without images; a multi-GPU engine without a GPU image can never get GPUs",
  fix: "set container_image_cpu and/or container_image_gpu; set container_image_gpu when supports_multi_gpu is true",
  on: "props",
  check: (s) => {
    const findings: Finding[] = [];
    for (const { at, v } of selected(s)) {
      const cpu = v.container_image_cpu ?? undefined;
      const gpu = v.container_image_gpu ?? undefined;
      if ((cpu === undefined || cpu === "") && (gpu === undefined || gpu === "")) {
        findings.push({ path: fieldPath(at, "container_image_cpu"), value: undefined, message: `version ${versionKey(v)} has neither container_image_cpu nor container_image_gpu`, fix: "set at least one of them" });
      }
      for (const field of ["container_image_cpu", "container_image_gpu"] as const) {
        const image = v[field];
        if (typeof image === "string") findings.push(...imageSpaceFinding(fieldPath(at, field), image));
      }
      if (v.supports_multi_gpu === true && (gpu === undefined || gpu === "")) {
        findings.push({ path: fieldPath(at, "supports_multi_gpu"), value: true, message: "supports_multi_gpu needs container_image_gpu (Chariot's own rule)", fix: "set container_image_gpu, or supports_multi_gpu: false" });
      }
    }
    return findings;
  },
});

/** Versions of one engine: one name, distinct versions, one default. */
export const chariotVersionsRule = defineRule<ChariotSubject>({
  id: "chariot/versions",
  severity: "error",
  summary: "the versions imported together belong to one engine (one name), are distinct, and one of them is the default",
  why: "one runtime is one engine; versions of two engines, twice the same version or no default leave the runtime's image undecided",
  fix: "import one engine's versions, each once, with is_default on exactly one (or the defaultVersion prop)",
  on: "props",
  check: (s) => {
    const all = s.versions.map((l) => versionKey(l.v));
    const list = selected(s);
    const findings = versionSelectionFindings(all, s.props.onlyVersions, list.map((l) => versionKey(l.v)), "the definition");
    if (list.length === 0) return findings;
    const first = list[0] as Located;
    const seen = new Map<string, string>();
    for (const { at, v } of list) {
      if (v.name !== first.v.name) findings.push({ path: fieldPath(at, "name"), value: v.name, message: `this version belongs to engine "${v.name}", the first to "${first.v.name}"`, fix: "import each engine's versions separately" });
      const key = versionKey(v);
      const before = seen.get(key);
      if (before !== undefined) findings.push({ path: fieldPath(at, "version"), value: v.version, message: `version ${key} is listed twice (also at ${before === "" ? "the top" : before})`, fix: "list each version once" });
      else seen.set(key, at);
    }
    if (s.props.defaultVersion !== undefined) {
      if (!list.some((l) => versionKey(l.v) === s.props.defaultVersion)) findings.push({ path: "defaultVersion", value: s.props.defaultVersion, message: `defaultVersion "${s.props.defaultVersion}" is not among the imported versions`, fix: `use one of ${list.map((l) => versionKey(l.v)).join(", ")}` });
      return findings;
    }
    const marked = list.filter((l) => l.v.is_default === true);
    if (marked.length > 1) for (const m of marked.slice(1)) findings.push({ path: fieldPath(m.at, "is_default"), value: true, message: `versions ${marked.map((x) => versionKey(x.v)).join(" and ")} are all marked is_default`, fix: "mark one version is_default, or set the defaultVersion prop" });
    if (marked.length === 0 && list.length > 1) findings.push({ path: fieldPath(first.at, "is_default"), value: undefined, message: `none of the versions ${list.map((l) => versionKey(l.v)).join(", ")} is marked is_default`, fix: "mark one version is_default: true, or set the defaultVersion prop" });
    return findings;
  },
});

const ENGINE_FIELDS = ["supports_multi_gpu", "readiness_probe", "predictor_env_schema", "enforce_predictor_env_schema", "inference_protocol", "entrypoint", "command", "container_root_relative_base_url"] as const;

/** Engine-wide fields agree between the versions. */
export const chariotVersionFieldsRule = defineRule<ChariotSubject>({
  id: "chariot/version-fields",
  severity: "error",
  summary: "versions imported into one engine agree on its command, probe, protocol, settings schema and multi-GPU support",
  why: "a ServingRuntime has one command, one probe and one protocol; an InferenceService that picks another version changes only the image and env",
  fix: "import the version that differs as its own engine (onlyVersions)",
  on: "props",
  check: (s) => {
    const def = defaultOf(s);
    if (def === undefined) return [];
    const findings: Finding[] = [];
    for (const { at, v } of selected(s)) {
      if (v === def.v) continue;
      for (const field of ENGINE_FIELDS) {
        if (JSON.stringify(v[field] ?? null) !== JSON.stringify(def.v[field] ?? null)) {
          findings.push({ path: fieldPath(at, field), value: v[field] ?? undefined, message: `version ${versionKey(v)} has another ${field} than the default version ${versionKey(def.v)}`, fix: ownEngineFix(versionKey(v)) });
        }
      }
    }
    return findings;
  },
});

/** Setting defaults parse as their type; names are variable names. */
export const chariotEnvSchemaRule = defineRule<ChariotSubject>({
  id: "chariot/predictor-env",
  severity: "error",
  summary: "each predictor_env_schema entry is a valid variable name, listed once, whose default_value parses as its type",
  why: "the settings become environment variables with typed values; a default of the wrong type would reach every model",
  fix: "give a default_value of the entry's type (\"8\" for int, \"true\" or \"false\" for bool)",
  on: "props",
  check: (s) => {
    const def = defaultOf(s);
    if (def === undefined) return [];
    const findings: Finding[] = [];
    const names = new Set<string>();
    (def.v.predictor_env_schema ?? []).forEach((e, i) => {
      if (!ENV_NAME.test(e.name)) findings.push({ path: fieldPath(def.at, "predictor_env_schema", i, "name"), value: e.name, message: "a setting becomes an environment variable, so its name must be a C identifier", fix: `rename it, for example to ${e.name.replace(/[^A-Za-z0-9_]/g, "_")}` });
      if (names.has(e.name)) findings.push({ path: fieldPath(def.at, "predictor_env_schema", i, "name"), value: e.name, message: `setting ${e.name} is listed twice`, fix: "list each setting once" });
      names.add(e.name);
      if (e.default_value !== undefined && e.default_value !== null && parseDefault(e.type, e.default_value) === undefined) {
        findings.push({ path: fieldPath(def.at, "predictor_env_schema", i, "default_value"), value: e.default_value, message: `"${String(e.default_value)}" is not a ${e.type}`, fix: e.type === "bool" ? 'use "true" or "false"' : e.type === "int" ? 'use a whole number such as "8"' : 'use a number such as "0.5"' });
      }
    });
    return findings;
  },
});

/** The inference protocol is one the library can express. */
export const chariotProtocolRule = defineRule<ChariotSubject>({
  id: "chariot/protocol",
  severity: "error",
  summary: "inference_protocol is one the library maps to a KServe protocol, or the protocol prop says what the server speaks",
  why: "KServe picks runtimes and probes by protocol; guessing it for an unknown name would route requests the server does not understand",
  fix: `use ${Object.keys(CHARIOT_PROTOCOLS).join(", ")}, or set the importer's protocol prop`,
  on: "props",
  check: (s) => {
    const def = defaultOf(s);
    const p = def?.v.inference_protocol ?? undefined;
    if (def === undefined || p === undefined || s.props.protocol !== undefined || CHARIOT_PROTOCOLS[p] !== undefined) return [];
    return [{ path: fieldPath(def.at, "inference_protocol"), value: p, message: `inference protocol "${p}" has no KServe equivalent the library knows` }];
  },
});

/** Entrypoint and command split into words. */
export const chariotCommandRule = defineRule<ChariotSubject>({
  id: "chariot/command-line",
  severity: "error",
  summary: "entrypoint and command given as one line split into words like a shell line",
  why: "an unclosed quote leaves the words of the command undecided",
  fix: "close the quote, or give the words as a list",
  on: "props",
  check: (s) => {
    const def = defaultOf(s);
    if (def === undefined) return [];
    return (["entrypoint", "command"] as const).flatMap((field) => {
      const value = def.v[field];
      return typeof value === "string" ? commandLineFinding(fieldPath(def.at, field), value, "the line") : [];
    });
  },
});

/** The rules the Chariot importer runs after the shape check, in order. */
export const CHARIOT_RULES = [chariotImageRule, chariotVersionsRule, chariotVersionFieldsRule, chariotEnvSchemaRule, chariotProtocolRule, chariotCommandRule] as const;

function parseDefault(type: ParameterType, raw: string | number | boolean): string | number | boolean | undefined {
  const t = String(raw).trim();
  switch (type) {
    case "string":
      return String(raw);
    case "bool":
      return /^(true|false)$/i.test(t) ? t.toLowerCase() === "true" : undefined;
    case "int":
      return /^[-+]?\d+$/.test(t) ? Number(t) : undefined;
    case "float":
      return t !== "" && Number.isFinite(Number(t)) ? Number(t) : undefined;
  }
}

function envOf(v: ChariotEngineVersion): Record<string, string> | undefined {
  const env = v.env;
  if (env === undefined || env === null) return undefined;
  const entries: [string, string][] = Array.isArray(env) ? (env as { name: string; value: unknown }[]).map((e) => [e.name, String(e.value)]) : Object.entries(env as Record<string, unknown>).map(([k, val]) => [k, String(val)]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function wordsOf(value: string | readonly string[] | null | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const out = typeof value === "string" ? (splitCommand(value).words ?? []) : [...value];
  return out.length > 0 ? out : undefined;
}

/** The environment variable Chariot sets to the model's id; the runtime sets it to the InferenceService name. */
export const CHARIOT_MODEL_ID_ENV = "CHARIOT_MODEL_ID";

/**
 * Reads Chariot engine versions (one `create_engine_version` object, or a list of versions of one
 * engine; JSON/YAML text or parsed) into InferenceEngine props. Every problem comes back at once, with
 * Chariot's field names as paths (`[1].container_image_gpu`, or `readiness_probe.port` for one object).
 */
export function importChariot(source: DefinitionSource<ChariotEngineVersion | readonly ChariotEngineVersion[]>, props: ChariotImportProps = {}): ImportResult {
  const read = readImport(source, "Chariot engine definition", chariotShapeRule, "correct the JSON (the message gives the line)");
  if (read.issues !== undefined) return { issues: read.issues };
  const list = Array.isArray(read.value) ? (read.value as ChariotEngineVersion[]).map((v, i) => ({ at: `[${i}]`, v })) : [{ at: "", v: read.value as ChariotEngineVersion }];
  const subject: ChariotSubject = { versions: list, props };
  const issues: IssueDraft[] = runRules(CHARIOT_RULES, subject);
  if (issues.some((i) => i.severity !== "warning")) return { issues };
  const def = (defaultOf(subject) as Located).v;
  const versions: Record<string, EngineVersionProps> = {};
  for (const { v } of selected(subject)) {
    const image: Record<string, string> = {};
    if (v.container_image_cpu) image["cpu"] = v.container_image_cpu;
    if (v.container_image_gpu) image["nvidia"] = v.container_image_gpu;
    const env = envOf(v);
    versions[versionKey(v)] = { image, ...(env !== undefined ? { env } : {}) };
  }
  const probe = def.readiness_probe ?? undefined;
  const base = (def.container_root_relative_base_url ?? "").replace(/\/+$/, "");
  const readinessPath = probe?.path ?? (def.container_root_relative_base_url !== undefined && def.container_root_relative_base_url !== null ? `${base}/ready` : undefined);
  const readiness: ProbeSettings | undefined =
    probe !== undefined || readinessPath !== undefined
      ? {
          ...(readinessPath !== undefined ? { path: readinessPath.startsWith("/") ? readinessPath : `/${readinessPath}` } : {}),
          ...(probe?.initial_delay_seconds != null ? { initialDelaySeconds: probe.initial_delay_seconds } : {}),
          ...(probe?.timeout_seconds != null ? { timeoutSeconds: probe.timeout_seconds } : {}),
          ...(probe?.period_seconds != null ? { periodSeconds: probe.period_seconds } : {}),
          ...(probe?.success_threshold != null ? { successThreshold: probe.success_threshold } : {}),
          ...(probe?.failure_threshold != null ? { failureThreshold: probe.failure_threshold } : {}),
        }
      : undefined;
  const parameters: Record<string, ParameterSpec> = {};
  for (const e of def.predictor_env_schema ?? []) {
    const value = e.default_value !== undefined && e.default_value !== null ? parseDefault(e.type, e.default_value) : undefined;
    parameters[e.name] = { type: e.type, ...(value !== undefined ? { default: value } : {}), ...(e.display_text ? { description: e.display_text } : {}) };
  }
  const command = wordsOf(def.entrypoint);
  const args = wordsOf(def.command);
  const imported: InferenceEngineProps = {
    versions,
    defaultVersion: versionKey(def),
    ...(command !== undefined ? { command } : {}),
    ...(args !== undefined ? { args } : {}),
    ...(probe?.port != null ? { port: probe.port } : {}),
    protocol: CHARIOT_PROTOCOLS[def.inference_protocol ?? "v1"] ?? "v1",
    ...(readiness !== undefined ? { readiness } : {}),
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    ...(def.enforce_predictor_env_schema === true ? { enforceParameters: true } : {}),
    ...(def.supports_multi_gpu === true ? { multiGpu: true } : {}),
    modelFormats: [{ name: formatName(def.name) }],
    env: { [CHARIOT_MODEL_ID_ENV]: "{{model_name}}" },
  };
  return { props: mergeImportProps(imported, props), issues };
}

/** The import as an engine preset (what `InferenceEngine.fromChariot` builds). */
export function chariotPreset(source: DefinitionSource<ChariotEngineVersion | readonly ChariotEngineVersion[]>, props: ChariotImportProps = {}): EnginePreset {
  return { preset: "chariot", resolve: () => importChariot(source, props) };
}
