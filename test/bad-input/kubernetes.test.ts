/**
 * Bad input, Kubernetes syntax (rules in src/core/kubernetes/rules.ts, run on every rendered manifest):
 * env names, label and annotation keys and values, node selectors, tolerations, resource names,
 * quantities, ports (also inside args), probes, security contexts. Each case runs in cdk8s and Pulumi.
 */
import { Accelerator } from "kserve-constructs";
import type { Api, BadCase, Props } from "./kit";
import { engineProps, isvcWith, Location, nimProps, runTable } from "./kit";

const isvc = (o: Props) => (api: Api) => void isvcWith(api, o);
/** An InferenceService on an engine that has an NVIDIA image, with a request from profile `p`. */
const gpuIsvc = (p: Props) => (api: Api) => {
  const hw = api.hardware("a100", p);
  void isvcWith(api, { hardware: hw.request({ accelerators: 1 }) }, { versions: { "1.0.0": { image: { cpu: "registry.example/engine:1.0.0", nvidia: "registry.example/engine-cuda:1.0.0" } } } });
};
/** A manifest path to key `k` of the map at `path` (dotted for identifiers, bracketed otherwise). */
const at = (path: string, k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
const engine = (o: Props) => (api: Api) => void api.engine("engine", engineProps(o));
const rawRuntime = (container: Props, spec: Props = {}) => (api: Api) =>
  void api.runtime("raw", { spec: { supportedModelFormats: [{ name: "onnx", version: "1", autoSelect: true }], containers: [{ name: "kserve-container", image: "r/onnx:1", ...container }], ...spec } });
/** A minimal custom multi-model (ModelMesh) engine with `multiModel`. */
const mmEngine = (multiModel: Props): Props => ({ versions: { "1.0": { image: { cpu: "registry.example/mm-server:1.0" } } }, port: 8001, protocol: "grpc-v2", modelFormats: [{ name: "my-format", version: "1" }], resources: { limits: { memory: "2Gi" } }, multiModel });
const profile = (o: Props) => (api: Api) => void api.hardware("a100", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }), ...o });

/** Env names every API server rejects, or those before Kubernetes 1.32 (the rule without a target kubernetesVersion). */
const BAD_ENV_NAMES = ["1ST", "WITH SPACE", "A=B", "ünïcode", "", "..", "..hidden"];
/** Env names the API server of Kubernetes 1.32 and later rejects too. */
const BAD_RELAXED_ENV_NAMES = ["A=B", "ünïcode", "", "tab\there"];
/** Env names that are not C identifiers (the library's own props refuse them). */
const NON_IDENTIFIER_ENV_NAMES = ["BAD-NAME", "1ST", "WITH SPACE", "A=B"];
const BAD_LABEL_KEYS = ["-leading", "trailing-", "a/b/c", "UPPER.Example.com/x", "with space", "x".repeat(64), "/empty-prefix", "example.com/"];
const BAD_LABEL_VALUES = ["-leading", "trailing.", "with space", "v".repeat(64), "a/b", "ünïcode"];
const BAD_ANNOTATION_KEYS = ["-leading", "a/b/c", "Bad_Prefix.com/x", "with space", "k".repeat(64)];

