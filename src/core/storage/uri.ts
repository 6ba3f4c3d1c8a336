/**
 * storageUri schemes: which ones KServe downloads from, what each requires, and since which release.
 */
import type { IssueDraft } from "../errors";
import type { Target } from "../target/resolve";
import { requireFeature } from "../target/resolve";
import type { KServeFeature } from "../target/features";
import { closest } from "../engine/parameters";
import { DNS1123_SUBDOMAIN } from "../names";

/** Schemes KServe's storage handling knows, with the feature that gates each. */
export const STORAGE_SCHEMES: Readonly<Record<string, KServeFeature | undefined>> = {
  "s3://": undefined,
  "gs://": undefined,
  "pvc://": undefined,
  "http://": undefined,
  "https://": undefined,
  "hdfs://": undefined,
  "webhdfs://": undefined,
  "oci://": "storage-oci",
  "oci+native://": "storage-oci-native",
  "oci+fetch://": "storage-oci-fetch",
  "hf://": "storage-hf",
  "modelscope://": "storage-modelscope",
};

const ALIASES: Readonly<Record<string, string>> = {
  "s3a://": "s3://",
  "s3n://": "s3://",
  "gcs://": "gs://",
  "huggingface://": "hf://",
  "hugging-face://": "hf://",
  "file://": "pvc://",
  "docker://": "oci://",
};

/** The scheme of a URI (`s3://`), or `undefined`. */
export function schemeOf(uri: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri);
  return m ? `${(m[1] as string).toLowerCase()}://` : undefined;
}

/** Checks one storageUri value. */
export function checkStorageUri(path: string, uri: string, target: Target): IssueDraft[] {
  const scheme = schemeOf(uri);
  const known = Object.keys(STORAGE_SCHEMES);
  if (scheme === undefined) {
    return [
      {
        path,
        value: uri,
        rule: "storage/uri-scheme",
        message: "the storageUri has no scheme, so KServe cannot tell how to fetch the model",
        fix: `start it with one of ${known.join(", ")} (a PVC path is pvc://<claim>/<path>)`,
      },
    ];
  }
  if (!(scheme in STORAGE_SCHEMES)) {
    const suggestion = ALIASES[scheme] ?? closest(scheme, known);
    return [
      {
        path,
        value: uri,
        rule: "storage/uri-scheme",
        message: `KServe does not know the scheme ${scheme}`,
        fix: suggestion !== undefined ? `use ${suggestion} (known: ${known.join(", ")})` : `use one of ${known.join(", ")}`,
      },
    ];
  }
  const issues: IssueDraft[] = [];
  const feature = STORAGE_SCHEMES[scheme];
  if (feature !== undefined) issues.push(...requireFeature(target, feature, path, uri));
  const rest = uri.slice(scheme.length);
  switch (scheme) {
    case "hf://": {
      const [repo = ""] = rest.split(":");
      const parts = repo.split("/");
      if (parts.length !== 2 || parts.some((p) => p === "")) {
        issues.push({ path, value: uri, rule: "storage/hf-uri", message: "a Hugging Face URI needs exactly an owner and a model: hf://owner/model[:revision]", fix: 'use for example "hf://ibm-granite/granite-3.1-8b-instruct"' });
      }
      break;
    }
    case "pvc://": {
      const claim = rest.split("/")[0] ?? "";
      if (!DNS1123_SUBDOMAIN.test(claim)) {
        issues.push({ path, value: uri, rule: "storage/pvc-uri", message: `"${claim}" is not a valid claim name`, fix: "use pvc://<claim-name>/<path inside the claim>" });
      }
      break;
    }
    case "s3://":
    case "gs://": {
      const bucket = rest.split("/")[0] ?? "";
      if (bucket === "") issues.push({ path, value: uri, rule: "storage/bucket-uri", message: "the URI has no bucket", fix: `use ${scheme}<bucket>/<path>` });
      break;
    }
    case "oci://":
    case "oci+native://":
    case "oci+fetch://": {
      if (!/^[^/\s]+\/[^\s]+$/.test(rest)) {
        issues.push({ path, value: uri, rule: "storage/oci-uri", message: "an OCI model URI needs a registry and a repository", fix: `use ${scheme}registry.example/org/model:tag` });
      } else if (!/(:[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$/.test(rest.slice(rest.lastIndexOf("/")))) {
        issues.push({ path, value: uri, rule: "storage/oci-tag", message: "the model image has no tag or digest, so each pull may get a different model", fix: "pin a tag (:1.0) or, better, a digest (@sha256:...)", severity: "warning" });
      }
      break;
    }
    default:
      break;
  }
  return issues;
}

/** Joins a prefix and a path with exactly one '/' between them; keeps a trailing '/'. */
export function joinKey(prefix: string | undefined, path: string): string {
  const head = (prefix ?? "").replace(/^\/+/, "");
  const tail = path.replace(/^\/+/, "");
  if (head === "") return tail;
  if (tail === "") return head;
  return `${head.replace(/\/+$/, "")}/${tail}`;
}
