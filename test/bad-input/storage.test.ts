/**
 * Bad input, model storage: storageUri schemes (case-sensitive in KServe), `..` segments, absolute
 * paths where a relative one is required, credentials inside URLs (never echoed back), and storage
 * entries of ModelMesh's storage-config that lack the keys their type needs.
 */
import type { Api, BadCase, Props } from "./kit";
import { isvcWith, Location, runTable } from "./kit";

const atUri = (uri: string) => (api: Api) => void isvcWith(api, { model: Location.fromUri(uri) });
const s3 = (o: Props = {}): Props => ({ bucket: "models", credentials: { secretName: "minio-creds" }, ...o });

const SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

const schemeCases: BadCase[] = [
  ...["S3://models/granite/", "Gs://models/granite/", "PVC://claim/granite", "HF://ibm/granite", "OCI://registry.example/m:1", "HTTPS://host/model.bin", "Hdfs://nn/models"].map((uri) => ({
    name: `upper-case scheme ${uri.slice(0, uri.indexOf(":"))}`,
    rule: "storage/uri-scheme",
    path: "spec.predictor.model.storageUri",
    define: atUri(uri),
  })),
  ...["s3a://models/x/", "gcs://models/x/", "file:///mnt/models", "ftp://host/x", "models/granite"].map((uri) => ({ name: `unknown or missing scheme ${uri}`, rule: "storage/uri-scheme", path: "spec.predictor.model.storageUri", define: atUri(uri) })),
  { name: "ModelStorage.uri with an upper-case scheme", rule: "props/shape", path: "baseUrl", define: (api) => void api.uri("files", { baseUrl: "HTTPS://files.example/models" }) },
];

