/**
 * Rules of a StorageConfig (each entry type requires its keys; what each source can do) and of the
 * InferenceServices that address models through it (the key exists, a bucket is known, KServe's
 * single-model initializer reads the entry's type).
 */
import type { IssueDraft } from "../errors";
import type { Target } from "../target/resolve";
import type { CanonicalMode } from "../target/resolve";
import type { ModelLocation, StorageConfigReference } from "../storage/location";
import { compareStrings } from "../canonical";
import type { StorageConfigEntryProps, StorageConfigProps } from "./props";
import { SECRET_DATA_KEY } from "./schema";
import { entryFields } from "./render";
import { MODELMESH_ENTRY_REQUIREMENTS, entryGaps, listWords } from "./entries";
import type { Manifest } from "../k8s";
import type { Finding, Rule } from "../rules/registry";
import { defineManifestRule, defineRule, runRules } from "../rules/registry";

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
function writtenEntryFindings(at: string, entry: StorageConfigEntryProps, source: "data-connections" | { readonly job: unknown }): Finding[] {
  const findings: Finding[] = [];
  const fields = entryFields(entry);
  const present = new Set(Object.keys(fields).filter((k) => fields[k] !== undefined));
  // a data connection's keys are its own Secret's AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which OpenShift AI copies
  if (source === "data-connections" && entry.type === "s3") for (const k of ["access_key_id", "secret_access_key"]) present.add(k);
  const gaps = entryGaps(entry.type, present);
  const needs = MODELMESH_ENTRY_REQUIREMENTS[entry.type];
  if (gaps === undefined || needs === undefined) return findings;
  const propsOf = FIELD_PROPS[entry.type] ?? {};
  const missing = [...new Set(gaps.missing.map((f) => propsOf[f] ?? f))];
  if (missing.length > 0) {
    findings.push({
      path: at,
      value: missing,
      message: `an ${entry.type} entry needs ${missing.join(", ")}: ModelMesh's puller fails without ${listWords(needs.required)} (${needs.failure})`,
      fix: `set ${missing.map((m) => propFix(entry.type, m)).join(", ")}`,
    });
  }
  for (const group of gaps.partial) {
    findings.push({ path: at, value: group.given, message: `an ${entry.type} entry with ${listWords(group.given)} needs ${listWords(group.missing)} too: ModelMesh uses them only together (${needs.failure})`, fix: `set ${listWords(group.missing)}, or none of ${listWords([...group.given, ...group.missing])}` });
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
    findings.push({ path: `${at}.credentials`, value: key, message: `${listWords(names)} would all be read from key ${key} of Secret ${secret}, so at most one of them is right`, fix: "name a different Secret key for each of them" });
  }
  return findings;
}

/** What the rules of a StorageConfig look at. */
export interface StorageConfigSubject {
  /** The parsed props. */
  readonly props: StorageConfigProps;
  /** The resolved target. */
  readonly target: Target;
  /** The namespace of the StorageConfig (its own, or its chart's). */
  readonly namespace: string | undefined;
  /**
   * The entry under check: the rules on one entry run once per entry, in key order, with it set.
   * @default undefined (the rules look at the StorageConfig as a whole)
   */
  readonly entry?: { readonly key: string; readonly props: StorageConfigEntryProps };
}

/** The source of a StorageConfig (`existing` when not given). */
function sourceOf(props: StorageConfigProps): NonNullable<StorageConfigProps["source"]> {
  return props.source ?? "existing";
}

