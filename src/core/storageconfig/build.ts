/**
 * Builds a StorageConfig: validates the entries and the source, renders what the source needs, and
 * returns a handle whose `locate(key, path)` gives models their `storage: {key, path}`.
 */
import { guardBuild } from "../context";
import type { BuildContext, BuildDraft } from "../context";
import type { IssueDraft } from "../errors";
import { isError, locate as locateIssues, throwIfErrors } from "../errors";
import { checkPathArgument } from "../storage/build";
import { checkUrl } from "../storage/rules";
import type { Manifest } from "../k8s";
import { parseProps } from "../schema";
import { compareStrings } from "../canonical";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import type { ModelLocation, StorageConfigReference } from "../storage/location";
import { joinKey } from "../storage/uri";
import type { StorageConfigEntryProps, StorageConfigProps } from "./props";
import { storageConfigSchema } from "./schema";
import { checkStorageConfigProps, entryKeyRule } from "./rules";
import { runRules } from "../rules/registry";
import { renderDataConnectionOverlay, renderStorageConfigJob, storageConfigJobName } from "./render";
import type { ManifestFacts } from "../plan";

/** The default name of the Secret ModelMesh and KServe read. */
export const STORAGE_CONFIG_SECRET = "storage-config";

/** Options of a model location in a storage-config entry. */
export interface StorageConfigPathOptions {
  /**
   * The bucket, when the entry names none or the model is in another one (`storage.parameters.bucket`).
   * @default the entry's bucket
   */
  readonly bucket?: string;
}

/** What InferenceServices need from a StorageConfig. */
export interface StorageConfigHandle {
  readonly secretName: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
  /** The entry keys. */
  readonly keys: readonly string[];
  /** The location of the model at `path` (no leading '/') in entry `key`. */
  readonly locate: (key: string, path: string, options?: StorageConfigPathOptions) => ModelLocation;
}

function entryInfo(entry: StorageConfigEntryProps, written: boolean): StorageConfigReference["entries"][string] {
  const bucket = entry.type === "s3" || entry.type === "gcs" ? (entry.bucket !== undefined ? "declared" : written ? "none" : "unknown") : "unknown";
  return { type: entry.type, bucket };
}

/** Builds a StorageConfig; never throws on bad input. */
function buildStorageConfigUnguarded(props: StorageConfigProps, ctx: BuildContext): BuildDraft<StorageConfigHandle> {
  const given = props as Partial<StorageConfigProps> | undefined;
  const secretName = given?.secretName ?? STORAGE_CONFIG_SECRET;
  const namespace = given?.namespace ?? ctx.namespace;
  // credentials inside an endpoint URL: reported (masked) before anything else reads it
  const givenEntries = given !== null && typeof given === "object" && given.entries !== null && typeof given.entries === "object" ? (given.entries as Record<string, unknown>) : {};
  const urlDrafts = Object.keys(givenEntries).flatMap((key) => {
    const entry = givenEntries[key];
    const endpoint = entry !== null && typeof entry === "object" ? (entry as { endpoint?: unknown }).endpoint : undefined;
    return typeof endpoint === "string" ? checkUrl(`entries.${key}.endpoint`, endpoint, "endpoint") : [];
  });
  if (urlDrafts.length > 0) {
    return { manifests: [], issues: locateIssues(ctx.where, urlDrafts), handle: { secretName, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid: false, keys: [], locate: (key, path) => ({ storage: { key, path }, source: { where: ctx.where, kind: "s3", valid: false } }) } };
  }
  const parsed = parseProps(storageConfigSchema, props);
  const entries: Record<string, StorageConfigReference["entries"][string]> = {};
  const p = parsed.value;
  const source = p?.source ?? "existing";
  const written = p !== undefined && source !== "existing";
  for (const key of Object.keys(p?.entries ?? {}).sort(compareStrings)) entries[key] = entryInfo(p?.entries[key] as StorageConfigEntryProps, written);
  const reference: StorageConfigReference = { secretName, entries };
  const drafts: IssueDraft[] = [...parsed.issues];
  const manifests: Manifest[] = [];
  const facts = new Map<Manifest, ManifestFacts>();
  if (p !== undefined) {
    const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
    drafts.push(...targetIssues, ...checkStorageConfigProps(p, target, namespace));
    if (!drafts.some((d) => d.severity !== "warning")) {
      if (source === "data-connections") {
        for (const key of Object.keys(p.entries).sort(compareStrings)) {
          // the credential Secret is the user's: the overlay only adds what OpenShift AI reads
          const overlay = renderDataConnectionOverlay(key, namespace, p.entries[key] as StorageConfigEntryProps);
          manifests.push(overlay);
          facts.set(overlay, { ownership: { kind: "patch", strategy: "secret-data-connection" } });
        }
      } else if (typeof source === "object" && namespace !== undefined) {
        const rendered = renderStorageConfigJob(secretName, namespace, p.entries, source.job);
        manifests.push(...rendered);
        // the Job's name carries a hash of its pod spec (a changed spec is a new Job): its stable name has none
        for (const m of rendered) if (m.kind === "Job") facts.set(m, { stableName: storageConfigJobName(secretName, source.job) });
      }
    }
  }
  const issues = locateIssues(ctx.where, drafts);
  if (!issues.some(isError)) issues.push(...(ctx.registry?.claim(ctx.where, manifests) ?? []));
  const valid = !issues.some(isError);
  const handle: StorageConfigHandle = {
    secretName,
    ...(namespace !== undefined ? { namespace } : {}),
    where: ctx.where,
    valid,
    keys: Object.keys(entries),
    locate: (key, path, options = {}) => {
      const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
      return {
        storage: { key, path: joinKey(undefined, path), ...(options.bucket !== undefined ? { parameters: { bucket: options.bucket } } : {}) },
        ...(namespace !== undefined ? { namespace } : {}),
        source: { where: ctx.where, kind: entry?.type ?? "s3", valid, storageConfig: reference },
      };
    },
  };
  return { manifests: valid ? manifests : [], issues, handle, facts };
}

/** Builds a StorageConfig from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildStorageConfig = guardBuild<StorageConfigProps, StorageConfigHandle>(buildStorageConfigUnguarded, (ctx) => ({
  secretName: STORAGE_CONFIG_SECRET,
  where: ctx.where,
  valid: false,
  keys: [],
  locate: () => ({ source: { where: ctx.where, kind: "s3", valid: false } }),
}));

/**
 * The location of the model at `path` in entry `key`, for `storageConfig.path(...)` and `.entry(...)`
 * in both adapters: a key or path that is not a string, or a path with `..`, throws one
 * {@link ValidationError} naming the StorageConfig instead of a TypeError.
 */
export function locateInStorageConfig(handle: StorageConfigHandle, key: unknown, path: unknown, options?: StorageConfigPathOptions): ModelLocation {
  const drafts: IssueDraft[] = runRules([entryKeyRule], { key, keys: handle.keys });
  drafts.push(...checkPathArgument("storage-config", path));
  throwIfErrors(locateIssues(handle.where, drafts));
  return handle.locate(key as string, path as string, options);
}
