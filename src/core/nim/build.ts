/**
 * Builds a NIM deployment on its platform, declared through the pipeline (`../pipeline.ts`): a runtime
 * and InferenceService on KServe (with OpenShift AI's metadata on OpenShift AI targets), or a NIMCache
 * and NIMService for the NIM Operator. The KServe objects are built by the engine, storage and
 * InferenceService builders inside the render, so every rule of theirs applies. Also OpenShift AI's NIM
 * Account.
 */
import type { BuildContext, BuildResult } from "../context";
import { defineConcept, specToRender, targetRule } from "../pipeline";
import type { Rendered } from "../pipeline";
import type { Issue } from "../errors";
import { locate } from "../errors";
import type { Manifest } from "../k8s";
import { defaultTarget, mergeTargetProps } from "../target/resolve";
import type { Target } from "../target/resolve";
import type { IRuntime, RuntimeInfo } from "../runtime/ref";
import type { ModelLocation } from "../storage/location";
import type { HardwareRequest } from "../hardware/request";
import { Hardware, requestOf } from "../hardware/request";
import { hardwareApplication, hardwareIssues } from "../hardware/apply";
import type { HardwareApplication, HardwareBase } from "../hardware/apply";
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
import type { NimGpuSubject, NimSecretRef } from "./rules";
import { checkCache, checkNgcSecrets, checkNimGpus, checkNimModel, checkNimReplicas, checkProfile, checkSecretKind, nimGpuFacts, nimGpus, nimModelOf, nimReplicaBounds, ref } from "./rules";
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

/** The hardware of a NIM whose GPU count resolved: the request with that count, and what it adds to the NIM's own pods. */
interface NimHardware {
  /** GPUs per pod. */
  readonly gpus: number;
  /** The request, with `gpus` accelerators (NVIDIA GPUs without a profile when the props give none). */
  readonly request: HardwareRequest;
  /** What the request is applied to (the NIM's own pods: none of the runtime's settings). */
  readonly base: HardwareBase;
  /**
   * The request applied to the pods the NIM renders itself (the NIM Operator's, or the download Job).
   * @default none (no such pods, or a request that cannot be applied: the hardware rules say why)
   */
  readonly application?: HardwareApplication;
}

/** A NIM's props resolved: names, platform, target, Secret references and cache defaults, and the model with its GPUs and hardware when they resolve. */
interface NimSpec {
  readonly name: string;
  readonly namespace?: string;
  readonly platform: NimHandle["platform"];
  readonly target: Target;
  readonly apiKey: NimSecretRef;
  readonly pull: NimSecretRef;
  /**
   * The Hugging Face token Secret.
   * @default none
   */
  readonly hfToken?: NimSecretRef;
  /**
   * The cache claim: the one given, else `<name>-cache` for a new one.
   * @default none (an emptyDir cache)
   */
  readonly claimName?: string;
  /**
   * The profile the NIM is pinned to.
   * @default none (`auto` lets it pick one for the GPUs it finds)
   */
  readonly pinnedProfile?: string;
  /**
   * The model, and the GPU facts of its hardware.
   * @default none (the model has problems: the model rule reports them)
   */
  readonly model?: { readonly spec: NimModelSpec; readonly version: string; readonly gpus: NimGpuSubject };
  /**
   * The hardware with its GPU count.
   * @default none (no model, or no GPU count: the GPU rules say why)
   */
  readonly hardware?: NimHardware;
}

