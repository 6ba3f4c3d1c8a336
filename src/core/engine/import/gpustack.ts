/**
 * GPUStack inference backends as engines: the backend definition GPUStack's Inference Backend page
 * imports and exports (YAML), read into InferenceEngine props.
 *
 * Mapping (field by field, GPUStack's names):
 * - `version_configs.<v>` → one engine version; `image_name` is its image for the accelerator its
 *   `custom_framework` names (`cuda` → nvidia, `rocm` → amd, `cpu` → cpu; other frameworks such as
 *   `cann` or `musa` keep their name as a custom accelerator key unless `frameworks` maps them);
 *   `env` → the version's env.
 * - `default_version` → the default version (GPUStack's rule without it, or when `onlyVersions` leaves
 *   it out: the highest version).
 * - `run_command` (else `default_run_command`) → the container's args, split like a POSIX shell;
 *   `entrypoint` (else `default_entrypoint`) → its command; `default_backend_param` → args after them.
 * - `default_env` → the engine's env. `health_check_path` → the readiness probe's path.
 * - Placeholders: `{{model_path}}` → the model folder (`/mnt/models`), or the file `modelFile` names in
 *   it (GGUF models); `{{port}}` → the container port; `{{model_name}}` → the InferenceService name;
 *   `{{worker_ip}}` → `0.0.0.0` (the pod's every address); `{{gpu_count}}` → `$(GPU_COUNT)`, which the
 *   runtime sets to its default device count and an InferenceService with more devices overrides;
 *   `{{VAR}}` → `$(VAR)` (Kubernetes expands it from the container's env); `{{gpu_ids}}` is an error.
 * - Server-side metadata (`description`, `icon`, `enabled`, `is_built_in`, `backend_source`,
 *   `parameter_format`, `common_parameters`, `id`, timestamps, ...) is accepted and ignored.
 */
import { z } from "zod";
import type { IssueDraft } from "../../errors";
import type { Finding } from "../../rules/registry";
import { defineRule, runRules } from "../../rules/registry";
import type { EngineVersionProps, ImageTarget, InferenceEngineProps } from "../props";
import type { EnginePreset } from "../preset";
import type { DefinitionSource, EngineImportProps } from "./source";
import { compareVersions, formatName, mergeImportProps, splitCommand } from "./source";
import { commandLineFinding, imageSpaceFinding, ownEngineFix, readImport, shapeFindings, versionSelectionFindings } from "./findings";
import { compareStrings } from "../../canonical";
import { formatPath } from "../../schema";

/** One version of a GPUStack backend (GPUStack's `VersionConfig`). */
export interface GpuStackVersionConfig {
  /** The container image of this version. */
  readonly image_name?: string | null;
  /** The server's command line (args); `{{...}}` placeholders allowed. */
  readonly run_command?: string | null;
  /** Replaces the image's entrypoint. */
  readonly entrypoint?: string | null;
  /** The framework the image is built for: `cuda`, `rocm`, `cpu`, `cann`, `musa`, `dtk`, `corex`, `maca`. */
  readonly custom_framework?: string | null;
  /** Environment of this version (over `default_env`). */
  readonly env?: Readonly<Record<string, string | number | boolean>> | null;
  /** Filled by GPUStack for its built-in backends only. */
  readonly built_in_frameworks?: readonly string[] | null;
}

/** A GPUStack inference backend definition, as its Inference Backend page imports and exports it. */
export interface GpuStackBackendDefinition {
  readonly backend_name: string;
  readonly version_configs: Readonly<Record<string, GpuStackVersionConfig>>;
  readonly default_version?: string | null;
  readonly default_run_command?: string | null;
  readonly default_entrypoint?: string | null;
  readonly default_backend_param?: readonly string[] | null;
  readonly default_env?: Readonly<Record<string, string | number | boolean>> | null;
  readonly health_check_path?: string | null;
  readonly description?: string | null;
  readonly icon?: string | null;
  readonly enabled?: boolean | null;
  readonly is_built_in?: boolean | null;
  readonly backend_source?: string | null;
  readonly parameter_format?: "space" | "equal" | null;
  readonly common_parameters?: readonly string[] | null;
  readonly id?: number | null;
  readonly created_at?: string | null;
  readonly updated_at?: string | null;
  readonly built_in_version_configs?: Readonly<Record<string, unknown>> | null;
  readonly framework_index_map?: Readonly<Record<string, unknown>> | null;
}

