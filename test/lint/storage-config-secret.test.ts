/**
 * `lint` on a storage-config Secret written by hand: each readable entry (JSON in stringData, base64
 * JSON in data) has the keys ModelMesh's puller needs for its type, when ModelMesh is in use.
 */
import { lint } from "../../src/lint";

const SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

function secret(stringData: Record<string, string>, data: Record<string, string> = {}, name = "storage-config"): string {
  return JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name, namespace: "models" }, type: "Opaque", stringData, ...(Object.keys(data).length > 0 ? { data } : {}) });
}

function findings(text: string, modelMesh = true): [string, string, string][] {
  return lint([{ file: "secret.yaml", text }], { target: { modelMesh } }).problems.filter((p) => p.rule.startsWith("storage-config/")).map((p) => [p.path, p.rule, p.message]);
}

describe("storage-config/secret-entry-keys", () => {
  it("reports the keys each entry lacks for its type, in stringData and in data, without echoing values", () => {
    const text = secret(
      {
        minio: JSON.stringify({ type: "s3", endpoint_url: "https://minio:9000", access_key_id: "AKIA", secret_access_key: SECRET, bucket: "models" }),
        blob: JSON.stringify({ type: "azure", account_name: "acme", client_id: "id" }),
        good: JSON.stringify({ type: "gcs", bucket: "models" }),
        claims: JSON.stringify({ type: "pvc", name: "models" }),
        notjson: "ENC[AES256_GCM,data:abc]",
      },
      { g: Buffer.from(JSON.stringify({ type: "gcs", bucket: "b", private_key: SECRET })).toString("base64") },
    );
    const found = findings(text);
    expect(found).toEqual([
      ["data.g", "storage-config/secret-entry-keys", 'entry "g" (type gcs) has private_key but not client_email: ModelMesh uses them only together'],
      ["stringData.blob", "storage-config/secret-entry-keys", 'entry "blob" (type azure) lacks container: ModelMesh\'s puller fails without account_name and container ("both the Azure account name and storage container name must be specified")'],
      ["stringData.blob", "storage-config/secret-entry-keys", 'entry "blob" (type azure) has client_id but not client_secret and tenant_id: ModelMesh uses them only together'],
      ["stringData.minio", "storage-config/secret-entry-keys", 'entry "minio" (type s3) lacks region: ModelMesh\'s puller fails without endpoint_url, region, access_key_id and secret_access_key ("missing required string configuration")'],
    ]);
    expect(JSON.stringify(lint([{ file: "secret.yaml", text }], { target: { modelMesh: true } }).problems)).not.toContain(SECRET);
  });

  it("stays quiet without ModelMesh (KServe reads s3 entries without keys for public buckets), and on other Secrets", () => {
    const incomplete = { minio: JSON.stringify({ type: "s3", bucket: "models" }) };
    expect(findings(secret(incomplete), false)).toEqual([]);
    expect(findings(secret(incomplete, {}, "other"))).toEqual([]);
    const withMeshModel = `${secret(incomplete)}\n---\n${JSON.stringify({ apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "m", namespace: "models", annotations: { "serving.kserve.io/deploymentMode": "ModelMesh" } }, spec: { predictor: { model: { modelFormat: { name: "sklearn" }, storage: { key: "minio", path: "m" } } } } })}`;
    expect(findings(withMeshModel, false).map((f) => f[0])).toEqual(["stringData.minio"]);
  });
});
