/**
 * zod schema of the `multiModel` block.
 */
import { z } from "zod";
import { k8sName, withFix } from "../schema";
import { envSchema, port, resourcesSchema } from "../pod/schema";
import type { MultiModelScalingProps, MultiModelProps } from "./props";
import { BUILT_IN_SERVER_TYPES, ENDPOINT_FORM } from "./constants";

const endpoint = z.string().regex(ENDPOINT_FORM, {
  error: withFix('a ModelMesh endpoint is "port:N" or "unix:/path"', 'use for example "port:8001"'),
});

const builtInAdapter = z.strictObject({
  serverType: z.enum(BUILT_IN_SERVER_TYPES as unknown as ["triton", "mlserver", "ovms", "torchserve"], {
    error: withFix(`ModelMesh has built-in adapters only for ${BUILT_IN_SERVER_TYPES.join(", ")}`, "use one of them, or a custom adapter: adapter: { container: {...} }"),
  }),
  runtimeManagementPort: port.optional(),
  memBufferBytes: z.number().int().min(0).optional(),
  modelLoadingTimeoutMillis: z.number().int().min(1).optional(),
  env: envSchema.optional(),
});

const adapterContainer = z.strictObject({
  container: z.strictObject({
    name: k8sName,
    image: z.string().min(1),
    command: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    env: envSchema.optional(),
    resources: resourcesSchema.optional(),
  }),
});

/** Autoscaling of a multi-model runtime's pods. */
const multiModelScalingSchema: z.ZodType<MultiModelScalingProps> = z.strictObject({
  min: z.number().int().min(1).optional(),
  max: z.number().int().min(1).optional(),
  metric: z.enum(["cpu", "memory"]).optional(),
  target: z.number().int().min(1).max(100).optional(),
});

/** zod shape of the runtime-wide `multiModel` settings a preset also takes: pods, HPA, OpenShift AI route and auth. */
export const multiModelRuntimeShape = {
  replicas: z.number().int().min(0).optional(),
  scaling: multiModelScalingSchema.optional(),
  route: z.boolean().optional(),
  auth: z.boolean().optional(),
};

/** The `multiModel` block. */
export const multiModelSchema: z.ZodType<MultiModelProps> = z.strictObject({
  adapter: z.union([builtInAdapter, adapterContainer]).optional(),
  containerName: k8sName.optional(),
  grpcEndpoint: endpoint.optional(),
  grpcDataEndpoint: endpoint.optional(),
  httpDataEndpoint: endpoint.optional(),
  ...multiModelRuntimeShape,
  storageHelper: z.boolean().optional(),
});