/** Data connections are OpenShift AI's, and build s3 entries of one shape. */
export const dataConnectionsRule = defineRule<StorageConfigSubject>({
  id: "storage-config/data-connections",
  severity: "error",
  on: "props",
  summary: 'source "data-connections" is used on OpenShift AI, with s3 entries each named after its Secret, keys under AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and no certificate of its own.',
  why: "Data connections are OpenShift AI's: odh-model-controller builds the storage-config Secret from the namespace's labeled data-connection Secrets, one s3 entry per Secret, named after it, with the keys read from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY and the cluster's CA bundle (odh-kserve-custom-ca-bundle) added. Upstream KServe has no such controller, so nothing would write storage-config; and an entry of another shape would be built differently from what the props say.",
  fix: 'on OpenShift AI give s3 entries named after their data-connection Secrets; elsewhere use source { job: { image } }, or "existing"',
  check: ({ props, target, entry }) => {
    const source = sourceOf(props);
    if (source !== "data-connections") return [];
    if (entry === undefined) {
      return target.openshiftAI === undefined ? [{ path: "source", value: source, message: "data connections are OpenShift AI's: its controller builds storage-config from labeled Secrets, and upstream KServe has no such controller", fix: 'use source { job: { image } }, or "existing" when your secret manager writes storage-config' }] : [];
    }
    const { key, props: e } = entry;
    const at = `entries.${key}`;
    if (e.type !== "s3") return [{ path: `${at}.type`, value: e.type, message: `OpenShift AI data connections build s3 entries only, and entry "${key}" is ${e.type}`, fix: 'use source { job: { image } } for this entry, or "existing"' }];
    const findings: Finding[] = [];
    const c = e.credentials;
    if (c !== undefined && c.secretName !== key) {
      findings.push({ path: `${at}.credentials.secretName`, value: c.secretName, message: `OpenShift AI names each storage-config entry after its data-connection Secret, so entry "${key}" must come from Secret "${key}"`, fix: `rename the entry to "${c.secretName}", or the Secret to "${key}"` });
    }
    if (c?.accessKeyIdKey !== undefined || c?.secretAccessKeyKey !== undefined) {
      findings.push({ path: `${at}.credentials`, value: c, message: "OpenShift AI reads a data connection's keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY only", fix: "remove accessKeyIdKey and secretAccessKeyKey, and store the keys under those names" });
    }
    if (e.certificate !== undefined) {
      findings.push({ path: `${at}.certificate`, value: e.certificate, message: "OpenShift AI adds the cluster's CA bundle (odh-kserve-custom-ca-bundle) to data-connection entries itself", fix: "remove certificate and put the CA in OpenShift AI's custom CA bundle" });
    }
    return findings;
  },
});

/** A Job's entries on OpenShift AI may be overwritten. */
export const jobOnOpenShiftAIRule = defineRule<StorageConfigSubject>({
  id: "storage-config/job-on-openshift-ai",
  severity: "warning",
  on: "props",
  summary: "On OpenShift AI a StorageConfig uses source \"data-connections\" rather than a Job.",
  why: "OpenShift AI's odh-model-controller owns the namespace's storage-config Secret: it rebuilds the Secret from the data connections whenever one changes (and deletes it when none is left), so entries a Job wrote there may be overwritten and models lose their credentials.",
  fix: 'use source "data-connections" on OpenShift AI',
  check: ({ props, target, entry }) => (entry === undefined && typeof sourceOf(props) === "object" && target.openshiftAI !== undefined ? [{ path: "source", value: "job", message: "OpenShift AI's controller rebuilds the storage-config Secret from data connections, so entries a Job writes there may be overwritten" }] : []),
});

/** The Job's RoleBinding needs a namespace. */
export const namespaceRule = defineRule<StorageConfigSubject>({
  id: "storage-config/namespace",
  severity: "error",
  on: "props",
  summary: "A StorageConfig with a Job source has a namespace (its own, or its chart's).",
  why: "The Job writes storage-config through a Role bound to its ServiceAccount, and a RoleBinding's ServiceAccount subject must name the ServiceAccount's namespace: without one there is no binding the API server accepts, and the Job could not write the Secret.",
  fix: "give the chart (or the StorageConfig) a namespace",
  check: ({ props, namespace, entry }) => (entry === undefined && typeof sourceOf(props) === "object" && namespace === undefined ? [{ path: "namespace", value: undefined, message: "the Job's RoleBinding must name the namespace of its ServiceAccount, and the StorageConfig has none" }] : []),
});

/** Credentials on an entry the library does not write. */
export const credentialsUnusedRule = defineRule<StorageConfigSubject>({
  id: "storage-config/credentials-unused",
  severity: "error",
  on: "props",
  summary: 'An entry of a StorageConfig with source "existing" gives no credentials (nor a certificate).',
  why: 'With source "existing" the library writes nothing into the storage-config Secret: credentials in the props would never reach it, and the models would load with whatever the existing entry holds, whatever the props say.',
  fix: 'remove them (the existing entry holds its own), or use source { job: { image } } or "data-connections"',
  check: ({ props, entry }) =>
    entry !== undefined && sourceOf(props) === "existing" && hasCredentials(entry.props)
      ? [{ path: `entries.${entry.key}.credentials`, value: entry.props.type !== "pvc" ? entry.props.credentials : undefined, message: 'with source "existing" the library writes nothing, so these credentials would never reach the storage-config Secret' }]
      : [],
});

