/**
 * zod schemas of LLMInferenceService and LLMInferenceServiceConfig props (shape only; the rules check the rest).
 */
import { z } from "zod";
import { withFix } from "../schema";
import { envSchema, resourcesSchema, stringRecord, tolerationSchema } from "../pod/schema";
import { targetSchema } from "../target/schema";
import { hardwareRequestSchema } from "../hardware/schema";
import { modelLocation } from "../service/schema";
import { isRecord } from "../canonical";
import { isQuantity } from "../quantity";
import type { LLMConfigRef, LLMInferenceServiceConfigProps, LLMInferenceServiceProps, LLMWorkloadProps } from "./props";

const positive = z.number().int().min(1);
const count = z.number().int().min(0);
const intOrPercent = z.union([z.number().int(), z.string().regex(/^\d+%$/, withFix("must be a count or a percentage", 'use for example 1 or "25%"'))]);
const object = z.record(z.string(), z.unknown());

const kedaSettings = {
  pollingInterval: positive.optional(),
  cooldownPeriod: count.optional(),
  initialCooldownPeriod: count.optional(),
  idleReplicaCount: count.optional(),
  fallback: object.optional(),
  advanced: object.optional(),
};

const scalingSchema = z.strictObject({
  min: count.optional(),
  max: count,
  wva: z
    .strictObject({
      variantCost: z.string().optional(),
      hpa: z.strictObject({ behavior: object.optional() }).optional(),
      keda: z.strictObject(kedaSettings).optional(),
    })
    .optional(),
  keda: z.strictObject({ ...kedaSettings, triggers: z.array(object) }).optional(),
});

const tierSchema = z.union([
  z.strictObject({ emptyDir: z.strictObject({ size: z.string().refine(isQuantity, { message: withFix("not a Kubernetes quantity", "use for example \"64Gi\"") }) }) }),
  z.strictObject({ pvc: z.strictObject({ claimName: z.string(), path: z.string().optional() }) }),
  z.strictObject({ pvc: z.strictObject({ size: z.string().refine(isQuantity, { message: withFix("not a Kubernetes quantity", "use for example \"64Gi\"") }), storageClassName: z.string().optional(), accessModes: z.array(z.string()).optional() }) }),
]);

const workloadShape = {
  replicas: count.optional(),
  scaling: scalingSchema.optional(),
  parallelism: z
    .strictObject({
      tensor: count.optional(),
      pipeline: count.optional(),
      data: count.optional(),
      dataLocal: count.optional(),
      dataRPCPort: z.number().int().min(1).max(65535).optional(),
      expert: z.boolean().optional(),
    })
    .optional(),
  hardware: hardwareRequestSchema.optional(),
  resources: resourcesSchema.optional(),
  image: z.union([z.string().regex(/^\S+$/), z.record(z.string(), z.string().regex(/^\S+$/))]).optional(),
  args: z.array(z.string()).optional(),
  env: envSchema.optional(),
  worker: z.union([z.boolean(), z.strictObject({ hardware: hardwareRequestSchema.optional(), env: envSchema.optional() })]).optional(),
  kvCacheOffloading: z
    .strictObject({
      cpu: z.string().refine(isQuantity, { message: withFix("not a Kubernetes quantity", "use for example \"64Gi\"") }),
      evictionPolicy: z.enum(["lru", "arc"]).optional(),
      secondary: z.array(tierSchema).optional(),
    })
    .optional(),
  rolloutStrategy: z.strictObject({ maxUnavailable: intOrPercent.optional(), maxSurge: intOrPercent.optional() }).optional(),
  nodeSelector: stringRecord.optional(),
  tolerations: z.array(tolerationSchema).optional(),
  podLabels: stringRecord.optional(),
  podAnnotations: stringRecord.optional(),
};

const workloadSchema: z.ZodType<LLMWorkloadProps> = z.strictObject(workloadShape);

const gatewayRef = z.strictObject({ name: z.string().min(1), namespace: z.string().min(1).optional(), sectionName: z.string().min(1).optional() });

const routerPodSchema = z.strictObject({
  image: z.string().regex(/^\S+$/).optional(),
  args: z.array(z.string()).optional(),
  env: envSchema.optional(),
  resources: resourcesSchema.optional(),
  nodeSelector: stringRecord.optional(),
  tolerations: z.array(tolerationSchema).optional(),
});

