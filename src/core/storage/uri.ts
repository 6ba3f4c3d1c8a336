/**
 * storageUri schemes: which ones KServe downloads from, what each requires, and since which release.
 */
import type { KServeFeature } from "../target/features";
import { IMPLEMENTATION_CONTAINERS } from "../pod/rules";
import { derive } from "../rules/registry";

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

/** Schemes users write for a known one. */
export const URI_SCHEME_ALIASES: Readonly<Record<string, string>> = {
  "s3a://": "s3://",
  "s3n://": "s3://",
  "gcs://": "gs://",
  "huggingface://": "hf://",
  "hugging-face://": "hf://",
  "file://": "pvc://",
  "docker://": "oci://",
};

/** The scheme of a URI as written, without `://` (`S3` in `S3://bucket`), or `undefined`. */
export function writtenScheme(uri: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1];
}

/** The scheme a scheme written as `written` stands for (`s3://` for `S3`): KServe's schemes are lower case. */
export function schemeFor(written: string): string {
  return `${written.toLowerCase()}://`;
}

/** The scheme of a URI (`s3://`), or `undefined`. */
export function schemeOf(uri: string): string | undefined {
  const written = writtenScheme(uri);
  return written !== undefined ? schemeFor(written) : undefined;
}

/** The storage URIs of the subject's InferenceService (computed once per subject). */
export function storageUrisOf(subject: object & { readonly manifest: Readonly<Record<string, unknown>> }): readonly { readonly path: string; readonly uri: string }[] {
  return derive(subject, storageUrisOf, () => serviceStorageUris(subject.manifest));
}

export { checkStorageUri } from "./rules";

/** Joins a prefix and a path with exactly one '/' between them; keeps a trailing '/'. */
export function joinKey(prefix: string | undefined, path: string): string {
  const head = (prefix ?? "").replace(/^\/+/, "");
  const tail = path.replace(/^\/+/, "");
  if (head === "") return tail;
  if (tail === "") return head;
  return `${head.replace(/\/+$/, "")}/${tail}`;
}

/** The storage URIs of an InferenceService manifest, with their paths: each implementation's storageUri, then each storageUris entry. */
export function serviceStorageUris(manifest: Readonly<Record<string, unknown>>): { readonly path: string; readonly uri: string }[] {
  const spec = manifest["spec"];
  const predictor = spec !== null && typeof spec === "object" ? (spec as Record<string, unknown>)["predictor"] : undefined;
  if (predictor === null || typeof predictor !== "object") return [];
  const p = predictor as Record<string, unknown>;
  const out: { path: string; uri: string }[] = [];
  for (const key of IMPLEMENTATION_CONTAINERS) {
    const c = p[key];
    if (c !== null && typeof c === "object" && typeof (c as Record<string, unknown>)["storageUri"] === "string") out.push({ path: `spec.predictor.${key}.storageUri`, uri: (c as Record<string, unknown>)["storageUri"] as string });
  }
  (Array.isArray(p["storageUris"]) ? p["storageUris"] : []).forEach((entry: unknown, i: number) => {
    const uri = entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>)["uri"] : undefined;
    if (typeof uri === "string" && uri !== "") out.push({ path: `spec.predictor.storageUris[${i}].uri`, uri });
  });
  return out;
}