const envCases: BadCase[] = [
  ...BAD_ENV_NAMES.map((name) => ({ name: `InferenceService env ${JSON.stringify(name)}`, rule: "k8s/env-name", path: "spec.predictor.model.env[0].name", define: isvc({ env: { [name]: "x" } }) })),
  ...BAD_ENV_NAMES.map((name) => ({ name: `ServingRuntime container env ${JSON.stringify(name)}`, rule: "k8s/env-name", path: "spec.containers[0].env[0].name", define: rawRuntime({ env: [{ name, value: "x" }] }) })),
  ...["1ST", "WITH SPACE", "x:y"].map((name) => ({ name: `InferenceService env ${JSON.stringify(name)} on Kubernetes 1.31`, rule: "k8s/env-name", path: "spec.predictor.model.env[0].name", define: isvc({ env: { [name]: "x" } }), target: { kubernetesVersion: "1.31" } })),
  ...BAD_RELAXED_ENV_NAMES.map((name) => ({ name: `InferenceService env ${JSON.stringify(name)} on Kubernetes 1.33`, rule: "k8s/env-name", path: "spec.predictor.model.env[0].name", define: isvc({ env: { [name]: "x" } }), target: { kubernetesVersion: "1.33" } })),
  ...BAD_RELAXED_ENV_NAMES.slice(0, 2).map((name) => ({ name: `ServingRuntime container env ${JSON.stringify(name)} on Kubernetes 1.34`, rule: "k8s/env-name", path: "spec.containers[0].env[0].name", define: rawRuntime({ env: [{ name, value: "x" }] }), target: { kubernetesVersion: "1.34" } })),
  ...NON_IDENTIFIER_ENV_NAMES.map((name) => ({ name: `InferenceEngine env ${JSON.stringify(name)}`, rule: "env/name", path: `env.${name}`, define: engine({ env: { [name]: "x" } }) })),
  { name: "InferenceEngine version env", rule: "env/name", path: "versions.1.0.0.env.MY-VAR", define: engine({ versions: { "1.0.0": { image: { cpu: "registry.example/engine:1.0.0" }, env: { "MY-VAR": "1" } } } }) },
  { name: "ModelMesh runtime built-in adapter env", rule: "k8s/env-name", path: "spec.builtInAdapter.env[0].name", define: (api) => void api.engine("mm", mmEngine({ adapter: { serverType: "triton", env: { "BAD NAME": "1" } } })), target: { modelMesh: true } },
  { name: "ModelMesh runtime adapter container env", rule: "k8s/env-name", path: "spec.containers[1].env[0].name", define: (api) => void api.engine("mm", mmEngine({ adapter: { container: { name: "adapter", image: "registry.example/adapter:1", env: { "1PORT": "8001" }, resources: { limits: { memory: "256Mi" } } } }, grpcEndpoint: "port:8086", httpDataEndpoint: "port:8002", storageHelper: false })), target: { modelMesh: true } },
  { name: "ModelMesh MLServer preset annotation key", rule: "k8s/annotation", path: 'metadata.annotations["bad key"]', define: (api) => void api.mlserverMm("mlserver", { annotations: { "bad key": "1" } }), target: { modelMesh: true } },
];

const labelCases: BadCase[] = [
  ...BAD_LABEL_KEYS.map((key) => ({ name: `InferenceService label key ${JSON.stringify(key.slice(0, 20))}`, rule: "k8s/label", path: at("metadata.labels", key), define: isvc({ labels: { [key]: "a" } }) })),
  ...BAD_LABEL_VALUES.map((value) => ({ name: `InferenceService label value ${JSON.stringify(value.slice(0, 20))}`, rule: "k8s/label", path: "metadata.labels.team", define: isvc({ labels: { team: value } }) })),
  ...BAD_LABEL_VALUES.map((value) => ({ name: `InferenceService pod label value ${JSON.stringify(value.slice(0, 20))}`, rule: "k8s/label", path: "spec.predictor.labels.app", define: isvc({ podLabels: { app: value } }) })),
  ...BAD_LABEL_KEYS.slice(0, 4).map((key) => ({ name: `InferenceEngine label key ${JSON.stringify(key.slice(0, 20))}`, rule: "k8s/label", path: at("metadata.labels", key), define: engine({ labels: { [key]: "a" } }) })),
  ...BAD_LABEL_VALUES.slice(0, 3).map((value) => ({ name: `InferenceEngine label value ${JSON.stringify(value.slice(0, 20))}`, rule: "k8s/label", path: "metadata.labels.team", define: engine({ labels: { team: value } }) })),
  { name: "ServingRuntime raw label value", rule: "k8s/label", path: "metadata.labels.team", define: (api) => void api.runtime("raw", { labels: { team: "a b" }, spec: { supportedModelFormats: [{ name: "onnx", version: "1" }], containers: [{ name: "kserve-container", image: "r/onnx:1" }] } }) },
  { name: "ModelMesh namespace label key", rule: "k8s/label", path: 'metadata.labels["bad key"]', define: (api) => void api.mmNamespace("mm", { labels: { "bad key": "x" } }), target: { modelMesh: true } },
];

