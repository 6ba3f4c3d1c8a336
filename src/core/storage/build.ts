/**
 * Builds model storages: validates props and renders the objects KServe needs to read models
 * (ServiceAccounts listing credential Secrets, S3 settings annotations, new PVCs).
 */
import type { z } from "zod";
import type { Concept, ConceptRule, Rendered } from "../pipeline";
import { defineConcept, targetRule } from "../pipeline";
import type { IssueDraft } from "../errors";
import { locate, throwIfErrors } from "../errors";
import type { Manifest } from "../k8s";
import { canonicalize, compact } from "../canonical";
import { defaultTarget, mergeTargetProps } from "../target/resolve";
import type { Target } from "../target/resolve";
import { MANAGED_BY } from "../keys";
import type { ModelLocation, StorageKind } from "./location";
import type { AzureBlobStorageProps, GcsStorageProps, HuggingFaceStorageProps, OciStorageProps, PvcStorageProps, S3StorageProps, StorageBaseProps, UriStorageProps } from "./props";
import type { BuildContext, BuildResult } from "../context";
import { azureSchema, gcsSchema, hfSchema, ociSchema, pvcSchema, s3Schema, uriSchema } from "./schema";
import { joinKey } from "./uri";
import { SECRET_OVERLAY_ANNOTATIONS } from "../gitops";
import { checkModelPath, checkUrl, pathArgumentRule, pvcAccessModesRule, S3_RULES } from "./rules";
import { s3CredentialModes, s3Settings } from "./s3";
import { runRules } from "../rules/registry";
import type { ManifestFacts } from "../plan";
import type { Rule } from "../rules/registry";

/** What other constructs need from a storage. */
export interface StorageHandle {
  readonly kind: StorageKind;
  readonly name: string;
  readonly where: string;
  readonly namespace?: string;
  readonly valid: boolean;
  /** The location of a model at `path` inside the storage. */
  readonly locate: (path: string) => ModelLocation;
}

/** What a storage kind resolves from its props: where its models are (defaults only). */
interface KindSpec {
  readonly locate?: (path: string) => Omit<ModelLocation, "source" | "namespace">;
  readonly claimName?: string;
  readonly accessModes?: readonly string[];
}

interface Common {
  readonly name: string;
  readonly namespace?: string;
  readonly serviceAccountName: string;
  readonly target: Target;
}

/** A storage's props with the defaults applied: the common ones and its kind's. */
interface StorageSpec extends Common {
  readonly kind: KindSpec;
}

/** What a storage kind declares: its resolve step, its rules on the props, its render step. */
interface KindParts<P> {
  readonly resolve: (p: P, c: Common) => KindSpec;
  readonly rules: readonly ConceptRule<P, StorageSpec>[];
  readonly render: (p: P, c: StorageSpec) => Rendered;
}

function labels(): Record<string, string> {
  return { [MANAGED_BY.key]: MANAGED_BY.value };
}

function meta(name: string, namespace: string | undefined, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): Manifest["metadata"] {
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(extra.labels ? { labels: extra.labels } : {}),
    ...(extra.annotations && Object.keys(extra.annotations).length > 0 ? { annotations: extra.annotations } : {}),
  };
}

/** A ServiceAccount listing credential Secrets (KServe reads the Secrets of the predictor's ServiceAccount). */
export function renderCredentialsServiceAccount(name: string, namespace: string | undefined, secrets: readonly string[], annotations?: Record<string, string>): Manifest {
  return canonicalize({
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: meta(name, namespace, { labels: labels(), ...(annotations ? { annotations } : {}) }),
    automountServiceAccountToken: false,
    ...(secrets.length > 0 ? { secrets: secrets.map((s) => ({ name: s })) } : {}),
  }) as Manifest;
}

