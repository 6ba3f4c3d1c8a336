/**
 * Cross-field rules of an InferenceEngine's props (the shape is checked by schema.ts first).
 */
import { ownValue } from "../canonical";
import type { IssueDraft } from "../errors";
import type { InferenceEngineProps } from "./props";
import type { ParameterSpec } from "./parameters";
import { PARAMETER_TYPE_NAMES, renderParameter } from "./parameters";
import { isGrpc } from "./protocols";
import { checkEnvNames, checkVolumes } from "../pod/rules";
import { compareStrings } from "../canonical";
import { ENV_NAME } from "../names";
import { defaultVersionOf, runtimeImageOf } from "./spec";
import { requestAccelerator } from "../hardware/request";
import type { Target } from "../target/resolve";
import type { Finding, Rule } from "../rules/registry";
import { defineRule, runRules } from "../rules/registry";

/** The versions of an engine, sorted. */
function versionsOf(props: InferenceEngineProps): string[] {
  return Object.keys(props.versions).sort(compareStrings);
}

/** The engine names a default version that it has. */
export const defaultVersionRule = defineRule<InferenceEngineProps>({
  id: "engine/default-version",
  severity: "error",
  on: "props",
  summary: "An engine with several versions names its defaultVersion, and the default is one of its versions.",
  why: "The runtime is rendered from the default version's image and env; without one the library cannot tell which image the ServingRuntime runs.",
  fix: "set defaultVersion to one of the engine's versions",
  check: (props) => {
    const versions = versionsOf(props);
    const defaultVersion = defaultVersionOf(props);
    if (defaultVersion === undefined) return [{ path: "defaultVersion", value: undefined, message: `the engine has ${versions.length} versions (${versions.join(", ")}) and no defaultVersion`, fix: `set defaultVersion to one of ${versions.join(", ")}` }];
    if (props.versions[defaultVersion] === undefined) return [{ path: "defaultVersion", value: defaultVersion, message: `defaultVersion "${defaultVersion}" is not one of the engine's versions`, fix: `use one of ${versions.join(", ")}` }];
    return [];
  },
});

/** The image the runtime itself runs is one the default version has. */
export const runtimeImageRule = defineRule<InferenceEngineProps>({
  id: "engine/runtime-image",
  severity: "error",
  on: "props",
  summary: "The runtime's image target (runtimeImage, else cpu) is one the default version has an image for.",
  why: "The ServingRuntime needs one image; a version with only accelerator images and no runtimeImage leaves it ambiguous, and a runtimeImage the version lacks has no image at all.",
  fix: "set runtimeImage to an image target of the default version, or add that image",
  check: (props) => {
    const defaultVersion = defaultVersionOf(props);
    if (defaultVersion === undefined || props.versions[defaultVersion] === undefined) return [];
    const images = Object.keys(props.versions[defaultVersion]?.image ?? {}).sort(compareStrings);
    const runtimeImage = runtimeImageOf(props, defaultVersion);
    if (runtimeImage === undefined) return [{ path: "runtimeImage", value: undefined, message: `version ${defaultVersion} has images for ${images.join(", ")} and none for cpu, so the runtime's image is ambiguous`, fix: `set runtimeImage to one of ${images.join(", ")}` }];
    if (!images.includes(runtimeImage)) return [{ path: "runtimeImage", value: runtimeImage, message: `version ${defaultVersion} has no ${runtimeImage} image`, fix: `use one of ${images.join(", ")}, or add an image for ${runtimeImage}` }];
    return [];
  },
});

/** Tensor parallelism only on a multi-GPU engine. */
export const tensorParallelRule = defineRule<InferenceEngineProps>({
  id: "engine/tensor-parallel",
  severity: "error",
  on: "props",
  summary: "tensorParallel is set only on an engine that declares multiGpu: true.",
  why: "tensorParallel passes the device count to the server; an engine that does not declare multi-GPU support would be given a setting it cannot use.",
  fix: "set multiGpu: true, or remove tensorParallel",
  check: (props) => (props.tensorParallel !== undefined && props.multiGpu !== true ? [{ path: "tensorParallel", value: props.tensorParallel, message: "tensorParallel tells the engine how many devices it has, but the engine does not declare multi-GPU support" }] : []),
});

