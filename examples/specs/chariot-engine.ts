/**
 * Specs of the Chariot example: a team that registered a custom inference engine in Chariot
 * (`engines.create_engine_version`, two versions) runs the same engine on KServe from the same
 * definition, with its typed predictor settings checked per model. Shared by the cdk8s chart
 * (examples/chariot-engine.ts) and the Pulumi program (examples/pulumi).
 */
import type { ChariotEngineVersion, ChariotImportProps, InferenceServiceProps, IRuntime, S3StorageProps } from "kserve-constructs";
import type { ModelSource } from "./types";

/** The namespace of this example. */
export const namespace = "vision";

const common = {
  name: "Defect Detector",
  supports_multi_gpu: false,
  readiness_probe: { path: "/ready", port: 8080, initial_delay_seconds: 5, timeout_seconds: 10, period_seconds: 1, success_threshold: 1, failure_threshold: 3 },
  predictor_env_schema: [
    { name: "LOG_LEVEL", type: "string", default_value: "INFO", display_text: "Log level" },
    { name: "QUANTIZE_WEIGHTS", type: "bool", default_value: "false", display_text: "Quantize weights" },
    { name: "BATCH_SIZE", type: "int", default_value: "8", display_text: "Batch size" },
  ],
  enforce_predictor_env_schema: true,
  inference_protocol: "chariot-v2-kserve",
  command: ["python", "main.py"],
} as const satisfies Partial<ChariotEngineVersion>;

/** The engine's versions as registered in Chariot (JSON, as the SDK call's arguments). */
export const defectDetector: string = JSON.stringify(
  [
    { ...common, version: "1.0.0", container_image_cpu: "registry.example.com/vision/defect-detector:1.0.0", container_image_gpu: "registry.example.com/vision/defect-detector:1.0.0-cuda", env: [{ name: "OMP_NUM_THREADS", value: "4" }] },
    { ...common, version: "1.1.0", is_default: true, container_image_cpu: "registry.example.com/vision/defect-detector:1.1.0", container_image_gpu: "registry.example.com/vision/defect-detector:1.1.0-cuda", env: [{ name: "OMP_NUM_THREADS", value: "4" }] },
  ],
  null,
  2,
);

/** What Chariot does not say: the image's user, resources and where the models come from. */
export const defectDetectorProps: ChariotImportProps = {
  imageUser: 1000,
  resources: { requests: { cpu: "2", memory: "4Gi" }, limits: { memory: "4Gi" } },
};

/** The model bucket. */
export const models: S3StorageProps = {
  bucket: "vision-models",
  endpoint: "https://minio.example.com:9000",
  credentials: { secretName: "minio-credentials" },
};

/** The line-3 detector: version 1.0.0 of the engine, with its own batch size and debug logs. */
export function line3(engine: IRuntime, bucket: ModelSource): InferenceServiceProps {
  return {
    engine,
    model: bucket.path("defects/line-3/"),
    engineVersion: "1.0.0",
    parameters: { BATCH_SIZE: 16, LOG_LEVEL: "DEBUG" },
    scaling: { min: 1, max: 4 },
  };
}
