/**
 * The ClusterServingRuntimes an upstream KServe install brings (`config/runtimes/`, KServe 0.15 to 0.20):
 * their formats (name, version, autoSelect, priority), protocols and whether they are multi-node. `lint`
 * counts them as candidates for InferenceServices that name no runtime, on upstream KServe targets only
 * (OpenShift AI installs runtimes per namespace from its templates instead).
 */
import type { RuntimeCandidate } from "../core/runtime/select";

type Format = readonly [name: string, version: string, autoSelect: boolean, priority?: number];

function runtime(name: string, formats: readonly Format[], protocolVersions: readonly string[] | undefined, multiNode = false): RuntimeCandidate {
  return {
    kind: "ClusterServingRuntime",
    name,
    namespace: "",
    spec: {
      supportedModelFormats: formats.map(([n, version, autoSelect, priority]) => ({ name: n, version, autoSelect, ...(priority !== undefined ? { priority } : {}) })),
      ...(protocolVersions !== undefined ? { protocolVersions: [...protocolVersions] } : {}),
      ...(multiNode ? { workerSpec: {} } : {}),
    },
  };
}

/** KServe's built-in ClusterServingRuntimes, as runtime candidates. */
export const BUILTIN_RUNTIMES: readonly RuntimeCandidate[] = [
  runtime("kserve-sklearnserver", [["sklearn", "1", true, 1]], ["v1", "v2"]),
  runtime("kserve-xgbserver", [["xgboost", "2", true, 1]], ["v1", "v2"]),
  runtime("kserve-lgbserver", [["lightgbm", "4", true, 1]], ["v1", "v2"]),
  runtime("kserve-mlserver", [["sklearn", "0", true, 2], ["sklearn", "1", true, 2], ["xgboost", "1", true, 2], ["xgboost", "2", true, 2], ["lightgbm", "3", true, 2], ["lightgbm", "4", true, 2], ["mlflow", "1", true, 1], ["mlflow", "2", true, 1]], ["v2"]),
  runtime("kserve-tensorflow-serving", [["tensorflow", "1", true, 2], ["tensorflow", "2", true, 2]], ["v1", "grpc-v1"]),
  runtime("kserve-torchserve", [["pytorch", "1", true, 2]], ["v1", "v2", "grpc-v2"]),
  runtime("kserve-tritonserver", [["tensorrt", "8", true, 1], ["tensorflow", "1", true, 1], ["tensorflow", "2", true, 1], ["onnx", "1", true, 1], ["triton", "2", true, 1], ["pytorch", "1", false]], ["v2", "grpc-v2"]),
  runtime("kserve-pmmlserver", [["pmml", "3", true, 1], ["pmml", "4", true, 1]], ["v1", "v2"]),
  runtime("kserve-paddleserver", [["paddle", "2", true, 1]], ["v1", "v2"]),
  runtime("kserve-predictiveserver", [["sklearn", "1", false, 3], ["xgboost", "2", false, 3], ["lightgbm", "4", false, 3]], ["v1", "v2"]),
  runtime("kserve-autogluonserver", [["autogluon", "1", true, 1]], ["v1", "v2"]),
  runtime("kserve-huggingfaceserver", [["huggingface", "1", true, 1]], ["v2", "v1"]),
  runtime("kserve-huggingfaceserver-multinode", [["huggingface", "1", true, 2]], ["v2", "v1"], true),
  runtime("kserve-vllmserver", [["vLLM", "1", true, 1]], undefined),
];
