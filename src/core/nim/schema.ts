/**
 * zod schemas of NIM props and of models described outside the catalogue.
 */
import { z } from "zod";
import { k8sName, withFix } from "../schema";
import { targetSchema } from "../target/schema";
import { isQuantity } from "../quantity";
import { isRecord } from "../canonical";
import type { NimModelSpec } from "./catalogue";
import type { HfTokenSecret, NgcApiKeySecret, NgcPullSecret, NimAccountProps, NimAccountSecret, NimProps } from "./props";
import type { IRuntime } from "../runtime/ref";
import type { HardwareRequest } from "../hardware/request";

/** An image tag (the NIM version). */
const IMAGE_TAG = /^[\w][\w.-]{0,127}$/;

const quantity = z.string().refine(isQuantity, { error: withFix("not a Kubernetes quantity", 'use for example "16Gi"') });

/** A model described outside the catalogue: the same checks as catalogue entries. */
export const nimModelSchema: z.ZodType<NimModelSpec> = z.strictObject({
  id: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, { error: withFix("a NIM model id is lowercase letters, digits, '-' and '.'", 'use the image name, for example "llama-3.1-8b-instruct"') }),
  displayName: z.string().min(1),
  kind: z.enum(["llm", "embedding", "reranking"]),
  image: z.string().regex(/^[^\s:@]+(\/[^\s:@]+)+$/, { error: withFix("image is a repository without tag", 'use for example "nvcr.io/nim/meta/llama-3.1-8b-instruct" and put the tag in version') }),
  version: z.string().regex(IMAGE_TAG, { error: withFix("version is an image tag", 'use for example "1.1.0"') }),
  gpuCounts: z
    .array(z.number().int().min(1, { error: withFix("GPU counts are whole numbers of at least 1", "list the GPU counts the model's profiles support, for example [1, 2]") }))
    .min(1, { error: withFix("a NIM needs at least one supported GPU count", "list the GPU counts the model's profiles support, for example [1, 2]") }),
  shmSize: quantity,
  resources: z.strictObject({ requests: z.record(z.string(), quantity), limits: z.record(z.string(), quantity) }),
  weightsSize: quantity.optional(),
});

/** Any NGC secret reference: fields accept any kind, so that a mix-up is reported by its own rule. */
const typedRef = (type: string) =>
  z.custom<NgcApiKeySecret | NgcPullSecret | NimAccountSecret | HfTokenSecret>(
    (v) => isRecord(v) && typeof v["type"] === "string" && typeof v["name"] === "string" && ["ngc-api-key", "ngc-pull-secret", "nim-account-api-key", "hf-token"].includes(v["type"] as string),
    { error: withFix(`expected a Secret name or an NgcSecrets reference (${type})`, "pass a Secret name or an NgcSecrets reference") },
  );

/** NIM props (secrets are checked for mix-ups in rules.ts, so any typed reference passes here). */
export const nimSchema = z.strictObject({
  model: z.union([z.string().min(1), z.custom<NimModelSpec>((v) => isRecord(v) && typeof v["id"] === "string", { error: withFix("model must be a catalogue id or Nim.model({...})", "pass a catalogue id or describe the model with Nim.model") })]),
  name: z.string().min(1).optional(),
  namespace: z.string().optional(),
  platform: z.enum(["kserve", "nim-operator"]).optional(),
  ngc: z.strictObject({
    apiKeySecret: z.union([k8sName, typedRef("ngc-api-key")]),
    pullSecret: z.union([k8sName, typedRef("ngc-pull-secret")]),
    hfTokenSecret: z.union([k8sName, typedRef("hf-token")]).optional(),
  }),
  version: z.string().regex(IMAGE_TAG).optional(),
  hardware: z.custom<HardwareRequest>((v) => isRecord(v) && (isRecord(v["profile"]) || isRecord(v["accelerator"])), { error: withFix("hardware must be a HardwareProfile, profile.request(...) or Hardware.accelerator(...)", "pass the profile or a request") }).optional(),
  accelerators: z.number().optional(),
  profile: z.string().min(1).optional(),
  cache: z
    .strictObject({
      claimName: k8sName.optional(),
      create: z.strictObject({ size: quantity, storageClass: z.string().min(1).optional(), accessMode: z.enum(["ReadWriteOnce", "ReadWriteMany", "ReadOnlyMany"]).optional() }).optional(),
      accessModes: z.array(z.enum(["ReadWriteOnce", "ReadWriteMany", "ReadOnlyMany", "ReadWriteOncePod"])).optional(),
      readOnly: z.boolean().optional(),
      prefilled: z.boolean().optional(),
      downloadJob: z.boolean().optional(),
      emptyDirSize: quantity.optional(),
    })
    .optional(),
  replicas: z.number().int().min(0).optional(),
  runtime: z.custom<IRuntime>((v) => isRecord(v) && isRecord(v["runtime"]), { error: withFix("runtime must be a runtime handle", "pass another Nim's runtime, or leave it out") }).optional(),
  runtimeScope: z.enum(["cluster", "namespace"]).optional(),
  visibility: z.enum(["cluster-local", "exposed"]).optional(),
  deploymentMode: z.enum(["Standard", "Knative", "RawDeployment", "Serverless"], { error: withFix("a NIM runs in Standard or Knative mode", 'use "Standard" or "Knative"') }).optional(),
  // min and max here (the NIM Operator's HPA); the rest is the InferenceService's, checked by its build
  scaling: z.looseObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(1).optional() }).optional(),
  startupSeconds: z.number().int().min(60, { error: withFix("a NIM needs at least a minute to start", "give the startup budget in seconds, for example 1800") }).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  target: targetSchema.optional(),
}) as unknown as z.ZodType<NimProps>;

const goDuration = z.string().regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, { error: withFix("not a Go duration", 'use for example "24h" or "30m"') });

/** NIM Account props. */
export const nimAccountSchema = z.strictObject({
  name: k8sName.optional(),
  namespace: z.string().optional(),
  apiKeySecret: z.union([k8sName, typedRef("nim-account-api-key")]),
  validationRefreshRate: goDuration.optional(),
  nimConfigRefreshRate: goDuration.optional(),
  target: targetSchema.optional(),
}) as unknown as z.ZodType<NimAccountProps>;