/** The props of a NIM resolved: defaults only (the model, GPUs and hardware when they resolve). */
function resolveNim(p: NimProps, ctx: BuildContext): NimSpec {
  const name = p.name ?? ctx.defaultName;
  const namespace = p.namespace ?? ctx.namespace;
  const target = defaultTarget(mergeTargetProps(ctx.target, p.target));
  const claimName = p.cache?.claimName ?? (p.cache?.create !== undefined ? `${name}-cache` : undefined);
  const pinnedProfile = p.profile !== "auto" ? p.profile : undefined;
  const hfToken = p.ngc.hfTokenSecret !== undefined ? ref(p.ngc.hfTokenSecret, (n) => NgcSecrets.hfToken(n)) : undefined;
  const model = nimModelOf(p.model);
  const request: HardwareRequest | undefined = p.hardware === undefined ? undefined : requestOf(p.hardware);
  const gpuFacts = model !== undefined ? nimGpuFacts(model, p.accelerators, request) : undefined;
  const gpus = gpuFacts !== undefined ? nimGpus(gpuFacts) : undefined;
  let hardware: NimHardware | undefined;
  if (gpus !== undefined) {
    const withGpus: HardwareRequest = request !== undefined ? { ...request, accelerators: gpus } : Hardware.accelerator(Accelerator.nvidia(), { accelerators: gpus });
    const base: HardwareBase = { openshiftAI: target.openshiftAI !== undefined };
    const application = hardwareApplication(withGpus, base);
    hardware = { gpus, request: withGpus, base, ...(application !== undefined ? { application } : {}) };
  }
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    platform: p.platform ?? "kserve",
    target,
    apiKey: ref(p.ngc.apiKeySecret, (n) => NgcSecrets.apiKey(n)),
    pull: ref(p.ngc.pullSecret, (n) => NgcSecrets.pullSecret(n)),
    ...(hfToken !== undefined ? { hfToken } : {}),
    ...(claimName !== undefined ? { claimName } : {}),
    ...(pinnedProfile !== undefined ? { pinnedProfile } : {}),
    ...(model !== undefined && gpuFacts !== undefined ? { model: { spec: model, version: p.version ?? model.version, gpus: gpuFacts } } : {}),
    ...(hardware !== undefined ? { hardware } : {}),
  };
}

/** A NIM that is rendered: its model and hardware (`renderable` makes sure they resolved). */
function renderedParts(spec: NimSpec): { readonly model: NonNullable<NimSpec["model"]>; readonly hardware: NimHardware } {
  return { model: spec.model as NonNullable<NimSpec["model"]>, hardware: spec.hardware as NimHardware };
}

/** The environment the NIM's model container gets: the profile it is pinned to. */
function profileEnv(spec: NimSpec): Record<string, EnvValue> {
  return spec.pinnedProfile !== undefined ? { NIM_MODEL_PROFILE: spec.pinnedProfile } : {};
}

/** The context of a build the NIM runs (its runtime, its cache): under the NIM's path, in its namespace. */
function childContext(spec: NimSpec, ctx: BuildContext, suffix: string, defaultName: string): BuildContext {
  return { ...ctx, where: `${ctx.where}/${suffix}`, defaultName, ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}) };
}