/** The engine's own hardware has an image in the default version. */
export const hardwareImageRule = defineRule<InferenceEngineProps>({
  id: "engine/hardware-image",
  severity: "error",
  on: "props",
  summary: "When an engine requests hardware itself, its default version has an image for that accelerator (or runtimeImage says which to run).",
  why: "The runtime would run the default version's cpu image on accelerator nodes, where it cannot use the devices.",
  fix: "add an image for the accelerator to the default version, or use hardware the engine has an image for",
  check: (props) => {
    const defaultVersion = defaultVersionOf(props);
    const hardwareKey = props.hardware !== undefined ? requestAccelerator(props.hardware)?.key : undefined;
    if (hardwareKey === undefined || defaultVersion === undefined || props.versions[defaultVersion] === undefined || props.versions[defaultVersion]?.image[hardwareKey] !== undefined || props.runtimeImage !== undefined) return [];
    return [
      {
        path: "hardware",
        value: hardwareKey,
        message: `the engine's hardware is ${hardwareKey}, and version ${defaultVersion} has no ${hardwareKey} image`,
        fix: `add image.${hardwareKey} to version ${defaultVersion}, or use hardware with an accelerator the engine has an image for`,
      },
    ];
  },
});

/** Protocols: each once, and at least one for a single-model engine. */
export const protocolsRule = defineRule<InferenceEngineProps>({
  id: "engine/protocols",
  severity: "error",
  on: "props",
  summary: "An engine lists each protocol once, and a single-model engine lists at least one.",
  why: "KServe picks runtimes and health paths by protocol; a single-model runtime without one is never matched to a model, and a repeated protocol is a mistake in the definition.",
  fix: "list each protocol the server speaks once",
  check: (props) => {
    const protocols = Array.isArray(props.protocol) ? props.protocol : [props.protocol];
    const findings: Finding[] = [];
    if (new Set(protocols).size !== protocols.length) findings.push({ path: "protocol", value: props.protocol, message: "a protocol is listed twice", fix: "list each protocol once" });
    if (protocols.length === 0 && props.multiModel === undefined) findings.push({ path: "protocol", value: props.protocol, message: "a single-model engine needs a protocol: KServe picks runtimes and health paths by it", fix: 'list the protocol(s) the server speaks, for example "v2"' });
    return findings;
  },
});

/** A gRPC port goes with a gRPC protocol and differs from the HTTP port. */
export const grpcPortRule = defineRule<InferenceEngineProps>({
  id: "engine/grpc-port",
  severity: "error",
  on: "props",
  summary: "grpcPort is set only with a gRPC protocol, and differs from the HTTP port.",
  why: "A second port the server does not speak gRPC on is never served; the same number twice makes the container declare one port two times.",
  fix: "add a gRPC protocol and a port of its own, or drop grpcPort",
  check: (props) => {
    if (props.grpcPort === undefined) return [];
    const protocols = Array.isArray(props.protocol) ? props.protocol : [props.protocol];
    const findings: Finding[] = [];
    if (!protocols.some(isGrpc)) findings.push({ path: "grpcPort", value: props.grpcPort, message: "grpcPort is set but the engine declares no gRPC protocol", fix: 'add "grpc-v2" (or "grpc-v1") to protocol, or remove grpcPort' });
    if (props.grpcPort === (props.port ?? 8080)) findings.push({ path: "grpcPort", value: props.grpcPort, message: "grpcPort equals the HTTP port", fix: "use a separate port for gRPC, or drop grpcPort when one port serves both" });
    return findings;
  },
});

