/**
 * zod schema of InferenceEngine props (shape and per-field constraints; cross-field rules are in rules.ts).
 */
import { z } from "zod";
import { k8sName, withFix } from "../schema";
import { envSchema, port, probeSchema, resourcesSchema, securitySchema, stringRecord, volumeSchema } from "../pod/schema";
import { targetSchema } from "../target/schema";
import type { InferenceEngineProps } from "./props";
import type { ParameterSpec } from "./parameters";
import { hardwareRequestSchema } from "../hardware/schema";
import { multiModelSchema } from "../modelmesh/schema";
import { ENGINE_PROTOCOLS } from "./protocols";

const protocol = z.enum(ENGINE_PROTOCOLS as ["v1", "v2", "grpc-v1", "grpc-v2", "openai"], {
  error: withFix("unknown protocol", `use one of ${ENGINE_PROTOCOLS.join(", ")}`),
});

const parameterSchema: z.ZodType<ParameterSpec> = z.strictObject({
  type: z.enum(["string", "int", "float", "bool"]),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  description: z.string().optional(),
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  allowed: z.array(z.string()).optional(),
});

/** A format version: "major", "major.minor" or "major.minor.patch" (KServe), or a ModelMesh label such as "opset1". */
export const formatVersion = z.string().regex(/^(\d+(\.\d+){0,2}|[a-z][a-z_]*\d+)$/, {
  error: withFix('a model format version must be "major", "major.minor" or "major.minor.patch" (or an opset label such as "opset1")', 'use for example "1" or "2.1"'),
});

/** Model format entry. */
export const modelFormatSchema = z.strictObject({
  name: z.string().min(1),
  version: formatVersion.optional(),
  autoSelect: z.boolean().optional(),
  priority: z.number().int().min(1, { error: withFix("priority must be at least 1 (KServe's minimum)", "use 1 or more, or leave priority unset") }).optional(),
});

const imageRef = z.string().min(1).regex(/^[^\s]+$/, { error: withFix("an image reference cannot contain spaces", "use registry/repository:tag or @sha256:digest") });

const imageTarget = z.string().regex(/^[a-z][a-z0-9-]*$/, {
  error: withFix("an image target must be cpu, nvidia, amd, gaudi, spyre or a custom accelerator key (lowercase)", 'use for example "cpu" or "nvidia"'),
});

/** InferenceEngine props. */
export const inferenceEngineSchema: z.ZodType<InferenceEngineProps> = z.strictObject({
  name: k8sName.optional(),
  namespace: z.string().optional(),
  scope: z.enum(["namespace", "cluster", "dashboard"]).optional(),
  versions: z.record(
    z.string().min(1),
    z.strictObject({
      image: z.record(imageTarget, imageRef).refine((images) => Object.keys(images).length > 0, {
        error: withFix("a version needs at least one image", 'give image: { cpu: "registry/engine:tag" } or an accelerator key'),
      }),
      env: envSchema.optional(),
    }),
  ).refine((v) => Object.keys(v).length > 0, { error: withFix("an engine needs at least one version", 'add versions: { "1.0.0": { image: { cpu: "..." } } }') }),
  defaultVersion: z.string().optional(),
  runtimeImage: imageTarget.optional(),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  repeatableFlags: z.array(z.string()).optional(),
  port: port.optional(),
  grpcPort: port.optional(),
  protocol: z.union([protocol, z.array(protocol)]),
  readiness: z.union([probeSchema, z.literal(false)]).optional(),
  liveness: z.union([probeSchema, z.literal(false)]).optional(),
  startup: z.union([probeSchema, z.literal(false)]).optional(),
  parameters: z.record(z.string(), parameterSchema).optional(),
  enforceParameters: z.boolean().optional(),
  modelFormats: z.array(modelFormatSchema).min(1, { error: withFix("an engine must serve at least one model format", 'add modelFormats: [{ name: "my-format" }]') }),
  env: envSchema.optional(),
  volumes: z.array(volumeSchema).optional(),
  resources: resourcesSchema.optional(),
  multiGpu: z.boolean().optional(),
  tensorParallel: z.strictObject({ arg: z.string().regex(/^--?[A-Za-z0-9][-A-Za-z0-9_.]*$/, { error: withFix("not a command-line flag", 'use for example "--tensor-parallel-size"') }).optional(), env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional() }).optional(),
  multiNode: z.strictObject({
    command: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    env: envSchema.optional(),
    pipelineParallelSize: z.number().int().min(1).optional(),
    tensorParallelSize: z.number().int().min(1).optional(),
    executorBackend: z.enum(["ray", "mp"]).optional(),
  }).optional(),
  hardware: hardwareRequestSchema.optional(),
  multiModel: multiModelSchema.optional(),
  modelLoadingTimeoutMillis: z.number().int().min(1).optional(),
  metrics: z.union([z.strictObject({ port: port.optional(), path: z.string().startsWith("/").optional() }), z.literal(false)]).optional(),
  security: securitySchema.optional(),
  imageUser: z.union([z.number().int().min(0), z.literal("root")], { error: withFix('imageUser is a numeric uid or "root"', 'use for example 1001, or "root"') }).optional(),
  imagePullSecrets: z.array(z.string().min(1)).optional(),
  openshiftAI: z.strictObject({
    displayName: z.string().optional(),
    modelType: z.enum(["generative", "predictive"]).optional(),
    showInDashboard: z.boolean().optional(),
    description: z.string().optional(),
    provider: z.string().optional(),
  }).optional(),
  labels: stringRecord.optional(),
  annotations: stringRecord.optional(),
  podLabels: stringRecord.optional(),
  podAnnotations: stringRecord.optional(),
  target: targetSchema.optional(),
});
