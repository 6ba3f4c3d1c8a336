/**
 * The ClusterServingRuntimes each upstream KServe release installs (`config/runtimes/` and its
 * kustomization, at the release tags): names, model formats (name, version, autoSelect, priority),
 * protocols and whether they are multi-node. `lint` counts the set of the target's release as candidates
 * for InferenceServices that name no runtime. OpenShift AI installs none (its runtimes are templates that
 * become namespaced ServingRuntimes), so its targets get no built-ins.
 *
 * What changed between releases: 0.9 declares protocols and turns autoSelect on for MLServer and Triton;
 * 0.10 moves LightGBM to version 3; 0.11 adds priorities, the v2 protocol on the KServe servers and
 * MLServer's sklearn 1; 0.12 adds the Hugging Face server and grpc-v2 for TorchServe; 0.14 adds xgboost 2,
 * lightgbm 4 and mlflow 2 to MLServer; 0.15 adds the multi-node Hugging Face server; 0.17 moves the
 * XGBoost and LightGBM servers to versions 2 and 4 and adds the predictive server (no autoSelect); 0.20
 * adds the AutoGluon server and the vLLM server (format `vLLM`, no protocols: any). KServe's main branch
 * installs the 0.20 set.
 */
import type { RuntimeCandidate } from "../core/runtime/select";
import type { Target } from "../core/target/resolve";
import { compareVersions, parseVersion } from "../core/target/version";

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

/** The ClusterServingRuntimes of a range of KServe releases. */
export interface BuiltinRuntimeSet {
  /** The first KServe release (`major.minor`) that installs this set. */
  readonly since: string;
  /**
   * The last KServe release (`major.minor`) that installs it.
   * @default every later release (the newest set)
   */
  readonly until?: string;
  /** The release tags (or `main`) whose `config/runtimes/` the set was checked against. */
  readonly checked: readonly string[];
  /** The runtimes, by name. */
  readonly runtimes: readonly RuntimeCandidate[];
}

