/**
 * Builds model storages: validates props and renders the objects KServe needs to read models
 * (ServiceAccounts listing credential Secrets, S3 settings annotations, new PVCs).
 */
import type { z } from "zod";
import type { BuildContext, BuildDraft, BuildResult } from "../context";
import { guardBuild } from "../context";
import type { IssueDraft } from "../errors";
import { isError, locate, throwIfErrors } from "../errors";
import type { Manifest } from "../k8s";
import { parseProps } from "../schema";
import { canonicalize, compact } from "../canonical";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import type { Target } from "../target/resolve";
import { MANAGED_BY } from "../keys";
import type { ModelLocation, StorageKind } from "./location";
import type { AzureBlobStorageProps, GcsStorageProps, HuggingFaceStorageProps, OciStorageProps, PvcStorageProps, S3StorageProps, StorageBaseProps, UriStorageProps } from "./props";
import { azureSchema, gcsSchema, hfSchema, ociSchema, pvcSchema, s3Schema, uriSchema } from "./schema";
import { joinKey } from "./uri";
import { SECRET_OVERLAY_ANNOTATIONS } from "../gitops";
import { checkModelPath, checkUrl, pathArgumentRule, pvcAccessModesRule, S3_RULES } from "./rules";
import { s3CredentialModes, s3Settings } from "./s3";
import { runRules } from "../rules/registry";
import type { ManifestFacts, ManifestFactsMap } from "../plan";

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

interface KindResult {
  readonly drafts: IssueDraft[];
  readonly manifests: Manifest[];
  /** What the plan needs to know of some of the manifests (a Secret overlay is a patch). */
  readonly facts?: ManifestFactsMap;
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

function build<P extends StorageBaseProps>(kind: StorageKind, schema: z.ZodType<P>, props: P, ctx: BuildContext, buildKind: (p: P, c: Common) => KindResult): BuildResult<StorageHandle> {
  const guarded = guardBuild<P, StorageHandle>(
    (p, c) => buildUnguarded(kind, schema, p, c, buildKind),
    (c) => ({ kind, name: c.defaultName, where: c.where, valid: false, locate: (path: string) => ({ uri: path, source: { where: c.where, kind, valid: false } }) }),
  );
  return guarded(props, ctx);
}

function buildUnguarded<P extends StorageBaseProps>(
  kind: StorageKind,
  schema: z.ZodType<P>,
  props: P,
  ctx: BuildContext,
  buildKind: (p: P, c: Common) => KindResult,
): BuildDraft<StorageHandle> {
  const name = (props as Partial<StorageBaseProps> | undefined)?.name ?? ctx.defaultName;
  const invalidLocate = (path: string): ModelLocation => ({ source: { where: ctx.where, kind, valid: false }, uri: path });
  // credentials inside a URL: reported (masked) before anything else reads the URL, so no message echoes them
  const given = (props !== null && typeof props === "object" ? props : {}) as Record<string, unknown>;
  const urlDrafts = (["endpoint", "baseUrl"] as const).flatMap((field) => {
    const v = Object.hasOwn(given, field) ? given[field] : undefined;
    return typeof v === "string" ? checkUrl(field, v, field === "endpoint" ? "S3 endpoint" : "base URL") : [];
  });
  const prefix = Object.hasOwn(given, "prefix") ? given["prefix"] : undefined;
  if (typeof prefix === "string") urlDrafts.push(...checkModelPath("prefix", prefix));
  if (urlDrafts.length > 0) return { manifests: [], issues: locate(ctx.where, urlDrafts), handle: { kind, name, where: ctx.where, valid: false, locate: invalidLocate } };
  const parsed = parseProps(schema, props);
  if (parsed.value === undefined) {
    return { manifests: [], issues: locate(ctx.where, parsed.issues), handle: { kind, name, where: ctx.where, valid: false, locate: invalidLocate } };
  }
  const p = parsed.value;
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  const namespace = p.namespace ?? ctx.namespace;
  const common: Common = { name, ...(namespace !== undefined ? { namespace } : {}), serviceAccountName: p.serviceAccountName ?? `${name}-sa`, target };
  const result = buildKind(p, common);
  const issues = locate(ctx.where, [...targetIssues, ...result.drafts]);
  const valid = !issues.some(isError);
  if (valid) issues.push(...(ctx.registry?.claim(ctx.where, result.manifests) ?? []));
  const ok = !issues.some(isError);
  const handle: StorageHandle = {
    kind,
    name,
    where: ctx.where,
    ...(namespace !== undefined ? { namespace } : {}),
    valid: ok,
    locate: (path: string): ModelLocation => {
      const base = result.locate?.(path) ?? { uri: path };
      return {
        ...base,
        ...(namespace !== undefined ? { namespace } : {}),
        source: {
          where: ctx.where,
          kind,
          valid: ok,
          ...(result.claimName !== undefined ? { claimName: result.claimName } : {}),
          ...(result.accessModes !== undefined ? { accessModes: result.accessModes } : {}),
        },
      };
    },
  };
  return { manifests: ok ? result.manifests : [], issues, handle, ...(result.facts !== undefined ? { facts: result.facts } : {}) };
}

/** S3-compatible storage. */
export function buildS3Storage(props: S3StorageProps, ctx: BuildContext): BuildResult<StorageHandle> {
  return build("s3", s3Schema, props, ctx, (p, c) => {
    const manifests: Manifest[] = [];
    const facts = new Map<Manifest, ManifestFacts>();
    const drafts = runRules(S3_RULES, p);
    if (s3CredentialModes(p).length !== 1) return { drafts, manifests };
    const settings = s3Settings(p);
    if (p.credentials.storageConfigKey !== undefined) {
      const key = p.credentials.storageConfigKey;
      return {
        drafts,
        manifests,
        locate: (path) => ({ storage: { key, path: joinKey(p.prefix, path), parameters: { bucket: p.bucket, type: "s3" } } }),
      };
    }
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
    return { drafts, manifests, facts, locate: (path) => ({ uri: `s3://${p.bucket}/${joinKey(p.prefix, path)}`, serviceAccountName: c.serviceAccountName }) };
  });
}

/**
 * The KServe S3 settings as annotations on the credentials Secret, without any data, and the GitOps
 * annotations that keep Argo CD and Flux from pruning the Secret or taking over its keys.
 */
export function renderSecretSettingsOverlay(secretName: string, namespace: string | undefined, annotations: Record<string, string>): Manifest {
  return canonicalize({ apiVersion: "v1", kind: "Secret", metadata: meta(secretName, namespace, { annotations: { ...(compact(annotations) ?? {}), ...SECRET_OVERLAY_ANNOTATIONS } }) }) as Manifest;
}

/** A PersistentVolumeClaim, existing or new. */
export function buildPvcStorage(props: PvcStorageProps, ctx: BuildContext): BuildResult<StorageHandle> {
  return build("pvc", pvcSchema, props, ctx, (p, c) => {
    const claimName = p.claimName ?? c.name;
    const drafts = runRules([pvcAccessModesRule], p);
    const manifests: Manifest[] = [];
    const accessModes = p.create !== undefined ? (p.create.accessModes ?? ["ReadWriteOnce"]) : p.accessModes;
    if (p.create !== undefined) {
      manifests.push(
        canonicalize({
          apiVersion: "v1",
          kind: "PersistentVolumeClaim",
          metadata: meta(claimName, c.namespace, { labels: labels() }),
          spec: {
            accessModes: [...(accessModes ?? [])],
            resources: { requests: { storage: p.create.size } },
            ...(p.create.storageClassName !== undefined ? { storageClassName: p.create.storageClassName } : {}),
            volumeMode: "Filesystem",
          },
        }) as Manifest,
      );
    }
    return {
      drafts,
      manifests,
      claimName,
      ...(accessModes !== undefined ? { accessModes } : {}),
      locate: (path) => ({ uri: `pvc://${claimName}/${path.replace(/^\/+/, "")}` }),
    };
  });
}

/** Models in OCI images (modelcars). */
export function buildOciStorage(props: OciStorageProps, ctx: BuildContext): BuildResult<StorageHandle> {
  return build("oci", ociSchema, props, ctx, (p) => ({
    drafts: [],
    manifests: [],
    locate: (path) => ({
      uri: `oci://${p.registry.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`,
      ...(p.pullSecret !== undefined ? { imagePullSecrets: [p.pullSecret] } : {}),
    }),
  }));
}

/** The Hugging Face Hub. */
export function buildHuggingFaceStorage(props: HuggingFaceStorageProps, ctx: BuildContext): BuildResult<StorageHandle> {
  return build("hf", hfSchema, props, ctx, (p, c) => {
    const manifests = p.tokenSecret !== undefined ? [renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [p.tokenSecret])] : [];
    return {
      drafts: [],
      manifests,
      locate: (path) => ({ uri: `hf://${path.replace(/^\/+/, "")}`, ...(p.tokenSecret !== undefined ? { serviceAccountName: c.serviceAccountName } : {}) }),
    };
  });
}