/** The storage concept of one kind: URLs screened, the common defaults and the kind's, the target and kind rules, the kind's render. */
function storageConcept<P extends StorageBaseProps>(kind: StorageKind, schema: z.ZodType<P>, parts: KindParts<P>): Concept<P, StorageSpec, StorageHandle> {
  return defineConcept<P, StorageSpec, StorageHandle>({
    name: `storage-${kind}`,
    // credentials inside a URL: reported (masked) before anything else reads the URL, so no message echoes them
    screen: (props) => {
      const given = (props !== null && typeof props === "object" ? props : {}) as Record<string, unknown>;
      const urlDrafts = (["endpoint", "baseUrl"] as const).flatMap((field) => {
        const v = Object.hasOwn(given, field) ? given[field] : undefined;
        return typeof v === "string" ? checkUrl(field, v, field === "endpoint" ? "S3 endpoint" : "base URL") : [];
      });
      const prefix = Object.hasOwn(given, "prefix") ? given["prefix"] : undefined;
      if (typeof prefix === "string") urlDrafts.push(...checkModelPath("prefix", prefix));
      return urlDrafts;
    },
    schema,
    resolve: (p, ctx) => {
      const name = p.name ?? ctx.defaultName;
      const namespace = p.namespace ?? ctx.namespace;
      const common: Common = { name, ...(namespace !== undefined ? { namespace } : {}), serviceAccountName: p.serviceAccountName ?? `${name}-sa`, target: defaultTarget(mergeTargetProps(ctx.target, p.target)) };
      return { ...common, kind: parts.resolve(p, common) };
    },
    rules: [targetRule, ...parts.rules],
    render: (spec, p) => parts.render(p, spec),
    handle: ({ given, spec, valid }, ctx) => {
      if (spec === undefined) return { kind, name: given?.name ?? ctx.defaultName, where: ctx.where, valid: false, locate: (path: string): ModelLocation => ({ source: { where: ctx.where, kind, valid: false }, uri: path }) };
      const { name, namespace } = spec;
      const { locate: locateKind, claimName, accessModes } = spec.kind;
      // one source for every location of this storage (locations are read-only)
      const source: ModelLocation["source"] = { where: ctx.where, kind, valid, ...(claimName !== undefined ? { claimName } : {}), ...(accessModes !== undefined ? { accessModes } : {}) };
      return {
        kind,
        name,
        where: ctx.where,
        ...(namespace !== undefined ? { namespace } : {}),
        valid,
        locate: (path: string): ModelLocation => {
          const base = locateKind?.(path) ?? { uri: path };
          return namespace !== undefined ? { ...base, namespace, source } : { ...base, source };
        },
      };
    },
    fallback: (c) => ({ kind, name: c.defaultName, where: c.where, valid: false, locate: (path: string) => ({ uri: path, source: { where: c.where, kind, valid: false } }) }),
  });
}

/** The rule entry of a kind's registry rules on its props. */
function propsRules<P>(name: string, rules: readonly Rule<P>[]): ConceptRule<P, StorageSpec> {
  return { name, check: (_spec, p) => runRules(rules, p) };
}

const s3StorageConcept = storageConcept("s3", s3Schema, {
  resolve: (p, c) => {
    if (s3CredentialModes(p).length !== 1) return {};
    if (p.credentials.storageConfigKey !== undefined) {
      const key = p.credentials.storageConfigKey;
      return { locate: (path) => ({ storage: { key, path: joinKey(p.prefix, path), parameters: { bucket: p.bucket, type: "s3" } } }) };
    }
    return { locate: (path) => ({ uri: `s3://${p.bucket}/${joinKey(p.prefix, path)}`, serviceAccountName: c.serviceAccountName }) };
  },
  rules: [propsRules("s3", S3_RULES)],
  render: (p, c) => {
    const manifests: Manifest[] = [];
    const facts = new Map<Manifest, ManifestFacts>();
    if (s3CredentialModes(p).length !== 1 || p.credentials.storageConfigKey !== undefined) return { manifests };
    const settings = s3Settings(p);
    if (p.credentials.irsaRoleArn !== undefined) {
      manifests.push(renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [], { "eks.amazonaws.com/role-arn": p.credentials.irsaRoleArn, ...settings }));
    } else {
      const secretName = p.credentials.secretName as string;
      manifests.push(renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [secretName]));
      if (Object.keys(settings).length > 0 && p.annotateSecret !== false) {
        const overlay = renderSecretSettingsOverlay(secretName, c.namespace, settings);
        manifests.push(overlay);
        facts.set(overlay, { ownership: { kind: "patch", strategy: "secret-annotations" } });
      }
    }
    return { manifests, facts };
  },
});

/** S3-compatible storage. */
export const buildS3Storage: (props: S3StorageProps, ctx: BuildContext) => BuildResult<StorageHandle> = s3StorageConcept.build;

/**
 * The KServe S3 settings as annotations on the credentials Secret, without any data, and the GitOps
 * annotations that keep Argo CD and Flux from pruning the Secret or taking over its keys.
 */
export function renderSecretSettingsOverlay(secretName: string, namespace: string | undefined, annotations: Record<string, string>): Manifest {
  return canonicalize({ apiVersion: "v1", kind: "Secret", metadata: meta(secretName, namespace, { annotations: { ...(compact(annotations) ?? {}), ...SECRET_OVERLAY_ANNOTATIONS } }) }) as Manifest;
}