/** KServe's built-in ClusterServingRuntimes per release, oldest first, as runtime candidates. */
export const BUILTIN_RUNTIMES: readonly BuiltinRuntimeSet[] = [
  {
    since: "0.8",
    until: "0.8",
    checked: ["v0.8.0"],
    runtimes: [
      runtime("kserve-lgbserver", [["lightgbm", "2", true]], undefined),
      runtime("kserve-mlserver", [["sklearn", "0", false], ["xgboost", "1", false], ["lightgbm", "3", false], ["mlflow", "1", true]], undefined),
      runtime("kserve-paddleserver", [["paddle", "2", true]], undefined),
      runtime("kserve-pmmlserver", [["pmml", "3", true], ["pmml", "4", true]], undefined),
      runtime("kserve-sklearnserver", [["sklearn", "1", true]], undefined),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true], ["tensorflow", "2", true]], undefined),
      runtime("kserve-torchserve", [["pytorch", "1", true]], undefined),
      runtime("kserve-tritonserver", [["tensorrt", "8", false], ["tensorflow", "1", false], ["tensorflow", "2", false], ["onnx", "1", true], ["pytorch", "1", false], ["triton", "2", true]], undefined),
      runtime("kserve-xgbserver", [["xgboost", "1", true]], undefined),
    ],
  },
  {
    since: "0.9",
    until: "0.9",
    checked: ["v0.9.0"],
    runtimes: [
      runtime("kserve-lgbserver", [["lightgbm", "2", true]], ["v1"]),
      runtime("kserve-mlserver", [["sklearn", "0", true], ["xgboost", "1", true], ["lightgbm", "3", true], ["mlflow", "1", true]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true]], ["v1"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true], ["pmml", "4", true]], ["v1"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true]], ["v1"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true], ["tensorflow", "2", true]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true]], ["v1", "v2", "grpc-v1"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true], ["tensorflow", "1", true], ["tensorflow", "2", true], ["onnx", "1", true], ["pytorch", "1", false], ["triton", "2", true]], ["v2", "grpc-v2"]),
      runtime("kserve-xgbserver", [["xgboost", "1", true]], ["v1"]),
    ],
  },
  {
    since: "0.10",
    until: "0.10",
    checked: ["v0.10.2"],
    runtimes: [
      runtime("kserve-lgbserver", [["lightgbm", "3", true]], ["v1"]),
      runtime("kserve-mlserver", [["sklearn", "0", true], ["xgboost", "1", true], ["lightgbm", "3", true], ["mlflow", "1", true]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true]], ["v1"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true], ["pmml", "4", true]], ["v1"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true]], ["v1"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true], ["tensorflow", "2", true]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true]], ["v1", "v2", "grpc-v1"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true], ["tensorflow", "1", true], ["tensorflow", "2", true], ["onnx", "1", true], ["pytorch", "1", false], ["triton", "2", true]], ["v2", "grpc-v2"]),
      runtime("kserve-xgbserver", [["xgboost", "1", true]], ["v1"]),
    ],
  },
  {
    since: "0.11",
    until: "0.11",
    checked: ["v0.11.2"],
    runtimes: [
      runtime("kserve-lgbserver", [["lightgbm", "3", true, 1]], ["v1", "v2"]),
      runtime("kserve-mlserver", [["sklearn", "0", true, 2], ["sklearn", "1", true, 2], ["xgboost", "1", true, 2], ["lightgbm", "3", true, 2], ["mlflow", "1", true, 1]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true, 1]], ["v1", "v2"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true, 1], ["pmml", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true, 1]], ["v1", "v2"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true, 2], ["tensorflow", "2", true, 2]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true, 2]], ["v1", "v2", "grpc-v1"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true, 1], ["tensorflow", "1", true, 1], ["tensorflow", "2", true, 1], ["onnx", "1", true, 1], ["pytorch", "1", false], ["triton", "2", true, 1]], ["v2", "grpc-v2"]),
      runtime("kserve-xgbserver", [["xgboost", "1", true, 1]], ["v1", "v2"]),
    ],
  },
  {
    since: "0.12",
    until: "0.13",
    checked: ["v0.12.1", "v0.13.1"],
    runtimes: [
      runtime("kserve-huggingfaceserver", [["huggingface", "1", true, 1]], ["v2", "v1"]),
      runtime("kserve-lgbserver", [["lightgbm", "3", true, 1]], ["v1", "v2"]),
      runtime("kserve-mlserver", [["sklearn", "0", true, 2], ["sklearn", "1", true, 2], ["xgboost", "1", true, 2], ["lightgbm", "3", true, 2], ["mlflow", "1", true, 1]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true, 1]], ["v1", "v2"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true, 1], ["pmml", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true, 1]], ["v1", "v2"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true, 2], ["tensorflow", "2", true, 2]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true, 2]], ["v1", "v2", "grpc-v2"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true, 1], ["tensorflow", "1", true, 1], ["tensorflow", "2", true, 1], ["onnx", "1", true, 1], ["pytorch", "1", false], ["triton", "2", true, 1]], ["v2", "grpc-v2"]),
      runtime("kserve-xgbserver", [["xgboost", "1", true, 1]], ["v1", "v2"]),
    ],
  },
  {
    since: "0.14",
    until: "0.14",
    checked: ["v0.14.1"],
    runtimes: [
      runtime("kserve-huggingfaceserver", [["huggingface", "1", true, 1]], ["v2", "v1"]),
      runtime("kserve-lgbserver", [["lightgbm", "3", true, 1]], ["v1", "v2"]),
      runtime("kserve-mlserver", [["sklearn", "0", true, 2], ["sklearn", "1", true, 2], ["xgboost", "1", true, 2], ["xgboost", "2", true, 2], ["lightgbm", "3", true, 2], ["lightgbm", "4", true, 2], ["mlflow", "1", true, 1], ["mlflow", "2", true, 1]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true, 1]], ["v1", "v2"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true, 1], ["pmml", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true, 1]], ["v1", "v2"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true, 2], ["tensorflow", "2", true, 2]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true, 2]], ["v1", "v2", "grpc-v2"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true, 1], ["tensorflow", "1", true, 1], ["tensorflow", "2", true, 1], ["onnx", "1", true, 1], ["pytorch", "1", false], ["triton", "2", true, 1]], ["v2", "grpc-v2"]),
      runtime("kserve-xgbserver", [["xgboost", "1", true, 1]], ["v1", "v2"]),
    ],
  },
  {
    since: "0.15",
    until: "0.16",
    checked: ["v0.15.2", "v0.16.0"],
    runtimes: [
      runtime("kserve-huggingfaceserver", [["huggingface", "1", true, 1]], ["v2", "v1"]),
      runtime("kserve-huggingfaceserver-multinode", [["huggingface", "1", true, 2]], ["v2", "v1"], true),
      runtime("kserve-lgbserver", [["lightgbm", "3", true, 1]], ["v1", "v2"]),
      runtime("kserve-mlserver", [["sklearn", "0", true, 2], ["sklearn", "1", true, 2], ["xgboost", "1", true, 2], ["xgboost", "2", true, 2], ["lightgbm", "3", true, 2], ["lightgbm", "4", true, 2], ["mlflow", "1", true, 1], ["mlflow", "2", true, 1]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true, 1]], ["v1", "v2"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true, 1], ["pmml", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true, 1]], ["v1", "v2"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true, 2], ["tensorflow", "2", true, 2]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true, 2]], ["v1", "v2", "grpc-v2"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true, 1], ["tensorflow", "1", true, 1], ["tensorflow", "2", true, 1], ["onnx", "1", true, 1], ["pytorch", "1", false], ["triton", "2", true, 1]], ["v2", "grpc-v2"]),
      runtime("kserve-xgbserver", [["xgboost", "1", true, 1]], ["v1", "v2"]),
    ],
  },
  {
    since: "0.17",
    until: "0.19",
    checked: ["v0.17.1", "v0.18.1", "v0.19.0"],
    runtimes: [
      runtime("kserve-huggingfaceserver", [["huggingface", "1", true, 1]], ["v2", "v1"]),
      runtime("kserve-huggingfaceserver-multinode", [["huggingface", "1", true, 2]], ["v2", "v1"], true),
      runtime("kserve-lgbserver", [["lightgbm", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-mlserver", [["sklearn", "0", true, 2], ["sklearn", "1", true, 2], ["xgboost", "1", true, 2], ["xgboost", "2", true, 2], ["lightgbm", "3", true, 2], ["lightgbm", "4", true, 2], ["mlflow", "1", true, 1], ["mlflow", "2", true, 1]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true, 1]], ["v1", "v2"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true, 1], ["pmml", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-predictiveserver", [["sklearn", "1", false, 3], ["xgboost", "2", false, 3], ["lightgbm", "4", false, 3]], ["v1", "v2"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true, 1]], ["v1", "v2"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true, 2], ["tensorflow", "2", true, 2]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true, 2]], ["v1", "v2", "grpc-v2"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true, 1], ["tensorflow", "1", true, 1], ["tensorflow", "2", true, 1], ["onnx", "1", true, 1], ["pytorch", "1", false], ["triton", "2", true, 1]], ["v2", "grpc-v2"]),
      runtime("kserve-xgbserver", [["xgboost", "2", true, 1]], ["v1", "v2"]),
    ],
  },
  {
    since: "0.20",
    checked: ["v0.20.0", "main"],
    runtimes: [
      runtime("kserve-autogluonserver", [["autogluon", "1", true, 1]], ["v1", "v2"]),
      runtime("kserve-huggingfaceserver", [["huggingface", "1", true, 1]], ["v2", "v1"]),
      runtime("kserve-huggingfaceserver-multinode", [["huggingface", "1", true, 2]], ["v2", "v1"], true),
      runtime("kserve-lgbserver", [["lightgbm", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-mlserver", [["sklearn", "0", true, 2], ["sklearn", "1", true, 2], ["xgboost", "1", true, 2], ["xgboost", "2", true, 2], ["lightgbm", "3", true, 2], ["lightgbm", "4", true, 2], ["mlflow", "1", true, 1], ["mlflow", "2", true, 1]], ["v2"]),
      runtime("kserve-paddleserver", [["paddle", "2", true, 1]], ["v1", "v2"]),
      runtime("kserve-pmmlserver", [["pmml", "3", true, 1], ["pmml", "4", true, 1]], ["v1", "v2"]),
      runtime("kserve-predictiveserver", [["sklearn", "1", false, 3], ["xgboost", "2", false, 3], ["lightgbm", "4", false, 3]], ["v1", "v2"]),
      runtime("kserve-sklearnserver", [["sklearn", "1", true, 1]], ["v1", "v2"]),
      runtime("kserve-tensorflow-serving", [["tensorflow", "1", true, 2], ["tensorflow", "2", true, 2]], ["v1", "grpc-v1"]),
      runtime("kserve-torchserve", [["pytorch", "1", true, 2]], ["v1", "v2", "grpc-v2"]),
      runtime("kserve-tritonserver", [["tensorrt", "8", true, 1], ["tensorflow", "1", true, 1], ["tensorflow", "2", true, 1], ["onnx", "1", true, 1], ["pytorch", "1", false], ["triton", "2", true, 1]], ["v2", "grpc-v2"]),
      runtime("kserve-vllmserver", [["vLLM", "1", true, 1]], undefined),
      runtime("kserve-xgbserver", [["xgboost", "2", true, 1]], ["v1", "v2"]),
    ],
  },
];

/**
 * The ClusterServingRuntimes the target's KServe installs: the set of its release (a release older than
 * the oldest set gets the oldest, one newer than the newest the newest); none on OpenShift AI.
 */
export function builtinRuntimes(target: Target): readonly RuntimeCandidate[] {
  if (target.openshiftAI !== undefined) return [];
  let found = BUILTIN_RUNTIMES[0];
  for (const set of BUILTIN_RUNTIMES) {
    const since = parseVersion(set.since);
    if (since !== undefined && compareVersions(since, target.kserve) <= 0) found = set;
  }
  return found?.runtimes ?? [];
}
