/**
 * GitOps metadata: what Argo CD and Flux need to know about the objects the library renders.
 *
 * - Overlays of Secrets the library does not own (KServe's S3 settings annotations, OpenShift AI's
 *   data-connection labels) carry annotations that keep both tools from pruning or deleting the real
 *   Secret and from taking over the fields they do not set.
 * - Optional sync waves order the objects of one Argo CD application: configuration and runtimes before
 *   the services that use them.
 */
import type { Manifest } from "./k8s";
import { locate, throwIfErrors } from "./errors";
import type { IssueDraft } from "./errors";
import { defineRule, runRules } from "./rules/registry";

/**
 * The annotations on every overlay of a Secret the library does not own (a manifest the emit plan marks
 * as a patch, see `./plan.ts`):
 *
 * - `argocd.argoproj.io/sync-options: Prune=false,Delete=false`: Argo CD never deletes the Secret, neither
 *   when the overlay leaves Git (prune) nor when the Application is deleted.
 * - `argocd.argoproj.io/compare-options: IgnoreExtraneous`: once the overlay has left Git, the Secret that
 *   stays does not mark the Application OutOfSync.
 * - `kustomize.toolkit.fluxcd.io/prune: disabled`: Flux never garbage-collects the Secret.
 * - `kustomize.toolkit.fluxcd.io/ssa: Merge`: Flux's server-side apply keeps the fields other managers
 *   (your secret manager) set, so a reconciliation never removes the keys.
 */
export const SECRET_OVERLAY_ANNOTATIONS: Readonly<Record<string, string>> = {
  "argocd.argoproj.io/compare-options": "IgnoreExtraneous",
  "argocd.argoproj.io/sync-options": "Prune=false,Delete=false",
  "kustomize.toolkit.fluxcd.io/prune": "disabled",
  "kustomize.toolkit.fluxcd.io/ssa": "Merge",
};

/** The Argo CD annotation that orders an application's objects (lower waves apply first). */
export const SYNC_WAVE_ANNOTATION = "argocd.argoproj.io/sync-wave";

/**
 * The default Argo CD sync wave of each kind the library renders: the namespace first (-2), then the
 * configuration and the runtimes the services name (-1), then the services and what they mount (0).
 * PersistentVolumeClaims and Jobs share the services' wave: a claim that binds on first use stays
 * Pending (Progressing for Argo CD) until a pod mounts it, which would stop an earlier wave forever.
 */
export const DEFAULT_SYNC_WAVES: Readonly<Record<string, number>> = {
  Namespace: -2,
  ServiceAccount: -1,
  Secret: -1,
  ConfigMap: -1,
  Role: -1,
  RoleBinding: -1,
  ClusterRole: -1,
  ClusterRoleBinding: -1,
  HardwareProfile: -1,
  Account: -1,
  Template: -1,
  TriggerAuthentication: -1,
  ClusterStorageContainer: -1,
  ServingRuntime: -1,
  ClusterServingRuntime: -1,
  LLMInferenceServiceConfig: -1,
  LocalModelNodeGroup: -1,
  LocalModelCache: -1,
  PersistentVolumeClaim: 0,
  Job: 0,
  NIMCache: 0,
  InferenceService: 0,
  LLMInferenceService: 0,
  NIMService: 0,
  HTTPRoute: 0,
  InferencePool: 0,
  InferenceObjective: 0,
};

/** Sync waves per kind: `true` for {@link DEFAULT_SYNC_WAVES}, or waves that override them by kind. */
export type SyncWaves = true | Readonly<Record<string, number>>;

/** The sync wave of `kind` under `waves`, if it has one. */
export function syncWaveOf(kind: string, waves: SyncWaves): number | undefined {
  const table = waves === true ? DEFAULT_SYNC_WAVES : { ...DEFAULT_SYNC_WAVES, ...waves };
  return Object.prototype.hasOwnProperty.call(table, kind) ? table[kind] : undefined;
}

/** `manifest` with its sync-wave annotation under `waves` (unchanged for a kind without a wave, or one that sets its own). */
export function withSyncWave<M extends Manifest>(manifest: M, waves: SyncWaves): M {
  const wave = syncWaveOf(manifest.kind, waves);
  const annotations = manifest.metadata.annotations ?? {};
  if (wave === undefined || SYNC_WAVE_ANNOTATION in annotations) return manifest;
  return { ...manifest, metadata: { ...manifest.metadata, annotations: { ...annotations, [SYNC_WAVE_ANNOTATION]: String(wave) } } };
}

const syncWavesRule = defineRule<{ readonly value: unknown; readonly path: string }>({
  id: "gitops/sync-waves",
  severity: "error",
  summary: "sync waves are true or an object of whole numbers per kind",
  why: "Argo CD parses the sync-wave annotation as an integer; any other value fails the sync",
  fix: "pass true for the default waves, or { Kind: wave } with whole numbers",
  on: "props",
  check: ({ value, path }) => {
    if (value === true) return [];
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return [{ path, value, message: "syncWaves is true or an object of waves per kind", fix: "pass true, or for example { InferenceService: 1 }" }];
    }
    return Object.entries(value as Record<string, unknown>).flatMap(([kind, wave]) =>
      typeof wave === "number" && Number.isSafeInteger(wave) ? [] : [{ path: `${path}.${kind}`, value: wave, message: `the sync wave of ${kind} must be a whole number`, fix: "give an integer such as -1, 0 or 1" }],
    );
  },
});

/** Problems with sync waves given at `path`. */
export function checkSyncWaves(value: unknown, path = "syncWaves"): IssueDraft[] {
  return runRules([syncWavesRule], { value, path });
}

/** Throws one ValidationError when `value` is not valid {@link SyncWaves}. */
export function assertSyncWaves(value: unknown, where: string): void {
  throwIfErrors(locate(where, checkSyncWaves(value)));
}
