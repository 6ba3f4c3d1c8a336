/**
 * Builds a NIM deployment on its platform: a runtime and InferenceService on KServe (with OpenShift AI's
 * metadata on OpenShift AI targets), or a NIMCache and NIMService for the NIM Operator. The KServe
 * objects are built by the engine, storage and InferenceService builders, so every rule of theirs applies.
 */
import type { BuildContext, BuildDraft } from "../context";
import { guardBuild } from "../context";
import type { Issue, IssueDraft } from "../errors";
import { isError, locate } from "../errors";
import type { Manifest } from "../k8s";
import { parseProps } from "../schema";
import { mergeTargetProps, resolveTarget } from "../target/resolve";
import type { RuntimeInfo } from "../runtime/ref";
import type { ModelLocation } from "../storage/location";
import type { HardwareRequest } from "../hardware/request";
import { Hardware, requestOf } from "../hardware/request";
import { applyHardware } from "../hardware/apply";
import type { HardwareApplication } from "../hardware/apply";
import { Accelerator } from "../accelerators";
import { buildInferenceEngine } from "../engine/build";
import { buildPvcStorage } from "../storage/build";
import { buildInferenceService } from "../service/build";
import type { EnvValue } from "../pod/env";
import type { VolumeProps } from "../pod/volumes";
import type { NimModelSpec } from "./catalogue";
import type { NimAccountProps, NimProps } from "./props";
import { NgcSecrets } from "./props";
import { nimAccountSchema, nimSchema } from "./schema";
import { checkCache, checkNgcSecrets, checkNimReplicas, checkProfile, checkSecretKind, nimReplicaBounds, ref, resolveGpus, resolveNimModel } from "./rules";
import { NIM_EMPTYDIR_CACHE_PATH, NIM_GROUP, NIM_KNATIVE_CONCURRENCY, NIM_PORT, nimEngineProps, nimScheduling, nimStartupProbe, nimStartupSeconds, renderDownloadJob, renderNimAccount, renderNimCache, renderNimService } from "./render";
import { nimAccountKeyRule, nimAccountTargetRule, nimKServeOnlyRule, nimOneAccountRule, nimRuntimePlatformRule } from "./rules";
import { runRules } from "../rules/registry";
import { renderProbe } from "../pod/probes";
import { factsOf, shareKeyOf } from "../plan";
import type { ManifestFacts } from "../plan";

/** What other constructs need from a NIM. */
export interface NimHandle {
  readonly name: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
  readonly platform: "kserve" | "nim-operator";
  /** The KServe runtime (reusable by other Nims with the same model). */
  readonly runtime?: RuntimeInfo;
  readonly model?: NimModelSpec;
}

/**
 * The runtime another construct uses to reach a NIM: its own or shared KServe runtime, or (on the NIM
 * Operator, or when the NIM is invalid) a placeholder marked invalid, so that nothing builds on it.
 */
export function nimRuntime(handle: NimHandle): RuntimeInfo {
  return handle.runtime ?? { name: `${handle.name}-runtime`, kind: "ServingRuntime", where: handle.where, valid: false };
}

/**
 * The model's resources under what the hardware sets (as on KServe, where the InferenceService's
 * resources override the runtime's): the request's values, else the profile's defaults, else the model's.
 */
function withModelResources(model: NimModelSpec, application: HardwareApplication): { requests: Record<string, string | number>; limits: Record<string, string | number> } {
  return { requests: { ...model.resources.requests, ...application.resources.requests }, limits: { ...model.resources.limits, ...application.resources.limits } };
}

