/**
 * Rules of a StorageConfig (each entry type requires its keys; what each source can do) and of the
 * InferenceServices that address models through it (the key exists, a bucket is known, KServe's
 * single-model initializer reads the entry's type).
 */
import type { IssueDraft } from "../errors";
import type { Target } from "../target/resolve";
import type { CanonicalMode } from "../target/resolve";
import type { ModelLocation } from "../storage/location";
import { compareStrings } from "../canonical";
import type { StorageConfigEntryProps, StorageConfigProps } from "./props";
import { SECRET_DATA_KEY } from "./schema";
import { entryFields } from "./render";
import { MODELMESH_ENTRY_REQUIREMENTS, entryGaps, listWords } from "./entries";
import type { Manifest } from "../k8s";
import type { Finding } from "../rules/registry";
import { defineManifestRule, defineRule } from "../rules/registry";

/** Entry types KServe's single-model storage initializer reads from storage-config (ModelMesh reads them all). */
export const SINGLE_MODEL_ENTRY_TYPES = ["s3"] as const;

function hasCredentials(entry: StorageConfigEntryProps): boolean {
  return entry.type !== "pvc" && (entry.credentials !== undefined || (entry.type === "s3" && entry.certificate !== undefined));
}

/** The prop that sets each field of an entry's document, by entry type (for messages and fixes). */
const FIELD_PROPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  s3: { endpoint_url: "endpoint", region: "region", access_key_id: "credentials", secret_access_key: "credentials" },
  gcs: { private_key: "credentials", client_email: "credentials" },
  azure: { account_name: "accountName", container: "container", connection_string: "credentials" },
  pvc: { name: "claimName" },
};

/** How to set each prop an entry lacks. */
function propFix(type: string, prop: string): string {
  if (prop !== "credentials") return prop;
  if (type === "s3") return 'credentials: { secretName: "<Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY>" }';
  if (type === "gcs") return 'credentials: { secretName: "<Secret with private_key and client_email>" }';
  return 'credentials: { secretName: "<Secret with connection_string>" }';
}

/**
 * The keys an entry the library writes (through the Job, or as an OpenShift AI data connection) needs
 * for its type, read off the document the Job writes ({@link entryFields}), and fields that come from
 * one Secret key twice (two required values cannot both be right).
 */
function checkWrittenEntry(at: string, entry: StorageConfigEntryProps, source: "data-connections" | { readonly job: unknown }): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const fields = entryFields(entry);
  const present = new Set(Object.keys(fields).filter((k) => fields[k] !== undefined));
  // a data connection's keys are its own Secret's AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which OpenShift AI copies
  if (source === "data-connections" && entry.type === "s3") for (const k of ["access_key_id", "secret_access_key"]) present.add(k);
  const gaps = entryGaps(entry.type, present);
  const needs = MODELMESH_ENTRY_REQUIREMENTS[entry.type];
  if (gaps === undefined || needs === undefined) return issues;
  const propsOf = FIELD_PROPS[entry.type] ?? {};
  const missing = [...new Set(gaps.missing.map((f) => propsOf[f] ?? f))];
  if (missing.length > 0) {
    issues.push({
      path: at,
      value: missing,
      rule: "storage-config/entry-keys",
      message: `an ${entry.type} entry needs ${missing.join(", ")}: ModelMesh's puller fails without ${listWords(needs.required)} (${needs.failure})`,
      fix: `set ${missing.map((m) => propFix(entry.type, m)).join(", ")}`,
    });
  }
  for (const group of gaps.partial) {
    issues.push({ path: at, value: group.given, rule: "storage-config/entry-keys", message: `an ${entry.type} entry with ${listWords(group.given)} needs ${listWords(group.missing)} too: ModelMesh uses them only together (${needs.failure})`, fix: `set ${listWords(group.missing)}, or none of ${listWords([...group.given, ...group.missing])}` });
  }
  // two different values read from one Secret key: one of them is wrong
  const bySecretKey = new Map<string, string[]>();
  for (const name of Object.keys(fields).sort(compareStrings)) {
    const field = fields[name];
    if (field === undefined || !("secret" in field)) continue;
    const id = `${field.secret.name}\u0000${field.secret.key}`;
    bySecretKey.set(id, [...(bySecretKey.get(id) ?? []), name]);
  }
  for (const [id, names] of bySecretKey) {
    if (names.length < 2) continue;
    const [secret, key] = id.split("\u0000") as [string, string];
    issues.push({ path: `${at}.credentials`, value: key, rule: "storage-config/entry-keys", message: `${listWords(names)} would all be read from key ${key} of Secret ${secret}, so at most one of them is right`, fix: "name a different Secret key for each of them" });
  }
  return issues;
}

