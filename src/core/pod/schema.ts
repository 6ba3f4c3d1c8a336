/**
 * zod schemas of the pod building blocks' props.
 */
import { z } from "zod";
import { withFix } from "../schema";
import { isQuantity } from "../quantity";
import type { EnvValue } from "./env";
import type { VolumeProps } from "./volumes";
import type { ResourcesProps } from "./resources";
import type { ProbeSettings } from "./probes";
import type { SecurityProps } from "./security";

const keyRef = z.strictObject({ name: z.string().min(1), key: z.string().min(1), optional: z.boolean().optional() });

/** Env value: literal or reference. */
export const envValueSchema: z.ZodType<EnvValue> = z.union([
  z.string(),
  z.strictObject({ secretKeyRef: keyRef }),
  z.strictObject({ configMapKeyRef: keyRef }),
  z.strictObject({ fieldRef: z.strictObject({ fieldPath: z.string().min(1) }) }),
  z.strictObject({ resourceFieldRef: z.strictObject({ resource: z.string().min(1), divisor: z.string().optional() }) }),
], { error: withFix("an environment value must be a string or one reference (secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef)", "pass a string, or use Env.fromSecret(name, key), Env.fromConfigMap, Env.fromField") });

/** Env map. */
export const envSchema = z.record(z.string(), envValueSchema);

/** A quantity (string or number) that Kubernetes accepts. */
export const quantity = z.union([z.string(), z.number()]).refine(isQuantity, {
  error: withFix("not a Kubernetes quantity", 'use a quantity such as "500m", "2", "16Gi" or 1'),
});

/** Resource map. */
export const resourcesSchema: z.ZodType<ResourcesProps> = z.strictObject({
  requests: z.record(z.string(), quantity).optional(),
  limits: z.record(z.string(), quantity).optional(),
});

const items = z.array(z.strictObject({ key: z.string().min(1), path: z.string().min(1) })).optional();

/** Volume with mount. */
export const volumeSchema: z.ZodType<VolumeProps> = z.strictObject({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: withFix("a volume name must be a DNS-1123 label", "use lowercase letters, digits and '-'") }).max(63),
  mountPath: z.string().min(1),
  readOnly: z.boolean().optional(),
  subPath: z.string().optional(),
  emptyDir: z.strictObject({ medium: z.enum(["Memory", ""]).optional(), sizeLimit: z.string().refine(isQuantity, { error: withFix("sizeLimit is not a quantity", 'use for example "16Gi"') }).optional() }).optional(),
  configMap: z.strictObject({ name: z.string().min(1), items }).optional(),
  secret: z.strictObject({ secretName: z.string().min(1), items }).optional(),
  persistentVolumeClaim: z.strictObject({ claimName: z.string().min(1), readOnly: z.boolean().optional() }).optional(),
});

const seconds = (min: number) => z.number().int().min(min);

/** Probe settings. */
export const probeSchema: z.ZodType<ProbeSettings> = z.strictObject({
  path: z.string().startsWith("/", { error: withFix("a probe path must start with '/'", "prefix the path with '/'") }).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  initialDelaySeconds: seconds(0).optional(),
  timeoutSeconds: seconds(1).optional(),
  periodSeconds: seconds(1).optional(),
  successThreshold: seconds(1).optional(),
  failureThreshold: seconds(1).optional(),
});

/** Security settings. */
export const securitySchema: z.ZodType<SecurityProps> = z.strictObject({
  runAsNonRoot: z.boolean().optional(),
  runAsUser: z.number().int().min(0).optional(),
  readOnlyRootFilesystem: z.boolean().optional(),
});

/** A TCP port. */
export const port = z.number().int().min(1).max(65535);

/** Labels or annotations. */
export const stringRecord = z.record(z.string(), z.string());

/** A toleration. */
export const tolerationSchema = z.strictObject({
  key: z.string().optional(),
  operator: z.enum(["Exists", "Equal"]).optional(),
  value: z.string().optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional(),
  tolerationSeconds: z.number().int().optional(),
});