/** The NIM Operator's objects: a NIMCache (with a cache claim) and the NIMService. */
function renderOperator(spec: NimSpec, p: NimProps): Rendered<RuntimeInfo> {
  const { name, namespace, claimName, pinnedProfile, apiKey, pull } = spec;
  const { model, hardware } = renderedParts(spec);
  // the NIM Operator's pods take the request (`renderable`: it applies)
  const application = hardware.application as HardwareApplication;
  const cache = p.cache;
  const scheduling = nimScheduling(application);
  const manifests: Manifest[] = [];
  let storage: Record<string, unknown>;
  if (claimName !== undefined) {
    const cacheName = `${name}-cache`;
    manifests.push(
      renderNimCache({
        name: cacheName,
        ...(namespace !== undefined ? { namespace } : {}),
        image: `${model.spec.image}:${model.version}`,
        apiKeySecret: apiKey.name,
        pullSecret: pull.name,
        gpus: hardware.gpus,
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
      image: model.spec.image,
      version: model.version,
      apiKeySecret: apiKey.name,
      pullSecret: pull.name,
      storage,
      shmSize: model.spec.shmSize,
      resources: withModelResources(model.spec, application),
      replicas: nimReplicaBounds(p),
      env: profileEnv(spec),
      scheduling,
      labels: application.labels,
    }),
  );
  return { manifests };
}

/** The NGC API key Secret the NIM's containers read (`NGC_API_KEY` unless the reference names its key). */
function apiKeyRefOf(spec: NimSpec): { readonly name: string; readonly key: string } {
  return { name: spec.apiKey.name, key: spec.apiKey.type === "ngc-api-key" ? spec.apiKey.key : "NGC_API_KEY" };
}

/** The runtime a NIM defines itself, built without the registry (no names claimed), with its engine props, its context and its share key. */
interface OwnRuntime {
  readonly props: Parameters<typeof buildInferenceEngine>[0];
  readonly ctx: BuildContext;
  readonly candidate: BuildResult<RuntimeInfo>;
  /**
   * The share key of the runtime (see `EmitEntry.shareKey`).
   * @default none (the runtime does not render: its own build reports why)
   */
  readonly key?: string;
}

/** The runtime a NIM of this spec defines when it is given none (see {@link OwnRuntime}). */
function ownRuntime(spec: NimSpec, p: NimProps, ctx: BuildContext): OwnRuntime {
  const { model } = renderedParts(spec);
  const odh = spec.target.openshiftAI !== undefined;
  const hfToken = spec.hfToken;
  const engineProps = nimEngineProps({
    model: model.spec,
    version: model.version,
    apiKey: apiKeyRefOf(spec),
    pullSecret: spec.pull.name,
    ...(hfToken !== undefined && hfToken.type === "hf-token" ? { hfToken: { name: hfToken.name, key: hfToken.key } } : {}),
    scope: p.runtimeScope ?? (odh ? "namespace" : "cluster"),
    ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}),
    openshiftAI: odh,
  });
  const props = p.target !== undefined ? { ...engineProps, target: p.target } : engineProps;
  const runtimeContext = childContext(spec, ctx, "runtime", engineProps.name as string);
  const { registry: _registry, ...unregistered } = runtimeContext;
  const candidate = buildInferenceEngine(props, unregistered);
  const key = candidate.manifests.length === 1 ? shareKeyOf(candidate.manifests[0] as Manifest) : undefined;
  return { props, ctx: runtimeContext, candidate, ...(key !== undefined ? { key } : {}) };
}

/**
 * The KServe runtime of a NIM: the one given, else the runtime another Nim of the same model and
 * version already defines (its share key says so), else its own, built here.
 */
function nimKServeRuntime(spec: NimSpec, p: NimProps, ctx: BuildContext): { readonly runtime: RuntimeInfo; readonly built?: BuildResult<RuntimeInfo> } {
  if (p.runtime !== undefined) return { runtime: p.runtime.runtime };
  const own = ownRuntime(spec, p, ctx);
  // the Nims of one model and version render the same runtime: the app defines it once (its share key says which)
  const twin = own.key === undefined ? undefined : ctx.registry?.runtimes.find((r) => r.valid && r.name === own.candidate.handle.name && r.manifest !== undefined && shareKeyOf(r.manifest) === own.key);
  // another Nim of the same model and version already defines this runtime: share it
  if (twin !== undefined) return { runtime: twin };
  const built = buildInferenceEngine(own.props, own.ctx);
  return { runtime: built.handle, built };
}

/**
 * The KServe objects of a NIM, each built by its own builder (their issues and name claims are theirs):
 * the runtime (unless it is given or shared), the cache claim (with its download Job), the InferenceService.
 */