/** Props of the GPUStack importer: what the definition does not say about Kubernetes. */
export interface GpuStackImportProps extends EngineImportProps {
  /**
   * The file inside the model folder that `{{model_path}}` means, for single-file models (a GGUF file
   * for llama.cpp): `{{model_path}}` then becomes `/mnt/models/$(MODEL_FILE)`, the runtime sets
   * `MODEL_FILE` to this name, and an InferenceService whose model file is named otherwise sets the
   * parameter `MODEL_FILE`.
   * @default none: `{{model_path}}` is the model folder `/mnt/models`
   */
  readonly modelFile?: string;
  /**
   * The accelerator key for a GPUStack framework, for frameworks the library does not map itself.
   * @default cuda → nvidia, rocm → amd, cpu → cpu; any other framework keeps its own name
   */
  readonly frameworks?: Readonly<Record<string, ImageTarget>>;
}

/** GPUStack frameworks the library maps to its accelerators. */
export const GPUSTACK_FRAMEWORKS: Readonly<Record<string, ImageTarget>> = { cuda: "nvidia", rocm: "amd", cpu: "cpu" };

/** The env variable `{{gpu_count}}` becomes. */
export const GPU_COUNT_ENV = "GPU_COUNT";
/** The parameter naming the model file when `modelFile` is set. */
export const MODEL_FILE_PARAMETER = "MODEL_FILE";

const text = z.string().nullish();
const envMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullish();

const versionSchema = z.strictObject({
  image_name: text,
  run_command: text,
  entrypoint: text,
  custom_framework: text,
  env: envMap,
  built_in_frameworks: z.array(z.string()).nullish(),
});

const definitionSchema = z.strictObject({
  backend_name: z.string().min(1),
  version_configs: z.record(z.string().min(1), versionSchema),
  default_version: text,
  default_run_command: text,
  default_entrypoint: text,
  default_backend_param: z.array(z.string()).nullish(),
  default_env: envMap,
  health_check_path: text,
  description: text,
  icon: text,
  enabled: z.boolean().nullish(),
  is_built_in: z.boolean().nullish(),
  backend_source: text,
  parameter_format: z.enum(["space", "equal"]).nullish(),
  common_parameters: z.array(z.string()).nullish(),
  id: z.number().nullish(),
  created_at: text,
  updated_at: text,
  built_in_version_configs: z.record(z.string(), z.unknown()).nullish(),
  framework_index_map: z.record(z.string(), z.unknown()).nullish(),
});

/** What the GPUStack rules look at: the definition (shape already checked) and the importer's props. */
export interface GpuStackSubject {
  readonly definition: GpuStackBackendDefinition;
  readonly props: GpuStackImportProps;
}

/** `version_configs["1.0"]` and the like, as the issue path of a version field. */
export function versionPath(version: string, field?: string): string {
  return formatPath(field === undefined ? ["version_configs", version] : ["version_configs", version, field]);
}

/** The versions the import covers (all, or `onlyVersions` among them). */
function selectedVersions(s: GpuStackSubject): string[] {
  const all = Object.keys(s.definition.version_configs);
  const only = s.props.onlyVersions;
  return (only === undefined ? all : all.filter((v) => only.includes(v))).sort(compareStrings);
}

/** GPUStack's default version: `default_version`, else the highest version. */
function defaultVersionOf(s: GpuStackSubject): string | undefined {
  const versions = selectedVersions(s);
  if (s.props.defaultVersion !== undefined) return versions.includes(s.props.defaultVersion) ? s.props.defaultVersion : undefined;
  const declared = s.definition.default_version ?? undefined;
  if (declared !== undefined && versions.includes(declared)) return declared;
  if (declared !== undefined && !Object.keys(s.definition.version_configs).includes(declared)) return undefined;
  return [...versions].sort(compareVersions).pop();
}

/** The command fields a version runs with, and where each comes from. */
function commandOf(s: GpuStackSubject, version: string): { run?: string; runPath: string; entrypoint?: string; entrypointPath: string } {
  const vc = s.definition.version_configs[version] ?? {};
  const run = vc.run_command ?? undefined;
  const entrypoint = vc.entrypoint ?? undefined;
  return {
    ...(run !== undefined && run !== "" ? { run } : s.definition.default_run_command ? { run: s.definition.default_run_command } : {}),
    runPath: run !== undefined && run !== "" ? versionPath(version, "run_command") : "default_run_command",
    ...(entrypoint !== undefined && entrypoint !== "" ? { entrypoint } : s.definition.default_entrypoint ? { entrypoint: s.definition.default_entrypoint } : {}),
    entrypointPath: entrypoint !== undefined && entrypoint !== "" ? versionPath(version, "entrypoint") : "default_entrypoint",
  };
}

