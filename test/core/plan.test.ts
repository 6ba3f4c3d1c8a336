/**
 * The emit plan: for each manifest a build renders, the facts the adapters read (stable name and id,
 * owned or a patch of an object that exists, cluster scope, sharing key), and the cdk8s adapter reading
 * them instead of guessing from the object's shape.
 */
import { ApiObject, App, Chart, Testing } from "cdk8s";
import {
  CLUSTER_SCOPED_KINDS,
  EnginePresets,
  NgcSecrets,
  Registry,
  buildInferenceEngine,
  buildNim,
  buildS3Storage,
  buildStorageConfig,
  factsOf,
  isClusterScoped,
  planOf,
  shareKeyOf,
} from "kserve-constructs";
import type { BuildContext, BuildResult, EmitEntry, Manifest } from "kserve-constructs";
import { InferenceEngine, StorageConfig } from "kserve-constructs/cdk8s";
import { emitPlan } from "../../src/cdk8s/emit";
import { applyOverlaysToDefinedSecrets } from "../../src/cdk8s/plus";

const ctx = (where: string, extra: Partial<BuildContext> = {}): BuildContext => ({ where, defaultName: where, namespace: "models", ...extra });
const minio = { type: "s3", bucket: "models", endpoint: "https://minio.minio.svc:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } } as const;
const ngc = { apiKeySecret: NgcSecrets.apiKey("nvidia-nim-secrets"), pullSecret: NgcSecrets.pullSecret("ngc-secret") };

/** The plan's facts of the entry for `kind` (the manifest left out). */
function factsFor(result: BuildResult<unknown>, kind: string): Omit<EmitEntry, "manifest"> {
  const entry = result.plan.find((e) => e.manifest.kind === kind);
  if (entry === undefined) throw new Error(`no ${kind} in the plan`);
  const { manifest: _manifest, ...facts } = entry;
  return facts;
}

/** The plan lists the manifests, the same objects in the same order. */
function expectPlanOfManifests(result: BuildResult<unknown>): void {
  expect(result.plan.map((e) => e.manifest)).toEqual(result.manifests);
  result.plan.forEach((e, i) => expect(e.manifest).toBe(result.manifests[i]));
}

describe("the facts of each manifest", () => {
  it("a KServe S3 settings overlay patches the credentials Secret; the ServiceAccount is owned", () => {
    const result = buildS3Storage({ bucket: "models", endpoint: "https://minio.minio.svc:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } }, ctx("minio"));
    expectPlanOfManifests(result);
    expect(factsFor(result, "Secret")).toEqual({ name: "minio-credentials", id: "Secret-minio-credentials", contentNamed: false, ownership: { kind: "patch", strategy: "secret-annotations" }, clusterScoped: false });
    expect(factsFor(result, "ServiceAccount")).toEqual({ name: "minio-sa", id: "ServiceAccount-minio-sa", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: false });
  });

  it("an OpenShift AI data connection patches the entry's Secret with its labels, annotations and non-secret keys", () => {
    const result = buildStorageConfig({ source: "data-connections", entries: { "aws-connection-models": { type: "s3", bucket: "models", endpoint: "https://s3.example", region: "eu-central-1" } }, target: { openshiftAI: { version: "2.25" } } }, ctx("connections"));
    expectPlanOfManifests(result);
    expect(result.plan).toHaveLength(1);
    expect(factsFor(result, "Secret")).toEqual({ name: "aws-connection-models", id: "Secret-aws-connection-models", contentNamed: false, ownership: { kind: "patch", strategy: "secret-data-connection" }, clusterScoped: false });
  });

  it("a cluster-scoped runtime is cluster-scoped; a namespaced one is not", () => {
    const cluster = buildInferenceEngine(EnginePresets.vllm({ accelerator: "nvidia", scope: "cluster" }), ctx("vllm"));
    expectPlanOfManifests(cluster);
    expect(factsFor(cluster, "ClusterServingRuntime")).toEqual({ name: "vllm", id: "ClusterServingRuntime-vllm", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: true });
    const namespaced = buildInferenceEngine(EnginePresets.vllm({ accelerator: "nvidia" }), ctx("vllm"));
    expect(factsFor(namespaced, "ServingRuntime")).toEqual({ name: "vllm", id: "ServingRuntime-vllm", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: false });
  });

  it("a storage-config Job's stable name leaves out the hash of its pod spec, which its metadata.name carries", () => {
    const props = { source: { job: { image: "docker.io/alpine/k8s:1.31.4" } }, entries: { minio }, target: { modelMesh: true } };
    const result = buildStorageConfig(props, ctx("storage"));
    expectPlanOfManifests(result);
    expect(factsFor(result, "Job")).toEqual({ name: "storage-config-writer", id: "Job-storage-config-writer", contentNamed: true, ownership: { kind: "owned" }, clusterScoped: false });
    expect(result.plan.find((e) => e.manifest.kind === "Job")?.manifest.metadata.name).toMatch(/^storage-config-writer-[0-9a-f]{8}$/);
    for (const kind of ["ServiceAccount", "Role", "RoleBinding"]) expect(factsFor(result, kind)).toMatchObject({ name: "storage-config-writer", id: `${kind}-storage-config-writer`, contentNamed: false });
    // another image is another Job name, the same stable name and id
    const changed = buildStorageConfig({ ...props, source: { job: { image: "docker.io/alpine/k8s:1.32.0" } } }, ctx("storage"));
    const job = (r: BuildResult<unknown>): EmitEntry | undefined => r.plan.find((e) => e.manifest.kind === "Job");
    expect(job(changed)?.manifest.metadata.name).not.toBe(job(result)?.manifest.metadata.name);
    expect([job(changed)?.name, job(changed)?.id]).toEqual(["storage-config-writer", "Job-storage-config-writer"]);
  });

  it("the runtime a Nim defines carries its share key; a second Nim of the model shares it and defines none", () => {
    const registry = new Registry();
    const first = buildNim({ model: "llama-3.1-8b-instruct", ngc }, ctx("first", { registry }));
    const second = buildNim({ model: "llama-3.1-8b-instruct", ngc }, ctx("second", { registry }));
    expectPlanOfManifests(first);
    const runtime = first.plan.find((e) => e.manifest.kind === "ClusterServingRuntime");
    expect(runtime).toBeDefined();
    const key = shareKeyOf(runtime?.manifest as Manifest);
    expect(key).toMatch(/^serving\.kserve\.io\/ClusterServingRuntime\/nvidia-nim-llama-3\.1-8b-instruct-1\.13\.1@[0-9a-f]{16}$/);
    expect(factsFor(first, "ClusterServingRuntime")).toEqual({ name: "nvidia-nim-llama-3.1-8b-instruct-1.13.1", id: "ClusterServingRuntime-nvidia-nim-llama-3.1-8b-instruct-1.13.1", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: true, shareKey: key });
    expect(factsFor(first, "InferenceService")).toEqual({ name: "first", id: "InferenceService-first", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: false });
    expect(second.plan.map((e) => e.id)).toEqual(["InferenceService-second"]);
    expect(second.handle.runtime?.where).toBe("first/runtime");
    // other NGC Secrets are another runtime (the same name, another key)
    const other = buildNim({ model: "llama-3.1-8b-instruct", ngc: { ...ngc, pullSecret: NgcSecrets.pullSecret("other-pull") } }, ctx("other"));
    const otherKey = other.plan.find((e) => e.manifest.kind === "ClusterServingRuntime")?.shareKey;
    expect(otherKey).toMatch(/^serving\.kserve\.io\/ClusterServingRuntime\/nvidia-nim-llama-3\.1-8b-instruct-1\.13\.1@/);
    expect(otherKey).not.toBe(key);
  });
});

describe("defaults in one place", () => {
  const manifest = (apiVersion: string, kind: string, name: string): Manifest => ({ apiVersion, kind, metadata: { name } });

  it("without facts an object is owned, named by metadata.name, shared with nobody, cluster-scoped by its kind", () => {
    const ns = manifest("v1", "Namespace", "models");
    const role = manifest("rbac.authorization.k8s.io/v1", "ClusterRole", "reader");
    const lookalike = manifest("example.com/v1", "Namespace", "not-core");
    expect(planOf([ns, role, lookalike])).toEqual([
      { manifest: ns, name: "models", id: "Namespace-models", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: true },
      { manifest: role, name: "reader", id: "ClusterRole-reader", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: true },
      { manifest: lookalike, name: "not-core", id: "Namespace-not-core", contentNamed: false, ownership: { kind: "owned" }, clusterScoped: false },
    ]);
  });

  it("the cluster-scoped kinds are one table, by API group", () => {
    expect(CLUSTER_SCOPED_KINDS).toEqual({
      "": ["Namespace"],
      "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
      "serving.kserve.io": ["ClusterServingRuntime", "ClusterStorageContainer", "LocalModelCache", "LocalModelNodeGroup"],
    });
    expect([isClusterScoped("serving.kserve.io/v1alpha1", "ClusterServingRuntime"), isClusterScoped("serving.kserve.io/v1alpha1", "ServingRuntime"), isClusterScoped("v1", "constructor")]).toEqual([true, false, false]);
  });

  it("the facts of a plan survive a build made of other builds (factsOf)", () => {
    const job = manifest("batch/v1", "Job", "writer-0123abcd");
    const secret = manifest("v1", "Secret", "creds");
    const plan = planOf([job, secret], new Map([[job, { stableName: "writer" }], [secret, { ownership: { kind: "patch", strategy: "secret-annotations" } as const, shareKey: "k" }]]));
    expect(planOf([job, secret], factsOf(plan))).toEqual(plan);
    expect(plan.map((e) => [e.id, e.contentNamed, e.ownership.kind, e.shareKey])).toEqual([
      ["Job-writer", true, "owned", undefined],
      ["Secret-creds", false, "patch", "k"],
    ]);
  });
});

describe("the cdk8s adapter reads the plan", () => {
  const entry = (manifest: Manifest, facts: Partial<EmitEntry> = {}): EmitEntry => ({ manifest, name: manifest.metadata.name, id: `${manifest.kind}-${manifest.metadata.name}`, contentNamed: false, ownership: { kind: "owned" }, clusterScoped: false, ...facts });

  it("ApiObject ids are the plan's: the storage-config Job's id has no hash", () => {
    const chart = new Chart(Testing.app(), "test", { namespace: "models" });
    const storage = new StorageConfig(chart, "storage", { source: { job: { image: "docker.io/alpine/k8s:1.31.4" } }, entries: { minio }, target: { modelMesh: true } });
    expect(storage.apiObjects.map((o) => o.node.id)).toEqual(["ServiceAccount-storage-config-writer", "Role-storage-config-writer", "RoleBinding-storage-config-writer", "Job-storage-config-writer"]);
    expect(storage.apiObjects[3]?.name).toMatch(/^storage-config-writer-[0-9a-f]{8}$/);
  });

  it("an entry the plan marks cluster-scoped gets no chart namespace, whatever its kind; others get it", () => {
    const chart = new Chart(Testing.app(), "test", { namespace: "models" });
    const widget: Manifest = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } };
    const gadget: Manifest = { apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "g" } };
    emitPlan(chart, [entry(widget, { clusterScoped: true }), entry(gadget)]);
    expect((chart.toJson() as Manifest[]).map((m) => [m.kind, m.metadata.namespace])).toEqual([
      ["Widget", undefined],
      ["Gadget", "models"],
    ]);
    new InferenceEngine(chart, "vllm", EnginePresets.vllm({ accelerator: "nvidia", scope: "cluster" }));
    expect((chart.toJson() as Manifest[]).find((m) => m.kind === "ClusterServingRuntime")?.metadata.namespace).toBeUndefined();
  });

  it("only an annotations patch of a Secret the app defines goes onto that Secret; an owned Secret of the same name stays itself", () => {
    const chart = new Chart(new App(), "test", { namespace: "models" });
    const object = new ApiObject(chart, "creds", { apiVersion: "v1", kind: "Secret", metadata: { name: "creds" } });
    const defined = [{ path: "credentials.secretName", name: "creds", object }];
    const endpoint = (): string | undefined => (object.metadata.toJson() as { annotations?: Record<string, string> }).annotations?.["serving.kserve.io/s3-endpoint"];
    const overlay: Manifest = { apiVersion: "v1", kind: "Secret", metadata: { name: "creds", namespace: "models", annotations: { "serving.kserve.io/s3-endpoint": "minio:9000" } } };
    const owned = applyOverlaysToDefinedSecrets([entry(overlay)], defined);
    expect([owned.plan.length, endpoint()]).toEqual([1, undefined]);
    const patched = applyOverlaysToDefinedSecrets([entry(overlay, { ownership: { kind: "patch", strategy: "secret-annotations" } })], defined);
    expect([patched.plan.length, patched.drafts, endpoint()]).toEqual([0, [], "minio:9000"]);
  });
});