/** Rules on the props of a StorageConfig. */
export function checkStorageConfigProps(props: StorageConfigProps, target: Target, namespace: string | undefined): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const source = props.source ?? "existing";
  const keys = Object.keys(props.entries).sort(compareStrings);
  if (source === "data-connections" && target.openshiftAI === undefined) {
    issues.push({ path: "source", value: source, rule: "storage-config/data-connections", message: "data connections are OpenShift AI's: its controller builds storage-config from labeled Secrets, and upstream KServe has no such controller", fix: 'use source { job: { image } }, or "existing" when your secret manager writes storage-config' });
  }
  if (typeof source === "object" && target.openshiftAI !== undefined) {
    issues.push({
      path: "source",
      value: "job",
      rule: "storage-config/job-on-openshift-ai",
      message: "OpenShift AI's controller rebuilds the storage-config Secret from data connections, so entries a Job writes there may be overwritten",
      fix: 'use source "data-connections" on OpenShift AI',
      severity: "warning",
    });
  }
  if (typeof source === "object" && namespace === undefined) {
    issues.push({ path: "namespace", value: undefined, rule: "storage-config/namespace", message: "the Job's RoleBinding must name the namespace of its ServiceAccount, and the StorageConfig has none", fix: "give the chart (or the StorageConfig) a namespace" });
  }
  for (const key of keys) {
    const entry = props.entries[key] as StorageConfigEntryProps;
    const at = `entries.${key}`;
    if (!SECRET_DATA_KEY.test(key)) {
      issues.push({ path: at, value: key, rule: "storage-config/key", message: "a storage-config key is a Secret data key, which may contain only letters, digits, '-', '_' and '.'", fix: `use for example "${key.replace(/[^-._a-zA-Z0-9]+/g, "-")}"` });
    }
    if (source === "existing") {
      if (hasCredentials(entry)) {
        issues.push({ path: `${at}.credentials`, value: entry.type !== "pvc" ? entry.credentials : undefined, rule: "storage-config/credentials-unused", message: 'with source "existing" the library writes nothing, so these credentials would never reach the storage-config Secret', fix: 'remove them (the existing entry holds its own), or use source { job: { image } } or "data-connections"' });
      }
      continue;
    }
    if (source !== "data-connections" || entry.type === "s3") issues.push(...checkWrittenEntry(at, entry, source));
    if (source === "data-connections") {
      if (entry.type !== "s3") {
        issues.push({ path: `${at}.type`, value: entry.type, rule: "storage-config/data-connections", message: `OpenShift AI data connections build s3 entries only, and entry "${key}" is ${entry.type}`, fix: 'use source { job: { image } } for this entry, or "existing"' });
        continue;
      }
      const c = entry.credentials;
      if (c !== undefined && c.secretName !== key) {
        issues.push({ path: `${at}.credentials.secretName`, value: c.secretName, rule: "storage-config/data-connections", message: `OpenShift AI names each storage-config entry after its data-connection Secret, so entry "${key}" must come from Secret "${key}"`, fix: `rename the entry to "${c.secretName}", or the Secret to "${key}"` });
      }
      if (c?.accessKeyIdKey !== undefined || c?.secretAccessKeyKey !== undefined) {
        issues.push({ path: `${at}.credentials`, value: c, rule: "storage-config/data-connections", message: "OpenShift AI reads a data connection's keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY only", fix: "remove accessKeyIdKey and secretAccessKeyKey, and store the keys under those names" });
      }
      if (entry.certificate !== undefined) {
        issues.push({ path: `${at}.certificate`, value: entry.certificate, rule: "storage-config/data-connections", message: "OpenShift AI adds the cluster's CA bundle (odh-kserve-custom-ca-bundle) to data-connection entries itself", fix: "remove certificate and put the CA in OpenShift AI's custom CA bundle" });
      }
    }
  }
  return issues;
}

