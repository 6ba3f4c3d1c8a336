/**
 * cdk8s-plus interop (cdk8s-plus-28 here; the typing is structural, so any line from 28 to 33 fits): the
 * constructs take cdk8s-plus Secrets, claims and ServiceAccounts where they take names, with exactly the
 * output of the names; an object of the wrong kind is a problem with its rule; the storage's own
 * ServiceAccount and claim come back as cdk8s-plus objects that RBAC and volumes use.
 */
import { ApiObject, Chart } from "cdk8s";
import * as kplus from "cdk8s-plus-28";
import type { Manifest } from "kserve-constructs";
import { InferenceEngine, InferenceService, ModelStorage, NgcSecrets, Nim, NimAccount, StorageConfig, ValidationError } from "kserve-constructs/cdk8s";
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

  it("StorageConfig Job credentials and other nested reference props take cdk8s-plus Secrets too", () => {
    const entries = { minio: { type: "s3", bucket: "models", endpoint: "https://minio:9000", region: "us-east-1" } } as const;
    const withNames = synthChart((chart) => void new StorageConfig(chart, "storage", { source: { job: { image: "registry.example/k8s:1" } }, entries: { minio: { ...entries.minio, credentials: { secretName: "minio-creds" } } } }));
    const withHandles = synthChart((chart) => void new StorageConfig(chart, "storage", { source: { job: { image: "registry.example/k8s:1" } }, entries: { minio: { ...entries.minio, credentials: { secretName: kplus.Secret.fromSecretName(chart, "m", "minio-creds") } } } }));
    expect(withHandles).toEqual(withNames);
  });
});