function buildNimUnguarded(props: NimProps, ctx: BuildContext): BuildDraft<NimHandle> {
  const name = (props as Partial<NimProps> | undefined)?.name ?? ctx.defaultName;
  const namespace = (props as Partial<NimProps> | undefined)?.namespace ?? ctx.namespace;
  const platformOf = (p: Partial<NimProps> | undefined) => p?.platform ?? "kserve";
  const invalid = (issues: readonly Issue[]): BuildDraft<NimHandle> => ({
    manifests: [],
    issues,
    handle: { name, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid: false, platform: platformOf(props) },
  });
  const parsed = parseProps(nimSchema, props);
  if (parsed.value === undefined) return invalid(locate(ctx.where, parsed.issues));
  const p = parsed.value;
  const platform = platformOf(p);
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  const drafts: IssueDraft[] = [...targetIssues];
  const { model, issues: modelIssues } = resolveNimModel(p.model);
  drafts.push(...modelIssues);
  const apiKey = ref(p.ngc.apiKeySecret, (n) => NgcSecrets.apiKey(n));
  const pull = ref(p.ngc.pullSecret, (n) => NgcSecrets.pullSecret(n));
  drafts.push(...checkNgcSecrets(apiKey, pull, platform), ...checkProfile(p.profile), ...checkCache(p.cache, p, platform));
  const hfToken = p.ngc.hfTokenSecret !== undefined ? ref(p.ngc.hfTokenSecret, (n) => NgcSecrets.hfToken(n)) : undefined;
  if (hfToken !== undefined) drafts.push(...checkSecretKind("ngc.hfTokenSecret", hfToken, "hf-token"));
  drafts.push(...runRules([nimKServeOnlyRule, nimRuntimePlatformRule], { props: p, platform }));
  const request: HardwareRequest | undefined = p.hardware === undefined ? undefined : requestOf(p.hardware);
  drafts.push(...checkNimReplicas(p));
  if (model === undefined || drafts.some((d) => d.severity !== "warning")) return invalid(locate(ctx.where, drafts));
  const gpusResolved = resolveGpus(model, p.accelerators, request);
  drafts.push(...gpusResolved.issues);
  if (gpusResolved.gpus === undefined || drafts.some((d) => d.severity !== "warning")) return invalid(locate(ctx.where, drafts));
  const gpus = gpusResolved.gpus;
  const version = p.version ?? model.version;
  const hardware: HardwareRequest = request !== undefined ? { ...request, accelerators: gpus } : Hardware.accelerator(Accelerator.nvidia(), { accelerators: gpus });
  const odh = target.openshiftAI !== undefined;
  const apiKeyRef = { name: apiKey.name, key: apiKey.type === "ngc-api-key" ? apiKey.key : "NGC_API_KEY" };
  const replicas = nimReplicaBounds(p);
  const cache = p.cache;
  const claimName = cache?.claimName ?? (cache?.create !== undefined ? `${name}-cache` : undefined);
  // the profile the NIM is pinned to (`auto` lets it pick one for the GPUs it finds)
  const pinnedProfile = p.profile !== "auto" ? p.profile : undefined;
  const env: Record<string, EnvValue> = pinnedProfile !== undefined ? { NIM_MODEL_PROFILE: pinnedProfile } : {};
  const child = (suffix: string, defaultName: string): BuildContext => ({ ...ctx, where: `${ctx.where}/${suffix}`, defaultName, ...(namespace !== undefined ? { namespace } : {}) });
  const issues: Issue[] = locate(ctx.where, drafts);
  const manifests: Manifest[] = [];
  const facts = new Map<Manifest, ManifestFacts>();

  if (platform === "nim-operator") {
    const applied = applyHardware("hardware", hardware, { openshiftAI: odh });
    issues.push(...locate(ctx.where, applied.issues));
    if (applied.application === undefined || issues.some(isError)) return invalid(issues);
    const scheduling = nimScheduling(applied.application);
    let storage: Record<string, unknown>;
    if (claimName !== undefined) {
      const cacheName = `${name}-cache`;
      manifests.push(
        renderNimCache({
          name: cacheName,
          ...(namespace !== undefined ? { namespace } : {}),
          image: `${model.image}:${version}`,
          apiKeySecret: apiKey.name,
          pullSecret: pull.name,
          gpus,
          ...(pinnedProfile !== undefined ? { profile: pinnedProfile } : {}),
          pvc: {
            create: cache?.create !== undefined,
            name: claimName,
            ...(cache?.create ? { size: cache.create.size, accessMode: cache.create.accessMode ?? "ReadWriteOnce", ...(cache.create.storageClass ? { storageClass: cache.create.storageClass } : {}) } : {}),
          },
          scheduling,
        }),
      );
      storage = { nimCache: { name: cacheName, ...(pinnedProfile !== undefined ? { profile: pinnedProfile } : {}) } };
    } else {
      storage = { emptyDir: { ...(cache?.emptyDirSize !== undefined ? { sizeLimit: cache.emptyDirSize } : {}) } };
    }
    manifests.push(
      renderNimService({
        name,
        ...(namespace !== undefined ? { namespace } : {}),
        image: model.image,
        version,
        apiKeySecret: apiKey.name,
        pullSecret: pull.name,
        storage,
        shmSize: model.shmSize,
        resources: withModelResources(model, applied.application),
        replicas,
        env,
        scheduling,
        labels: applied.application.labels,
      }),
    );
    issues.push(...(ctx.registry?.claim(ctx.where, manifests) ?? []));
    const valid = !issues.some(isError);
    return { manifests: valid ? manifests : [], issues, handle: { name, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid, platform, model } };
  }

  // KServe (and OpenShift AI)
  let runtime: RuntimeInfo | undefined = p.runtime?.runtime;
  if (runtime === undefined) {
    const engineProps = nimEngineProps({
      model,
      version,
      apiKey: apiKeyRef,
      pullSecret: pull.name,
      ...(hfToken !== undefined && hfToken.type === "hf-token" ? { hfToken: { name: hfToken.name, key: hfToken.key } } : {}),
      scope: p.runtimeScope ?? (odh ? "namespace" : "cluster"),
      ...(namespace !== undefined ? { namespace } : {}),
      openshiftAI: odh,
    });
    const finalProps = p.target !== undefined ? { ...engineProps, target: p.target } : engineProps;
    const { registry: _registry, ...unregistered } = child("runtime", engineProps.name as string);
    const candidate = buildInferenceEngine(finalProps, unregistered);
    // the Nims of one model and version render the same runtime: the app defines it once (its share key says which)
    const candidateKey = candidate.manifests.length === 1 ? shareKeyOf(candidate.manifests[0] as Manifest) : undefined;
    const twin = candidateKey === undefined ? undefined : ctx.registry?.runtimes.find((r) => r.valid && r.name === candidate.handle.name && r.manifest !== undefined && shareKeyOf(r.manifest) === candidateKey);
    if (twin !== undefined) {
      runtime = twin; // another Nim of the same model and version already defines this runtime: share it
    } else {
      const built = buildInferenceEngine(finalProps, child("runtime", engineProps.name as string));
      issues.push(...built.issues);
      manifests.push(...built.manifests);
      for (const [manifest, stated] of factsOf(built.plan)) facts.set(manifest, stated);
      const own = built.handle.manifest;
      if (own !== undefined && built.manifests.includes(own)) facts.set(own, { ...facts.get(own), shareKey: shareKeyOf(own) });
      runtime = built.handle;
    }
  }
  let location: ModelLocation = { none: true };
  const volumes: VolumeProps[] = [];
  if (claimName !== undefined) {
    const store = buildPvcStorage(
      {
        claimName,
        ...(cache?.create !== undefined ? { create: { size: cache.create.size, accessModes: [cache.create.accessMode ?? "ReadWriteOnce"], ...(cache.create.storageClass ? { storageClassName: cache.create.storageClass } : {}) } } : {}),
        ...(cache?.create === undefined && cache?.accessModes !== undefined ? { accessModes: cache.accessModes } : {}),
        ...(p.target !== undefined ? { target: p.target } : {}),
      },
      child("cache", `${name}-cache`),
    );
    issues.push(...store.issues);
    manifests.push(...store.manifests);
    for (const [manifest, stated] of factsOf(store.plan)) facts.set(manifest, stated);
    const readOnly = cache?.readOnly === true;
    location = { ...store.handle.locate(""), ...(readOnly ? {} : { writable: true }) };
    if (cache?.downloadJob === true) {
      const applied = applyHardware("hardware", hardware, { openshiftAI: odh });
      issues.push(...locate(ctx.where, applied.issues));
      if (applied.application !== undefined) {
        manifests.push(
          renderDownloadJob({
            name: `${name}-cache-download`,
            ...(namespace !== undefined ? { namespace } : {}),
            image: `${model.image}:${version}`,
            claimName,
            apiKey: apiKeyRef,
            pullSecret: pull.name,
            resources: withModelResources(model, applied.application),
            ...(pinnedProfile !== undefined ? { profile: pinnedProfile } : {}),
            scheduling: nimScheduling(applied.application),
            openshiftAI: odh,
          }),
        );
      }
    }
  } else {
    env["NIM_CACHE_PATH"] = NIM_EMPTYDIR_CACHE_PATH;
    volumes.push({ name: "nim-cache", mountPath: NIM_EMPTYDIR_CACHE_PATH, emptyDir: { ...(cache?.emptyDirSize !== undefined ? { sizeLimit: cache.emptyDirSize } : {}) } });
  }
  // the runtime's startup budget assumes a start that downloads the weights; a filled cache (or the
  // user's own budget) gives the model container its own
  const cacheFilled = claimName !== undefined && (cache?.prefilled === true || cache?.downloadJob === true);
  const startupSeconds = p.startupSeconds ?? nimStartupSeconds(model, cacheFilled);
  const modelStartup = startupSeconds !== nimStartupSeconds(model, false) ? renderProbe("startup", nimStartupProbe(startupSeconds), "/v1/health/ready", NIM_PORT) : undefined;
  const knative = p.deploymentMode === "Knative" || p.deploymentMode === "Serverless";
  const scaling = { ...(knative ? { metric: "concurrency" as const, target: NIM_KNATIVE_CONCURRENCY } : {}), ...(p.scaling ?? {}), min: replicas.min, max: replicas.max };
  const overrides: Record<string, unknown> = {
    ...(odh ? {} : { securityContext: { fsGroup: NIM_GROUP } }),
    ...(modelStartup !== undefined ? { model: { startupProbe: modelStartup } } : {}),
  };
  const isvc = buildInferenceService(
    {
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      engine: { runtime },
      model: location,
      hardware,
      ...(Object.keys(env).length > 0 ? { env } : {}),
      ...(volumes.length > 0 ? { volumes } : {}),
      scaling,
      ...(p.deploymentMode !== undefined ? { deploymentMode: p.deploymentMode } : {}),
      ...(p.visibility !== undefined ? { visibility: p.visibility } : {}),
      ...(p.labels !== undefined ? { labels: p.labels } : {}),
      ...(p.annotations !== undefined ? { annotations: p.annotations } : {}),
      ...(Object.keys(overrides).length > 0 ? { predictorOverrides: overrides } : {}),
      ...(p.target !== undefined ? { target: p.target } : {}),
    },
    { ...ctx, ...(namespace !== undefined ? { namespace } : {}) },
  );
  issues.push(...isvc.issues);
  manifests.push(...isvc.manifests);
  for (const [manifest, stated] of factsOf(isvc.plan)) facts.set(manifest, stated);
  const valid = !issues.some(isError);
  return { manifests: valid ? manifests : [], issues, handle: { name, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid, platform, runtime, model }, facts };
}

