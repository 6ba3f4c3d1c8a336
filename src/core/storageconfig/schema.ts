/**
 * zod schema of StorageConfig props.
 */
import { z } from "zod";
import { k8sName, withFix } from "../schema";
import { resourcesSchema } from "../pod/schema";
import { targetSchema } from "../target/schema";
import { bucketName } from "../storage/schema";
import type { StorageConfigProps } from "./props";

/** The API server's rule for Secret data keys. */
export const SECRET_DATA_KEY = /^[-._a-zA-Z0-9]+$/;

/** A Secret data key. */
const dataKey = z.string().regex(SECRET_DATA_KEY, { error: withFix("a Secret data key may contain only letters, digits, '-', '_' and '.'", "use for example \"AWS_ACCESS_KEY_ID\"") });

const s3 = z.strictObject({
  type: z.literal("s3"),
  bucket: bucketName.optional(),
  endpoint: z.string().regex(/^https?:\/\/[^\s/]+\/?$/, { error: withFix("endpoint_url needs a scheme and a host, and no path", 'use for example "https://minio.example:9000"') }).optional(),
  region: z.string().min(1).optional(),
  credentials: z.strictObject({ secretName: k8sName, accessKeyIdKey: dataKey.optional(), secretAccessKeyKey: dataKey.optional() }).optional(),
  certificate: z.strictObject({ configMapName: k8sName, key: dataKey }).optional(),
});

const gcs = z.strictObject({
  type: z.literal("gcs"),
  bucket: bucketName.optional(),
  tokenUri: z.string().regex(/^https:\/\/\S+$/).optional(),
  credentials: z.strictObject({ secretName: k8sName, privateKeyKey: dataKey.optional(), clientEmailKey: dataKey.optional() }).optional(),
});

const azure = z.strictObject({
  type: z.literal("azure"),
  accountName: z.string().regex(/^[a-z0-9]{3,24}$/, { error: withFix("not a storage account name (3-24 lowercase letters and digits)", "use the account name only, not its URL") }).optional(),
  container: z.string().min(3).max(63).optional(),
  credentials: z.strictObject({ secretName: k8sName, connectionStringKey: dataKey.optional() }).optional(),
});

const pvc = z.strictObject({ type: z.literal("pvc"), claimName: k8sName });

const entry = z.discriminatedUnion("type", [s3, gcs, azure, pvc], {
  error: withFix("unknown storage-config entry type", 'use type "s3", "gcs", "azure" or "pvc"'),
});

/** StorageConfig props. */
export const storageConfigSchema: z.ZodType<StorageConfigProps> = z.strictObject({
  entries: z.record(z.string(), entry).refine((e) => Object.keys(e).length > 0, { error: withFix("a StorageConfig needs at least one entry", 'add entries: { "my-s3": { type: "s3", bucket: "models" } }') }),
  source: z
    .union([
      z.enum(["existing", "data-connections"]),
      z.strictObject({
        job: z.strictObject({
          image: z.string().regex(/^\S+$/),
          name: k8sName.optional(),
          revision: z.number().int().min(0).optional(),
          imagePullSecrets: z.array(k8sName).optional(),
          resources: resourcesSchema.optional(),
        }),
      }),
    ])
    .optional(),
  secretName: k8sName.optional(),
  namespace: z.string().optional(),
  target: targetSchema.optional(),
});
