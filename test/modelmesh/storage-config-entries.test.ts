/**
 * Each storage-config entry type has the keys ModelMesh's puller needs for it: the StorageConfig
 * rule `storage-config/entry-keys` checks the entries the library writes, and the documents its Job
 * really writes (its script run under `sh` with a stand-in kubectl) have every required key.
 */
import { execFileSync } from "child_process";
import { StorageConfig } from "kserve-constructs/cdk8s";
import type { StorageConfigEntryProps, StorageConfigProps } from "kserve-constructs";
import { MODELMESH_ENTRY_REQUIREMENTS, entryGaps } from "../../src/core/storageconfig/entries";
import { find, synthChart, validationError } from "../support/synth";

const JOB: StorageConfigProps["source"] = { job: { image: "docker.io/alpine/k8s:1.31.4" } };

/** The JSON documents the Job of `entries` writes, by key, with every variable it reads set to `<NAME>`. */
function jobDocuments(entries: StorageConfigProps["entries"]): Record<string, Record<string, string>> {
  const job = find(synthChart((chart) => new StorageConfig(chart, "storage", { source: JOB, entries })), "Job");
  const container = (((job["spec"] as { template: { spec: { containers: { command: string[]; env?: { name: string }[] }[] } } }).template.spec.containers)[0]);
  const fakeKubectl = `kubectl() { if [ "$1" = create ]; then shift 3; for a in "$@"; do case "$a" in --from-literal=*) printf '%s\\n' "\${a#--from-literal=}";; esac; done; else cat; fi; }`;
  const env: Record<string, string> = { PATH: process.env["PATH"] ?? "/usr/bin:/bin" };
  for (const v of container?.env ?? []) env[v.name] = `<${v.name}>`;
  const out = execFileSync("sh", ["-c", `${fakeKubectl}\n${container?.command[2] ?? ""}`], { env, encoding: "utf8" });
  return Object.fromEntries(out.trim().split("\n").map((line) => [line.slice(0, line.indexOf("=")), JSON.parse(line.slice(line.indexOf("=") + 1)) as Record<string, string>]));
}

describe("the documents the Job writes have what ModelMesh needs for their type", () => {
  const written: Record<string, StorageConfigEntryProps> = {
    s3: { type: "s3", bucket: "models", endpoint: "https://minio.minio:9000", region: "us-east-1", credentials: { secretName: "minio" }, certificate: { configMapName: "ca", key: "ca.crt" } },
    "gcs-private": { type: "gcs", bucket: "models", tokenUri: "https://oauth2.googleapis.com/token", credentials: { secretName: "gcs" } },
    "gcs-public": { type: "gcs", bucket: "public-models" },
    "azure-key": { type: "azure", accountName: "acme", container: "models", credentials: { secretName: "az" } },
    "azure-anonymous": { type: "azure", accountName: "acme", container: "public" },
    pvc: { type: "pvc", claimName: "models" },
  };

  it("every document has the required keys and no key group in part", () => {
    const documents = jobDocuments(written);
    expect(Object.keys(documents).sort()).toEqual(Object.keys(written).sort());
    for (const [key, doc] of Object.entries(documents)) {
      expect([key, doc["type"]]).toEqual([key, written[key]?.type]);
      expect([key, entryGaps(doc["type"] as string, new Set(Object.keys(doc)))]).toEqual([key, { missing: [], partial: [] }]);
    }
    expect(documents["gcs-private"]).toEqual({ type: "gcs", bucket: "models", token_uri: "https://oauth2.googleapis.com/token", private_key: "<SC2_PRIVATE_KEY>", client_email: "<SC2_CLIENT_EMAIL>" });
    expect(documents["azure-key"]).toEqual({ type: "azure", account_name: "acme", container: "models", connection_string: "<SC1_CONNECTION_STRING>" });
    expect(documents["azure-anonymous"]).toEqual({ type: "azure", account_name: "acme", container: "public" });
  });

  it("the table covers every entry type the library writes", () => {
    for (const type of ["s3", "gcs", "azure", "pvc"]) expect([type, MODELMESH_ENTRY_REQUIREMENTS[type] !== undefined]).toEqual([type, true]);
    expect(entryGaps("s3", new Set(["endpoint_url", "region"]))).toEqual({ missing: ["access_key_id", "secret_access_key"], partial: [] });
    expect(entryGaps("gcs", new Set(["private_key"]))).toEqual({ missing: [], partial: [{ given: ["private_key"], missing: ["client_email"] }] });
    expect(entryGaps("azure", new Set(["account_name", "client_id"]))).toEqual({ missing: ["container"], partial: [{ given: ["client_id"], missing: ["client_secret", "tenant_id"] }] });
    expect(entryGaps("http", new Set([]))).toEqual({ missing: ["url"], partial: [] });
    expect(entryGaps("ftp", new Set([]))).toBeUndefined();
    expect(entryGaps("constructor", new Set([]))).toBeUndefined();
  });
});

describe("storage-config/entry-keys on the entries the library writes", () => {
  const problems = (entries: StorageConfigProps["entries"], source: StorageConfigProps["source"] = JOB) =>
    validationError((chart) => new StorageConfig(chart, "s", { source, entries })).issues.map((i) => ({ path: i.path, value: i.value, rule: i.rule, message: i.message, fix: i.fix }));

  it("an azure entry needs its account name and container", () => {
    expect(problems({ z: { type: "azure", credentials: { secretName: "az" } } })).toEqual([
      {
        path: "entries.z",
        value: ["accountName", "container"],
        rule: "storage-config/entry-keys",
        message: 'an azure entry needs accountName, container: ModelMesh\'s puller fails without account_name and container ("both the Azure account name and storage container name must be specified")',
        fix: "set accountName, container",
      },
    ]);
  });

  it("two required values read from one Secret key are an error (gcs and s3)", () => {
    expect(problems({ g: { type: "gcs", bucket: "models", credentials: { secretName: "gcs", privateKeyKey: "sa.json", clientEmailKey: "sa.json" } } })).toEqual([
      { path: "entries.g.credentials", value: "sa.json", rule: "storage-config/entry-keys", message: "client_email and private_key would all be read from key sa.json of Secret gcs, so at most one of them is right", fix: "name a different Secret key for each of them" },
    ]);
    expect(problems({ m: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "r", credentials: { secretName: "minio", accessKeyIdKey: "AWS_SECRET_ACCESS_KEY" } } })).toEqual([
      { path: "entries.m.credentials", value: "AWS_SECRET_ACCESS_KEY", rule: "storage-config/entry-keys", message: "access_key_id and secret_access_key would all be read from key AWS_SECRET_ACCESS_KEY of Secret minio, so at most one of them is right", fix: "name a different Secret key for each of them" },
    ]);
  });

  it("an entry the library does not write declares only what the existing Secret holds", () => {
    expect(synthChart((chart) => new StorageConfig(chart, "s", { entries: { z: { type: "azure" }, m: { type: "s3" } } }))).toEqual([]);
  });
});