const annotationCases: BadCase[] = [
  ...BAD_ANNOTATION_KEYS.map((key) => ({ name: `InferenceService annotation key ${JSON.stringify(key.slice(0, 20))}`, rule: "k8s/annotation", path: at("metadata.annotations", key), define: isvc({ annotations: { [key]: "a" } }) })),
  ...BAD_ANNOTATION_KEYS.slice(0, 3).map((key) => ({ name: `InferenceService pod annotation key ${JSON.stringify(key.slice(0, 20))}`, rule: "k8s/annotation", path: at("spec.predictor.annotations", key), define: isvc({ podAnnotations: { [key]: "a" } }) })),
  ...BAD_ANNOTATION_KEYS.slice(0, 3).map((key) => ({ name: `InferenceEngine annotation key ${JSON.stringify(key.slice(0, 20))}`, rule: "k8s/annotation", path: at("metadata.annotations", key), define: engine({ annotations: { [key]: "a" } }) })),
  { name: "InferenceService annotations above 256 KiB in total", rule: "k8s/annotation", path: "metadata.annotations", define: isvc({ annotations: { "example.com/a": "x".repeat(140 * 1024), "example.com/b": "y".repeat(140 * 1024) } }) },
  { name: "InferenceEngine annotations above 256 KiB in total", rule: "k8s/annotation", path: "metadata.annotations", define: engine({ annotations: { "example.com/big": "x".repeat(257 * 1024) } }) },
];

const nodeSelectorCases: BadCase[] = [
  ...BAD_LABEL_KEYS.slice(0, 5).map((key) => ({ name: `InferenceService node selector key ${JSON.stringify(key.slice(0, 20))}`, rule: "k8s/label", path: at("spec.predictor.nodeSelector", key), define: isvc({ nodeSelector: { [key]: "a" } }) })),
  ...BAD_LABEL_VALUES.slice(0, 4).map((value) => ({ name: `InferenceService node selector value ${JSON.stringify(value.slice(0, 20))}`, rule: "k8s/label", path: 'spec.predictor.nodeSelector["node-type"]', define: isvc({ nodeSelector: { "node-type": value } }) })),
  { name: "ServingRuntime node selector value", rule: "k8s/label", path: "spec.nodeSelector.pool", define: rawRuntime({}, { nodeSelector: { pool: "gpu pool" } }) },
  { name: "HardwareProfile node selector value", rule: "k8s/label", path: "spec.predictor.nodeSelector.pool", define: gpuIsvc({ accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }), nodeScheduling: { nodeSelector: { pool: "a100 nodes" } } }) },
  { name: "Accelerator product with a space", rule: "k8s/label", path: 'spec.predictor.nodeSelector["nvidia.com/gpu.product"]', define: gpuIsvc({ accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, product: "NVIDIA A100" }) }) },
];

const tol = (t: Props): Props => ({ tolerations: [t] });
const tolerationCases: BadCase[] = [
  { name: "Exists with a value", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].value", define: isvc(tol({ key: "dedicated", operator: "Exists", value: "ml", effect: "NoSchedule" })) },
  { name: "tolerationSeconds with NoSchedule", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].tolerationSeconds", define: isvc(tol({ key: "dedicated", operator: "Equal", value: "ml", effect: "NoSchedule", tolerationSeconds: 30 })) },
  { name: "tolerationSeconds without an effect", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].tolerationSeconds", define: isvc(tol({ key: "dedicated", operator: "Exists", tolerationSeconds: 30 })) },
  { name: "Equal without a key", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].key", define: isvc(tol({ operator: "Equal", value: "ml" })) },
  { name: "bad key", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].key", define: isvc(tol({ key: "bad key", operator: "Exists" })) },
  { name: "bad value", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].value", define: isvc(tol({ key: "dedicated", operator: "Equal", value: "m l" })) },
  { name: "ServingRuntime: Exists with a value", rule: "k8s/toleration", path: "spec.tolerations[0].value", define: rawRuntime({}, { tolerations: [{ key: "gpu", operator: "Exists", value: "yes" }] }) },
  { name: "ServingRuntime: lowercase operator", rule: "k8s/toleration", path: "spec.tolerations[0].operator", define: rawRuntime({}, { tolerations: [{ key: "gpu", operator: "exists" }] }) },
  { name: "ServingRuntime: unknown effect", rule: "k8s/toleration", path: "spec.tolerations[0].effect", define: rawRuntime({}, { tolerations: [{ key: "gpu", operator: "Exists", effect: "NoExec" }] }) },
  { name: "ServingRuntime: tolerationSeconds with PreferNoSchedule", rule: "k8s/toleration", path: "spec.tolerations[0].tolerationSeconds", define: rawRuntime({}, { tolerations: [{ key: "gpu", operator: "Exists", effect: "PreferNoSchedule", tolerationSeconds: 5 }] }) },
  { name: "Accelerator tolerations: Exists with a value", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].value", define: gpuIsvc({ accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8, tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", value: "present", effect: "NoSchedule" }] }) }) },
  { name: "HardwareProfile node tolerations: tolerationSeconds with NoSchedule", rule: "k8s/toleration", path: "spec.predictor.tolerations[0].tolerationSeconds", define: (api) => {
    const p = api.hardware("a100", { nodeScheduling: { tolerations: [{ key: "pool", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 60 }] } });
    void isvcWith(api, { hardware: p.request({}) });
  } },
];

