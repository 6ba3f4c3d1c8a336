/**
 * What ModelMesh's puller (the `puller` container of every ModelMesh runtime pod) needs of each type of
 * storage-config entry before it can load a model from it. One table, read by the StorageConfig rule on
 * the entries the library writes (through a Job or OpenShift AI data connections) and by the tests that
 * read the documents the Job writes.
 *
 * Facts (modelmesh-runtime-adapter, `pullman/storageproviders/<type>/provider.go`):
 * - `s3`: a client needs `access_key_id`, `secret_access_key`, `endpoint_url` and `region` ("missing
 *   required string configuration"); `certificate` is optional; each model needs a `bucket` (entry or
 *   `storage.parameters`).
 * - `gcs`: `private_key` and `client_email` authenticate together or not at all (public buckets);
 *   `token_uri` is optional; each model needs a `bucket`.
 * - `azure`: `account_name` and `container` are both required; `connection_string`, or the service
 *   principal `client_id`, `client_secret` and `tenant_id` together, or anonymous access.
 * - `pvc`: each model needs the claim `name`.
 * - `http`: each model needs a `url`; `client_certificate` and `client_key` go together.
 */

/** What one entry type needs. */
export interface EntryRequirements {
  /** Fields without which the puller cannot load any model from the entry. */
  readonly required: readonly string[];
  /** Groups of fields that work only together: all of a group, or none. */
  readonly together: readonly (readonly string[])[];
  /** The puller's own words when a required field is missing (for messages). */
  readonly failure: string;
}

/** ModelMesh's needs per entry type (the types its puller registers). */
export const MODELMESH_ENTRY_REQUIREMENTS: Readonly<Record<string, EntryRequirements>> = {
  s3: { required: ["endpoint_url", "region", "access_key_id", "secret_access_key"], together: [], failure: '"missing required string configuration"' },
  gcs: { required: [], together: [["private_key", "client_email"]], failure: '"both private key and client email must be specified"' },
  azure: { required: ["account_name", "container"], together: [["client_id", "client_secret", "tenant_id"]], failure: '"both the Azure account name and storage container name must be specified"' },
  pvc: { required: ["name"], together: [], failure: "\"required configuration 'name' missing\"" },
  http: { required: ["url"], together: [["client_certificate", "client_key"]], failure: "\"required configuration 'url' missing\"" },
};

/** What an entry with `fields` lacks for ModelMesh: required fields, and groups given only in part. */
export interface EntryGaps {
  readonly missing: readonly string[];
  readonly partial: readonly { readonly given: readonly string[]; readonly missing: readonly string[] }[];
}

/** The gaps of an entry of `type` whose document has `fields`; `undefined` for a type ModelMesh does not know. */
export function entryGaps(type: string, fields: ReadonlySet<string>): EntryGaps | undefined {
  const needs = Object.hasOwn(MODELMESH_ENTRY_REQUIREMENTS, type) ? MODELMESH_ENTRY_REQUIREMENTS[type] : undefined;
  if (needs === undefined) return undefined;
  const partial = needs.together
    .map((group) => ({ given: group.filter((f) => fields.has(f)), missing: group.filter((f) => !fields.has(f)) }))
    .filter((g) => g.given.length > 0 && g.missing.length > 0);
  return { missing: needs.required.filter((f) => !fields.has(f)), partial };
}

/** A list in prose: "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] as string}`;
}
