/**
 * Bad input, props: credentials as literals, pods that can never start, a construct where a location
 * is expected, target settings (unknown keys, versions as numbers), wrong types, null and undefined
 * (in constructors and helpers), keys that exist on Object.prototype, very large inputs.
 * Each case runs in cdk8s and Pulumi.
 */
import { Accelerator, Env, Parameter } from "kserve-constructs";
import type { Api, BadCase, Props } from "./kit";
import { engineProps, isvcWith, Location, nimProps, runTable } from "./kit";

const isvc = (o: Props) => (api: Api) => void isvcWith(api, o);
const engine = (o: Props) => (api: Api) => void api.engine("engine", engineProps(o));
const rawRuntime = (container: Props, spec: Props = {}) => (api: Api) =>
  void api.runtime("raw", { spec: { supportedModelFormats: [{ name: "onnx", version: "1", autoSelect: true }], containers: [{ name: "kserve-container", image: "r/onnx:1", ...container }], ...spec } });
const nim = (o: Props) => (api: Api) => void api.nim("llama", nimProps(o));

const CREDENTIAL_NAMES = ["AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "HF_TOKEN", "NGC_API_KEY", "OPENAI_API_KEY", "DB_PASSWORD", "GITHUB_TOKEN", "AZURE_CLIENT_SECRET", "MY_APIKEY", "AZURE_STORAGE_CONNECTION_STRING"];
const LITERAL = "s3cr3t-VALUE-do-not-print";

const secretCases: BadCase[] = [
  ...CREDENTIAL_NAMES.map((name) => ({ name: `InferenceService env ${name} as a literal`, rule: "env/secret-literal", path: "spec.predictor.model.env[0].value", secret: LITERAL, define: isvc({ env: { [name]: LITERAL } }) })),
  ...CREDENTIAL_NAMES.slice(0, 5).map((name) => ({ name: `InferenceEngine env ${name} as a literal`, rule: "env/secret-literal", path: "spec.containers[0].env[0].value", secret: LITERAL, define: engine({ env: { [name]: LITERAL } }) })),
  { name: "InferenceEngine version env HF_TOKEN as a literal", rule: "env/secret-literal", path: "spec.containers[0].env[0].value", secret: LITERAL, define: engine({ versions: { "1.0.0": { image: { cpu: "registry.example/engine:1.0.0" }, env: { HF_TOKEN: LITERAL } } } }) },
  { name: "ServingRuntime container env DB_PASSWORD as a literal", rule: "env/secret-literal", path: "spec.containers[0].env[0].value", secret: LITERAL, define: rawRuntime({ env: [{ name: "DB_PASSWORD", value: LITERAL }] }) },
  { name: "ModelMesh adapter env API_KEY as a literal", rule: "env/secret-literal", path: "spec.builtInAdapter.env[0].value", secret: LITERAL, target: { modelMesh: true }, define: (api) => void api.engine("mm", { versions: { "1.0": { image: { cpu: "registry.example/mm-server:1.0" } } }, port: 8001, protocol: "grpc-v2", modelFormats: [{ name: "my-format", version: "1" }], resources: { limits: { memory: "2Gi" } }, multiModel: { adapter: { serverType: "triton", env: { API_KEY: LITERAL } } } }) },
];

const podCases: BadCase[] = [
  { name: "NIM scaling min above max", rule: "nim/replicas", path: "scaling.min", define: nim({ scaling: { min: 3, max: 2 } }) },
  { name: "NIM scaling min above max on the NIM Operator", rule: "nim/replicas", path: "scaling.min", define: nim({ scaling: { min: 5, max: 1 }, platform: "nim-operator" }) },
  { name: "NIM preset scaling min above max", rule: "nim/replicas", path: "scaling.min", define: (api) => void api.nimPreset("llama", { ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" }, scaling: { min: 4, max: 2 } }) },
  { name: "NIM fixed replicas beside scaling bounds", rule: "nim/replicas", path: "replicas", define: nim({ replicas: 2, scaling: { min: 1, max: 3 } }) },
  { name: "NIM scaling max 0", rule: "props/shape", path: "scaling.max", define: nim({ scaling: { max: 0 } }) },
  { name: "NIM negative replicas", rule: "props/shape", path: "replicas", define: nim({ replicas: -1 }) },
  { name: "NIM Knative metric on the NIM Operator", rule: "nim/kserve-only", path: "scaling.metric", define: nim({ scaling: { min: 1, max: 2, metric: "concurrency" }, platform: "nim-operator" }) },
  { name: "InferenceService scaling min above max", rule: "kserve/min-above-max", path: "spec.predictor.maxReplicas", define: isvc({ scaling: { min: 4, max: 2 } }) },
];

const locationCases: BadCase[] = [
  { name: "model: the S3 storage itself", rule: "storage/location", path: "model", define: (api) => void isvcWith(api, { model: api.s3("minio", { bucket: "models", credentials: { secretName: "c" } }) }) },
  { name: "model: the PVC storage itself", rule: "storage/location", path: "model", define: (api) => void isvcWith(api, { model: api.pvc("store", { claimName: "models-pvc" }) }) },
  { name: "model: the StorageConfig itself", rule: "storage/location", path: "model", target: { modelMesh: true }, define: (api) => void isvcWith(api, { model: api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models" } } }) }) },
  { name: "model: a URI string", rule: "storage/location", path: "model", define: isvc({ model: "s3://models/granite/" }) },
  { name: "model: undefined", rule: "props/shape", path: "model", define: isvc({ model: undefined }) },
  { name: "model: the GCS storage itself", rule: "storage/location", path: "model", define: (api) => void isvcWith(api, { model: api.gcs("gcs", { bucket: "models" }) }) },
  { name: "model: the Hugging Face storage itself", rule: "storage/location", path: "model", define: (api) => void isvcWith(api, { model: api.hf("hf", {}) }) },
  { name: "model: null", rule: "storage/location", path: "model", define: isvc({ model: null }) },
  { name: "engine: a string", rule: "props/shape", path: "engine", define: isvc({ engine: "vllm" }) },
  { name: "fleet storage: a StorageConfig instead of .entry(key)", rule: "fleet/storage", path: "storage", target: { modelMesh: true }, define: (api) => {
    const sc = api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models" } } });
    void api.fleet("fleet", { engine: api.mlserverMm("mlserver", { modelFormats: [{ name: "sklearn", version: "0" }] }), storage: sc, models: [{ name: "churn", path: "churn/", format: { name: "sklearn", version: "0" } }] });
  } },
];

const targetCases: BadCase[] = [
  { name: "construct target kserveVerison", rule: "target/unknown-key", path: "target.kserveVerison", define: isvc({ target: { kserveVerison: "0.15" } }) },
  { name: "construct target openShiftAI", rule: "target/unknown-key", path: "target.openShiftAI", define: engine({ target: { openShiftAI: true } }) },
  { name: "construct target modelmesh", rule: "target/unknown-key", path: "target.modelmesh", define: (api) => void api.s3("minio", { bucket: "models", credentials: { secretName: "c" }, target: { modelmesh: true } }) },
  { name: "construct target openshiftAI.verison", rule: "target/unknown-key", path: "target.openshiftAI.verison", define: (api) => void api.hardware("a100", { target: { openshiftAI: { verison: "2.25" } } }) },
  { name: "construct target kserveVersion 0.2 (a number)", rule: "target/type", path: "target.kserveVersion", define: isvc({ target: { kserveVersion: 0.2 } }) },
  { name: "construct target kserveVersion 0.15 (a number) on a NIM", rule: "target/type", path: "target.kserveVersion", define: nim({ target: { kserveVersion: 0.15 } }) },
  { name: "construct target openshiftAI.version 2.2 (a number)", rule: "target/type", path: "target.openshiftAI.version", define: (api) => void api.pvc("store", { claimName: "c", target: { openshiftAI: { version: 2.2 } } }) },
  { name: "construct target knativeFeatures a string", rule: "target/type", path: "target.knativeFeatures", define: isvc({ target: { knativeFeatures: "kubernetes.podspec-tolerations" } }) },
  { name: "construct target modelMesh a string", rule: "target/type", path: "target.modelMesh", define: (api) => void api.storageConfig("storage", { entries: {}, target: { modelMesh: "yes" } }) },
  { name: "construct target not an object", rule: "target/type", path: "target", define: (api) => void api.mmNamespace("mm", { target: "0.15" }) },
  { name: "app target kserveVerison", rule: "target/unknown-key", path: "target.kserveVerison", target: { kserveVerison: "0.15" } as never, define: isvc({}) },
  { name: "app target kserveVersion 0.2 (a number)", rule: "target/type", path: "target.kserveVersion", target: { kserveVersion: 0.2 } as never, define: isvc({}) },
  { name: "a misspelt target key on a fleet", rule: "target/unknown-key", path: "target.kserve", target: { modelMesh: true }, define: (api) => void api.fleet("fleet", { engine: api.mlserverMm("mlserver", {}), models: [], target: { kserve: "0.15" } }) },
  { name: "engineVersion given as a number", rule: "props/shape", path: "engineVersion", define: isvc({ engineVersion: 1.1 }) },
  { name: "modelFormat version given as a number", rule: "props/shape", path: "modelFormat.version", define: isvc({ modelFormat: { name: "my-format", version: 1 } }) },
  { name: "NIM version given as a number", rule: "props/shape", path: "version", define: nim({ version: 1.3 }) },
];

const nullish = [undefined, null, 42, "text", []] as const;
const describeValue = (v: unknown): string => (v === undefined ? "undefined" : JSON.stringify(v));
const typeCases: BadCase[] = [
  ...nullish.map((v) => ({ name: `InferenceService props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.isvc("granite", v) })),
  ...nullish.map((v) => ({ name: `InferenceEngine props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.engine("engine", v) })),
  ...nullish.map((v) => ({ name: `ServingRuntime props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.runtime("raw", v) })),
  ...nullish.slice(1).map((v) => ({ name: `HardwareProfile props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.hardware("a100", v) })),
  ...nullish.map((v) => ({ name: `Nim props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.nim("llama", v) })),
  ...nullish.map((v) => ({ name: `NimAccount props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.nimAccount("account", v) })),
  ...nullish.map((v) => ({ name: `ModelStorage.s3 props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.s3("minio", v) })),
  ...nullish.slice(1).map((v) => ({ name: `ModelStorage.pvc props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.pvc("store", v) })),
  ...nullish.map((v) => ({ name: `ModelStorage.oci props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.oci("oci", v) })),
  ...nullish.map((v) => ({ name: `ModelStorage.uri props ${describeValue(v)}`, rule: "props/shape", path: "", define: (api: Api) => void api.uri("files", v) })),
  ...nullish.map((v) => ({ name: `StorageConfig props ${describeValue(v)}`, rule: "props/shape", path: "", target: { modelMesh: true }, define: (api: Api) => void api.storageConfig("storage", v) })),
  ...nullish.map((v) => ({ name: `ModelServing props ${describeValue(v)}`, rule: "props/shape", path: "", target: { modelMesh: true }, define: (api: Api) => void api.modelServing("serving", v) })),
  ...nullish.map((v) => ({ name: `ModelFleet props ${describeValue(v)}`, rule: "props/shape", path: "", target: { modelMesh: true }, define: (api: Api) => void api.fleet("fleet", v) })),
  ...nullish.slice(1).map((v) => ({ name: `ModelMeshNamespace props ${describeValue(v)}`, rule: "props/shape", path: "", target: { modelMesh: true }, define: (api: Api) => void api.mmNamespace("mm", v) })),
  ...[undefined, null, 42, {}].map((v) => ({ name: `storage.path(${describeValue(v)})`, rule: "storage/path", path: "path", define: (api: Api) => void api.s3("minio", { bucket: "models", credentials: { secretName: "c" } }).path(v) })),
  ...[undefined, null, 7].map((v) => ({ name: `pvc.path(${describeValue(v)})`, rule: "storage/path", path: "path", define: (api: Api) => void api.pvc("store", { claimName: "c" }).path(v) })),
  ...[undefined, null].map((v) => ({ name: `storageConfig.path("minio", ${describeValue(v)})`, rule: "storage/path", path: "path", target: { modelMesh: true }, define: (api: Api) => void api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models" } } }).path("minio", v) })),
  ...[undefined, null, 3].map((v) => ({ name: `storageConfig.path(${describeValue(v)}, "m")`, rule: "storage-config/key", path: "key", target: { modelMesh: true }, define: (api: Api) => void api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models" } } }).path(v, "m/") })),
  ...[null, 5, "a100", []].map((v) => ({ name: `Accelerator.nvidia(${describeValue(v)})`, rule: "accelerator/options", path: "accelerator", define: () => void Accelerator.nvidia(v as never) })),
  ...[null, 5].map((v) => ({ name: `Accelerator.spyre(${describeValue(v)})`, rule: "accelerator/options", path: "accelerator", define: () => void Accelerator.spyre(v as never) })),
  { name: "Accelerator.custom(undefined)", rule: "accelerator/options", path: "accelerator", define: () => void Accelerator.custom(undefined as never) },
  ...[null, "two", -1].map((v) => ({ name: `profile.request(${describeValue(v)})`, rule: "hardware/request", path: "request", define: (api: Api) => void api.hardware("a100", { accelerator: Accelerator.nvidia({ min: 1, default: 1, max: 8 }) }).request(v) })),
  ...[undefined, null, 5].map((v) => ({ name: `Env.fromSecret(${describeValue(v)}, "k")`, rule: "props/shape", path: "env.KEY", define: isvc({ env: { KEY: Env.fromSecret(v as never, "k") } }) })),
  ...[null, 5, ["a"]].map((v) => ({ name: `InferenceService env value ${describeValue(v)}`, rule: "props/shape", path: "env.KEY", define: isvc({ env: { KEY: v } }) })),
  { name: "ModelLocation.fromUri(undefined)", rule: "props/shape", path: "model", define: isvc({ model: Location.fromUri(undefined as never) }) },
  { name: "ModelLocation.fromUri(42)", rule: "props/shape", path: "model", define: isvc({ model: Location.fromUri(42 as never) }) },
];

const PROTO_KEYS = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];
const own = (key: string, value: unknown): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
};
const PLAIN = PROTO_KEYS.filter((k) => k !== "__proto__");

const protoCases: BadCase[] = [
  ...PLAIN.map((key) => ({ name: `engine parameter ${key} set to the wrong type`, rule: "isvc/parameter-type", path: `parameters.${key}`, define: (api: Api) => void isvcWith(api, { parameters: own(key, "not-a-number") }, { parameters: own(key, Parameter.int({ default: 1 })) }) })),
  ...PLAIN.map((key) => ({ name: `InferenceService parameter ${key} the engine does not declare`, rule: "isvc/undeclared-parameter", path: `parameters.${key}`, define: (api: Api) => void isvcWith(api, { parameters: own(key, "x") }, { enforceParameters: true }) })),
  ...PLAIN.map((key) => ({ name: `engine version named ${key} that is not the default`, rule: "engine/default-version", path: "defaultVersion", define: engine({ versions: own(key, { image: { cpu: "registry.example/engine:1" } }), defaultVersion: "1.0.0" }) })),
  ...PROTO_KEYS.map((key) => ({ name: `InferenceService engineVersion ${key} the engine does not have`, rule: "isvc/engine-version", path: "engineVersion", define: isvc({ engineVersion: key }) })),
  ...PROTO_KEYS.map((key) => ({ name: `NIM model ${key} (not in the catalogue)`, rule: "nim/unknown-model", path: "model", define: nim({ model: key }) })),
  ...PLAIN.map((key) => ({ name: `StorageConfig entry ${key} written by a Job without an endpoint`, rule: "storage-config/entry-keys", path: `entries.${key}`, target: { modelMesh: true }, define: (api: Api) => void api.storageConfig("storage", { entries: own(key, { type: "s3", bucket: "models", region: "us-east-1", credentials: { secretName: "c" } }), source: { job: { image: "registry.example/job:1" } } }) })),
  ...PLAIN.map((key) => ({ name: `env var ${key}=x (a bad name around a prototype key)`, rule: "k8s/env-name", path: "spec.predictor.model.env[0].name", define: isvc({ env: own(`${key}=x`, "v") }) })),
  ...[
    ["InferenceService env", (api: Api) => void isvcWith(api, { env: own("__proto__", "v") }), "env.__proto__"],
    ["InferenceService parameters", (api: Api) => void isvcWith(api, { parameters: own("__proto__", "v") }), "parameters.__proto__"],
    ["engine parameters", (api: Api) => void api.engine("engine", engineProps({ parameters: own("__proto__", Parameter.string({})) })), "parameters.__proto__"],
    ["engine versions", (api: Api) => void api.engine("engine", engineProps({ versions: own("__proto__", { image: { cpu: "r/e:1" } }) })), "versions.__proto__"],
    ["engine labels", (api: Api) => void api.engine("engine", engineProps({ labels: own("__proto__", "x") })), "labels.__proto__"],
    ["StorageConfig entries", (api: Api) => void api.storageConfig("storage", { entries: own("__proto__", { type: "s3", bucket: "m" }) }), "entries.__proto__"],
    ["InferenceService nodeSelector", (api: Api) => void isvcWith(api, { nodeSelector: own("__proto__", "x") }), "nodeSelector.__proto__"],
    ["HardwareProfile node selector", (api: Api) => void api.hardware("a100", { nodeScheduling: { nodeSelector: own("__proto__", "x") } }), "nodeScheduling.nodeSelector.__proto__"],
  ].map(([what, define, path]) => ({ name: `__proto__ as a key of ${String(what)}`, rule: "props/reserved-key", path: String(path), target: { modelMesh: true }, define: define as (api: Api) => void })),
];

const BIG = "a".repeat(100_000);
const largeCases: BadCase[] = [
  { name: "a 100,000-character InferenceService name", rule: "isvc/hostname-length", path: "metadata.name", define: isvc({ name: BIG }) },
  { name: "a 100,000-character engine name", rule: "props/shape", path: "name", define: engine({ name: BIG }) },
  { name: "a 100,000-character label value", rule: "k8s/label", path: "metadata.labels.team", define: isvc({ labels: { team: BIG } }) },
  { name: "a 100,000-character env name", rule: "k8s/env-name", path: "spec.predictor.model.env[0].name", define: isvc({ env: { [`=${BIG}`]: "v" } }) },
  { name: "a 10,000-entry env chain with one bad name", rule: "k8s/env-name", path: "spec.predictor.model.env[10000].name", define: isvc({ env: { ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`V${String(i).padStart(5, "0")}`, i === 0 ? "x" : `$(V${String(i - 1).padStart(5, "0")})`])), "Z=BAD": "y" } }) },
  { name: "a 100,000-character storage path with ..", rule: "storage/path", path: "path", define: (api) => void api.s3("minio", { bucket: "models", credentials: { secretName: "c" } }).path(`${BIG}/../x`) },
];

runTable("credentials as literals", secretCases);
runTable("pods that can never start", podCases);
runTable("a construct where a location is expected", locationCases);
runTable("target", targetCases);
runTable("wrong types, null and undefined", typeCases);
runTable("keys on Object.prototype", protoCases);
runTable("very large inputs", largeCases);