const routerSchema = z.strictObject({
  gateway: z.strictObject({ refs: z.array(gatewayRef).optional() }).optional(),
  route: z
    .strictObject({
      http: z.union([z.strictObject({ refs: z.array(z.string().min(1)) }), z.strictObject({ spec: object })]).optional(),
      group: z.string().optional(),
      weight: count.optional(),
    })
    .optional(),
  scheduler: z
    .strictObject({
      pool: z.union([z.strictObject({ ref: z.string().min(1) }), z.strictObject({ spec: object })]).optional(),
      config: z.union([z.strictObject({ inline: object }), z.strictObject({ configMap: z.strictObject({ name: z.string(), key: z.string().min(1) }) })]).optional(),
      replicas: z.number().int().optional(),
      podLabels: stringRecord.optional(),
      podAnnotations: stringRecord.optional(),
      template: routerPodSchema.optional(),
      tokenizer: z.strictObject({ template: routerPodSchema.optional() }).optional(),
    })
    .optional(),
  ingress: z.strictObject({ refs: z.array(z.strictObject({ name: z.string().min(1), namespace: z.string().min(1).optional() })) }).optional(),
});

const loraSchema = z.strictObject({
  adapters: z.array(z.strictObject({ name: z.string(), model: modelLocation })),
  maxRank: count.optional(),
  maxAdapters: count.optional(),
  maxCpuAdapters: count.optional(),
});

const tracingSchema = z.strictObject({
  exporterEndpoint: z.string().optional(),
  sampler: z.string().optional(),
  samplerArg: z.string().optional(),
  exporter: z.string().optional(),
});

/** A base ref: a name, a config construct or an `LLMConfigs.*` name. */
export const configRefSchema = z.custom<LLMConfigRef>((v) => (typeof v === "string" && v.length > 0) || (isRecord(v) && typeof v["configName"] === "string"), {
  error: withFix("a base ref is a config name, an LLMInferenceServiceConfig or LLMConfigs.*", 'pass the config construct, LLMConfigs.kserve.scheduler, or "my-config"'),
});

const specShape = {
  ...workloadShape,
  servedModelName: z.string().min(1).optional(),
  lora: loraSchema.optional(),
  storageInitializer: z.boolean().optional(),
  confidential: z.strictObject({ enabled: z.boolean().optional(), resourceId: z.string().optional() }).optional(),
  prefill: workloadSchema.optional(),
  router: routerSchema.optional(),
  tracing: tracingSchema.optional(),
  labels: stringRecord.optional(),
  annotations: stringRecord.optional(),
  target: targetSchema.optional(),
  namespace: z.string().optional(),
};

const userRoutingSchema = z.strictObject({
  gateway: gatewayRef,
  httpRoute: z
    .strictObject({
      name: z.string().min(1).optional(),
      hostnames: z.array(z.string().min(1)).optional(),
      pathPrefix: z.string().regex(/^\//, withFix("a path prefix starts with /", 'use for example "/llama"')).optional(),
      timeout: z.string().optional(),
    })
    .optional(),
  inferencePool: z.strictObject({
    name: z.string().min(1).optional(),
    endpointPicker: z.strictObject({ service: z.string().min(1), port: z.number().int().min(1).max(65535).optional(), failureMode: z.enum(["FailOpen", "FailClose"]).optional() }),
  }),
  inferenceObjective: z.strictObject({ name: z.string().min(1).optional(), priority: z.number().int().optional() }).optional(),
  modelRewrite: z
    .strictObject({
      name: z.string().min(1).optional(),
      rules: z.array(z.strictObject({ models: z.array(z.string().min(1)).optional(), targets: z.array(z.strictObject({ model: z.string().min(1), weight: z.number().int().min(1).max(1000000).optional() })) })),
    })
    .optional(),
});

const draSchema = z.strictObject({
  deviceClass: z.string(),
  count: z.number().int().optional(),
  selectors: z.array(z.string().regex(/^[^\n]*$/, withFix("a selector is one line", "give each CEL expression as its own entry"))).optional(),
  containerName: z.string().optional(),
});

/** LLMInferenceService props. */
export const llmServiceSchema: z.ZodType<LLMInferenceServiceProps> = z.strictObject({
  ...specShape,
  name: z.string().min(1).optional(),
  model: modelLocation,
  baseRefs: z.array(configRefSchema).optional(),
  userRouting: userRoutingSchema.optional(),
  dra: draSchema.optional(),
  displayName: z.string().optional(),
  auth: z.boolean().optional(),
});

/** LLMInferenceServiceConfig props (`baseRefs` is parsed so that its rule can explain why it is refused). */
export const llmConfigSchema: z.ZodType<LLMInferenceServiceConfigProps & { readonly baseRefs?: unknown }> = z.strictObject({
  ...specShape,
  name: z.string().min(1).optional(),
  model: modelLocation.optional(),
  baseRefs: z.unknown().optional(),
});
