/**
 * cdk8s-plus interop (cdk8s-plus-28 here; the typing is structural, so any line from 28 to 33 fits): the
 * constructs take cdk8s-plus Secrets, claims and ServiceAccounts where they take names, with exactly the
 * output of the names; an object of the wrong kind is a problem with its rule; the storage's own
 * ServiceAccount and claim come back as cdk8s-plus objects that RBAC and volumes use.
 */
import { ApiObject, Chart } from "cdk8s";
import * as kplus from "cdk8s-plus-28";
import type { Manifest } from "kserve-constructs";
import { Env, InferenceEngine, InferenceService, ModelStorage, NgcSecrets, Nim, NimAccount, StorageConfig, ValidationError } from "kserve-constructs/cdk8s";
import type { ObjectHandle, WithHandles } from "kserve-constructs/cdk8s";
import type { S3StorageProps } from "kserve-constructs";
import { synthChart, validationError } from "../support/synth";

const s3 = { bucket: "models", endpoint: "https://minio.storage:9000" } as const;
const ngc = { apiKeySecret: "ngc-api", pullSecret: "ngc-secret" };

/** The library's objects only (cdk8s-plus's own are not under test). */
const ours = (ms: readonly Manifest[]): Manifest[] => ms.filter((m) => m.metadata.labels?.["app.kubernetes.io/managed-by"] === "kserve-constructs" || ["Secret", "InferenceService", "ServingRuntime"].includes(m.kind));

