/**
 * Cross-field rules of an InferenceEngine's props (the shape is checked by schema.ts first).
 */
import { ownValue } from "../canonical";
import type { IssueDraft } from "../errors";
import type { InferenceEngineProps } from "./props";
import { checkParameterSpec } from "./parameters";
import { isGrpc } from "./protocols";
import { checkEnvNames } from "../pod/env";
import { checkVolumes } from "../pod/volumes";
import { compareStrings } from "../canonical";
import { ENV_NAME } from "../names";
import { defaultVersionOf, runtimeImageOf } from "./spec";
import { requestAccelerator } from "../hardware/request";
import type { Target } from "../target/resolve";
import { defineRule } from "../rules/registry";

/** Rules on engine props. */
export function checkEngineProps(props: InferenceEngineProps): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const versions = Object.keys(props.versions).sort(compareStrings);
  const defaultVersion = defaultVersionOf(props);
  if (defaultVersion === undefined) {
    issues.push({
      path: "defaultVersion",
      value: undefined,
      rule: "engine/default-version",
      message: `the engine has ${versions.length} versions (${versions.join(", ")}) and no defaultVersion`,
      fix: `set defaultVersion to one of ${versions.join(", ")}`,
    });
  } else if (props.versions[defaultVersion] === undefined) {
    issues.push({
      path: "defaultVersion",
      value: defaultVersion,
      rule: "engine/default-version",
      message: `defaultVersion "${defaultVersion}" is not one of the engine's versions`,
      fix: `use one of ${versions.join(", ")}`,
    });
  } else {
    const images = Object.keys(props.versions[defaultVersion]?.image ?? {}).sort(compareStrings);
    const runtimeImage = runtimeImageOf(props, defaultVersion);
    if (runtimeImage === undefined) {
      issues.push({
        path: "runtimeImage",
        value: undefined,
        rule: "engine/runtime-image",
        message: `version ${defaultVersion} has images for ${images.join(", ")} and none for cpu, so the runtime's image is ambiguous`,
        fix: `set runtimeImage to one of ${images.join(", ")}`,
      });
    } else if (!images.includes(runtimeImage)) {
      issues.push({
        path: "runtimeImage",
        value: runtimeImage,
        rule: "engine/runtime-image",
        message: `version ${defaultVersion} has no ${runtimeImage} image`,
        fix: `use one of ${images.join(", ")}, or add an image for ${runtimeImage}`,
      });
    }
  }
  if (props.tensorParallel !== undefined && props.multiGpu !== true) {
    issues.push({ path: "tensorParallel", value: props.tensorParallel, rule: "engine/tensor-parallel", message: "tensorParallel tells the engine how many devices it has, but the engine does not declare multi-GPU support", fix: "set multiGpu: true, or remove tensorParallel" });
  }
  const hardwareKey = props.hardware !== undefined ? requestAccelerator(props.hardware)?.key : undefined;
  if (hardwareKey !== undefined && defaultVersion !== undefined && props.versions[defaultVersion] !== undefined && props.versions[defaultVersion]?.image[hardwareKey] === undefined && props.runtimeImage === undefined) {
    issues.push({
      path: "hardware",
      value: hardwareKey,
      rule: "engine/hardware-image",
      message: `the engine's hardware is ${hardwareKey}, and version ${defaultVersion} has no ${hardwareKey} image`,
      fix: `add image.${hardwareKey} to version ${defaultVersion}, or use hardware with an accelerator the engine has an image for`,
    });
  }
  const protocols = Array.isArray(props.protocol) ? props.protocol : [props.protocol];
  if (new Set(protocols).size !== protocols.length) {
    issues.push({ path: "protocol", value: props.protocol, rule: "engine/protocols", message: "a protocol is listed twice", fix: "list each protocol once" });
  }
  if (protocols.length === 0 && props.multiModel === undefined) {
    issues.push({ path: "protocol", value: props.protocol, rule: "engine/protocols", message: "a single-model engine needs a protocol: KServe picks runtimes and health paths by it", fix: 'list the protocol(s) the server speaks, for example "v2"' });
  }
  if (props.grpcPort !== undefined) {
    if (!protocols.some(isGrpc)) {
      issues.push({ path: "grpcPort", value: props.grpcPort, rule: "engine/grpc-port", message: "grpcPort is set but the engine declares no gRPC protocol", fix: 'add "grpc-v2" (or "grpc-v1") to protocol, or remove grpcPort' });
    }
    if (props.grpcPort === (props.port ?? 8080)) {
      issues.push({ path: "grpcPort", value: props.grpcPort, rule: "engine/grpc-port", message: "grpcPort equals the HTTP port", fix: "use a separate port for gRPC, or drop grpcPort when one port serves both" });
    }
  }
  if (props.scope === "cluster" && props.namespace !== undefined) {
    issues.push({ path: "namespace", value: props.namespace, rule: "engine/cluster-namespace", message: "a ClusterServingRuntime is cluster-scoped and has no namespace", fix: 'remove namespace, or use scope: "namespace"' });
  }
  const params = props.parameters ?? {};
  for (const name of Object.keys(params).sort(compareStrings)) {
    if (!ENV_NAME.test(name)) {
      issues.push({ path: `parameters.${name}`, value: name, rule: "engine/parameter-name", message: "parameters are rendered as environment variables, so names must be C identifiers", fix: `rename it to ${name.replace(/[^A-Za-z0-9_]/g, "_")}` });
    }
    issues.push(...checkParameterSpec(`parameters.${name}`, params[name] as NonNullable<typeof params[string]>));
    if (ownValue(props.env, name) !== undefined) {
      issues.push({ path: `env.${name}`, value: ownValue(props.env, name), rule: "engine/parameter-env-clash", message: `${name} is both a parameter and a fixed env variable`, fix: `give the parameter a default instead of setting env.${name}` });
    }
  }
  issues.push(...checkEnvNames("env", props.env));
  for (const v of versions) issues.push(...checkEnvNames(`versions.${v}.env`, props.versions[v]?.env));
  issues.push(...checkVolumes("volumes", props.volumes));
  const seen = new Set<string>();
  props.modelFormats.forEach((f, i) => {
    const key = `${f.name}\u0000${f.version ?? ""}`;
    if (seen.has(key)) {
      issues.push({ path: `modelFormats[${i}]`, value: f, rule: "engine/duplicate-format", message: `format "${f.name}"${f.version ? ` version ${f.version}` : ""} is listed twice`, fix: "list each format and version once" });
    }
    seen.add(key);
  });
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