const pvcStorageConcept = storageConcept("pvc", pvcSchema, {
  resolve: (p, c) => {
    const claimName = p.claimName ?? c.name;
    const accessModes = p.create !== undefined ? (p.create.accessModes ?? ["ReadWriteOnce"]) : p.accessModes;
    return { claimName, ...(accessModes !== undefined ? { accessModes } : {}), locate: (path) => ({ uri: `pvc://${claimName}/${path.replace(/^\/+/, "")}` }) };
  },
  rules: [propsRules("pvc", [pvcAccessModesRule])],
  render: (p, c) => ({
    manifests:
      p.create !== undefined
        ? [
            canonicalize({
              apiVersion: "v1",
              kind: "PersistentVolumeClaim",
              metadata: meta(c.kind.claimName ?? c.name, c.namespace, { labels: labels() }),
              spec: {
                accessModes: [...(c.kind.accessModes ?? [])],
                resources: { requests: { storage: p.create.size } },
                ...(p.create.storageClassName !== undefined ? { storageClassName: p.create.storageClassName } : {}),
                volumeMode: "Filesystem",
              },
            }) as Manifest,
          ]
        : [],
  }),
});

/** A PersistentVolumeClaim, existing or new. */
export const buildPvcStorage: (props: PvcStorageProps, ctx: BuildContext) => BuildResult<StorageHandle> = pvcStorageConcept.build;

const ociStorageConcept = storageConcept("oci", ociSchema, {
  resolve: (p) => ({
    locate: (path) => ({
      uri: `oci://${p.registry.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`,
      ...(p.pullSecret !== undefined ? { imagePullSecrets: [p.pullSecret] } : {}),
    }),
  }),
  rules: [],
  render: () => ({ manifests: [] }),
});

/** Models in OCI images (modelcars). */
export const buildOciStorage: (props: OciStorageProps, ctx: BuildContext) => BuildResult<StorageHandle> = ociStorageConcept.build;

const huggingFaceStorageConcept = storageConcept("hf", hfSchema, {
  resolve: (p, c) => ({ locate: (path) => ({ uri: `hf://${path.replace(/^\/+/, "")}`, ...(p.tokenSecret !== undefined ? { serviceAccountName: c.serviceAccountName } : {}) }) }),
  rules: [],
  render: (p, c) => ({ manifests: p.tokenSecret !== undefined ? [renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [p.tokenSecret])] : [] }),
});

/** The Hugging Face Hub. */
export const buildHuggingFaceStorage: (props: HuggingFaceStorageProps, ctx: BuildContext) => BuildResult<StorageHandle> = huggingFaceStorageConcept.build;

const gcsStorageConcept = storageConcept("gcs", gcsSchema, {
  resolve: (p, c) => ({ locate: (path) => ({ uri: `gs://${p.bucket}/${joinKey(p.prefix, path)}`, ...(p.credentialsSecret !== undefined ? { serviceAccountName: c.serviceAccountName } : {}) }) }),
  rules: [],
  render: (p, c) => ({ manifests: p.credentialsSecret !== undefined ? [renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [p.credentialsSecret])] : [] }),
});

/** Google Cloud Storage. */
export const buildGcsStorage: (props: GcsStorageProps, ctx: BuildContext) => BuildResult<StorageHandle> = gcsStorageConcept.build;

const azureBlobStorageConcept = storageConcept("azure", azureSchema, {
  resolve: (p, c) => ({
    locate: (path) => ({
      uri: `https://${p.account}.blob.core.windows.net/${p.container}/${joinKey(p.prefix, path)}`,
      ...(p.credentialsSecret !== undefined ? { serviceAccountName: c.serviceAccountName } : {}),
    }),
  }),
  rules: [],
  render: (p, c) => ({ manifests: p.credentialsSecret !== undefined ? [renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [p.credentialsSecret])] : [] }),
});

/** Azure Blob Storage. */
export const buildAzureBlobStorage: (props: AzureBlobStorageProps, ctx: BuildContext) => BuildResult<StorageHandle> = azureBlobStorageConcept.build;

const uriStorageConcept = storageConcept("uri", uriSchema, {
  resolve: (p) => ({ locate: (path) => ({ uri: `${p.baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}` }) }),
  rules: [],
  render: () => ({ manifests: [] }),
});

/** Plain HTTP(S) files. */
export const buildUriStorage: (props: UriStorageProps, ctx: BuildContext) => BuildResult<StorageHandle> = uriStorageConcept.build;

/**
 * The location of the model at `path` in a storage, for `storage.path(...)` in both adapters: the
 * path is checked first (a string, no `..`, relative inside a claim), and a problem throws one
 * {@link ValidationError} naming the storage, instead of a TypeError or a location that leaves it.
 */
export function locateChecked(handle: StorageHandle, path: unknown): ModelLocation {
  throwIfErrors(locate(handle.where, checkPathArgument(handle.kind, path)));
  return handle.locate(path as string);
}

/** Problems with the argument of `storage.path(...)` (or a storage-config path). */
export function checkPathArgument(kind: StorageKind | "storage-config", path: unknown): IssueDraft[] {
  if (typeof path !== "string") return runRules([pathArgumentRule], { path });
  return checkModelPath("path", path, { relative: kind === "pvc" });
}
