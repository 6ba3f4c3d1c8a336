import { resolveTarget } from "kserve-constructs";
import { checkStorageUri, joinKey } from "../../src/core/storage/uri";

const current = resolveTarget({}).target;

describe("storageUri checks", () => {
  it.each(["s3://b/k", "gs://b/k", "pvc://claim/path", "https://host/file.tar.gz", "hf://ibm-granite/granite-3.1-8b-instruct", "hf://org/model:abc123", "oci://quay.io/org/model:1.0", "oci://quay.io/org/model@sha256:" + "a".repeat(64), "oci+native://quay.io/org/m:1", "hdfs://nn/path", "webhdfs://nn/path"])(
    "accepts %s",
    (uri) => {
      expect(checkStorageUri("p", uri, current)).toEqual([]);
    },
  );

  it("rejects a URI without a scheme, listing the schemes", () => {
    const [issue] = checkStorageUri("spec.predictor.model.storageUri", "/models/granite", current);
    expect(issue).toMatchObject({ rule: "storage/uri-scheme", message: "the storageUri has no scheme, so KServe cannot tell how to fetch the model" });
    expect(issue?.fix).toContain("s3://, gs://, pvc://");
  });

  it.each([
    ["S3://b/k", "S3", "s3://", "s3://b/k"],
    ["Hf://org/model", "Hf", "hf://", "hf://org/model"],
    ["OCI+native://quay.io/org/m:1", "OCI+native", "oci+native://", "oci+native://quay.io/org/m:1"],
  ])("rejects the known scheme written in another case, %s, with the URI in lower case as the fix", (uri, written, scheme, fixed) => {
    const [issue] = checkStorageUri("spec.predictor.model.storageUri", uri, current);
    expect(issue).toMatchObject({
      rule: "storage/uri-scheme",
      path: "spec.predictor.model.storageUri",
      value: uri,
      message: `KServe matches storageUri schemes case-sensitively, so ${written}:// is not ${scheme} and the model would not be fetched`,
      fix: `write the scheme in lower case: "${fixed}"`,
    });
  });

  it.each([
    ["s3a://bucket/x", "use s3://"],
    ["huggingface://org/model", "use hf://"],
    ["gcs://bucket/x", "use gs://"],
    ["ftp://host/x", "use one of"],
  ])("rejects unknown scheme %s: %s", (uri, fix) => {
    const [issue] = checkStorageUri("p", uri, current);
    expect(issue?.rule).toBe("storage/uri-scheme");
    expect(issue?.message).toBe(`KServe does not know the scheme ${uri.slice(0, uri.indexOf("://") + 3)}`);
    expect(issue?.fix.startsWith(fix)).toBe(true);
  });

  it("hf:// needs exactly owner and model", () => {
    for (const uri of ["hf://model", "hf://a/b/c", "hf:///b"]) {
      expect(checkStorageUri("p", uri, current)[0]?.rule).toBe("storage/hf-uri");
    }
  });

  it("gates schemes by KServe version", () => {
    const old = resolveTarget({ kserveVersion: "0.11" }).target;
    expect(checkStorageUri("p", "oci://quay.io/o/m:1", old)[0]?.message).toBe("oci:// model storage (modelcar) needs KServe 0.12 or later; the target is KServe 0.11");
    expect(checkStorageUri("p", "oci+fetch://quay.io/o/m:1", current)[0]?.rule).toBe("target/feature-storage-oci-fetch");
  });

  it("warns about OCI models without a tag or digest, and rejects bad claim names and empty buckets", () => {
    expect(checkStorageUri("p", "oci://quay.io/org/model", current)[0]).toMatchObject({ rule: "storage/oci-tag", severity: "warning" });
    expect(checkStorageUri("p", "pvc://Bad_Claim/x", current)[0]?.rule).toBe("storage/pvc-uri");
    expect(checkStorageUri("p", "s3:///x", current)[0]?.rule).toBe("storage/bucket-uri");
  });

  it("joins prefixes and paths with one slash", () => {
    expect(joinKey("models/", "/granite/")).toBe("models/granite/");
    expect(joinKey(undefined, "a")).toBe("a");
    expect(joinKey("/p", "")).toBe("p");
  });
});