describe("cdk8s-plus objects where a name is taken", () => {
  it("Secrets, claims and ServiceAccounts give exactly the output of their names", () => {
    const withNames = synthChart((chart) => {
      const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      const bucket = ModelStorage.s3(chart, "minio", { ...s3, credentials: { secretName: "minio-creds" } });
      const store = ModelStorage.pvc(chart, "store", { claimName: "model-store" });
      new InferenceService(chart, "granite", { engine, model: bucket.path("granite/"), imagePullSecrets: ["quay-pull"] });
      new InferenceService(chart, "local", { engine, model: store.path("m/"), serviceAccountName: "runner" });
      Nim.llama31_8bInstruct(chart, "llama", { ngc, cache: { claimName: "nim-cache" } });
      new NimAccount(chart, "account", { apiKeySecret: "ngc-account", target: { openshiftAI: { version: "2.25" } } });
    });
    const withHandles = synthChart((chart) => {
      const secret = (id: string, name: string): kplus.ISecret => kplus.Secret.fromSecretName(chart, id, name);
      const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
      const bucket = ModelStorage.s3(chart, "minio", { ...s3, credentials: { secretName: secret("creds", "minio-creds") } });
      const store = ModelStorage.pvc(chart, "store", { claimName: kplus.PersistentVolumeClaim.fromClaimName(chart, "claim", "model-store") });
      const runner = kplus.ServiceAccount.fromServiceAccountName(chart, "runner", "runner", { namespaceName: "models" });
      new InferenceService(chart, "granite", { engine, model: bucket.path("granite/"), imagePullSecrets: [secret("pull", "quay-pull")] });
      new InferenceService(chart, "local", { engine, model: store.path("m/"), serviceAccountName: runner });
      Nim.llama31_8bInstruct(chart, "llama", {
        ngc: { apiKeySecret: secret("api", "ngc-api"), pullSecret: NgcSecrets.pullSecret(secret("ngc", "ngc-secret")) },
        cache: { claimName: kplus.PersistentVolumeClaim.fromClaimName(chart, "cache", "nim-cache") },
      });
      new NimAccount(chart, "account", { apiKeySecret: NgcSecrets.accountApiKey(secret("account-key", "ngc-account")), target: { openshiftAI: { version: "2.25" } } });
    });
    expect(withHandles).toEqual(withNames);
    const predictor = (name: string): Record<string, unknown> => (withHandles.find((m) => m.kind === "InferenceService" && m.metadata.name === name) as Manifest & { spec: { predictor: Record<string, unknown> } }).spec.predictor;
    expect([predictor("local")["serviceAccountName"], predictor("granite")["imagePullSecrets"]]).toEqual(["runner", [{ name: "quay-pull" }]]);
  });

  it("a Secret cdk8s-plus creates in the app is referenced by its generated name; a cdk8s ApiObject of the kind works too", () => {
    const ms = synthChart((chart) => {
      const creds = new kplus.Secret(chart, "creds");
      const sa = new ApiObject(chart, "sa", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "readers" } });
      ModelStorage.s3(chart, "minio", { ...s3, credentials: { secretName: creds }, serviceAccountName: sa, annotateSecret: false });
    });
    const created = ms.find((m) => m.kind === "Secret");
    const account = ms.find((m) => m.kind === "ServiceAccount" && m.metadata.labels !== undefined);
    expect(account).toEqual({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "readers", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } }, automountServiceAccountToken: false, secrets: [{ name: created?.metadata.name }] });
    expect(created?.metadata.name).toMatch(/^test-creds-c8[0-9a-f]+$/);
  });

  it("the S3 settings of a Secret the app defines itself go onto that Secret: one object of it, no overlay, no GitOps overlay annotations", () => {
    const ms = synthChart((chart) => {
      const creds = new kplus.Secret(chart, "creds", { metadata: { name: "minio-creds", annotations: { team: "ml" } } });
      const raw = new ApiObject(chart, "raw", { apiVersion: "v1", kind: "Secret", metadata: { name: "other-creds" } });
      ModelStorage.s3(chart, "minio", { ...s3, region: "eu-west-1", credentials: { secretName: creds } });
      ModelStorage.s3(chart, "other", { ...s3, credentials: { secretName: raw } });
    });
    const secrets = ms.filter((m) => m.kind === "Secret");
    expect(secrets.map((m) => [m.metadata.name, m.metadata.annotations])).toEqual([
      ["minio-creds", { team: "ml", "serving.kserve.io/s3-endpoint": "minio.storage:9000", "serving.kserve.io/s3-region": "eu-west-1", "serving.kserve.io/s3-usehttps": "1" }],
      ["other-creds", { "serving.kserve.io/s3-endpoint": "minio.storage:9000", "serving.kserve.io/s3-usehttps": "1" }],
    ]);
  });

  it("an in-app Secret that already has a settings annotation with another value is a problem naming both values", () => {
    const error = validationError((chart) => {
      const creds = new kplus.Secret(chart, "creds", { metadata: { name: "minio-creds", annotations: { "serving.kserve.io/s3-region": "us-east-1" } } });
      ModelStorage.s3(chart, "minio", { ...s3, region: "eu-west-1", credentials: { secretName: creds } });
    });
    expect(error.issues.map((i) => ({ where: i.where, path: i.path, value: i.value, rule: i.rule, message: i.message, fix: i.fix }))).toEqual([
      { where: "test/minio", path: "credentials.secretName", value: "us-east-1", rule: "references/secret-annotation", message: 'Secret minio-creds already has serving.kserve.io/s3-region: "us-east-1", and this storage needs "eu-west-1"', fix: 'set serving.kserve.io/s3-region to "eu-west-1" on the Secret (or drop it), or give this storage its own Secret' },
    ]);
  });

  it("an imported Secret (fromSecretName) still gets the overlay with its GitOps annotations", () => {
    const ms = synthChart((chart) => void ModelStorage.s3(chart, "minio", { ...s3, credentials: { secretName: kplus.Secret.fromSecretName(chart, "c", "minio-creds") } }));
    const overlay = ms.find((m) => m.kind === "Secret");
    expect(overlay?.metadata.annotations?.["argocd.argoproj.io/sync-options"]).toBe("Prune=false,Delete=false");
    expect(overlay?.metadata.annotations?.["serving.kserve.io/s3-endpoint"]).toBe("minio.storage:9000");
  });

  it("an object of another kind than the prop names is a problem with the rule, the path and the fix", () => {
    const error = validationError((chart) => {
      const secret = kplus.Secret.fromSecretName(chart, "s", "models");
      const claim = kplus.PersistentVolumeClaim.fromClaimName(chart, "c", "minio-creds");
      ModelStorage.pvc(chart, "store", { claimName: secret as unknown as kplus.IPersistentVolumeClaim });
      ModelStorage.s3(chart, "minio", { ...s3, credentials: { secretName: claim } });
    });
    expect(error.issues.map((i) => ({ where: i.where, path: i.path, value: i.value, rule: i.rule, message: i.message, fix: i.fix }))).toEqual([
      { where: "test/store", path: "claimName", value: "Secret/models", rule: "references/kind", message: "claimName names a PersistentVolumeClaim, but a Secret was given", fix: "pass a PersistentVolumeClaim (or the name of one)" },
      { where: "test/minio", path: "credentials.secretName", value: "PersistentVolumeClaim/minio-creds", rule: "references/kind", message: "secretName names a Secret, but a PersistentVolumeClaim was given", fix: "pass a Secret (or the name of one)" },
    ]);
  });

  it("Env.fromSecret and Env.fromConfigMap take cdk8s-plus objects, with exactly the output of their names", () => {
    const withNames = synthChart((chart) => {
      const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia", env: { HF_HOME: Env.fromConfigMap("engine-settings", "hf-home") } });
      new InferenceService(chart, "granite", { engine, model: ModelStorage.huggingFace(chart, "hub").path("ibm-granite/granite-3.1-8b-instruct"), env: { HF_TOKEN: Env.fromSecret("hf-token", "token", { optional: true }), LOG_LEVEL: Env.fromConfigMap("model-settings", "log-level") } });
    });
    const withHandles = synthChart((chart) => {
      const settings = new kplus.ConfigMap(chart, "settings", { metadata: { name: "engine-settings" } });
      const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia", env: { HF_HOME: Env.fromConfigMap(settings, "hf-home") } });
      const token = kplus.Secret.fromSecretName(chart, "token", "hf-token");
      const model = kplus.ConfigMap.fromConfigMapName(chart, "model", "model-settings");
      new InferenceService(chart, "granite", { engine, model: ModelStorage.huggingFace(chart, "hub").path("ibm-granite/granite-3.1-8b-instruct"), env: { HF_TOKEN: Env.fromSecret(token, "token", { optional: true }), LOG_LEVEL: Env.fromConfigMap(model, "log-level") } });
    });
    expect(withHandles.filter((m) => m.kind !== "ConfigMap")).toEqual(withNames);
    const env = (withHandles.find((m) => m.kind === "InferenceService") as Manifest & { spec: { predictor: { model: { env: unknown[] } } } }).spec.predictor.model.env;
    expect(env).toEqual(
      expect.arrayContaining([
        { name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: "hf-token", key: "token", optional: true } } },
        { name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "model-settings", key: "log-level" } } },
      ]),
    );
  });

  it("an object of another kind given to Env.fromSecret or Env.fromConfigMap is a problem with the rule and the path", () => {
    const error = validationError((chart) => {
      const secret = kplus.Secret.fromSecretName(chart, "s", "hf-token");
      const config = kplus.ConfigMap.fromConfigMapName(chart, "c", "settings");
      const engine = InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia", env: { C: Env.fromSecret(config as unknown as kplus.ISecret, "k") } });
      new InferenceService(chart, "granite", { engine, model: ModelStorage.huggingFace(chart, "hub").path("ibm-granite/granite-3.1-8b-instruct"), env: { A: Env.fromSecret(config as unknown as kplus.ISecret, "k"), B: Env.fromConfigMap(secret, "k") } });
    });
    expect(error.issues.map((i) => ({ where: i.where, path: i.path, value: i.value, rule: i.rule, message: i.message, fix: i.fix }))).toEqual([
      { where: "test/vllm", path: "env.C.secretKeyRef.name", value: "ConfigMap/settings", rule: "references/kind", message: "secretKeyRef names a Secret, but a ConfigMap was given", fix: "pass a Secret (or the name of one)" },
      { where: "test/granite", path: "env.A.secretKeyRef.name", value: "ConfigMap/settings", rule: "references/kind", message: "secretKeyRef names a Secret, but a ConfigMap was given", fix: "pass a Secret (or the name of one)" },
      { where: "test/granite", path: "env.B.configMapKeyRef.name", value: "Secret/hf-token", rule: "references/kind", message: "configMapKeyRef names a ConfigMap, but a Secret was given", fix: "pass a ConfigMap (or the name of one)" },
    ]);
  });

  it("an object of another kind in a preset's props does not hide the engine's own problems", () => {
    const error = validationError((chart) => {
      const config = kplus.ConfigMap.fromConfigMapName(chart, "c", "settings");
      InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia", name: "a".repeat(70), env: { C: Env.fromSecret(config as unknown as kplus.ISecret, "k") } });
    });
    expect(error.issues.map((i) => [i.rule, i.path])).toEqual([
      ["references/kind", "env.C.secretKeyRef.name"],
      ["runtime/name-length", "name"],
    ]);
  });

  it("is typed structurally: any object with name, apiVersion and kind fits (the IResource of every cdk8s-plus line)", () => {
    class OtherLineSecret implements ObjectHandle {
      public readonly apiVersion = "v1";
      public readonly kind = "Secret";
      constructor(public readonly name: string) {}
    }
    const props: WithHandles<S3StorageProps> = { ...s3, credentials: { secretName: new OtherLineSecret("minio-creds") } };
    const ms = synthChart((chart) => void ModelStorage.s3(chart, "minio", props));
    expect(ms.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["ServiceAccount/minio-sa", "Secret/minio-creds"]);
  });
});

