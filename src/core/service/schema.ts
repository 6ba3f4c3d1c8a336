/**
 * zod schema of InferenceService props.
 */
import { z } from "zod";
import { withFix } from "../schema";
import { envSchema, resourcesSchema, stringRecord, tolerationSchema, volumeSchema } from "../pod/schema";
import { targetSchema } from "../target/schema";
import { formatVersion } from "../engine/schema";
import type { InferenceServiceProps } from "./props";
import type { IRuntime } from "../runtime/ref";
import type { ModelLocation } from "../storage/location";
import { isRecord } from "../canonical";
import { hardwareRequestSchema } from "../hardware/schema";

/** An engine, runtime or existing-runtime reference. */
export const runtimeRef = z.custom<IRuntime>((v) => isRecord(v) && isRecord(v["runtime"]) && typeof v["runtime"]["name"] === "string", {
  error: withFix("engine must be an InferenceEngine, a ServingRuntime or ServingRuntime.fromName(...)", "pass the engine construct itself, or ServingRuntime.fromName(\"runtime-name\") for an existing runtime"),
});

/** A model location. */
export const modelLocation = z.custom<ModelLocation>((v) => isRecord(v) && (typeof v["uri"] === "string" || isRecord(v["storage"]) || v["none"] === true), {
  error: withFix("model must be a model location", 'use storage.path("models/my-model/"), ModelLocation.fromUri("s3://bucket/path") or ModelLocation.none()'),
});

const count = z.number().int().min(0);

/** InferenceService props. */
export const inferenceServiceSchema: z.ZodType<InferenceServiceProps> = z.strictObject({
  name: z.string().min(1).optional(),
  namespace: z.string().optional(),
  engine: runtimeRef,
  model: modelLocation,
  modelFormat: z.strictObject({ name: z.string().min(1), version: formatVersion.optional() }).optional(),
  engineVersion: z.string().min(1).optional(),
  protocolVersion: z.enum(["v1", "v2", "grpc-v1", "grpc-v2"]).optional(),
  pinRuntime: z.boolean().optional(),
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  args: z.array(z.string()).optional(),
  env: envSchema.optional(),
  resources: resourcesSchema.optional(),
  hardware: hardwareRequestSchema.optional(),
  volumes: z.array(volumeSchema).optional(),
  multiNode: z.strictObject({ pipelineParallelSize: z.number().int().min(1).optional(), tensorParallelSize: z.number().int().min(1).optional() }).optional(),
  deploymentMode: z.enum(["Standard", "Knative", "ModelMesh", "RawDeployment", "Serverless"], {
    error: withFix("unknown deployment mode", 'use "Standard" (alias "RawDeployment"), "Knative" (alias "Serverless") or "ModelMesh"'),
  }).optional(),
  replicas: count.optional(),
  scaling: z.strictObject({
    min: count.optional(),
    max: count.optional(),
    target: z.number().int().min(0).optional(),
    metric: z.enum(["cpu", "memory", "concurrency", "rps"]).optional(),
    metricType: z.enum(["Utilization", "Value", "AverageValue"]).optional(),
    autoscaler: z.enum(["hpa", "keda", "external", "none", "kpa"]).optional(),
    external: z
      .array(
        z.strictObject({
          metric: z.union([z.enum(["vllm-waiting-requests", "vllm-kv-cache-usage"]), z.strictObject({ query: z.string().min(1) })]),
          threshold: z.number().positive().optional(),
          serverAddress: z.string().min(1),
          namespace: z.string().min(1).optional(),
          authentication: z.strictObject({ triggerAuthentication: z.string().min(1), modes: z.string().min(1).optional() }).optional(),
        }),
      )
      .optional(),
  }).optional(),
  containerConcurrency: count.optional(),
  timeoutSeconds: z.number().int().min(1).optional(),
  canaryTrafficPercent: z.number().int().min(0).max(100).optional(),
  canaries: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, { error: withFix("not a predictor name", "use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit") }),
        trafficPercent: z.number().int().min(0).max(100),
        model: modelLocation.optional(),
        replicas: z.number().int().min(0).optional(),
      }),
    )
    .optional(),
  predictorName: z.string().regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, { error: withFix("not a predictor name", "use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit") }).optional(),
  serviceAccountName: z.string().min(1).optional(),
  imagePullSecrets: z.array(z.string().min(1)).optional(),
  nodeSelector: stringRecord.optional(),
  tolerations: z.array(tolerationSchema).optional(),
  visibility: z.enum(["cluster-local", "exposed"]).optional(),
  auth: z.boolean().optional(),
  displayName: z.string().optional(),
  metrics: z.boolean().optional(),
  logger: z.strictObject({ url: z.string().optional(), mode: z.enum(["all", "request", "response"]) }).optional(),
  deploymentStrategy: z.strictObject({
    type: z.enum(["RollingUpdate", "Recreate"]),
    rollingUpdate: z.strictObject({ maxSurge: z.union([z.number(), z.string()]).optional(), maxUnavailable: z.union([z.number(), z.string()]).optional() }).optional(),
  }).optional(),
  labels: stringRecord.optional(),
  annotations: stringRecord.optional(),
  podLabels: stringRecord.optional(),
  podAnnotations: stringRecord.optional(),
  predictorOverrides: z.record(z.string(), z.unknown()).optional(),
  target: targetSchema.optional(),
});