const resourceNameCases: BadCase[] = [
  ...["gpu", "GPU", "gpus", "cores", "bad name/x", "example.com/"].map((name) => ({ name: `InferenceService limits ${JSON.stringify(name)}`, rule: "k8s/resource-name", path: `spec.predictor.model.resources.limits${/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`}`, define: isvc({ resources: { limits: { [name]: "1" } } }) })),
  ...["gpu", "ram"].map((name) => ({ name: `InferenceEngine requests ${JSON.stringify(name)}`, rule: "k8s/resource-name", path: `spec.containers[0].resources.requests.${name}`, define: engine({ resources: { requests: { [name]: "1" } } }) })),
  { name: "ServingRuntime limits gpu", rule: "k8s/resource-name", path: "spec.containers[0].resources.limits.gpu", define: rawRuntime({ resources: { limits: { gpu: 1 } } }) },
];

const quantityCases: BadCase[] = [
  ...["-1", "-500m", -2].map((q) => ({ name: `InferenceService negative cpu request ${JSON.stringify(q)}`, rule: "k8s/quantity", path: "spec.predictor.model.resources.requests.cpu", define: isvc({ resources: { requests: { cpu: q } } }) })),
  ...["-1Gi", "-16Gi"].map((q) => ({ name: `InferenceEngine negative memory limit ${JSON.stringify(q)}`, rule: "k8s/quantity", path: "spec.containers[0].resources.limits.memory", define: engine({ resources: { limits: { memory: q } } }) })),
  ...["lots", "1.5.5", "16GB", "1 Gi", "NaN", "Infinity", Number.NaN, Number.POSITIVE_INFINITY, "0x10", ""].map((q) => ({ name: `InferenceService malformed memory ${String(q)}`, rule: "props/shape", path: "resources.limits.memory", define: isvc({ resources: { limits: { memory: q } } }) })),
  { name: "ServingRuntime negative cpu", rule: "k8s/quantity", path: "spec.containers[0].resources.requests.cpu", define: rawRuntime({ resources: { requests: { cpu: "-1" } } }) },
  { name: "ModelStorage.pvc create size 0", rule: "k8s/quantity", path: "spec.resources.requests.storage", define: (api) => void api.pvc("store", { create: { size: "0" } }) },
  { name: "ModelStorage.pvc create size 0Gi", rule: "k8s/quantity", path: "spec.resources.requests.storage", define: (api) => void api.pvc("store", { create: { size: "0Gi" } }) },
  { name: "ModelStorage.pvc create size -10Gi", rule: "k8s/quantity", path: "spec.resources.requests.storage", define: (api) => void api.pvc("store", { create: { size: "-10Gi" } }) },
  { name: "engine emptyDir sizeLimit 0", rule: "k8s/quantity", path: "spec.volumes[0].emptyDir.sizeLimit", define: engine({ volumes: [{ name: "cache", mountPath: "/cache", emptyDir: { sizeLimit: "0" } }] }) },
];

const portCases: BadCase[] = [
  ...[0, 65536, 99999, -1, 80.5].map((port) => ({ name: `InferenceEngine port ${port}`, rule: "props/shape", path: "port", define: engine({ port }) })),
  ...["--port=99999", "--port=0", "--grpc-port=70000", "--http_port=65536", "port:99999", "--metrics-port=100000"].map((arg) => ({ name: `InferenceService args ${arg}`, rule: "k8s/port", path: "spec.predictor.model.args[0]", define: (api: Api) => void isvcWith(api, { args: [arg] }, { args: ["--model={{model_path}}"] }) })),
  ...["--port=99999", "port:123456"].map((arg) => ({ name: `InferenceEngine args ${arg}`, rule: "k8s/port", path: "spec.containers[0].args[3]", define: engine({ args: ["--model={{model_path}}", "--served={{model_name}}", "--x=1", arg] }) })),
  { name: "InferenceService args --port 99999 (two args)", rule: "k8s/port", path: "spec.predictor.model.args[1]", define: (api) => void isvcWith(api, { args: ["--port", "99999"] }, { args: ["--model={{model_path}}"] }) },
  { name: "ServingRuntime containerPort 70000", rule: "k8s/port", path: "spec.containers[0].ports[0].containerPort", define: rawRuntime({ ports: [{ containerPort: 70000, protocol: "TCP" }] }) },
  { name: "ServingRuntime command --port=0", rule: "k8s/port", path: "spec.containers[0].command[1]", define: rawRuntime({ command: ["serve", "--port=0"] }) },
  { name: "ServingRuntime probe port 0", rule: "k8s/port", path: "spec.containers[0].readinessProbe.httpGet.port", define: rawRuntime({ readinessProbe: { httpGet: { path: "/ready", port: 0 } } }) },
  { name: "InferenceEngine readiness port 99999", rule: "props/shape", path: "readiness.port", define: engine({ readiness: { path: "/ready", port: 99999 } }) },
];

const probeCases: BadCase[] = [
  { name: "liveness successThreshold 3", rule: "k8s/probe", path: "spec.containers[0].livenessProbe.successThreshold", define: engine({ liveness: { path: "/health", successThreshold: 3 } }) },
  { name: "startup successThreshold 2", rule: "k8s/probe", path: "spec.containers[0].startupProbe.successThreshold", define: engine({ startup: { path: "/health", successThreshold: 2 } }) },
  { name: "readiness successThreshold 0", rule: "props/shape", path: "readiness.successThreshold", define: engine({ readiness: { path: "/ready", successThreshold: 0 } }) },
  { name: "readiness failureThreshold 0", rule: "props/shape", path: "readiness.failureThreshold", define: engine({ readiness: { path: "/ready", failureThreshold: 0 } }) },
  { name: "readiness periodSeconds 0", rule: "props/shape", path: "readiness.periodSeconds", define: engine({ readiness: { path: "/ready", periodSeconds: 0 } }) },
  { name: "readiness timeoutSeconds -1", rule: "props/shape", path: "readiness.timeoutSeconds", define: engine({ readiness: { path: "/ready", timeoutSeconds: -1 } }) },
  { name: "readiness initialDelaySeconds -5", rule: "props/shape", path: "readiness.initialDelaySeconds", define: engine({ readiness: { path: "/ready", initialDelaySeconds: -5 } }) },
  { name: "liveness periodSeconds 1.5", rule: "props/shape", path: "liveness.periodSeconds", define: engine({ liveness: { path: "/health", periodSeconds: 1.5 } }) },
  { name: "ServingRuntime liveness successThreshold 2", rule: "k8s/probe", path: "spec.containers[0].livenessProbe.successThreshold", define: rawRuntime({ livenessProbe: { httpGet: { path: "/h", port: 8080 }, successThreshold: 2 } }) },
  { name: "ServingRuntime startup successThreshold 5", rule: "k8s/probe", path: "spec.containers[0].startupProbe.successThreshold", define: rawRuntime({ startupProbe: { tcpSocket: { port: 8080 }, successThreshold: 5 } }) },
];

const securityCases: BadCase[] = [
  { name: "InferenceEngine runAsUser 0 with the default runAsNonRoot", rule: "k8s/run-as-root", path: "spec.containers[0].securityContext.runAsUser", define: engine({ security: { runAsUser: 0 } }) },
  { name: "InferenceEngine runAsUser 0 with runAsNonRoot true", rule: "k8s/run-as-root", path: "spec.containers[0].securityContext.runAsUser", define: engine({ security: { runAsUser: 0, runAsNonRoot: true } }) },
  { name: "ServingRuntime container runAsUser 0 with runAsNonRoot", rule: "k8s/run-as-root", path: "spec.containers[0].securityContext.runAsUser", define: rawRuntime({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }) },
  { name: "vLLM preset runAsUser 0", rule: "k8s/run-as-root", path: "spec.containers[0].securityContext.runAsUser", define: (api) => void api.engine("vllm", { ...(api.adapter === "cdk8s" ? {} : {}), ...engineProps({ security: { runAsUser: 0 } }) }) },
];

runTable("env names", envCases);
runTable("labels", labelCases);
runTable("annotations", annotationCases);
runTable("node selectors", nodeSelectorCases);
runTable("tolerations", tolerationCases);
runTable("resource names", resourceNameCases);
runTable("quantities", quantityCases);
runTable("ports", portCases);
runTable("probes", probeCases);
runTable("security contexts", securityCases);

export const KUBERNETES_CASES = [...envCases, ...labelCases, ...annotationCases, ...nodeSelectorCases, ...tolerationCases, ...resourceNameCases, ...quantityCases, ...portCases, ...probeCases, ...securityCases];
void Location;
void nimProps;
void profile;