describe("the library's own ServiceAccounts and claims as cdk8s-plus objects", () => {
  it("storage.serviceAccount(kplus.ServiceAccount) binds RBAC to the storage's ServiceAccount in its namespace", () => {
    let same = false;
    const ms = synthChart((chart) => {
      const bucket = ModelStorage.s3(chart, "minio", { ...s3, credentials: { secretName: "minio-creds" } });
      const sa = bucket.serviceAccount(kplus.ServiceAccount);
      same = sa === bucket.serviceAccount(kplus.ServiceAccount);
      expect([bucket.serviceAccountName, sa.name, sa.kind]).toEqual(["minio-sa", "minio-sa", "ServiceAccount"]);
      const role = new kplus.Role(chart, "reader", { metadata: { name: "config-reader" } });
      role.allowRead(kplus.ConfigMap.fromConfigMapName(chart, "cm", "model-config"));
      role.bind(sa);
    });
    expect(same).toBe(true);
    const binding = ms.find((m) => m.kind === "RoleBinding") as Manifest & { subjects: unknown[] };
    expect(binding.subjects).toEqual([{ apiGroup: "", kind: "ServiceAccount", name: "minio-sa", namespace: "models" }]);
  });

  it("store.claim(kplus.PersistentVolumeClaim) mounts the claim the storage creates", () => {
    const ms = synthChart((chart) => {
      const store = ModelStorage.pvc(chart, "store", { create: { size: "100Gi" } });
      const claim = store.claim(kplus.PersistentVolumeClaim);
      expect([store.claimName, claim.name]).toEqual(["store", "store"]);
      const deployment = new kplus.Deployment(chart, "browser", { containers: [{ image: "registry.example/browser:1", securityContext: { ensureNonRoot: false } }] });
      deployment.addVolume(kplus.Volume.fromPersistentVolumeClaim(chart, "models", claim));
    });
    const deployment = ms.find((m) => m.kind === "Deployment") as Manifest & { spec: { template: { spec: { volumes: { persistentVolumeClaim: { claimName: string } }[] } } } };
    expect(deployment.spec.template.spec.volumes.map((v) => v.persistentVolumeClaim.claimName)).toEqual(["store"]);
    expect(ours(ms).map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["PersistentVolumeClaim/store"]);
  });

  it("nim.cacheClaim(kplus.PersistentVolumeClaim) is the cache claim a Nim on KServe creates", () => {
    synthChart((chart) => {
      const llama = Nim.llama31_8bInstruct(chart, "llama", { ngc, cache: { create: { size: "100Gi" } } });
      expect([llama.cacheClaimName, llama.cacheClaim(kplus.PersistentVolumeClaim).name]).toEqual(["llama-cache", "llama-cache"]);
      const operator = Nim.llama31_8bInstruct(chart, "op", { ngc, platform: "nim-operator", cache: { create: { size: "100Gi" } } });
      expect(() => operator.cacheClaim(kplus.PersistentVolumeClaim)).toThrow("this construct creates no PersistentVolumeClaim [references/not-created]");
    });
  });

  it("asking for an object the storage does not create is a ValidationError naming the construct and the fix", () => {
    const chart = new Chart(new (require("cdk8s").App)(), "test", { namespace: "models" }) as Chart;
    const store = ModelStorage.pvc(chart, "store", { claimName: "existing" });
    const hub = ModelStorage.huggingFace(chart, "hub");
    let error: unknown;
    try {
      store.claim(kplus.PersistentVolumeClaim);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { where: "test/store", path: "claim()", value: undefined, rule: "references/not-created", message: "this construct creates no PersistentVolumeClaim", fix: "give the storage what makes it create one, or use PersistentVolumeClaim.from...Name(...) of cdk8s-plus for an existing one" },
    ]);
    expect(() => hub.serviceAccount(kplus.ServiceAccount)).toThrow("this construct creates no ServiceAccount [references/not-created]");
    expect(store.claimName).toBeUndefined();
  });

  it("storageConfig.serviceAccount(kplus.ServiceAccount) is the ServiceAccount its Job runs as; without a Job there is none", () => {
    const entries = { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1", credentials: { secretName: "minio-creds" } } } as const;
    const ms = synthChart((chart) => {
      const storage = new StorageConfig(chart, "storage", { source: { job: { image: "registry.example/k8s:1" } }, entries });
      const writer = storage.serviceAccount(kplus.ServiceAccount);
      expect([storage.serviceAccountName, writer.name, writer === storage.serviceAccount(kplus.ServiceAccount)]).toEqual(["storage-config-writer", "storage-config-writer", true]);
      const role = new kplus.Role(chart, "audit", { metadata: { name: "audit-writer" } });
      role.allowRead(kplus.ConfigMap.fromConfigMapName(chart, "cm", "audit"));
      role.bind(writer);
      const existing = new StorageConfig(chart, "existing", { entries: { minio: { type: "s3", bucket: "models" } } });
      expect(existing.serviceAccountName).toBeUndefined();
      expect(() => existing.serviceAccount(kplus.ServiceAccount)).toThrow("this construct creates no ServiceAccount [references/not-created]");
    });
    const job = ms.find((m) => m.kind === "Job") as Manifest & { spec: { template: { spec: { serviceAccountName: string } } } };
    expect(job.spec.template.spec.serviceAccountName).toBe("storage-config-writer");
    const binding = ms.find((m) => m.kind === "RoleBinding" && m.metadata.name !== "storage-config-writer") as Manifest & { subjects: unknown[] };
    expect(binding.subjects).toEqual([{ apiGroup: "", kind: "ServiceAccount", name: "storage-config-writer", namespace: "models" }]);
  });

  it("StorageConfig Job credentials and other nested reference props take cdk8s-plus Secrets too", () => {
    const entries = { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1" } } as const;
    const withNames = synthChart((chart) => void new StorageConfig(chart, "storage", { source: { job: { image: "registry.example/k8s:1" } }, entries: { minio: { ...entries.minio, credentials: { secretName: "minio-creds" } } } }));
    const withHandles = synthChart((chart) => void new StorageConfig(chart, "storage", { source: { job: { image: "registry.example/k8s:1" } }, entries: { minio: { ...entries.minio, credentials: { secretName: kplus.Secret.fromSecretName(chart, "m", "minio-creds") } } } }));
    expect(withHandles).toEqual(withNames);
  });
});