const pathCases: BadCase[] = [
  ...["../etc", "granite/../../secrets", "a/./../b", ".."].map((p) => ({ name: `s3 path ${p}`, rule: "storage/path", path: "path", define: (api: Api) => void api.s3("minio", s3()).path(p) })),
  ...["../x", "models/../../x"].map((p) => ({ name: `pvc path ${p}`, rule: "storage/path", path: "path", define: (api: Api) => void api.pvc("store", { claimName: "models-pvc" }).path(p) })),
  { name: "gcs path with ..", rule: "storage/path", path: "path", define: (api) => void api.gcs("gcs", { bucket: "models" }).path("a/../../b") },
  { name: "azure path with ..", rule: "storage/path", path: "path", define: (api) => void api.azure("az", { account: "acct", container: "models" }).path("../b") },
  { name: "uri storage path with ..", rule: "storage/path", path: "path", define: (api) => void api.uri("files", { baseUrl: "https://files.example/models" }).path("../../etc/passwd") },
  { name: "s3 prefix with ..", rule: "storage/path", path: "prefix", define: (api) => void api.s3("minio", s3({ prefix: "team/../other" })) },
  { name: "storageUri with .. segments", rule: "storage/uri-path", path: "spec.predictor.model.storageUri", define: atUri("s3://models/granite/../../other") },
  { name: "pvc:// URI with .. segments", rule: "storage/uri-path", path: "spec.predictor.model.storageUri", define: atUri("pvc://claim/../x") },
  { name: "pvc path under the mount path /mnt/models", rule: "storage/path", path: "path", define: (api) => void api.pvc("store", { claimName: "models-pvc" }).path("/mnt/models/granite") },
  { name: "pvc path that is the mount path", rule: "storage/path", path: "path", define: (api) => void api.pvc("store", { create: { size: "10Gi" } }).path("/mnt/models") },
  { name: "gcs prefix with ..", rule: "storage/path", path: "prefix", define: (api) => void api.gcs("gcs", { bucket: "models", prefix: "../up" }) },
  { name: "azure prefix with ..", rule: "storage/path", path: "prefix", define: (api) => void api.azure("az", { account: "acct", container: "models", prefix: "x/../.." }) },
  { name: "StorageConfig path with ..", rule: "storage/path", path: "path", define: (api) => void api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models" } } }).path("minio", "a/../../b") , target: { modelMesh: true } },
];

const credentialCases: BadCase[] = [
  { name: "S3 endpoint with key and secret", rule: "storage/url-credentials", path: "endpoint", secret: SECRET, define: (api) => void api.s3("minio", s3({ endpoint: `https://AKIAEXAMPLE:${SECRET}@minio.example:9000` })) },
  { name: "S3 endpoint with a user only", rule: "storage/url-credentials", path: "endpoint", secret: "AKIAONLYUSER", define: (api) => void api.s3("minio", s3({ endpoint: "https://AKIAONLYUSER@minio.example:9000" })) },
  { name: "storageUri with credentials", rule: "storage/uri-credentials", path: "spec.predictor.model.storageUri", secret: SECRET, define: atUri(`https://user:${SECRET}@files.example/model.bin`) },
  { name: "ModelStorage.uri baseUrl with credentials", rule: "storage/url-credentials", path: "baseUrl", secret: SECRET, define: (api) => void api.uri("files", { baseUrl: `https://deploy:${SECRET}@files.example/models` }) },
  { name: "StorageConfig s3 endpoint with credentials", rule: "storage/url-credentials", path: "entries.minio.endpoint", secret: SECRET, define: (api) => void api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models", endpoint: `http://key:${SECRET}@minio:9000` } } }), target: { modelMesh: true } },
  { name: "http storageUri with credentials", rule: "storage/uri-credentials", path: "spec.predictor.model.storageUri", secret: SECRET, define: atUri(`http://u:${SECRET}@host/m.tar.gz`) },
];

const entryCases: BadCase[] = [
  ...[
    ["endpoint", { region: "us-east-1", credentials: { secretName: "minio-creds" } }],
    ["region", { endpoint: "https://minio:9000", credentials: { secretName: "minio-creds" } }],
    ["credentials", { endpoint: "https://minio:9000", region: "us-east-1" }],
    ["everything", {}],
  ].map(([what, entry]) => ({ name: `StorageConfig s3 entry written by a Job without ${String(what)}`, rule: "storage-config/entry-keys", path: "entries.minio", define: (api: Api) => void api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models", ...(entry as Props) } }, source: { job: { image: "registry.example/job:1" } } }), target: { modelMesh: true } })),
  { name: "StorageConfig s3 data connection without a region", rule: "storage-config/entry-keys", path: "entries.minio", define: (api) => void api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000" } }, source: "data-connections" }), target: { openshiftAI: { version: "2.25" } } },
  ...[
    ["a container", { accountName: "acct", credentials: { secretName: "az" } }],
    ["an account name", { container: "models" }],
  ].map(([what, entry]) => ({ name: `StorageConfig azure entry written by a Job without ${String(what)}`, rule: "storage-config/entry-keys", path: "entries.blob", define: (api: Api) => void api.storageConfig("storage", { entries: { blob: { type: "azure", ...(entry as Props) } }, source: { job: { image: "registry.example/job:1" } } }), target: { modelMesh: true } })),
  { name: "StorageConfig gcs entry whose private key and client email come from one Secret key", rule: "storage-config/entry-keys", path: "entries.g.credentials", define: (api) => void api.storageConfig("storage", { entries: { g: { type: "gcs", bucket: "models", credentials: { secretName: "gcs", privateKeyKey: "key.json", clientEmailKey: "key.json" } } }, source: { job: { image: "registry.example/job:1" } } }), target: { modelMesh: true } },
  { name: "StorageConfig s3 entry whose two keys come from one Secret key", rule: "storage-config/entry-keys", path: "entries.minio.credentials", define: (api) => void api.storageConfig("storage", { entries: { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1", credentials: { secretName: "minio-creds", accessKeyIdKey: "k", secretAccessKeyKey: "k" } } }, source: { job: { image: "registry.example/job:1" } } }), target: { modelMesh: true } },
  { name: "StorageConfig pvc entry without a claim", rule: "props/shape", path: "entries.vol.claimName", define: (api) => void api.storageConfig("storage", { entries: { vol: { type: "pvc" } } }), target: { modelMesh: true } },
  { name: "StorageConfig entry of an unknown type", rule: "props/shape", path: "entries.x.type", define: (api) => void api.storageConfig("storage", { entries: { x: { type: "ftp" } } }), target: { modelMesh: true } },
];

runTable("storage URI schemes", schemeCases);
runTable("storage paths", pathCases);
runTable("credentials in URLs", credentialCases);
runTable("storage-config entries", entryCases);