/** Google Cloud Storage. */
export function buildGcsStorage(props: GcsStorageProps, ctx: BuildContext): BuildResult<StorageHandle> {
  return build("gcs", gcsSchema, props, ctx, (p, c) => ({
    drafts: [],
    manifests: p.credentialsSecret !== undefined ? [renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [p.credentialsSecret])] : [],
    locate: (path) => ({ uri: `gs://${p.bucket}/${joinKey(p.prefix, path)}`, ...(p.credentialsSecret !== undefined ? { serviceAccountName: c.serviceAccountName } : {}) }),
  }));
}

/** Azure Blob Storage. */
export function buildAzureBlobStorage(props: AzureBlobStorageProps, ctx: BuildContext): BuildResult<StorageHandle> {
  return build("azure", azureSchema, props, ctx, (p, c) => ({
    drafts: [],
    manifests: p.credentialsSecret !== undefined ? [renderCredentialsServiceAccount(c.serviceAccountName, c.namespace, [p.credentialsSecret])] : [],
    locate: (path) => ({
      uri: `https://${p.account}.blob.core.windows.net/${p.container}/${joinKey(p.prefix, path)}`,
      ...(p.credentialsSecret !== undefined ? { serviceAccountName: c.serviceAccountName } : {}),
    }),
  }));
}

/** Plain HTTP(S) files. */
export function buildUriStorage(props: UriStorageProps, ctx: BuildContext): BuildResult<StorageHandle> {
  return build("uri", uriSchema, props, ctx, (p) => ({
    drafts: [],
    manifests: [],
    locate: (path) => ({ uri: `${p.baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}` }),
  }));
}

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