/** Rules on a model addressed through a StorageConfig, in the InferenceService that uses it. */
export function checkStorageConfigReference(model: ModelLocation, mode: CanonicalMode): IssueDraft[] {
  const ref = model.source?.storageConfig;
  const storage = model.storage;
  if (ref === undefined || storage === undefined) return [];
  const keys = Object.keys(ref.entries).sort(compareStrings);
  const entry = ref.entries[storage.key];
  if (entry === undefined) {
    return [
      {
        path: "model",
        value: storage.key,
        rule: "storage-config/unknown-key",
        message: `the ${ref.secretName} Secret has no entry "${storage.key}" (it has ${keys.join(", ")}); ${mode === "ModelMesh" ? "ModelMesh fails to load the model (\"Did not find storage config for key\")" : "KServe fails to start the model (the storage initializer finds no such key)"}`,
        fix: `use one of ${keys.join(", ")}, or add entry "${storage.key}" to the StorageConfig`,
      },
    ];
  }
  const issues: IssueDraft[] = [];
  if ((entry.type === "s3" || entry.type === "gcs") && entry.bucket === "none" && storage.parameters?.["bucket"] === undefined) {
    issues.push({
      path: "model",
      value: storage.key,
      rule: "storage-config/bucket",
      message: `entry "${storage.key}" names no bucket and neither does the model, so ${mode === "ModelMesh" ? "ModelMesh's puller fails (\"required configuration 'bucket' missing\")" : "KServe fails (\"requires a bucket\")"}`,
      fix: `give the entry a bucket, or the model one: storageConfig.path("${storage.key}", "${storage.path}", { bucket: "..." })`,
    });
  }
  if (mode !== "ModelMesh" && !(SINGLE_MODEL_ENTRY_TYPES as readonly string[]).includes(entry.type)) {
    issues.push({
      path: "model",
      value: storage.key,
      rule: "storage-config/single-model-type",
      message: `KServe's single-model storage initializer reads only s3 (and hdfs) storage-config entries, and entry "${storage.key}" is ${entry.type}`,
      fix: `serve the model in ModelMesh mode, or address it with a ${entry.type === "gcs" ? "ModelStorage.gcs" : entry.type === "azure" ? "ModelStorage.azureBlob" : "ModelStorage.pvc"} location`,
    });
  }
  return issues;
}

/** What `storageConfig.path(key, ...)` was given as the key, with the entries the StorageConfig declares. */
export interface EntryKeySubject {
  /** The key given. */
  readonly key: unknown;
  /** The entry keys the StorageConfig declares. */
  readonly keys: readonly string[];
}

/** The entry key of `storageConfig.path(...)` is a non-empty string. */
export const entryKeyArgumentRule = defineRule<EntryKeySubject>({
  id: "storage-config/key",
  severity: "error",
  on: "props",
  summary: "storageConfig.path(key, path) and .entry(key) are given the entry key as a non-empty string.",
  why: "ModelMesh and KServe find the credentials of a model by the storage-config Secret's key; without one the model names no entry and cannot be fetched.",
  fix: "pass one of the StorageConfig's entry keys",
  check: ({ key, keys }) =>
    typeof key !== "string" || key === ""
      ? [{ path: "key", value: key, message: "the entry key must be a non-empty string (a key of the storage-config Secret)", fix: `use one of the entries: ${keys.map((k) => JSON.stringify(k)).join(", ") || "(none declared)"}` }]
      : [],
});

