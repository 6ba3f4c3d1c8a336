/**
 * Renders what makes the storage-config Secret exist without key material in the output:
 * data-connection overlays (OpenShift AI) or a Job that writes it at deploy time.
 */
import type { EnvVar, Manifest } from "../k8s";
import type { ResourcesProps } from "../pod/resources";
import { renderResources } from "../pod/resources";
import { renderSecurityContext } from "../pod/security";
import { canonicalize, compareStrings, nonEmpty } from "../canonical";
import { MANAGED_BY, ODH } from "../keys";
import { SECRET_OVERLAY_ANNOTATIONS } from "../gitops";
import type { StorageConfigEntryProps, StorageConfigJobProps } from "./props";

/** A field of an entry's JSON: a literal, or a value read at deploy time from a Secret or ConfigMap key. */
export type EntryField = { readonly literal: string } | { readonly secret: { readonly name: string; readonly key: string } } | { readonly configMap: { readonly name: string; readonly key: string } };

/** The JSON fields of an entry, as ModelMesh's puller and KServe's initializer read them. */
export function entryFields(entry: StorageConfigEntryProps): Readonly<Record<string, EntryField | undefined>> {
  const lit = (v: string | undefined): EntryField | undefined => (v === undefined ? undefined : { literal: v });
  const sec = (name: string | undefined, key: string): EntryField | undefined => (name === undefined ? undefined : { secret: { name, key } });
  switch (entry.type) {
    case "s3":
      return {
        type: lit("s3"),
        bucket: lit(entry.bucket),
        endpoint_url: lit(entry.endpoint),
        region: lit(entry.region),
        access_key_id: sec(entry.credentials?.secretName, entry.credentials?.accessKeyIdKey ?? "AWS_ACCESS_KEY_ID"),
        secret_access_key: sec(entry.credentials?.secretName, entry.credentials?.secretAccessKeyKey ?? "AWS_SECRET_ACCESS_KEY"),
        certificate: entry.certificate === undefined ? undefined : { configMap: { name: entry.certificate.configMapName, key: entry.certificate.key } },
      };
    case "gcs":
      return {
        type: lit("gcs"),
        bucket: lit(entry.bucket),
        token_uri: lit(entry.tokenUri),
        private_key: sec(entry.credentials?.secretName, entry.credentials?.privateKeyKey ?? "private_key"),
        client_email: sec(entry.credentials?.secretName, entry.credentials?.clientEmailKey ?? "client_email"),
      };
    case "azure":
      return {
        type: lit("azure"),
        account_name: lit(entry.accountName),
        container: lit(entry.container),
        connection_string: sec(entry.credentials?.secretName, entry.credentials?.connectionStringKey ?? "connection_string"),
      };
    case "pvc":
      return { type: lit("pvc"), name: lit(entry.claimName) };
  }
}

/**
 * The data-connection overlay of an S3 entry's credential Secret: the labels and annotations OpenShift
 * AI's controller looks for, and the non-secret keys it copies into storage-config. No key material;
 * the GitOps annotations keep Argo CD and Flux from pruning the Secret or taking over its keys.
 */
export function renderDataConnectionOverlay(secretName: string, namespace: string | undefined, entry: StorageConfigEntryProps): Manifest {
  const s3 = entry.type === "s3" ? entry : undefined;
  return canonicalize({
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name: secretName,
      ...(namespace !== undefined ? { namespace } : {}),
      labels: { [ODH.dashboard]: "true", "opendatahub.io/managed": "true" },
      annotations: {
        "opendatahub.io/connection-type": "s3",
        "opendatahub.io/connection-type-protocol": "s3",
        "opendatahub.io/connection-type-ref": "s3",
        [ODH.displayName]: secretName,
        ...SECRET_OVERLAY_ANNOTATIONS,
      },
    },
    stringData: {
      AWS_S3_ENDPOINT: s3?.endpoint,
      AWS_S3_BUCKET: s3?.bucket,
      AWS_DEFAULT_REGION: s3?.region,
    },
  }) as Manifest;
}

/** Quotes a string for POSIX sh. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Escapes a value read at run time into a JSON string body (backslash, quote, tab, CR, newlines). */
const JSON_ESCAPE_FUNCTION = String.raw`esc() { printf '%s' "$1" | awk 'BEGIN { ORS = "" } { if (NR > 1) printf "%s", "\\n"; n = length($0); for (i = 1; i <= n; i++) { c = substr($0, i, 1); if (c == "\\") printf "%s", "\\\\"; else if (c == "\"") printf "%s", "\\\""; else if (c == "\t") printf "%s", "\\t"; else if (c == "\r") printf "%s", "\\r"; else printf "%s", c } }'; }`;

