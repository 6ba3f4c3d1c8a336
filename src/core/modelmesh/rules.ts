/**
 * ModelMesh's rules on multi-model runtimes. The manifest rules mirror ModelMesh's runtime validator
 * (`controllers/servingruntime_validator.go`) and what its deployment builder requires
 * (`controllers/modelmesh/runtime.go`), so they cover engines, presets and raw ServingRuntime specs alike.
 */
import type { IssueDraft } from "../errors";
import type { Target } from "../target/resolve";
import { isRecord } from "../canonical";
import { eachString } from "../templates";
import type { InferenceEngineProps } from "../engine/props";
import { runtimeContainers } from "../runtime/ref";
import { checkModelMeshAvailable } from "./availability";
import {
  BUILT_IN_SERVER_TYPES,
  ENDPOINT_FORM,
  INTERNAL_ONLY_MOUNTS,
  RESERVED_CONTAINERS,
  RESERVED_PORT_NAMES,
  RESERVED_PORT_RANGE,
  RESERVED_PORTS,
  RESERVED_PREFIX,
  RESERVED_VOLUMES,
} from "./constants";

const ENGINE_PLACEHOLDERS = /\{\{\s*(model_path|model_name)\s*\}\}/;

/** Props rules of an engine with a `multiModel` block. */
export function checkMultiModelEngine(props: InferenceEngineProps, target: Target): IssueDraft[] {
  const mm = props.multiModel;
  if (mm === undefined) return [];
  const issues: IssueDraft[] = [];
  const singleOnly: [keyof InferenceEngineProps, string, string][] = [
    ["grpcPort", "ModelMesh reaches the server through grpcDataEndpoint, not a declared port", "remove grpcPort and set multiModel.grpcDataEndpoint"],
    ["parameters", "models on a multi-model runtime share its container, so an InferenceService cannot set per-model parameters", "set fixed values in env, or (MLServer) put per-model settings in model-settings.json beside each model"],
    ["multiNode", "ModelMesh runs every model in one pod; it has no multi-node serving", "remove multiNode, or serve the model in single-model mode"],
    ["tensorParallel", "ModelMesh never passes a device count to the server", "remove tensorParallel"],
  ];
  for (const [key, why, fix] of singleOnly) {
    if (props[key] !== undefined) issues.push({ path: key, value: props[key], rule: "modelmesh/engine-prop", message: `${key} does not apply to a multi-model runtime: ${why}`, fix });
  }
  if (props.multiGpu === true) {
    issues.push({ path: "multiGpu", value: true, rule: "modelmesh/engine-prop", message: "multiGpu does not apply to a multi-model runtime: ModelMesh places models by memory, not by device count", fix: "remove multiGpu, or serve the model in single-model mode" });
  }
  const sources: [string, unknown][] = [
    ["command", props.command],
    ["args", props.args],
    ["env", props.env],
    ...Object.keys(props.versions).map((v): [string, unknown] => [`versions.${v}.env`, props.versions[v]?.env]),
  ];
  for (const [base, value] of sources) {
    eachString(value, base, (path, text) => {
      const m = ENGINE_PLACEHOLDERS.exec(text);
      if (m !== null) {
        issues.push({
          path,
          value: text,
          rule: "modelmesh/placeholder",
          message: `{{${m[1] as string}}} names one model, and a multi-model runtime serves many: ModelMesh passes each model's id and path through its load API`,
          fix: `remove {{${m[1] as string}}}; the server finds models under /models (its adapter tells it where)`,
        });
      }
    });
  }
  if (mm.replicas !== undefined && mm.autoscaling !== undefined) {
    issues.push({ path: "multiModel.autoscaling", value: mm.autoscaling, rule: "modelmesh/runtime-scaling", message: "replicas fixes the runtime's pod count and autoscaling makes an HPA change it; give one", fix: "remove multiModel.replicas or multiModel.autoscaling" });
  }
  const a = mm.autoscaling;
  if (a?.min !== undefined && a.max !== undefined && a.min > a.max) {
    issues.push({ path: "multiModel.autoscaling.max", value: a.max, rule: "modelmesh/runtime-scaling", message: `autoscaling.max ${a.max} is below autoscaling.min ${a.min} (ModelMesh would raise max to min)`, fix: `set autoscaling.max to at least ${a.min}` });
  }
  if (target.openshiftAI === undefined) {
    for (const key of ["route", "auth"] as const) {
      if (mm[key] === true) {
        issues.push({ path: `multiModel.${key}`, value: true, rule: "modelmesh/openshift-ai-only", message: `multiModel.${key} is read by OpenShift AI 2.x (runtime annotation enable-${key}); upstream ModelMesh has no such switch`, fix: `remove multiModel.${key}, or set target.openshiftAI if the cluster runs OpenShift AI 2.x` });
      }
    }
  }
  return issues;
}

