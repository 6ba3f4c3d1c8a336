/**
 * Rules on model storage. The manifest rules check every storage URI of an InferenceService (each
 * implementation's storageUri and each storageUris entry), so they also run on YAML the library did not
 * write.
 */
import type { IssueDraft } from "../errors";
import type { Manifest } from "../k8s";
import type { Target } from "../target/resolve";
import type { Finding, ManifestRule, ManifestSubject, Rule } from "../rules/registry";
import type { PvcStorageProps, S3StorageProps } from "./props";
import { parseEndpoint, s3CredentialModes, s3Https, s3Settings } from "./s3";
import { SERVICE_KINDS } from "../pod/rules";
import { defineManifestRule, defineRule, derive, runRules } from "../rules/registry";
import { featureGate } from "../target/rules";
import { closest } from "../engine/parameters";
import { DNS1123_SUBDOMAIN } from "../names";
import { isServiceManifest } from "../pod/rules";
import { schemeFor, schemeOf, storageUrisOf, STORAGE_SCHEMES, URI_SCHEME_ALIASES, writtenScheme } from "./uri";

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


/** The schemes KServe's storage initializer knows, for messages (listed on first use: the modules load in a cycle). */
let knownSchemes: readonly string[] | undefined;

/** The keys the storage URI rules read (see `serviceStorageUris`). */
const URI_READS = ["storageUri", "storageUris"];

