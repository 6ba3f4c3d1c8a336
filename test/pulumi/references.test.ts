/**
 * `@pulumi/kubernetes` resources as references: a `k8s.core.v1.Secret`, `PersistentVolumeClaim` or
 * `ServiceAccount` where a name is taken gives exactly the manifests of the names (the same as cdk8s with
 * the names, or with cdk8s-plus objects), through the resource's `metadata.name` Output. Under Pulumi's mocks.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as kplus from "cdk8s-plus-28";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import { byKey, pulumiError, registered, resetPulumi, settle, synthPulumi, valueOf } from "../support/pulumi";
import { synthChart } from "../support/synth";

const s3 = { bucket: "models", endpoint: "https://minio.storage:9000" } as const;

beforeEach(() => resetPulumi());
afterAll(() => settle());

describe("k8s.core.v1 resources where a name is taken", () => {
  it("Secret, PersistentVolumeClaim and ServiceAccount resources give the manifests of their names (parity with cdk8s and cdk8s-plus)", async () => {
    const expected = synthChart((chart) => {
      const engine = cdk8s.InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      const bucket = cdk8s.ModelStorage.s3(chart, "minio", { ...s3, credentials: { secretName: kplus.Secret.fromSecretName(chart, "c", "minio-creds") } });
      const store = cdk8s.ModelStorage.pvc(chart, "store", { claimName: "model-store" });
      new cdk8s.InferenceService(chart, "granite", { engine, model: bucket.path("granite/"), imagePullSecrets: ["quay-pull"] });
      new cdk8s.InferenceService(chart, "local", { engine, model: store.path("m/"), serviceAccountName: "runner" });
      cdk8s.Nim.llama31_8bInstruct(chart, "llama", { ngc: { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" }, cache: { claimName: "nim-cache" } });
    });
    const actual = await synthPulumi(() => {
      const secret = (id: string, name: string): k8s.core.v1.Secret => new k8s.core.v1.Secret(id, { metadata: { name, namespace: "models" } });
      const engine = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
      const bucket = pc.ModelStorage.s3("minio", { ...s3, namespace: "models", credentials: { secretName: secret("user-creds", "minio-creds") } });
      const claim = new k8s.core.v1.PersistentVolumeClaim("user-claim", { metadata: { name: "model-store", namespace: "models" }, spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "100Gi" } } } });
      const store = pc.ModelStorage.pvc("store", { namespace: "models", claimName: claim });
      const runner = new k8s.core.v1.ServiceAccount("user-sa", { metadata: { name: "runner", namespace: "models" } });
      new pc.InferenceService("granite", { namespace: "models", engine, model: bucket.path("granite/"), imagePullSecrets: [secret("user-pull-q", "quay-pull")] });
      new pc.InferenceService("local", { namespace: "models", engine, model: store.path("m/"), serviceAccountName: runner });
      pc.Nim.llama31_8bInstruct("llama", {
        namespace: "models",
        ngc: { apiKeySecret: secret("user-api", "ngc-api"), pullSecret: { type: "ngc-pull-secret", name: secret("user-pull", "ngc-secret") } },
        cache: { claimName: new k8s.core.v1.PersistentVolumeClaim("user-cache", { metadata: { name: "nim-cache", namespace: "models" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "50Gi" } } } }) },
      });
    });
    // the user's own resources (Pulumi names user-*) are registered too: compare the library's objects
    const kubernetes = registered().filter((r) => r.type.startsWith("kubernetes:"));
    const ours = actual.filter((_, i) => !(kubernetes[i]?.name ?? "").startsWith("user-"));
    expect(ours.length).toBe(actual.length - 7);
    expect(byKey(ours)).toEqual(byKey(expected));
  });

  it("Env.fromSecret and Env.fromConfigMap take Secret and ConfigMap resources and Input names (parity with cdk8s names)", async () => {
    const expected = synthChart((chart) => {
      const engine = cdk8s.InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      new cdk8s.InferenceService(chart, "granite", { engine, model: cdk8s.ModelStorage.huggingFace(chart, "hub").path("ibm-granite/granite-3.1-8b-instruct"), env: { HF_TOKEN: cdk8s.Env.fromSecret("hf-token", "token"), LOG_LEVEL: cdk8s.Env.fromConfigMap("model-settings", "log-level"), REGION: cdk8s.Env.fromConfigMap("cluster-info", "region") } });
    });
    const actual = await synthPulumi(() => {
      const token = new k8s.core.v1.Secret("user-token", { metadata: { name: "hf-token", namespace: "models" } });
      const settings = new k8s.core.v1.ConfigMap("user-settings", { metadata: { name: "model-settings", namespace: "models" } });
      const engine = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
      const model = pc.ModelStorage.huggingFace("hub", { namespace: "models" }).path("ibm-granite/granite-3.1-8b-instruct");
      new pc.InferenceService("granite", { namespace: "models", engine, model, env: { HF_TOKEN: pc.Env.fromSecret(token, "token"), LOG_LEVEL: pc.Env.fromConfigMap(settings, "log-level"), REGION: pc.Env.fromConfigMap(pulumi.output("cluster-info"), "region") } });
    });
    const kubernetes = registered().filter((r) => r.type.startsWith("kubernetes:"));
    const ours = actual.filter((_, i) => !(kubernetes[i]?.name ?? "").startsWith("user-"));
    expect(byKey(ours)).toEqual(byKey(expected));
  });

  it("a ConfigMap resource given to Env.fromSecret is a problem with the rule and the path", () => {
    const settings = new k8s.core.v1.ConfigMap("user-settings", { metadata: { name: "model-settings" } });
    const error = pulumiError(() => {
      const engine = pc.InferenceEngine.vllm("vllm", { accelerator: "nvidia", namespace: "models" });
      const model = pc.ModelStorage.huggingFace("hub", { namespace: "models" }).path("m/x");
      new pc.InferenceService("granite", { namespace: "models", engine, model, env: { HF_TOKEN: pc.Env.fromSecret(settings as unknown as k8s.core.v1.Secret, "token") } });
    });
    expect(error.issues.map((i) => ({ where: i.where, path: i.path, rule: i.rule, message: i.message }))).toEqual([{ where: "granite", path: "env.HF_TOKEN.secretKeyRef.name", rule: "references/kind", message: "secretKeyRef names a Secret, but a ConfigMap was given" }]);
  });

  it("a resource of another kind than the arg names is a problem with the rule and the path", () => {
    const secret = new k8s.core.v1.Secret("user-secret", { metadata: { name: "models" } });
    const error = pulumiError(() => pc.ModelStorage.pvc("store", { namespace: "models", claimName: secret as unknown as k8s.core.v1.PersistentVolumeClaim }));
    expect(error.issues.map((i) => ({ where: i.where, path: i.path, rule: i.rule, message: i.message }))).toEqual([{ where: "store", path: "claimName", rule: "references/kind", message: "claimName names a PersistentVolumeClaim, but a Secret was given" }]);
  });
});

describe("the components' own ServiceAccounts and claims as @pulumi/kubernetes resources", () => {
  it("ModelStorage.serviceAccount, ModelStorage.claim and StorageConfig.serviceAccount are the typed child resources", async () => {
    let names: unknown[] = [];
    let created: pulumi.Output<string>[] = [];
    await synthPulumi(() => {
      const bucket = pc.ModelStorage.s3("minio", { ...s3, namespace: "models", credentials: { secretName: "minio-creds" } });
      const store = pc.ModelStorage.pvc("store", { namespace: "models", create: { size: "100Gi" } });
      const hub = pc.ModelStorage.huggingFace("hub", { namespace: "models" });
      const storage = new pc.StorageConfig("storage", { namespace: "models", source: { job: { image: "registry.example/k8s:1" } }, entries: { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1", credentials: { secretName: "minio-creds" } } } });
      const existing = new pc.StorageConfig("existing", { namespace: "models", entries: { minio: { type: "s3", bucket: "models" } } });
      names = [bucket.serviceAccount, store.claim, storage.serviceAccount].map((r) => [k8s.core.v1.ServiceAccount.isInstance(r), k8s.core.v1.PersistentVolumeClaim.isInstance(r)]);
      names.push([bucket.claim, store.serviceAccount, hub.serviceAccount, existing.serviceAccount]);
      created = [bucket.serviceAccount, store.claim, storage.serviceAccount].map((r) => (r as k8s.core.v1.ServiceAccount).metadata.name);
    });
    expect(names).toEqual([[true, false], [false, true], [true, false], [undefined, undefined, undefined, undefined]]);
    expect(await Promise.all(created.map(valueOf))).toEqual(["minio-sa", "store", "storage-config-writer"]);
  });
});
