/**
 * Rules on model storage. The manifest rules check every storage URI of an InferenceService (each
 * implementation's storageUri and each storageUris entry), so they also run on YAML the library did not
 * write.
 */
import type { IssueDraft } from "../errors";
import type { Manifest } from "../k8s";
import type { Target } from "../target/resolve";
import type { Finding, ManifestRule, ManifestSubject } from "../rules/registry";
import { SERVICE_KINDS } from "../pod/rules";
import { defineManifestRule, derive, runRules } from "../rules/registry";
import { featureGate } from "../target/rules";
import { closest } from "../engine/parameters";
import { DNS1123_SUBDOMAIN } from "../names";
import { isServiceManifest } from "../pod/rules";
import { schemeOf, storageUrisOf, STORAGE_SCHEMES, URI_SCHEME_ALIASES } from "./uri";

/** Each storage URI of an InferenceService whose scheme KServe knows, with the part after the scheme. */
function knownUris(subject: ManifestSubject): { path: string; uri: string; scheme: string; rest: string }[] {
  if (!isServiceManifest(subject.manifest)) return [];
  return derive(subject, knownUris, () => {
    const out: { path: string; uri: string; scheme: string; rest: string }[] = [];
    for (const u of storageUrisOf(subject)) {
      const scheme = schemeOf(u.uri);
      if (scheme !== undefined && Object.prototype.hasOwnProperty.call(STORAGE_SCHEMES, scheme)) out.push({ path: u.path, uri: u.uri, scheme, rest: u.uri.slice(scheme.length) });
    }
    return out;
  });
}


export const uriSchemeRule = defineManifestRule({
  id: "storage/uri-scheme",
  severity: "error",
  summary: "Every storage URI of an InferenceService starts with a scheme KServe's storage initializer knows.",
  why: "KServe picks the download method from the URI's scheme; with no scheme or an unknown one the storage initializer fails and the predictor pod never starts.",
  fix: "start the URI with a known scheme such as s3://, gs://, pvc://, https://, oci:// or hf://",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: (subject) => {
    if (!isServiceManifest(subject.manifest)) return [];
    const known = Object.keys(STORAGE_SCHEMES);
    return storageUrisOf(subject).flatMap(({ path, uri }): Finding[] => {
      const scheme = schemeOf(uri);
      if (scheme === undefined) {
        return [{ path, value: uri, message: "the storageUri has no scheme, so KServe cannot tell how to fetch the model", fix: `start it with one of ${known.join(", ")} (a PVC path is pvc://<claim>/<path>)` }];
      }
      if (!(scheme in STORAGE_SCHEMES)) {
        const suggestion = URI_SCHEME_ALIASES[scheme] ?? closest(scheme, known);
        return [{ path, value: uri, message: `KServe does not know the scheme ${scheme}`, fix: suggestion !== undefined ? `use ${suggestion} (known: ${known.join(", ")})` : `use one of ${known.join(", ")}` }];
      }
      return [];
    });
  },
});

export const hfUriRule = defineManifestRule({
  id: "storage/hf-uri",
  severity: "error",
  summary: "A Hugging Face URI names exactly an owner and a model (hf://owner/model[:revision]).",
  why: "KServe's storage initializer splits hf:// URIs into repository owner and name; any other shape fails the download and the pod never starts.",
  fix: 'use for example "hf://ibm-granite/granite-3.1-8b-instruct"',
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: (subject) =>
    knownUris(subject).flatMap(({ path, uri, scheme, rest }): Finding[] => {
      if (scheme !== "hf://") return [];
      const [repo = ""] = rest.split(":");
      const parts = repo.split("/");
      return parts.length !== 2 || parts.some((p) => p === "") ? [{ path, value: uri, message: "a Hugging Face URI needs exactly an owner and a model: hf://owner/model[:revision]", fix: 'use for example "hf://ibm-granite/granite-3.1-8b-instruct"' }] : [];
    }),
});