/** The script and env of the Job: one `--from-literal` per entry, secret values only through env. */
export function jobScript(secretName: string, entries: Readonly<Record<string, StorageConfigEntryProps>>): { script: string; env: EnvVar[] } {
  const env: EnvVar[] = [];
  const literals: string[] = [];
  Object.keys(entries)
    .sort(compareStrings)
    .forEach((key, index) => {
      const fields = entryFields(entries[key] as StorageConfigEntryProps);
      const document: Record<string, string> = {};
      for (const name of Object.keys(fields).sort(compareStrings)) {
        const field = fields[name];
        if (field === undefined) continue;
        if ("literal" in field) {
          document[name] = field.literal;
        } else {
          const variable = `SC${index}_${name.toUpperCase()}`;
          document[name] = `\uE000${variable}\uE000`;
          env.push({ name: variable, valueFrom: "secret" in field ? { secretKeyRef: { name: field.secret.name, key: field.secret.key } } : { configMapKeyRef: { name: field.configMap.name, key: field.configMap.key } } });
        }
      }
      const json = JSON.stringify(document);
      const word = json
        .split("\uE000")
        .map((piece, i) => (i % 2 === 0 ? (piece === "" ? "" : shellQuote(piece)) : `"$(esc "$${piece}")"`))
        .join("");
      literals.push(`  --from-literal=${shellQuote(key)}=${word} \\`);
    });
  const script = [
    "set -eu",
    JSON_ESCAPE_FUNCTION,
    `kubectl create secret generic ${shellQuote(secretName)} \\`,
    ...literals,
    "  --dry-run=client -o yaml \\",
    `  | kubectl label --local -f - ${MANAGED_BY.key}=${MANAGED_BY.value} -o yaml \\`,
    "  | kubectl apply --server-side --force-conflicts --field-manager=kserve-constructs -f -",
  ].join("\n");
  return { script, env: [...env].sort((a, b) => compareStrings(a.name, b.name)) };
}

/** FNV-1a (32 bit) of a text, as 8 hex digits: a stable name suffix. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * The name of the storage-config Job and of its ServiceAccount, Role and RoleBinding; the Job's
 * `metadata.name` adds a hash of its pod spec (`<name>-<hash>`), so a changed spec is a new Job.
 */
export function storageConfigJobName(secretName: string, job: StorageConfigJobProps): string {
  return job.name ?? `${secretName}-writer`;
}

/** Default resources of the Job's container. */
export const JOB_RESOURCES: ResourcesProps = { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "100m", memory: "128Mi" } };

/** ServiceAccount, Role, RoleBinding and Job that write the storage-config Secret. */
export function renderStorageConfigJob(secretName: string, namespace: string, entries: Readonly<Record<string, StorageConfigEntryProps>>, job: StorageConfigJobProps): Manifest[] {
  const name = storageConfigJobName(secretName, job);
  const labels = { [MANAGED_BY.key]: MANAGED_BY.value };
  const meta = (n: string): Manifest["metadata"] => ({ name: n, namespace, labels });
  const { script, env } = jobScript(secretName, entries);
  const container = {
    name: "write-storage-config",
    image: job.image,
    command: ["/bin/sh", "-c", script],
    env: nonEmpty(env),
    resources: renderResources(job.resources ?? JOB_RESOURCES),
    securityContext: renderSecurityContext(undefined),
  };
  const podSpec = {
    serviceAccountName: name,
    restartPolicy: "Never",
    imagePullSecrets: nonEmpty((job.imagePullSecrets ?? []).map((s) => ({ name: s }))),
    containers: [container],
  };
  const hash = shortHash(JSON.stringify(canonicalize({ podSpec, revision: job.revision ?? 1 })));
  return [
    canonicalize({ apiVersion: "v1", kind: "ServiceAccount", metadata: meta(name) }),
    canonicalize({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: meta(name),
      rules: [
        { apiGroups: [""], resources: ["secrets"], verbs: ["create"] },
        { apiGroups: [""], resources: ["secrets"], resourceNames: [secretName], verbs: ["get", "patch", "update"] },
      ],
    }),
    canonicalize({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta(name),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
      subjects: [{ kind: "ServiceAccount", name, namespace }],
    }),
    canonicalize({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: meta(`${name}-${hash}`),
      spec: { backoffLimit: 3, template: { metadata: { labels }, spec: podSpec } },
    }),
  ] as Manifest[];
}