/** What the cluster-namespace rule looks at: the scope and namespace of an engine or raw runtime. */
export interface RuntimeScopeSubject {
  /** `cluster` for a ClusterServingRuntime. */
  readonly scope?: string;
  /** The namespace given in props. */
  readonly namespace?: string;
}

/** A ClusterServingRuntime has no namespace (engines and raw ServingRuntimes alike). */
export const clusterNamespaceRule = defineRule<RuntimeScopeSubject>({
  id: "engine/cluster-namespace",
  severity: "error",
  on: "props",
  summary: "A cluster-scoped runtime (ClusterServingRuntime) is given no namespace.",
  why: "A ClusterServingRuntime is cluster-scoped: a namespace on it is either dropped by the API server or refused by GitOps tools, and shows a misunderstanding of which models can use it.",
  fix: 'remove namespace, or use scope: "namespace"',
  check: (subject) => (subject.scope === "cluster" && subject.namespace !== undefined ? [{ path: "namespace", value: subject.namespace, message: "a ClusterServingRuntime is cluster-scoped and has no namespace" }] : []),
});

/** One declared parameter of an engine. */
export interface EngineParameterSubject {
  /** Where the declaration is (`parameters.NAME`). */
  readonly path: string;
  /** The parameter's name. */
  readonly name: string;
  /** Its declaration. */
  readonly spec: ParameterSpec;
  /**
   * The engine's fixed env variables.
   * @default none
   */
  readonly env?: InferenceEngineProps["env"];
}

/** Parameters become environment variables, so their names are C identifiers. */
export const parameterNameRule = defineRule<EngineParameterSubject>({
  id: "engine/parameter-name",
  severity: "error",
  on: "props",
  summary: "Each parameter name of an engine is a C identifier.",
  why: "Parameters are rendered as environment variables; Kubernetes refuses a container whose env names are not C identifiers.",
  fix: "rename the parameter to letters, digits and '_'",
  check: ({ path, name }) => (ENV_NAME.test(name) ? [] : [{ path, value: name, message: "parameters are rendered as environment variables, so names must be C identifiers", fix: `rename it to ${name.replace(/[^A-Za-z0-9_]/g, "_")}` }]),
});

/** Bounds fit the parameter's type and are in order. */
export const parameterBoundsRule = defineRule<EngineParameterSubject>({
  id: "engine/parameter-bounds",
  severity: "error",
  on: "props",
  summary: "A parameter's min is not above its max, only numbers have bounds, and only strings list allowed values.",
  why: "No value could satisfy reversed bounds, and bounds or allowed values on a type that ignores them would be silently unenforced.",
  fix: "order the bounds, or use the parameter type the constraint belongs to",
  check: ({ path, spec }) => {
    const findings: Finding[] = [];
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) findings.push({ path, value: { min: spec.min, max: spec.max }, message: "min is greater than max", fix: "swap the bounds or widen max" });
    if ((spec.type === "string" || spec.type === "bool") && (spec.min !== undefined || spec.max !== undefined)) findings.push({ path, value: spec.type, message: `a ${spec.type} parameter cannot have min or max`, fix: "remove min and max, or use Parameter.int or Parameter.float" });
    if (spec.type !== "string" && spec.allowed !== undefined) findings.push({ path, value: spec.type, message: `only string parameters can list allowed values`, fix: "remove allowed, or use Parameter.string" });
    return findings;
  },
});

/** A parameter's default satisfies its own type and bounds. */
export const parameterDefaultRule = defineRule<EngineParameterSubject>({
  id: "engine/parameter-default",
  severity: "error",
  on: "props",
  summary: "A parameter's default has the parameter's type and lies within its bounds.",
  why: "The default is rendered on the runtime for every model that does not set the parameter; a default the parameter itself refuses would reach the server as an invalid setting.",
  fix: "give a default of the parameter's type within its bounds",
  check: ({ path, spec }) => {
    if (spec.default === undefined) return [];
    const { problem } = renderParameter(spec, spec.default);
    return problem === undefined ? [] : [{ path: `${path}.default`, value: spec.default, message: `the default ${problem}`, fix: `give a default that is ${PARAMETER_TYPE_NAMES[spec.type]} within the parameter's bounds` }];
  },
});

