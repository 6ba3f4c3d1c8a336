/**
 * zod schemas of the storage props.
 */
import { z } from "zod";
import { k8sName, withFix } from "../schema";
import { targetSchema } from "../target/schema";
import { isQuantity } from "../quantity";
import type { AzureBlobStorageProps, GcsStorageProps, HuggingFaceStorageProps, OciStorageProps, PvcStorageProps, S3StorageProps, UriStorageProps } from "./props";

const base = {
  name: k8sName.optional(),
  namespace: z.string().optional(),
  serviceAccountName: k8sName.optional(),
  target: targetSchema.optional(),
};

/** An S3 or GCS bucket name. */
export const bucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
  error: withFix("not a valid bucket name (3-63 lowercase letters, digits, '.' and '-')", "use the bucket's name only, without a scheme or path"),
});

const accessMode = z.enum(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]);

/** S3 props. */
export const s3Schema: z.ZodType<S3StorageProps> = z.strictObject({
  ...base,
  bucket: bucketName,
  prefix: z.string().optional(),
  endpoint: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  useHttps: z.boolean().optional(),
  verifySsl: z.boolean().optional(),
  caBundleConfigMap: k8sName.optional(),
  virtualHostedBuckets: z.boolean().optional(),
  credentials: z.strictObject({
    secretName: k8sName.optional(),
    storageConfigKey: z.string().min(1).optional(),
    irsaRoleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, { error: withFix("not an IAM role ARN", "use arn:aws:iam::<account-id>:role/<role-name>") }).optional(),
  }),
  annotateSecret: z.boolean().optional(),
});

/** PVC props. */
export const pvcSchema: z.ZodType<PvcStorageProps> = z.strictObject({
  ...base,
  claimName: k8sName.optional(),
  create: z.strictObject({
    size: z.string().refine(isQuantity, { error: withFix("size is not a quantity", 'use for example "200Gi"') }),
    accessModes: z.array(accessMode).min(1).optional(),
    storageClassName: z.string().min(1).optional(),
  }).optional(),
  accessModes: z.array(accessMode).min(1).optional(),
});

/** OCI props. */
export const ociSchema: z.ZodType<OciStorageProps> = z.strictObject({
  ...base,
  registry: z.string().regex(/^[^\s/:]+(:\d+)?(\/[a-z0-9._-]+)*\/?$/, {
    error: withFix("not a registry and repository prefix", 'use for example "quay.io/my-org" (no scheme, no tag)'),
  }),
  pullSecret: k8sName.optional(),
});

/** Hugging Face props. */
export const hfSchema: z.ZodType<HuggingFaceStorageProps> = z.strictObject({ ...base, tokenSecret: k8sName.optional() });

/** GCS props. */
export const gcsSchema: z.ZodType<GcsStorageProps> = z.strictObject({ ...base, bucket: bucketName, prefix: z.string().optional(), credentialsSecret: k8sName.optional() });

/** Azure props. */
export const azureSchema: z.ZodType<AzureBlobStorageProps> = z.strictObject({
  ...base,
  account: z.string().regex(/^[a-z0-9]{3,24}$/, { error: withFix("not a storage account name (3-24 lowercase letters and digits)", "use the account name only, not its URL") }),
  container: z.string().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, { error: withFix("not a blob container name", "use 3-63 lowercase letters, digits and single '-'") }),
  prefix: z.string().optional(),
  credentialsSecret: k8sName.optional(),
});

/** URI props. */
export const uriSchema: z.ZodType<UriStorageProps> = z.strictObject({
  ...base,
  baseUrl: z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: withFix("not an http(s) URL", 'use for example "https://models.example.com/files/"') }),
});
