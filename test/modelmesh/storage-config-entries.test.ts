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
import { itChecksDefaults } from "../support/defaults";
import { InferenceEngine, InferenceService, ModelMeshRuntimes } from "kserve-constructs/cdk8s";

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

describe("entry defaults", () => {
  const problems = (entries: StorageConfigProps["entries"], source: StorageConfigProps["source"] = JOB) =>
    validationError((chart) => new StorageConfig(chart, "s", { source, entries })).issues.map((i) => [i.path, i.rule, i.value]);
  const MINIO = { type: "s3" as const, endpoint: "https://minio.minio:9000", region: "us-east-1", credentials: { secretName: "minio" } };

  itChecksDefaults(["S3EntryProps.bucket", "S3EntryProps.certificate", "GcsEntryProps.bucket"], "an s3 or gcs entry names no bucket and no CA certificate (the system trust store): each model gives its bucket", () => {
    expect(jobDocuments({ m: MINIO })["m"]).toEqual({ type: "s3", endpoint_url: "https://minio.minio:9000", region: "us-east-1", access_key_id: "<SC0_ACCESS_KEY_ID>", secret_access_key: "<SC0_SECRET_ACCESS_KEY>" });
    for (const entry of [MINIO, { type: "gcs" as const }]) {
      const error = validationError(
        (chart) => {
          const storage = new StorageConfig(chart, "storage", { source: JOB, entries: { e: entry } });
          const runtime = new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver());
          new InferenceService(chart, "a", { engine: runtime, model: storage.path("e", "a/"), modelFormat: { name: "sklearn", version: "0" } });
          new InferenceService(chart, "b", { engine: runtime, model: storage.path("e", "b/", { bucket: "models" }), modelFormat: { name: "sklearn", version: "0" } });
        },
        { target: { modelMesh: true } },
      );
      expect(error.issues.map((i) => [i.where, i.rule])).toEqual([["test/a", "storage-config/bucket"]]);
    }
  });

  itChecksDefaults(["S3EntryProps.endpoint", "S3EntryProps.region", "S3EntryProps.credentials"], "an s3 entry has no endpoint, region or keys of its own: an existing entry may leave them out, one the Job writes needs them", () => {
    expect(synthChart((chart) => new StorageConfig(chart, "s", { entries: { m: { type: "s3" } } }))).toEqual([]);
    expect(problems({ m: { type: "s3" } })).toEqual([["entries.m", "storage-config/entry-keys", ["endpoint", "region", "credentials"]]]);
  });

  itChecksDefaults(["GcsEntryProps.tokenUri", "GcsEntryProps.credentials"], "a gcs entry: Google's token URI and no keys (public buckets), neither written", () => {
    expect(jobDocuments({ g: { type: "gcs", bucket: "public-models" } })["g"]).toEqual({ type: "gcs", bucket: "public-models" });
  });

  itChecksDefaults(["AzureEntryProps.accountName", "AzureEntryProps.container", "AzureEntryProps.credentials"], "an azure entry: no account or container of its own (an existing entry may leave them out, one the Job writes needs them), anonymous access", () => {
    expect(synthChart((chart) => new StorageConfig(chart, "s", { entries: { z: { type: "azure" } } }))).toEqual([]);
    expect(problems({ z: { type: "azure" } })).toEqual([["entries.z", "storage-config/entry-keys", ["accountName", "container"]]]);
    expect(jobDocuments({ z: { type: "azure", accountName: "acme", container: "models" } })["z"]).toEqual({ type: "azure", account_name: "acme", container: "models" });
  });

  itChecksDefaults(["StorageConfigJobProps.imagePullSecrets"], "the Job pulls its image without pull secrets unless given", () => {
    const podSpec = (job: StorageConfigProps["source"]): Record<string, unknown> =>
      ((find(synthChart((chart) => new StorageConfig(chart, "s", { source: job, entries: { m: MINIO } })), "Job")["spec"] as { template: { spec: Record<string, unknown> } }).template.spec);
    expect(podSpec(JOB)["imagePullSecrets"]).toBeUndefined();
    expect(podSpec({ job: { image: "docker.io/alpine/k8s:1.31.4", imagePullSecrets: ["registry"] } })["imagePullSecrets"]).toEqual([{ name: "registry" }]);
  });

  itChecksDefaults(["StorageConfigProps.target"], "the target is the app's: data connections work on an OpenShift AI app, not where the StorageConfig's own target says upstream KServe", () => {
    const entries = { "aws-connection-models": { type: "s3" as const, bucket: "models", endpoint: "https://s3.eu-west-1.amazonaws.com", region: "eu-west-1" } };
    expect(synthChart((chart) => new StorageConfig(chart, "s", { source: "data-connections", entries }), { target: { openshiftAI: true } }).map((m) => m.kind)).toEqual(["Secret"]);
    expect(validationError((chart) => new StorageConfig(chart, "s", { source: "data-connections", entries, target: { openshiftAI: false } }), { target: { openshiftAI: true } }).issues.map((i) => i.rule)).toEqual(["storage-config/data-connections"]);
  });
});