/** A parameter is not also a fixed env variable of the engine. */
export const parameterEnvClashRule = defineRule<EngineParameterSubject>({
  id: "engine/parameter-env-clash",
  severity: "error",
  on: "props",
  summary: "No engine parameter is also set as a fixed env variable of the engine.",
  why: "Both render the same environment variable on the runtime; one would silently override the other.",
  fix: "give the parameter a default instead of a fixed env value",
  check: ({ name, env }) => (ownValue(env, name) !== undefined ? [{ path: `env.${name}`, value: ownValue(env, name), message: `${name} is both a parameter and a fixed env variable`, fix: `give the parameter a default instead of setting env.${name}` }] : []),
});

/** Each model format and version once. */
export const duplicateFormatRule = defineRule<InferenceEngineProps>({
  id: "engine/duplicate-format",
  severity: "error",
  on: "props",
  summary: "An engine lists each model format (and version) once.",
  why: "KServe matches models to runtimes by format; a repeated entry is a mistake in the definition that makes the runtime's supported formats unclear.",
  fix: "list each format and version once",
  check: (props) => {
    const seen = new Set<string>();
    const findings: Finding[] = [];
    props.modelFormats.forEach((f, i) => {
      const key = `${f.name}\u0000${f.version ?? ""}`;
      if (seen.has(key)) findings.push({ path: `modelFormats[${i}]`, value: f, message: `format "${f.name}"${f.version ? ` version ${f.version}` : ""} is listed twice` });
      seen.add(key);
    });
    return findings;
  },
});

/** The engine-wide rules, in the order builds run them (before the parameters). */
export const ENGINE_RULES: readonly Rule<InferenceEngineProps>[] = [defaultVersionRule, runtimeImageRule, tensorParallelRule, hardwareImageRule, protocolsRule, grpcPortRule, clusterNamespaceRule];

/** The rules on each declared parameter, in the order builds run them. */
export const ENGINE_PARAMETER_RULES: readonly Rule<EngineParameterSubject>[] = [parameterNameRule, parameterBoundsRule, parameterDefaultRule, parameterEnvClashRule];

/** Checks a parameter declaration (its bounds, and its default against its own type and bounds). */
export function checkParameterSpec(path: string, spec: ParameterSpec): IssueDraft[] {
  return runRules([parameterBoundsRule, parameterDefaultRule], { path, name: path, spec });
}

/** Runs the rules on engine props: the engine-wide rules, each parameter's, env names, volumes, then formats. */
export function checkEngineProps(props: InferenceEngineProps): IssueDraft[] {
  const issues: IssueDraft[] = [...runRules(ENGINE_RULES, props)];
  const params = props.parameters ?? {};
  for (const name of Object.keys(params).sort(compareStrings)) issues.push(...runRules(ENGINE_PARAMETER_RULES, { path: `parameters.${name}`, name, spec: params[name] as ParameterSpec, ...(props.env !== undefined ? { env: props.env } : {}) }));
  issues.push(...checkEnvNames("env", props.env));
  for (const v of versionsOf(props)) issues.push(...checkEnvNames(`versions.${v}.env`, props.versions[v]?.env));
  issues.push(...checkVolumes("volumes", props.volumes));
  issues.push(...runRules([duplicateFormatRule], props));
  return issues;
}

/** What the image-user rule looks at: the engine's props, its target, and where the props came from. */
export interface ImageUserSubject {
  readonly props: InferenceEngineProps;
  readonly target: Target;
  /** The preset or importer the props came from (`gpustack`, `chariot`, `vllm`, ...); none for hand-written props. */
  readonly origin?: string;
}