/** An entry the library writes has the keys ModelMesh's puller needs. */
export const entryKeysRule = defineRule<StorageConfigSubject>({
  id: "storage-config/entry-keys",
  severity: "error",
  on: "props",
  summary: "Each entry a StorageConfig writes (through a Job, or as an s3 data connection) has the keys its type needs, keys that work only together come together, and no two fields read the same Secret key.",
  why: "ModelMesh's puller needs each entry type's keys (s3: endpoint_url, region, access_key_id, secret_access_key; azure: account_name, container; gcs: private_key with client_email) and uses some only together: an entry that lacks them fails to load every model it serves. Two fields read from one Secret key cannot both be right.",
  fix: "set the missing settings or credentials of the entry, and name a different Secret key for each field",
  check: ({ props, entry }) => {
    const source = sourceOf(props);
    if (entry === undefined || source === "existing" || (source === "data-connections" && entry.props.type !== "s3")) return [];
    return writtenEntryFindings(`entries.${entry.key}`, entry.props, source);
  },
});

/** The rules on a StorageConfig as a whole, in order. */
export const STORAGE_CONFIG_RULES: readonly Rule<StorageConfigSubject>[] = [dataConnectionsRule, jobOnOpenShiftAIRule, namespaceRule];
/** The rules on one entry of a StorageConfig, in order. */
export const STORAGE_CONFIG_ENTRY_RULES: readonly Rule<StorageConfigSubject>[] = [credentialsUnusedRule, entryKeysRule, dataConnectionsRule];

/** Rules on the props of a StorageConfig: the whole, then each entry in key order. */
export function checkStorageConfigProps(props: StorageConfigProps, target: Target, namespace: string | undefined): IssueDraft[] {
  const subject: StorageConfigSubject = { props, target, namespace };
  const issues: IssueDraft[] = runRules(STORAGE_CONFIG_RULES, subject);
  const keys = Object.keys(props.entries).sort(compareStrings);
  for (const key of keys) {
    const entry = props.entries[key] as StorageConfigEntryProps;
    issues.push(...runRules([entryKeyRule], { key, keys, given: "entry" }), ...runRules(STORAGE_CONFIG_ENTRY_RULES, { ...subject, entry: { key, props: entry } }));
  }
  return issues;
}

/** What the rules on a model addressed through a StorageConfig look at, in the InferenceService that uses it. */
export interface StorageConfigReferenceSubject {
  /** The model's location. */
  readonly model: ModelLocation;
  /** The InferenceService's deployment mode. */
  readonly mode: CanonicalMode;
}

/** The StorageConfig reference, the storage spec and the entry it names (undefined when the model is not addressed through a StorageConfig). */
function referencedEntry({ model }: StorageConfigReferenceSubject): { ref: StorageConfigReference; storage: NonNullable<ModelLocation["storage"]>; entry: StorageConfigReference["entries"][string] | undefined } | undefined {
  const ref = model.source?.storageConfig;
  const storage = model.storage;
  if (ref === undefined || storage === undefined) return undefined;
  return { ref, storage, entry: ref.entries[storage.key] };
}

/** The entry key a model names exists. */
export const unknownKeyRule = defineRule<StorageConfigReferenceSubject>({
  id: "storage-config/unknown-key",
  severity: "error",
  on: "props",
  summary: "A model addressed through a StorageConfig names one of its entries.",
  why: 'The storage-config Secret is read by key: with no entry of that key ModelMesh fails to load the model ("Did not find storage config for key") and KServe\'s storage initializer cannot fetch it, so the model never serves.',
  fix: "use one of the StorageConfig's entry keys, or add the entry",
  check: (subject) => {
    const found = referencedEntry(subject);
    if (found === undefined || found.entry !== undefined) return [];
    const { ref, storage } = found;
    const keys = Object.keys(ref.entries).sort(compareStrings);
    return [
      {
        path: "model",
        value: storage.key,
        message: `the ${ref.secretName} Secret has no entry "${storage.key}" (it has ${keys.join(", ")}); ${subject.mode === "ModelMesh" ? "ModelMesh fails to load the model (\"Did not find storage config for key\")" : "KServe fails to start the model (the storage initializer finds no such key)"}`,
        fix: `use one of ${keys.join(", ")}, or add entry "${storage.key}" to the StorageConfig`,
      },
    ];
  },
});

/** A bucket is known, from the entry or the model. */
export const bucketRule = defineRule<StorageConfigReferenceSubject>({
  id: "storage-config/bucket",
  severity: "error",
  on: "props",
  summary: "A model in an s3 or gcs entry that names no bucket gives its own (storage.parameters.bucket).",
  why: "ModelMesh and KServe take the bucket from the storage-config entry or the model's storage parameters: with neither, ModelMesh's puller fails (\"required configuration 'bucket' missing\") and KServe's initializer refuses the location (\"requires a bucket\"), so the model never loads.",
  fix: 'give the entry a bucket, or the model one: storageConfig.path(key, path, { bucket: "..." })',
  check: (subject) => {
    const found = referencedEntry(subject);
    if (found?.entry === undefined) return [];
    const { storage, entry } = found;
    if (!((entry.type === "s3" || entry.type === "gcs") && entry.bucket === "none" && storage.parameters?.["bucket"] === undefined)) return [];
    return [
      {
        path: "model",
        value: storage.key,
        message: `entry "${storage.key}" names no bucket and neither does the model, so ${subject.mode === "ModelMesh" ? "ModelMesh's puller fails (\"required configuration 'bucket' missing\")" : "KServe fails (\"requires a bucket\")"}`,
        fix: `give the entry a bucket, or the model one: storageConfig.path("${storage.key}", "${storage.path}", { bucket: "..." })`,
      },
    ];
  },
});