function renderKServe(spec: NimSpec, p: NimProps, ctx: BuildContext): Rendered<RuntimeInfo> {
  const { name, namespace, claimName, pinnedProfile } = spec;
  const { model, hardware } = renderedParts(spec);
  const odh = spec.target.openshiftAI !== undefined;
  const cache = p.cache;
  const apiKeyRef = apiKeyRefOf(spec);
  const env = profileEnv(spec);
  const issues: Issue[] = [];
  const manifests: Manifest[] = [];
  const facts = new Map<Manifest, ManifestFacts>();
  const { runtime, built } = nimKServeRuntime(spec, p, ctx);
  if (built !== undefined) {
    issues.push(...built.issues);
    manifests.push(...built.manifests);
    for (const [manifest, stated] of factsOf(built.plan)) facts.set(manifest, stated);
    const own = built.handle.manifest;
    if (own !== undefined && built.manifests.includes(own)) facts.set(own, { ...facts.get(own), shareKey: shareKeyOf(own) });
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
      childContext(spec, ctx, "cache", `${name}-cache`),
    );
    issues.push(...store.issues);
    manifests.push(...store.manifests);
    for (const [manifest, stated] of factsOf(store.plan)) facts.set(manifest, stated);
    const readOnly = cache?.readOnly === true;
    location = { ...store.handle.locate(""), ...(readOnly ? {} : { writable: true }) };
    if (cache?.downloadJob === true) {
      // the Job's pod takes the hardware itself: its findings come with the Job, after the cache's
      issues.push(...locate(ctx.where, hardwareIssues("hardware", hardware.request, hardware.base, hardware.application)));
      if (hardware.application !== undefined) {
        manifests.push(
          renderDownloadJob({
            name: `${name}-cache-download`,
            ...(namespace !== undefined ? { namespace } : {}),
            image: `${model.spec.image}:${model.version}`,
            claimName,
            apiKey: apiKeyRef,
            pullSecret: spec.pull.name,
            resources: withModelResources(model.spec, hardware.application),
            ...(pinnedProfile !== undefined ? { profile: pinnedProfile } : {}),
            scheduling: nimScheduling(hardware.application),
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
  const startupSeconds = p.startupSeconds ?? nimStartupSeconds(model.spec, cacheFilled);
  const modelStartup = startupSeconds !== nimStartupSeconds(model.spec, false) ? renderProbe("startup", nimStartupProbe(startupSeconds), "/v1/health/ready", NIM_PORT) : undefined;
  const knative = p.deploymentMode === "Knative" || p.deploymentMode === "Serverless";
  const replicas = nimReplicaBounds(p);
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
      hardware: hardware.request,
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
  // each build claimed its own names (the download Job is claimed by none, as it always was)
  return { manifests, facts, issues, claimed: true, parts: runtime };
}

/** The handle of a NIM that rendered nothing: its name, namespace and platform as given. */
function invalidNimHandle(given: Partial<NimProps> | undefined, ctx: BuildContext): NimHandle {
  const namespace = given?.namespace ?? ctx.namespace;
  return { name: given?.name ?? ctx.defaultName, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid: false, platform: given?.platform ?? "kserve" };
}

/**
 * The NIM concept: the props resolved (model, GPUs, hardware), the target and NIM rules, then the GPU
 * rules and (for the NIM Operator's own pods) the hardware rules once those passed, then the platform's
 * objects.
 */
const nimConcept = defineConcept<NimProps, NimSpec, NimHandle, NimProps, RuntimeInfo>({
  name: "nim",
  schema: nimSchema,
  resolve: resolveNim,
  rules: [
    targetRule,
    { name: "model", check: (_spec, p) => checkNimModel(p.model) },
    { name: "ngc-secrets", check: ({ apiKey, pull, platform }) => checkNgcSecrets(apiKey, pull, platform) },
    { name: "profile", check: (_spec, p) => checkProfile(p.profile) },
    { name: "cache", check: ({ platform }, p) => checkCache(p.cache, p, platform) },
    { name: "hf-token", check: ({ hfToken }) => (hfToken !== undefined ? checkSecretKind("ngc.hfTokenSecret", hfToken, "hf-token") : []) },
    { name: "platform", check: ({ platform }, p) => runRules([nimKServeOnlyRule, nimRuntimePlatformRule], { props: p, platform }) },
    { name: "replicas", check: (_spec, p) => checkNimReplicas(p) },
    // the GPU count needs a known model, and props without errors
    { name: "gpus", runsAfterErrors: false, check: ({ model }) => (model !== undefined ? checkNimGpus(model.gpus) : []) },
    // the NIM Operator's pods take the hardware themselves (on KServe the InferenceService checks it, and the download Job's findings come with the Job)
    { name: "hardware", runsAfterErrors: false, check: ({ platform, hardware }) => (platform === "nim-operator" && hardware !== undefined ? hardwareIssues("hardware", hardware.request, hardware.base, hardware.application) : []) },
  ],
  // a hardware profile that is not valid reports its own problems
  renderable: ({ platform, model, hardware }) => model !== undefined && hardware !== undefined && (platform !== "nim-operator" || hardware.application !== undefined),
  render: (spec, p, ctx) => (spec.platform === "nim-operator" ? renderOperator(spec, p) : renderKServe(spec, p, ctx)),
  handle: ({ given, spec, rendered, valid }, ctx) => {
    if (spec?.model === undefined || rendered === undefined) return invalidNimHandle(given, ctx);
    const { name, namespace, platform } = spec;
    return { name, ...(namespace !== undefined ? { namespace } : {}), where: ctx.where, valid, platform, ...(rendered.parts !== undefined ? { runtime: rendered.parts } : {}), model: spec.model.spec };
  },
  fallback: (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false, platform: "kserve" }),
});

/** Builds a NIM deployment: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildNim: (props: NimProps, ctx: BuildContext) => BuildResult<NimHandle> = nimConcept.build;

/**
 * The share key of the KServe runtime a NIM defines itself (see `EmitEntry.shareKey`): the key its build
 * gives the runtime, from the steps before render and the runtime's own build, without the rest of the
 * render and without the registry (no other NIM's runtime to share, no names claimed). A namespace known
 * later (`ctx.deferredNamespace`) counts by its placeholder, so NIMs of two namespaces never have the key
 * of one namespaced runtime. None when the NIM defines no runtime of its own: it is given one
 * (`runtime`), runs on the NIM Operator, or a rule (or the runtime's build) finds an error.
 */
export function nimRuntimeShareKey(props: NimProps, ctx: BuildContext): string | undefined {
  const { registry: _registry, deferredNamespace, ...alone } = ctx;
  const keyed: BuildContext = alone.namespace === undefined && deferredNamespace !== undefined ? { ...alone, namespace: deferredNamespace } : alone;
  try {
    const checked = specToRender(nimConcept, props, keyed);
    if (checked === undefined || checked.spec.platform !== "kserve" || checked.props.runtime !== undefined) return undefined;
    return ownRuntime(checked.spec, checked.props, keyed).key;
  } catch {
    // the NIM's build reports it (`internal/unexpected`)
    return undefined;
  }
}

/** How a NIM declared in an app gets its KServe runtime (see {@link nimRuntimeSharing}). */
export interface NimRuntimeSharing {
  /**
   * The construct declared before it that defines the runtime it would define: the NIM is built with
   * `runtime: sharesWith`, and defines none.
   * @default none (it defines its own runtime, is given one, or has none)
   */
  readonly sharesWith?: IRuntime;
  /**
   * The share key of the runtime it defines itself (see {@link nimRuntimeShareKey}), for {@link declareNimRuntime}.
   * @default none (it shares one, is given one, or has none)
   */
  readonly key?: string;
}

/**
 * The rule that the NIMs of one model and version share one runtime (the app defines it once), for an
 * adapter that decides it when it declares a NIM, before the NIM's build with real values runs (Pulumi:
 * those builds run once Outputs resolve, in any order): the NIM shares the runtime of the construct
 * declared before it in the app (`ctx.registry`, see {@link declareNimRuntime}) whose runtime has the
 * share key its own would have ({@link nimRuntimeShareKey}: placeholders count as values, so NIMs whose
 * Secret names are the same Output share, as do NIMs in the same Output namespace). A build with the
 * registry applies the same rule itself while it renders, among the runtimes built so far (cdk8s).
 */
export function nimRuntimeSharing(props: NimProps, ctx: BuildContext): NimRuntimeSharing {
  const key = nimRuntimeShareKey(props, ctx);
  const holder = key === undefined ? undefined : ctx.registry?.declaredRuntime(key);
  if (holder !== undefined) return { sharesWith: holder };
  return key !== undefined ? { key } : {};
}

/**
 * Records a declared NIM (`nim`, what the NIMs declared after it get as `runtime`) as the one that
 * defines the runtime of its sharing's key, when its build at declaration is valid and has the runtime
 * (an invalid NIM creates nothing another could share).
 */
export function declareNimRuntime(sharing: NimRuntimeSharing, nim: IRuntime, handle: NimHandle, ctx: BuildContext): void {
  if (sharing.key !== undefined && handle.valid && handle.runtime !== undefined) ctx.registry?.declareRuntime(sharing.key, nim);
}

/** The handle of a NIM Account. */
export interface NimAccountHandle {
  readonly name: string;
  readonly namespace?: string;
  readonly where: string;
  readonly valid: boolean;
}

/** A NIM Account's props resolved: its name, its namespace (OpenShift AI's applications namespace by default), the target and its Secret. */
interface NimAccountSpec {
  readonly name: string;
  readonly namespace?: string;
  readonly target: Target;
  readonly secret: NimSecretRef;
}

/** The NIM Account concept: the target, the Secret's kind, the Account rules (one per namespace: the entry claims the namespace's slot), then the Account. */
const nimAccountConcept = defineConcept<NimAccountProps, NimAccountSpec, NimAccountHandle>({
  name: "nim-account",
  schema: nimAccountSchema,
  resolve: (p, ctx) => {
    const target = defaultTarget(mergeTargetProps(ctx.target, p.target));
    const namespace = p.namespace ?? target.openshiftAI?.applicationsNamespace ?? ctx.namespace;
    return { name: p.name ?? ctx.defaultName, ...(namespace !== undefined ? { namespace } : {}), target, secret: ref(p.apiKeySecret, (n) => NgcSecrets.accountApiKey(n)) };
  },
  rules: [
    targetRule,
    { name: "secret-kind", check: ({ secret }) => checkSecretKind("apiKeySecret", secret, "nim-account-api-key") },
    {
      name: "account",
      check: ({ name, namespace, target, secret }, _p, ctx) => {
        const other = ctx.registry?.claimSingleton(`nim-account/${namespace ?? ""}`, ctx.where);
        return runRules([nimAccountKeyRule, nimAccountTargetRule, nimOneAccountRule], { name, namespace, secret, openshiftAI: target.openshiftAI !== undefined, other });
      },
    },
  ],
  render: ({ name, namespace, secret }, p) => ({
    manifests: [
      renderNimAccount({
        name,
        ...(namespace !== undefined ? { namespace } : {}),
        secret: { name: secret.name, ...(secret.type === "nim-account-api-key" && secret.namespace !== undefined ? { namespace: secret.namespace } : {}) },
        ...(p.validationRefreshRate !== undefined ? { validationRefreshRate: p.validationRefreshRate } : {}),
        ...(p.nimConfigRefreshRate !== undefined ? { nimConfigRefreshRate: p.nimConfigRefreshRate } : {}),
      }),
    ],
  }),
  handle: ({ given, spec, rendered, valid }, ctx) => {
    if (spec === undefined || rendered === undefined) return { name: given?.name ?? ctx.defaultName, where: ctx.where, valid: false };
    return { name: spec.name, ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}), where: ctx.where, valid };
  },
  fallback: (ctx) => ({ name: ctx.defaultName, where: ctx.where, valid: false }),
});

/** Builds OpenShift AI's NIM Account: `{ manifests, issues, handle }`; never throws (bad input and unexpected exceptions come back as issues). */
export const buildNimAccount: (props: NimAccountProps, ctx: BuildContext) => BuildResult<NimAccountHandle> = nimAccountConcept.build;