/** Importers whose engines warn when the image's user is not declared. */
export const IMPORTED_ENGINE_ORIGINS: readonly string[] = ["gpustack", "chariot"];

/** An imported engine on upstream Kubernetes declares the user its image runs as. */
export const imageUserRule = defineRule<ImageUserSubject>({
  id: "engine/image-user",
  severity: "warning",
  summary: "an engine imported from GPUStack or Chariot declares the user its image runs as, on upstream Kubernetes targets",
  why: "the container asserts runAsNonRoot, and the kubelet refuses to start an image that runs as root (CreateContainerConfigError: \"container has runAsNonRoot and image will run as root\"); many engine images, llama.cpp's server image among them, run as root. OpenShift assigns a non-root user itself, so it is not affected",
  fix: 'set imageUser: "root" for an image that runs as root, or imageUser: <uid> for one that runs as a non-root user',
  on: "props",
  check: ({ props, target, origin }) => {
    if (origin === undefined || !IMPORTED_ENGINE_ORIGINS.includes(origin) || target.openshiftAI !== undefined) return [];
    if (props.imageUser !== undefined || props.security?.runAsUser !== undefined || props.security?.runAsNonRoot === false) return [];
    return [
      {
        path: "imageUser",
        value: undefined,
        message: `the user the imported engine's image runs as is not declared, and runAsNonRoot: true makes the kubelet refuse to start it if it runs as root`,
      },
    ];
  },
});

/** `scope: "dashboard"` is for OpenShift AI, whose dashboard reads Templates from its applications namespace. */
export const dashboardScopeRule = defineRule<{ readonly props: InferenceEngineProps; readonly target: Target }>({
  id: "engine/dashboard-scope",
  severity: "error",
  summary: 'a scope: "dashboard" engine is for an OpenShift AI target and has no namespace of its own',
  why: "the dashboard Template is an OpenShift AI object: only OpenShift AI's dashboard reads it, and only from OpenShift AI's applications namespace",
  fix: 'target OpenShift AI (KServeTarget.set(app, { openshiftAI: true }), or the engine\'s target), set its applicationsNamespace there instead of namespace, or use scope "namespace" or "cluster"',
  on: "props",
  check: ({ props, target }) => {
    if (props.scope !== "dashboard") return [];
    const findings = [];
    if (target.openshiftAI === undefined) {
      findings.push({ path: "scope", value: "dashboard", message: "the target is not OpenShift AI, and only OpenShift AI's dashboard lists runtime Templates", fix: 'target OpenShift AI, or use scope "namespace" or "cluster"' });
    }
    if (props.namespace !== undefined) {
      findings.push({ path: "namespace", value: props.namespace, message: "a dashboard runtime's Template lives in OpenShift AI's applications namespace, where the dashboard reads it", fix: "remove namespace (set target.openshiftAI.applicationsNamespace when yours is not redhat-ods-applications)" });
    }
    return findings;
  },
});

/** The inert single-model timeout is not the multi-model adapter's setting. */
export const modelLoadingTimeoutRule = defineRule<InferenceEngineProps>({
  id: "engine/model-loading-timeout",
  severity: "error",
  summary: "modelLoadingTimeoutMillis is set only on single-model engines (multi-model engines set it on their adapter)",
  why: "on a multi-model runtime the adapter's timeout is the one ModelMesh uses; two places for one setting would disagree",
  fix: "set multiModel.adapter.modelLoadingTimeoutMillis instead",
  on: "props",
  check: (props) =>
    props.modelLoadingTimeoutMillis !== undefined && props.multiModel !== undefined
      ? [{ path: "modelLoadingTimeoutMillis", value: props.modelLoadingTimeoutMillis, message: "a multi-model engine's model loading timeout is a setting of its adapter" }]
      : [],
});
