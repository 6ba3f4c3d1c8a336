/**
 * Builds a StorageConfig: validates the entries and the source, renders what the source needs, and
 * returns a handle whose `locate(key, path)` gives models their `storage: {key, path}`.
 */
import type { BuildContext, BuildResult } from "../context";
import { defineConcept, targetRule } from "../pipeline";
import type { IssueDraft } from "../errors";
import { locate as locateIssues, throwIfErrors } from "../errors";
import { checkPathArgument } from "../storage/build";
import { checkUrl } from "../storage/rules";
import type { Manifest } from "../k8s";
import { compareStrings } from "../canonical";
import { defaultTarget, mergeTargetProps } from "../target/resolve";
import type { Target } from "../target/resolve";
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

/** A StorageConfig's props with the defaults applied. */
interface StorageConfigSpec {
  readonly secretName: string;
  /**
   * The namespace its objects are rendered in and its rules see: the props', else the context's, else
   * the placeholder of a namespace known later (`BuildContext.deferredNamespace`: the Job's RoleBinding
   * must name one). The handle names only the first two.
   * @default none
   */
  readonly namespace?: string;
  readonly source: NonNullable<StorageConfigProps["source"]>;
  readonly target: Target;
  /** What models need of each entry, by key (sorted). */
  readonly entries: Readonly<Record<string, StorageConfigReference["entries"][string]>>;
}

/** The handle of a StorageConfig whose props could not be read at all (an endpoint URL with credentials). */
function screenedHandle(secretName: string, namespace: string | undefined, ctx: BuildContext): StorageConfigHandle {
  return { secretName, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid: false, keys: [], locate: (key, path) => ({ storage: { key, path }, source: { where: ctx.where, kind: "s3", valid: false } }) };
}

/** The StorageConfig concept: endpoint URLs screened, the entries' defaults, their rules, the overlays or the Job. */
const storageConfigConcept = defineConcept<StorageConfigProps, StorageConfigSpec, StorageConfigHandle>({
  name: "storage-config",
  // credentials inside an endpoint URL: reported (masked) before anything else reads it
  screen: (props) => {
    const given = props as Partial<StorageConfigProps> | undefined;
    const givenEntries = given !== null && typeof given === "object" && given.entries !== null && typeof given.entries === "object" ? (given.entries as Record<string, unknown>) : {};
    return Object.keys(givenEntries).flatMap((key) => {
      const entry = givenEntries[key];
      const endpoint = entry !== null && typeof entry === "object" ? (entry as { endpoint?: unknown }).endpoint : undefined;
      return typeof endpoint === "string" ? checkUrl(`entries.${key}.endpoint`, endpoint, "endpoint") : [];
    });
  },
  schema: storageConfigSchema,
  resolve: (p, ctx) => {
    const namespace = p.namespace ?? ctx.namespace ?? ctx.deferredNamespace;
    const source = p.source ?? "existing";
    const entries: Record<string, StorageConfigReference["entries"][string]> = {};
    for (const key of Object.keys(p.entries).sort(compareStrings)) entries[key] = entryInfo(p.entries[key] as StorageConfigEntryProps, source !== "existing");
    return { secretName: p.secretName ?? STORAGE_CONFIG_SECRET, ...(namespace !== undefined ? { namespace } : {}), source, target: defaultTarget(mergeTargetProps(ctx.target, p.target)), entries };
  },
  rules: [targetRule, { name: "storage-config", check: (spec, p) => checkStorageConfigProps(p, spec.target, spec.namespace) }],
  render: ({ secretName, namespace, source }, p) => {
    const manifests: Manifest[] = [];
    const facts = new Map<Manifest, ManifestFacts>();
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
    return { manifests, facts };
  },
  handle: ({ given, spec, stoppedAt, valid }, ctx) => {
    const secretName = given?.secretName ?? STORAGE_CONFIG_SECRET;
    // never a deferred namespace's placeholder: the locations it gives are checked against the real namespace once it is known
    const namespace = given?.namespace ?? ctx.namespace;
    if (stoppedAt === "screen") return screenedHandle(secretName, namespace, ctx);
    const entries = spec?.entries ?? {};
    const reference: StorageConfigReference = { secretName, entries };
    return {
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
  },
  fallback: (ctx) => ({
    secretName: STORAGE_CONFIG_SECRET,
    where: ctx.where,
    valid: false,
    keys: [],
    locate: () => ({ source: { where: ctx.where, kind: "s3", valid: false } }),
  }),
});

/** Builds a StorageConfig from props: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildStorageConfig: (props: StorageConfigProps, ctx: BuildContext) => BuildResult<StorageConfigHandle> = storageConfigConcept.build;

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