export const pvcUriRule = defineManifestRule({
  id: "storage/pvc-uri",
  severity: "error",
  summary: "A pvc:// URI starts with a valid claim name.",
  why: "KServe mounts the claim named after pvc://; an invalid name makes the pod spec invalid and the predictor never starts.",
  fix: "use pvc://<claim-name>/<path inside the claim>",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: (subject) =>
    knownUris(subject).flatMap(({ path, uri, scheme, rest }): Finding[] => {
      if (scheme !== "pvc://") return [];
      const claim = rest.split("/")[0] ?? "";
      return DNS1123_SUBDOMAIN.test(claim) ? [] : [{ path, value: uri, message: `"${claim}" is not a valid claim name`, fix: "use pvc://<claim-name>/<path inside the claim>" }];
    }),
});

export const bucketUriRule = defineManifestRule({
  id: "storage/bucket-uri",
  severity: "error",
  summary: "An s3:// or gs:// URI names a bucket.",
  why: "Without a bucket the storage initializer has nothing to download from and fails, so the predictor pod never starts.",
  fix: "use s3://<bucket>/<path> or gs://<bucket>/<path>",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: (subject) =>
    knownUris(subject).flatMap(({ path, uri, scheme, rest }): Finding[] =>
      (scheme === "s3://" || scheme === "gs://") && (rest.split("/")[0] ?? "") === "" ? [{ path, value: uri, message: "the URI has no bucket", fix: `use ${scheme}<bucket>/<path>` }] : [],
    ),
});

const OCI_SCHEMES = ["oci://", "oci+native://", "oci+fetch://"];
const OCI_SHAPE = /^[^/\s]+\/[^\s]+$/;

export const ociUriRule = defineManifestRule({
  id: "storage/oci-uri",
  severity: "error",
  summary: "An OCI model URI names a registry and a repository.",
  why: "KServe pulls the model image (modelcar) by reference; a reference without registry and repository cannot be pulled and the pod stays in ImagePullBackOff.",
  fix: "use oci://registry.example/org/model:tag",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: (subject) =>
    knownUris(subject).flatMap(({ path, uri, scheme, rest }): Finding[] =>
      OCI_SCHEMES.includes(scheme) && !OCI_SHAPE.test(rest) ? [{ path, value: uri, message: "an OCI model URI needs a registry and a repository", fix: `use ${scheme}registry.example/org/model:tag` }] : [],
    ),
});

export const ociTagRule = defineManifestRule({
  id: "storage/oci-tag",
  severity: "warning",
  summary: "An OCI model image is pinned by tag or digest.",
  why: "Without a tag the image reference means :latest, so each node or restart may pull a different model.",
  fix: "pin a tag (:1.0) or, better, a digest (@sha256:...)",
  on: "manifest",
  kinds: SERVICE_KINDS,
  check: (subject) =>
    knownUris(subject).flatMap(({ path, uri, scheme, rest }): Finding[] =>
      OCI_SCHEMES.includes(scheme) && OCI_SHAPE.test(rest) && !/(:[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$/.test(rest.slice(rest.lastIndexOf("/")))
        ? [{ path, value: uri, message: "the model image has no tag or digest, so each pull may get a different model", fix: "pin a tag (:1.0) or, better, a digest (@sha256:...)" }]
        : [],
    ),
});

/** The rules on one storage URI, in the order they report. */
function uriRules(): readonly ManifestRule[] {
  return [uriSchemeRule, featureGate("storage-oci"), featureGate("storage-oci-native"), featureGate("storage-oci-fetch"), featureGate("storage-hf"), featureGate("storage-modelscope"), hfUriRule, pvcUriRule, bucketUriRule, ociUriRule, ociTagRule];
}

/** Runs the storage URI rules (scheme, release gates, per-scheme shape) on one URI reported at `path`. */
export function checkStorageUri(path: string, uri: string, target: Target): IssueDraft[] {
  const manifest: Manifest = { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "uri" }, spec: { predictor: { model: { storageUri: uri } } } };
  return runRules(uriRules(), { manifest, target, app: [manifest] }).map((d) => ({ ...d, path }));
}