export const uriSchemeRule = defineManifestRule({
  id: "storage/uri-scheme",
  severity: "error",
  summary: "Every storage URI of an InferenceService starts with a scheme KServe's storage initializer knows.",
  why: "KServe picks the download method from the URI's scheme; with no scheme or an unknown one the storage initializer fails and the predictor pod never starts.",
  fix: "start the URI with a known scheme such as s3://, gs://, pvc://, https://, oci:// or hf://",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: URI_READS,
  check: (subject) => {
    if (!isServiceManifest(subject.manifest)) return [];
    const known = (knownSchemes ??= Object.keys(STORAGE_SCHEMES));
    return storageUrisOf(subject).flatMap(({ path, uri }): Finding[] => {
      const written = writtenScheme(uri);
      if (written === undefined) {
        return [{ path, value: uri, message: "the storageUri has no scheme, so KServe cannot tell how to fetch the model", fix: `start it with one of ${known.join(", ")} (a PVC path is pvc://<claim>/<path>)` }];
      }
      const scheme = schemeFor(written);
      if (`${written}://` !== scheme && Object.hasOwn(STORAGE_SCHEMES, scheme)) {
        return [{ path, value: uri, message: `KServe matches storageUri schemes case-sensitively, so ${written}:// is not ${scheme} and the model would not be fetched`, fix: `write the scheme in lower case: "${scheme}${uri.slice(written.length + 3)}"` }];
      }
      if (!Object.hasOwn(STORAGE_SCHEMES, scheme)) {
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
  reads: URI_READS,
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
  reads: URI_READS,
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
  reads: URI_READS,
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
  reads: URI_READS,
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
  reads: URI_READS,
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

/** `scheme://user:password@` or `scheme://token@`: the part of a URL that holds credentials. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s]+)@/i;

/** The URL with any user and password replaced by `***` (for messages: a secret is never echoed). */
export function redactUrl(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]+@/gi, "$1***@");
}

/** True when `url` carries a user or password before its host. */
export function hasUrlCredentials(url: string): boolean {
  return USERINFO.test(url.trim());
}

/** What a URL rule looks at: a URL given at `path`, and what it is for (for messages). */
export interface UrlSubject {
  readonly path: string;
  readonly url: string;
  readonly what: string;
}

/** Credentials written into a URL: they would end up in plain text in the manifests. */
export const urlCredentialsRule = defineRule<UrlSubject>({
  id: "storage/url-credentials",
  severity: "error",
  summary: "A storage URL or endpoint carries no user name or password (`https://KEY:SECRET@host`).",
  why: "Whatever is in the URL is written in plain text into the manifests (and Git); KServe and ModelMesh read credentials from Secrets.",
  fix: "remove the credentials from the URL and reference a Secret that holds them",
  on: "props",
  check: ({ path, url, what }) => {
    if (!hasUrlCredentials(url)) return [];
    return [
      {
        path,
        value: redactUrl(url),
        message: `the ${what} holds credentials before its host; they would be written in plain text into the manifests (the value is shown with them masked)`,
        fix: "remove user and password from the URL, and give the credentials as a reference to an existing Secret (credentials.secretName, or the storage's credentials secret)",
      },
    ];
  },
});

/** What a path rule looks at: a path inside a storage, or a storageUri. */
export interface PathSubject {
  readonly path: string;
  readonly value: string;
  /** Whether `value` is a whole URI (`s3://bucket/key`) rather than a path inside a storage. */
  readonly uri: boolean;
  /** Whether the path must be relative (a path inside a PVC). */
  readonly relative?: boolean;
}

function segments(value: string, uri: boolean): string[] {
  const withoutScheme = uri ? value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "") : value;
  const withoutQuery = withoutScheme.split(/[?#]/)[0] ?? "";
  return withoutQuery.split("/");
}

/** `..` segments (and absolute paths where a relative one is required). */
export const pathRule = defineRule<PathSubject>({
  id: "storage/path",
  severity: "error",
  summary: "A model path has no `..` segments, and a path inside a claim is relative.",
  why: "KServe joins the path to the bucket, claim or base URL as given: `..` leaves the storage the location names (or is refused by the storage), and an absolute path inside a PVC is read as a sub-path of the claim, not as the mount path.",
  fix: "give the path from the storage's root down, without `..`",
  on: "props",
  check: ({ path, value, uri, relative }) => {
    const findings: Finding[] = [];
    // a value without ".." has no ".." segment: the split is only needed for the others
    if (value.includes("..") && segments(value, uri).includes("..")) {
      findings.push({ path, value: redactUrl(value), message: "the path has a `..` segment, which leaves the location the storage names", fix: "write the path from the storage's root down, without `..` (a model elsewhere needs its own storage or path)" });
    }
    if (relative === true && /^\/+mnt\/models(\/|$)/.test(value)) {
      findings.push({ path, value, message: "the path starts with /mnt/models, KServe's mount path; a path inside a claim is relative to the claim's root, so this names a folder mnt/models inside the claim", fix: `give the path inside the claim: "${value.replace(/^\/+mnt\/models\/?/, "")}"` });
    }
    return findings;
  },
});

/** Problems with a URL (credentials). */
export function checkUrl(path: string, url: string, what: string): IssueDraft[] {
  return runRules([urlCredentialsRule], { path, url, what });
}

/** Problems with a model path inside a storage or a storageUri. */
export function checkModelPath(path: string, value: string, options: { readonly uri?: boolean; readonly relative?: boolean } = {}): IssueDraft[] {
  return runRules([pathRule], { path, value, uri: options.uri === true, ...(options.relative !== undefined ? { relative: options.relative } : {}) });
}

/** What the location rule looks at: the value given where a model location is expected. */
export interface LocationSubject {
  readonly path: string;
  readonly value: unknown;
}

function hasFunction(value: unknown, name: string): boolean {
  return value !== null && typeof value === "object" && typeof (value as Record<string, unknown>)[name] === "function";
}

/** A storage construct (or a plain string) where a model location is expected. */
export const locationRule = defineRule<LocationSubject>({
  id: "storage/location",
  severity: "error",
  summary: "A model is given as a location (storage.path(...), storageConfig.path(key, path), ModelLocation.fromUri(...)), not as the storage itself or a bare string.",
  why: "A storage holds many models: without the path the library cannot tell which one to serve, and would render an InferenceService without a model.",
  fix: 'pass storage.path("<path of the model>")',
  on: "props",
  check: ({ path, value }) => {
    if (typeof value === "string") {
      return [{ path, value, message: "a model location is an object, not a string", fix: `wrap the URI: ModelLocation.fromUri(${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value)}), or use storage.path("...") of a ModelStorage` }];
    }
    if (value === null) return [{ path, value, message: "the model location is null", fix: 'pass storage.path("<path of the model>"), ModelLocation.fromUri("..."), or ModelLocation.none()' }];
    if (hasFunction(value, "entry") || hasFunction(value, "locate") && hasFunction(value, "path") && (value as { storageConfig?: unknown }).storageConfig !== undefined) {
      return [{ path, value: "(a StorageConfig)", message: "a StorageConfig was given where a model location is expected", fix: 'call storageConfig.path("<entry key>", "<path of the model>")' }];
    }
    if (hasFunction(value, "path") || hasFunction((value as { storage?: unknown } | undefined)?.storage, "locate")) {
      return [{ path, value: "(a ModelStorage)", message: "a ModelStorage was given where a model location is expected", fix: 'call storage.path("<path of the model>") on it, for example bucket.path("granite-7b-instruct/")' }];
    }
    return [];
  },
});

/** Problems with a value given where a model location is expected. */
export function checkLocationValue(path: string, value: unknown): IssueDraft[] {
  return runRules([locationRule], { path, value });
}


/** Credentials written into an InferenceService's storage URI (masked in the report). */
export const uriCredentialsRule = defineManifestRule({
  id: "storage/uri-credentials",
  severity: "error",
  summary: "No storage URI of an InferenceService carries a user name or password (`https://KEY:SECRET@host/...`).",
  why: "The URI is written in plain text into the manifests (and Git); KServe reads credentials from the Secrets of the predictor's ServiceAccount.",
  fix: "remove the credentials from the URI and reference a Secret that holds them",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: URI_READS,
  check: (subject) => (isServiceManifest(subject.manifest) ? storageUrisOf(subject).flatMap(({ path, uri }) => urlCredentialsRule.check({ path, url: uri, what: "storageUri" })) : []),
});

/** `..` segments in an InferenceService's storage URI. */
export const uriPathRule = defineManifestRule({
  id: "storage/uri-path",
  severity: "error",
  summary: "No storage URI of an InferenceService has a `..` segment.",
  why: "KServe passes the path on as written: `..` leaves the bucket prefix or claim folder the location names, or is refused by the storage.",
  fix: "write the path from the storage's root down, without `..`",
  on: "manifest",
  kinds: SERVICE_KINDS,
  reads: URI_READS,
  check: (subject) => (isServiceManifest(subject.manifest) ? storageUrisOf(subject).flatMap(({ path, uri }) => (hasUrlCredentials(uri) ? [] : pathRule.check({ path, value: uri, uri: true }))) : []),
});

// ---------------------------------------------------------------------------------------------------
// Props rules of storages

/** What `storage.path(...)` was given, when it is not a string. */
export interface PathArgumentSubject {
  /** The argument. */
  readonly path: unknown;
}

/** `storage/path` (declared above on path strings), checked on the argument of `storage.path(...)` before it is read as one. */
export const pathArgumentRule: Rule<PathArgumentSubject> = {
  ...pathRule,
  check: ({ path }) =>
    typeof path === "string"
      ? []
      : [{ path: "path", value: path, message: `storage.path() takes the model's path inside the storage as a string, got ${path === null ? "null" : Array.isArray(path) ? "an array" : typeof path}`, fix: 'call it with a string, for example storage.path("granite-7b-instruct/")' }],
};

/** S3 credentials come from exactly one source. */
export const s3CredentialsRule = defineRule<S3StorageProps>({
  id: "storage/s3-credentials",
  severity: "error",
  on: "props",
  summary: "An S3 storage gives exactly one credentials source: secretName, storageConfigKey or irsaRoleArn.",
  why: "KServe reads S3 credentials from one place (a Secret on the ServiceAccount, a storage-config entry, or an IAM role on the ServiceAccount); with none the download is anonymous and fails, with several only one would be used.",
  fix: "give exactly one of credentials.secretName (an existing Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), credentials.storageConfigKey or credentials.irsaRoleArn",
  check: (p) => {
    const modes = s3CredentialModes(p);
    return modes.length === 1 ? [] : [{ path: "credentials", value: p.credentials, message: modes.length === 0 ? "no credentials source given" : `credentials give ${modes.join(" and ")}; only one is used` }];
  },
});

/** The endpoint is scheme, host and port, and agrees with useHttps. */
export const s3EndpointRule = defineRule<S3StorageProps>({
  id: "storage/s3-endpoint",
  severity: "error",
  on: "props",
  summary: "An S3 endpoint is a host (with an http or https scheme and a port at most), and useHttps agrees with its scheme.",
  why: "KServe writes the endpoint into the storage initializer's S3 client as a host; a path or another scheme makes every download fail, and a useHttps that contradicts the scheme leaves it unclear which is meant.",
  fix: "give scheme, host and port only, and let the scheme decide HTTPS",
  check: (p) => {
    if (s3CredentialModes(p).length !== 1 || p.endpoint === undefined) return [];
    const parsed = parseEndpoint(p.endpoint);
    const findings: Finding[] = [];
    if (parsed.problem !== undefined) findings.push({ path: "endpoint", value: p.endpoint, message: `the endpoint ${parsed.problem}`, fix: `give scheme, host and port only, for example "https://${parsed.host}"` });
    if (parsed.https !== undefined && p.useHttps !== undefined && parsed.https !== p.useHttps) {
      findings.push({
        path: "useHttps",
        value: p.useHttps,
        message: `useHttps is ${String(p.useHttps)} but the endpoint's scheme is ${parsed.https ? "https" : "http"}`,
        fix: `drop useHttps (the scheme decides), or change the endpoint to ${p.useHttps ? "https" : "http"}://${parsed.host}`,
      });
    }
    return findings;
  },
});

/** TLS settings that would be used. */
export const s3TlsRule = defineRule<S3StorageProps>({
  id: "storage/s3-tls",
  severity: "error",
  on: "props",
  summary: "An S3 storage's TLS settings are used: no CA bundle with verifySsl false, and no TLS settings for a plain-HTTP endpoint.",
  why: "The storage initializer ignores a CA bundle when verification is off, and TLS settings when the endpoint is plain HTTP, so the settings would silently do nothing.",
  fix: "keep verification on with the CA bundle, use an https endpoint, or drop the TLS settings",
  check: (p) => {
    if (s3CredentialModes(p).length !== 1) return [];
    const findings: Finding[] = [];
    if (p.verifySsl === false && p.caBundleConfigMap !== undefined) findings.push({ path: "caBundleConfigMap", value: p.caBundleConfigMap, message: "verifySsl is false, so the CA bundle would never be used", fix: "keep verification on with the CA bundle (recommended), or drop caBundleConfigMap" });
    if (!s3Https(p) && (p.verifySsl !== undefined || p.caBundleConfigMap !== undefined)) {
      findings.push({ path: p.caBundleConfigMap !== undefined ? "caBundleConfigMap" : "verifySsl", value: p.caBundleConfigMap ?? p.verifySsl, message: "TLS settings are given for a plain-HTTP endpoint", fix: "use an https endpoint, or drop the TLS settings" });
    }
    return findings;
  },
});

/** With a storage-config entry, the S3 settings come from the entry. */
export const s3StorageConfigSettingsRule = defineRule<S3StorageProps>({
  id: "storage/s3-storage-config-settings",
  severity: "error",
  on: "props",
  summary: "An S3 storage that reads a storage-config entry sets no endpoint, region or TLS props of its own.",
  why: "With a storage-config entry KServe takes the endpoint, region and TLS settings from that entry, so these props would be silently ignored.",
  fix: "remove endpoint, region, useHttps, verifySsl, caBundleConfigMap and virtualHostedBuckets, or use credentials.secretName",
  check: (p) =>
    s3CredentialModes(p).length === 1 && p.credentials.storageConfigKey !== undefined && Object.keys(s3Settings(p)).length > 0
      ? [{ path: "credentials.storageConfigKey", value: p.credentials.storageConfigKey, message: "with a storage-config entry, the endpoint, region and TLS settings come from that entry, so these props would be ignored" }]
      : [],
});

/** The S3 rules, in the order they run. */
export const S3_RULES: readonly Rule<S3StorageProps>[] = [s3CredentialsRule, s3EndpointRule, s3TlsRule, s3StorageConfigSettingsRule];

/** A new claim takes its access modes in create. */
export const pvcAccessModesRule = defineRule<PvcStorageProps>({
  id: "storage/pvc-access-modes",
  severity: "error",
  on: "props",
  summary: "A PVC storage that creates its claim gives the access modes in create.accessModes, not accessModes.",
  why: "accessModes describes an existing claim (the library checks replicas against it); for a new claim it would not reach the PersistentVolumeClaim it renders.",
  fix: "move the access modes into create.accessModes",
  check: (p) => (p.create !== undefined && p.accessModes !== undefined ? [{ path: "accessModes", value: p.accessModes, message: "accessModes describes an existing claim; a new claim takes create.accessModes" }] : []),
});