function reservedName(name: string | undefined, reserved: readonly string[]): boolean {
  return name !== undefined && (reserved.includes(name) || name.startsWith(RESERVED_PREFIX));
}

function endpointPort(endpoint: unknown): number | undefined {
  if (typeof endpoint !== "string") return undefined;
  const m = /^port:(\d+)$/.exec(endpoint);
  return m === null ? undefined : Number(m[1]);
}

function reservedPortReason(port: number): string | undefined {
  if (RESERVED_PORTS[port] !== undefined) return RESERVED_PORTS[port];
  if (port >= RESERVED_PORT_RANGE.from && port <= RESERVED_PORT_RANGE.to) return `ModelMesh's reserved range ${RESERVED_PORT_RANGE.from}-${RESERVED_PORT_RANGE.to}`;
  return undefined;
}

/** Rules on the spec of a `multiModel: true` runtime, and the target's ModelMesh availability. */
export function checkModelMeshRuntime(spec: Record<string, unknown>, target: Target): IssueDraft[] {
  const issues: IssueDraft[] = [...checkModelMeshAvailable(target, "spec.multiModel", true, "a multi-model (ModelMesh) runtime")];
  const containers = runtimeContainers(spec);
  containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    if (reservedName(c.name, RESERVED_CONTAINERS)) {
      issues.push({ path: `${path}.name`, value: c.name, rule: "modelmesh/reserved-name", message: `container name "${String(c.name)}" is reserved by ModelMesh (it injects ${RESERVED_CONTAINERS.join(", ")} and keeps names starting with "${RESERVED_PREFIX}")`, fix: "rename the container" });
    }
    for (const field of ["readinessProbe", "lifecycle"] as const) {
      if (c[field] !== undefined) {
        issues.push({ path: `${path}.${field}`, value: c[field], rule: "modelmesh/container-probe", message: `ModelMesh manages ${field} of runtime containers and rejects the runtime when one is set`, fix: field === "readinessProbe" ? "remove the readiness probe (ModelMesh asks the runtime's management endpoint whether it is ready)" : "remove lifecycle (ModelMesh sets its own preStop hook)" });
      }
    }
    (c.ports ?? []).forEach((p, j) => {
      const reason = reservedPortReason(p.containerPort);
      if (reason !== undefined) {
        issues.push({ path: `${path}.ports[${j}].containerPort`, value: p.containerPort, rule: "modelmesh/reserved-port", message: `port ${p.containerPort} is reserved in ModelMesh pods (${reason})`, fix: "listen on another port, for example 8001" });
      }
      if (reservedName(p.name, RESERVED_PORT_NAMES)) {
        issues.push({ path: `${path}.ports[${j}].name`, value: p.name, rule: "modelmesh/reserved-name", message: `port name "${String(p.name)}" is reserved by ModelMesh (${RESERVED_PORT_NAMES.join(", ")} and names starting with "${RESERVED_PREFIX}")`, fix: "rename the port" });
      }
    });
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (reservedName(m.name, INTERNAL_ONLY_MOUNTS)) {
        issues.push({ path: `${path}.volumeMounts[${j}].name`, value: m.name, rule: "modelmesh/reserved-name", message: `volume "${m.name}" is internal to ModelMesh and cannot be mounted by a runtime container`, fix: "mount a volume of your own" });
      }
    });
    eachString(c, path, (p, text) => {
      if (text.includes("{{")) {
        issues.push({ path: p, value: text, rule: "modelmesh/template", message: "ModelMesh does not render templates in runtime containers, so the braces would reach the server literally", fix: "use a literal value (KServe's {{.Name}} templates apply only to single-model runtimes)" });
      }
    });
    const memoryLimit = c.resources?.limits?.["memory"];
    if (memoryLimit === undefined) {
      issues.push({ path: `${path}.resources.limits.memory`, value: undefined, rule: "modelmesh/memory-limit", message: "ModelMesh sizes the pod's models-dir volume as 1.5 times the runtime containers' memory limits, so without a limit models have no room on disk", fix: 'set resources.limits.memory, for example "1Gi" (the upstream runtimes use 1Gi)', severity: "warning" });
    }
  });
  (Array.isArray(spec["volumes"]) ? spec["volumes"] : []).forEach((v, i) => {
    const name = isRecord(v) && typeof v["name"] === "string" ? v["name"] : undefined;
    if (reservedName(name, RESERVED_VOLUMES)) {
      issues.push({ path: `spec.volumes[${i}].name`, value: name, rule: "modelmesh/reserved-name", message: `volume name "${String(name)}" is reserved by ModelMesh (${RESERVED_VOLUMES.join(", ")} and names starting with "${RESERVED_PREFIX}")`, fix: "rename the volume" });
    }
  });
  const adapter = isRecord(spec["builtInAdapter"]) ? spec["builtInAdapter"] : undefined;
  if (adapter !== undefined) {
    const serverType = adapter["serverType"];
    if (!(BUILT_IN_SERVER_TYPES as readonly unknown[]).includes(serverType)) {
      issues.push({ path: "spec.builtInAdapter.serverType", value: serverType, rule: "modelmesh/adapter", message: `ModelMesh has built-in adapters only for ${BUILT_IN_SERVER_TYPES.join(", ")} ("unrecognized built-in runtime server type")`, fix: "use one of them, or drop builtInAdapter and run your own adapter container" });
    } else if (!containers.some((c) => c.name === serverType)) {
      issues.push({ path: "spec.containers", value: containers.map((c) => c.name), rule: "modelmesh/adapter", message: `builtInAdapter.serverType is ${String(serverType)}, and ModelMesh requires a runtime container with exactly that name ("must include runtime container with name ${String(serverType)}")`, fix: `name the server container "${String(serverType)}"` });
    }
    if (spec["grpcEndpoint"] !== undefined && endpointPort(spec["grpcEndpoint"]) === undefined) {
      issues.push({ path: "spec.grpcEndpoint", value: spec["grpcEndpoint"], rule: "modelmesh/endpoint", message: 'with a built-in adapter, grpcEndpoint must have the form "port:N" (the adapter listens on it)', fix: 'use "port:8085"' });
    }
  } else if (spec["grpcEndpoint"] === undefined) {
    issues.push({ path: "spec.grpcEndpoint", value: undefined, rule: "modelmesh/endpoint", message: "a multi-model runtime without a built-in adapter must say where its model-runtime SPI listens", fix: 'set grpcEndpoint, for example "port:8085"' });
  }
  for (const key of ["grpcEndpoint", "grpcDataEndpoint", "httpDataEndpoint"] as const) {
    const value = spec[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || !ENDPOINT_FORM.test(value)) {
      issues.push({ path: `spec.${key}`, value, rule: "modelmesh/endpoint", message: `${key} must be "port:N" or "unix:/path"`, fix: 'use for example "port:8001"' });
      continue;
    }
    const port = endpointPort(value);
    if (port === undefined) continue;
    const adapterOwnsIt = key === "grpcEndpoint" && port === 8085;
    const reason = adapterOwnsIt ? undefined : port === 8085 && adapter === undefined ? undefined : reservedPortReason(port);
    if (reason !== undefined) {
      issues.push({ path: `spec.${key}`, value, rule: "modelmesh/endpoint", message: `${key} uses port ${port}, which ModelMesh reserves for ${reason}`, fix: "use another port, for example 8001" });
    }
  }
  if (spec["workerSpec"] !== undefined) {
    issues.push({ path: "spec.workerSpec", value: "workerSpec", rule: "modelmesh/worker-spec", message: "ModelMesh runs each model inside one runtime pod; a multi-model runtime cannot have a workerSpec", fix: "remove workerSpec, or make the runtime single-model" });
  }
  return issues;
}