/** Builds a NIM deployment; never throws on bad input. */
export const buildNim = guardBuild<NimProps, NimHandle>(buildNimUnguarded, (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false, platform: "kserve" }));

/** The handle of a NIM Account. */
export interface NimAccountHandle {
  readonly name: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
}

function buildNimAccountUnguarded(props: NimAccountProps, ctx: BuildContext): BuildDraft<NimAccountHandle> {
  const name = (props as Partial<NimAccountProps> | undefined)?.name ?? ctx.defaultName;
  const parsed = parseProps(nimAccountSchema, props);
  if (parsed.value === undefined) return { manifests: [], issues: locate(ctx.where, parsed.issues), handle: { name, where: ctx.where, valid: false } };
  const p = parsed.value;
  const { target, issues: targetIssues } = resolveTarget(mergeTargetProps(ctx.target, p.target));
  const drafts: IssueDraft[] = [...targetIssues];
  const secret = ref(p.apiKeySecret, (n) => NgcSecrets.accountApiKey(n));
  const namespace = p.namespace ?? target.openshiftAI?.applicationsNamespace ?? ctx.namespace;
  const other = ctx.registry?.claimSingleton(`nim-account/${namespace ?? ""}`, ctx.where);
  drafts.push(
    ...checkSecretKind("apiKeySecret", secret, "nim-account-api-key"),
    ...runRules([nimAccountKeyRule, nimAccountTargetRule, nimOneAccountRule], { name, namespace, secret, openshiftAI: target.openshiftAI !== undefined, other }),
  );
  const issues = locate(ctx.where, drafts);
  if (issues.some(isError)) return { manifests: [], issues, handle: { name, where: ctx.where, valid: false } };
  const manifest = renderNimAccount({
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    secret: { name: secret.name, ...(secret.type === "nim-account-api-key" && secret.namespace !== undefined ? { namespace: secret.namespace } : {}) },
    ...(p.validationRefreshRate !== undefined ? { validationRefreshRate: p.validationRefreshRate } : {}),
    ...(p.nimConfigRefreshRate !== undefined ? { nimConfigRefreshRate: p.nimConfigRefreshRate } : {}),
  });
  issues.push(...(ctx.registry?.claim(ctx.where, [manifest]) ?? []));
  const valid = !issues.some(isError);
  return { manifests: valid ? [manifest] : [], issues, handle: { name, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid } };
}

/** Builds OpenShift AI's NIM Account; never throws on bad input. */
export const buildNimAccount = guardBuild<NimAccountProps, NimAccountHandle>(buildNimAccountUnguarded, (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false }));