/** KServe's single-model initializer reads s3 entries only. */
export const singleModelTypeRule = defineRule<StorageConfigReferenceSubject>({
  id: "storage-config/single-model-type",
  severity: "error",
  on: "props",
  summary: "A model served outside ModelMesh is addressed through an s3 entry of a StorageConfig.",
  why: "KServe's single-model storage initializer accepts only the s3 (and hdfs, webhdfs) types in the storage-config Secret; a gcs, azure or pvc entry makes it fail, so the model never loads. Only ModelMesh's puller reads every entry type.",
  fix: "serve the model in ModelMesh mode, or address it with a ModelStorage location of its type",
  check: (subject) => {
    const found = referencedEntry(subject);
    if (found?.entry === undefined || subject.mode === "ModelMesh" || (SINGLE_MODEL_ENTRY_TYPES as readonly string[]).includes(found.entry.type)) return [];
    const { storage, entry } = found;
    return [
      {
        path: "model",
        value: storage.key,
        message: `KServe's single-model storage initializer reads only s3 (and hdfs) storage-config entries, and entry "${storage.key}" is ${entry.type}`,
        fix: `serve the model in ModelMesh mode, or address it with a ${entry.type === "gcs" ? "ModelStorage.gcs" : entry.type === "azure" ? "ModelStorage.azureBlob" : "ModelStorage.pvc"} location`,
      },
    ];
  },
});

/** The rules on a model addressed through a StorageConfig, in order. */
export const STORAGE_CONFIG_REFERENCE_RULES: readonly Rule<StorageConfigReferenceSubject>[] = [unknownKeyRule, bucketRule, singleModelTypeRule];

/** Rules on a model addressed through a StorageConfig, in the InferenceService that uses it. */
export function checkStorageConfigReference(model: ModelLocation, mode: CanonicalMode): IssueDraft[] {
  return runRules(STORAGE_CONFIG_REFERENCE_RULES, { model, mode });
}

/**
 * An entry key to check: a key of a StorageConfig's `entries`, or what `storageConfig.path(key, ...)` and
 * `.entry(key)` were given, with the entries the StorageConfig declares.
 */
export interface EntryKeySubject {
  /** The key given. */
  readonly key: unknown;
  /** The entry keys the StorageConfig declares. */
  readonly keys: readonly string[];
  /**
   * Where the key comes from: `"entry"`, a key of `entries` (it must be a Secret data key), or
   * `"argument"`, the argument of `path()` or `entry()` (it must be a non-empty string).
   * @default "argument"
   */
  readonly given?: "entry" | "argument";
}

/** Entry keys are Secret data keys, and `storageConfig.path(...)` is given one. */
export const entryKeyRule = defineRule<EntryKeySubject>({
  id: "storage-config/key",
  severity: "error",
  on: "props",
  summary: "Each key of a StorageConfig's entries is a Secret data key (letters, digits, '-', '_' and '.'), and storageConfig.path(key, path) and .entry(key) are given the entry key as a non-empty string.",
  why: "The entries are the data keys of the storage-config Secret, which the API server refuses with any other character in a key; and ModelMesh and KServe find the credentials of a model by the Secret's key: without one the model names no entry and cannot be fetched.",
  fix: "pass one of the StorageConfig's entry keys",
  check: ({ key, keys, given }) => {
    if (given === "entry") {
      return typeof key === "string" && !SECRET_DATA_KEY.test(key)
        ? [{ path: `entries.${key}`, value: key, message: "a storage-config key is a Secret data key, which may contain only letters, digits, '-', '_' and '.'", fix: `use for example "${key.replace(/[^-._a-zA-Z0-9]+/g, "-")}"` }]
        : [];
    }
    return typeof key !== "string" || key === ""
      ? [{ path: "key", value: key, message: "the entry key must be a non-empty string (a key of the storage-config Secret)", fix: `use one of the entries: ${keys.map((k) => JSON.stringify(k)).join(", ") || "(none declared)"}` }]
      : [];
  },
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
  reads: ["data", "stringData"],
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