/** Every command-line text of the import, with its path. */
function commandTexts(s: GpuStackSubject): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const seen = new Set<string>();
  const add = (path: string, value: string | undefined): void => {
    if (value === undefined || value === "" || seen.has(path)) return;
    seen.add(path);
    out.push({ path, text: value });
  };
  for (const v of selectedVersions(s)) {
    const c = commandOf(s, v);
    add(c.runPath, c.run);
    add(c.entrypointPath, c.entrypoint);
  }
  (s.definition.default_backend_param ?? []).forEach((p, i) => add(`default_backend_param[${i}]`, p));
  return out;
}

/** The env names the backend defines (default_env and every imported version's env). */
function definedEnv(s: GpuStackSubject): Set<string> {
  const names = new Set(Object.keys(s.definition.default_env ?? {}));
  for (const v of selectedVersions(s)) for (const n of Object.keys(s.definition.version_configs[v]?.env ?? {})) names.add(n);
  for (const n of Object.keys(s.props.env ?? {})) names.add(n);
  return names;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const ENV_REFERENCE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TRANSLATED = new Set(["model_path", "port", "model_name", "worker_ip", "gpu_count"]);

/** The GPUStack backend definition has the shape GPUStack gives it. */
export const gpuStackShapeRule = defineRule<{ readonly input: unknown }>({
  id: "gpustack/shape",
  severity: "error",
  summary: "a GPUStack backend definition has GPUStack's fields, with their types",
  why: "a field GPUStack does not know, or a value of the wrong type, is a typo or a definition of another system; importing it silently would drop what the author meant",
  fix: "correct the field named in the message (GPUStack's own field names: backend_name, version_configs, default_version, default_run_command, ...)",
  on: "props",
  check: ({ input }) => shapeFindings(definitionSchema, input),
});

/** Each imported version has an image and a framework GPUStack could schedule. */
export const gpuStackImageRule = defineRule<GpuStackSubject>({
  id: "gpustack/version-image",
  severity: "error",
  summary: "every imported GPUStack version has an image_name and a custom_framework, and the backend is not a built-in one",
  why: "a Kubernetes runtime needs an image per accelerator; GPUStack picks images of built-in backends itself, so their definitions carry none",
  fix: "give the version image_name and custom_framework (cuda, rocm, cpu, ...), or leave it out with onlyVersions",
  on: "props",
  check: (s) => {
    const findings: Finding[] = [];
    if (s.definition.is_built_in === true || s.definition.backend_source === "built_in") {
      findings.push({ path: s.definition.is_built_in === true ? "is_built_in" : "backend_source", value: s.definition.is_built_in ?? s.definition.backend_source, message: "this is a GPUStack built-in backend, whose images GPUStack chooses per worker; the definition has no images to import", fix: "use the library's preset for the engine (InferenceEngine.vllm, ...), or define a custom backend with image_name per version" });
    }
    for (const v of selectedVersions(s)) {
      const vc = s.definition.version_configs[v] ?? {};
      if (vc.image_name === undefined || vc.image_name === null || vc.image_name.trim() === "") {
        findings.push({ path: versionPath(v, "image_name"), value: vc.image_name ?? undefined, message: `version ${v} has no image_name`, fix: `set version_configs["${v}"].image_name to the image of this version, or leave the version out with onlyVersions` });
      } else if (/\s/.test(vc.image_name.trim())) {
        findings.push(...imageSpaceFinding(versionPath(v, "image_name"), vc.image_name));
      }
      if (vc.custom_framework === undefined || vc.custom_framework === null || vc.custom_framework.trim() === "") {
        findings.push({ path: versionPath(v, "custom_framework"), value: undefined, message: `version ${v} has no custom_framework, so the accelerator its image is for is unknown`, fix: `set version_configs["${v}"].custom_framework to cuda, rocm, cpu or the framework the image is built for` });
      } else if (!/^[a-z][a-z0-9-]*$/.test(frameworkTarget(s, vc.custom_framework))) {
        findings.push({ path: versionPath(v, "custom_framework"), value: vc.custom_framework, message: `framework "${vc.custom_framework}" cannot be an accelerator key (lowercase letters, digits and '-')`, fix: `map it with frameworks: { "${vc.custom_framework}": "my-accelerator" }` });
      }
    }
    return findings;
  },
});

/** The default version and `onlyVersions` name versions of the definition. */
export const gpuStackVersionsRule = defineRule<GpuStackSubject>({
  id: "gpustack/versions",
  severity: "error",
  summary: "default_version (or the defaultVersion prop) and onlyVersions name versions of version_configs",
  why: "GPUStack falls back to another version silently; a runtime built from a version nobody chose runs the wrong image",
  fix: "name a version that version_configs has",
  on: "props",
  check: (s) => {
    const findings: Finding[] = [];
    const all = Object.keys(s.definition.version_configs).sort(compareStrings);
    if (all.length === 0) findings.push({ path: "version_configs", value: s.definition.version_configs, message: "the backend has no versions", fix: "add a version with image_name and custom_framework" });
    const selected = selectedVersions(s);
    findings.push(...versionSelectionFindings(all, s.props.onlyVersions, selected, "version_configs"));
    const declared = s.definition.default_version ?? undefined;
    if (s.props.defaultVersion !== undefined && selected.length > 0 && !selected.includes(s.props.defaultVersion)) {
      findings.push({ path: "defaultVersion", value: s.props.defaultVersion, message: `defaultVersion "${s.props.defaultVersion}" is not among the imported versions (${selected.join(", ")})`, fix: `use one of ${selected.join(", ")}` });
    } else if (s.props.defaultVersion === undefined && declared !== undefined && all.length > 0 && !all.includes(declared)) {
      findings.push({ path: "default_version", value: declared, message: `default_version "${declared}" is not in version_configs (${all.join(", ")})`, fix: `use one of ${all.join(", ")}` });
    }
    return findings;
  },
});

/** Command lines split into words. */
export const gpuStackCommandRule = defineRule<GpuStackSubject>({
  id: "gpustack/command-line",
  severity: "error",
  summary: "run_command, entrypoint and default_backend_param split into words like a POSIX shell line",
  why: "GPUStack splits them with shlex; an unclosed quote would make GPUStack fail at start, and the library cannot tell where the words end",
  fix: "close the quote (or escape it with a backslash)",
  on: "props",
  check: (s) => commandTexts(s).flatMap(({ path, text: line }) => commandLineFinding(path, line, "the command line")),
});

/** One runtime runs one command: imported versions share the default version's command line. */
export const gpuStackVersionCommandRule = defineRule<GpuStackSubject>({
  id: "gpustack/version-command",
  severity: "error",
  summary: "every imported version runs the same run_command and entrypoint as the default version",
  why: "a ServingRuntime has one command line; an InferenceService that picks another version gets only that version's image, so a different command would be lost",
  fix: "import the versions with their own command as separate engines (onlyVersions)",
  on: "props",
  check: (s) => {
    const def = defaultVersionOf(s);
    if (def === undefined) return [];
    const base = commandOf(s, def);
    const findings: Finding[] = [];
    for (const v of selectedVersions(s)) {
      if (v === def) continue;
      const c = commandOf(s, v);
      if ((c.run ?? "") !== (base.run ?? "")) findings.push({ path: c.runPath === "default_run_command" ? versionPath(def, "run_command") : c.runPath, value: c.run, message: `version ${v} runs another command line than the default version ${def}`, fix: ownEngineFix(v, true) });
      if ((c.entrypoint ?? "") !== (base.entrypoint ?? "")) findings.push({ path: c.entrypointPath === "default_entrypoint" ? versionPath(def, "entrypoint") : c.entrypointPath, value: c.entrypoint, message: `version ${v} has another entrypoint than the default version ${def}`, fix: ownEngineFix(v, true) });
    }
    return findings;
  },
});

/** Placeholders with no Kubernetes meaning. */
export const gpuStackPlaceholderRule = defineRule<GpuStackSubject>({
  id: "gpustack/placeholder",
  severity: "error",
  summary: "a GPUStack command uses only placeholders that have a Kubernetes equivalent",
  why: "{{gpu_ids}} lists the host's device indexes GPUStack picked; on Kubernetes the device plugin assigns devices and the container sees only its own, so no value is right",
  fix: "remove {{gpu_ids}} and the flag that takes it: the container sees exactly the devices it requested",
  on: "props",
  check: (s) => commandTexts(s).flatMap(({ path, text: line }) =>
    [...line.matchAll(PLACEHOLDER)].filter((m) => (m[1] ?? "").trim() === "gpu_ids").map(() => ({
      path,
      value: line,
      message: "{{gpu_ids}} has no Kubernetes meaning: the device plugin chooses the devices, and the container sees only the ones it was given",
    })),
  ),
});

/** Variables a command refers to and the backend does not define. */
export const gpuStackEnvReferenceRule = defineRule<GpuStackSubject>({
  id: "gpustack/env-reference",
  severity: "warning",
  summary: "a {{VAR}} in a GPUStack command names a variable of default_env, a version's env or the importer's env",
  why: "{{VAR}} becomes $(VAR), which Kubernetes expands from the container's env; a variable no one sets stays as the literal text $(VAR)",
  fix: "add the variable to default_env (or the importer's env), or set it in the env of every InferenceService that uses the engine",
  on: "props",
  check: (s) => {
    const defined = definedEnv(s);
    return commandTexts(s).flatMap(({ path, text: line }) =>
      [...line.matchAll(PLACEHOLDER)]
        .map((m) => (m[1] ?? "").trim())
        .filter((name) => ENV_REFERENCE.test(name) && !TRANSLATED.has(name) && name !== "gpu_ids" && !defined.has(name))
        .map((name) => ({ path, value: line, message: `{{${name}}} refers to the variable ${name}, which the backend does not define`, fix: `define ${name} in default_env or the importer's env, or set it on every InferenceService` })),
    );
  },
});

/** llama.cpp images, whose server loads a single GGUF file (`-m`/`--model` take a file, not a folder). */
const LLAMA_CPP_IMAGE = /(^|\/)llama[.-]?cpp([:@/]|$)|ggml-org\//i;

/** A llama.cpp backend ported verbatim needs the GGUF file's name. */
export const gpuStackModelFileRule = defineRule<GpuStackSubject>({
  id: "gpustack/model-file",
  severity: "warning",
  summary: "a llama.cpp backend whose command passes {{model_path}} names the GGUF file with modelFile",
  why: "GPUStack's {{model_path}} is the GGUF file for single-file models, while KServe's model path is the folder /mnt/models; llama.cpp's server cannot load a folder and exits",
  fix: 'set modelFile to the GGUF file\'s name (for example modelFile: "model.gguf"); each InferenceService may set the parameter MODEL_FILE',
  on: "props",
  check: (s) => {
    if (s.props.modelFile !== undefined) return [];
    const llama = selectedVersions(s).some((v) => LLAMA_CPP_IMAGE.test(s.definition.version_configs[v]?.image_name ?? ""));
    if (!llama) return [];
    return commandTexts(s)
      .filter(({ text: line }) => /\{\{\s*model_path\s*\}\}/.test(line))
      .slice(0, 1)
      .map(({ path, text: line }) => ({ path, value: line, message: "llama.cpp loads one GGUF file, and {{model_path}} is the model folder on KServe unless modelFile names the file" }));
  },
});

/** The rules the GPUStack importer runs after the shape check, in order. */
export const GPUSTACK_RULES = [gpuStackImageRule, gpuStackVersionsRule, gpuStackCommandRule, gpuStackVersionCommandRule, gpuStackPlaceholderRule, gpuStackEnvReferenceRule, gpuStackModelFileRule] as const;

function frameworkTarget(s: GpuStackSubject, framework: string): string {
  const key = framework.trim().toLowerCase();
  return s.props.frameworks?.[key] ?? s.props.frameworks?.[framework] ?? GPUSTACK_FRAMEWORKS[key] ?? key;
}

function stringEnv(env: Readonly<Record<string, string | number | boolean>> | null | undefined): Record<string, string> | undefined {
  if (env === undefined || env === null || Object.keys(env).length === 0) return undefined;
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

/** Translates GPUStack placeholders in one word into the library's (or Kubernetes') forms. */
function translate(word: string, modelFile: boolean): string {
  return word.replace(PLACEHOLDER, (whole, body: string) => {
    switch (body.trim()) {
      case "model_path":
        return modelFile ? `{{model_path}}/$(${MODEL_FILE_PARAMETER})` : "{{model_path}}";
      case "port":
        return "{{port}}";
      case "model_name":
        return "{{model_name}}";
      case "worker_ip":
        return "0.0.0.0";
      case "gpu_count":
        return `$(${GPU_COUNT_ENV})`;
      default:
        return ENV_REFERENCE.test(body.trim()) ? `$(${body.trim()})` : whole;
    }
  });
}

function words(line: string | undefined, modelFile: boolean): string[] {
  if (line === undefined || line === "") return [];
  return (splitCommand(line).words ?? []).map((w) => translate(w, modelFile));
}

/** The result of an import: engine props, or the problems of the definition (with its own field names as paths). */
export interface ImportResult {
  readonly props?: InferenceEngineProps;
  readonly issues: readonly IssueDraft[];
}

/**
 * Reads a GPUStack backend definition (YAML text or the parsed object) into InferenceEngine props.
 * Every problem of the definition comes back at once, with GPUStack's field names as paths
 * (`version_configs["1.0"].image_name`); warnings come with the props.
 */
export function importGpuStack(source: DefinitionSource<GpuStackBackendDefinition>, props: GpuStackImportProps = {}): ImportResult {
  const read = readImport(source, "GPUStack backend definition", gpuStackShapeRule, "correct the YAML (the message gives the line)");
  if (read.issues !== undefined) return { issues: read.issues };
  const subject: GpuStackSubject = { definition: read.value as GpuStackBackendDefinition, props };
  const issues = runRules(GPUSTACK_RULES, subject);
  if (issues.some((i) => i.severity !== "warning")) return { issues };
  const d = subject.definition;
  const defaultVersion = defaultVersionOf(subject) as string;
  const modelFile = props.modelFile !== undefined;
  const versions: Record<string, EngineVersionProps> = {};
  let usesGpu = false;
  for (const v of selectedVersions(subject)) {
    const vc = d.version_configs[v] as GpuStackVersionConfig;
    const target = frameworkTarget(subject, vc.custom_framework as string);
    if (target !== "cpu") usesGpu = true;
    const env = stringEnv(vc.env);
    versions[v] = { image: { [target]: (vc.image_name as string).trim() }, ...(env !== undefined ? { env } : {}) };
  }
  const command = commandOf(subject, defaultVersion);
  const entrypoint = words(command.entrypoint, modelFile);
  const args = [...words(command.run, modelFile), ...(d.default_backend_param ?? []).flatMap((p) => words(p, modelFile))];
  const usesGpuCount = commandTexts(subject).some(({ text: line }) => [...line.matchAll(PLACEHOLDER)].some((m) => (m[1] ?? "").trim() === "gpu_count"));
  const defaultImageTarget = Object.keys(versions[defaultVersion]?.image ?? {})[0];
  const env: Record<string, string> = { ...(stringEnv(d.default_env) ?? {}) };
  if (usesGpuCount) env[GPU_COUNT_ENV] = defaultImageTarget === "cpu" ? "0" : "1";
  const imported: InferenceEngineProps = {
    versions,
    defaultVersion,
    ...(entrypoint.length > 0 ? { command: entrypoint } : {}),
    ...(args.length > 0 ? { args } : {}),
    protocol: "openai",
    ...(d.health_check_path ? { readiness: { path: d.health_check_path } } : {}),
    modelFormats: [{ name: formatName(d.backend_name) }],
    ...(Object.keys(env).length > 0 ? { env } : {}),
    ...(modelFile ? { parameters: { [MODEL_FILE_PARAMETER]: { type: "string", default: props.modelFile as string, description: "the model file inside the model folder" } } } : {}),
    ...(usesGpu || usesGpuCount ? { multiGpu: true } : {}),
    ...(usesGpuCount ? { tensorParallel: { env: GPU_COUNT_ENV } } : {}),
  };
  const { modelFile: _file, frameworks: _frameworks, ...engineProps } = props;
  return { props: mergeImportProps(imported, engineProps), issues };
}

/** The import as an engine preset (what `InferenceEngine.fromGpuStack` builds). */
export function gpuStackPreset(source: DefinitionSource<GpuStackBackendDefinition>, props: GpuStackImportProps = {}): EnginePreset {
  return { preset: "gpustack", resolve: () => importGpuStack(source, props) };
}