/** Whether ModelMesh reads the storage-config of this app: the target says it runs, or the app has a ModelMesh model or runtime. */
function modelMeshInUse(target: Target, app: readonly Manifest[]): boolean {
  if (target.modelMesh === true) return true;
  return app.some((m) => {
    const spec = m.spec as Record<string, unknown> | undefined;
    if (m.kind === "InferenceService") return m.metadata.annotations?.["serving.kserve.io/deploymentMode"] === "ModelMesh";
    return (m.kind === "ServingRuntime" || m.kind === "ClusterServingRuntime") && spec?.["multiModel"] === true;
  });
}

/** The entries of a storage-config Secret whose text is readable: `stringData` as given, `data` decoded from base64. */
function readableEntries(manifest: Manifest): { path: string; key: string; entry: Record<string, unknown> }[] {
  const out: { path: string; key: string; entry: Record<string, unknown> }[] = [];
  for (const field of ["data", "stringData"] as const) {
    const values = manifest[field];
    if (values === null || typeof values !== "object" || Array.isArray(values)) continue;
    for (const key of Object.keys(values).sort(compareStrings)) {
      const raw = (values as Record<string, unknown>)[key];
      if (typeof raw !== "string") continue;
      const text = field === "data" ? Buffer.from(raw, "base64").toString("utf8") : raw;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue; // not JSON (an encrypted value, another format): nothing to read
      }
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && typeof (parsed as Record<string, unknown>)["type"] === "string") {
        out.push({ path: `${field}.${key}`, key, entry: parsed as Record<string, unknown> });
      }
    }
  }
  return out;
}

/** A storage-config Secret written by hand (`lint`): each readable entry has what ModelMesh's puller needs for its type. */
export const storageConfigSecretEntryRule = defineManifestRule({
  id: "storage-config/secret-entry-keys",
  severity: "error",
  summary: "Each readable entry of a storage-config Secret (JSON in stringData, or base64 JSON in data) has the keys ModelMesh's puller needs for its type, when the app or target uses ModelMesh.",
  why: "ModelMesh's puller fails to load every model of an entry that lacks a key its type needs (s3: endpoint_url, region, access_key_id, secret_access_key; azure: account_name, container; gcs: private_key with client_email), or gives only part of a group of keys that work together.",
  fix: "add the missing keys to the entry, or let a StorageConfig write it",
  on: "manifest",
  kinds: ["Secret"],
  check: ({ manifest, target, app }) => {
    if (manifest.metadata.name !== "storage-config" || !modelMeshInUse(target, app)) return [];
    const findings: Finding[] = [];
    for (const { path, key, entry } of readableEntries(manifest)) {
      const type = entry["type"] as string;
      const gaps = entryGaps(type, new Set(Object.keys(entry).filter((k) => typeof entry[k] === "string")));
      const needs = Object.hasOwn(MODELMESH_ENTRY_REQUIREMENTS, type) ? MODELMESH_ENTRY_REQUIREMENTS[type] : undefined;
      if (gaps === undefined || needs === undefined) continue;
      if (gaps.missing.length > 0) {
        findings.push({ path, value: gaps.missing, message: `entry "${key}" (type ${type}) lacks ${listWords(gaps.missing)}: ModelMesh's puller fails without ${listWords(needs.required)} (${needs.failure})`, fix: `add ${listWords(gaps.missing)} to the entry` });
      }
      for (const group of gaps.partial) {
        findings.push({ path, value: group.given, message: `entry "${key}" (type ${type}) has ${listWords(group.given)} but not ${listWords(group.missing)}: ModelMesh uses them only together`, fix: `add ${listWords(group.missing)}, or remove ${listWords(group.given)}` });
      }
    }
    return findings;
  },
});
