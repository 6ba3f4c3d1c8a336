/**
 * `@pulumi/kubernetes` resources as references: a `k8s.core.v1.Secret`, `PersistentVolumeClaim` or
 * `ServiceAccount` where a name is taken gives exactly the manifests of the names (the same as cdk8s with
 * the names, or with cdk8s-plus objects), through the resource's `metadata.name` Output. Under Pulumi's mocks.
 */
import * as k8s from "@pulumi/kubernetes";
import * as kplus from "cdk8s-plus-28";
import * as cdk8s from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import { byKey, pulumiError, registered, resetPulumi, settle, synthPulumi } from "../support/pulumi";
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

  it("a resource of another kind than the arg names is a problem with the rule and the path", () => {
    const secret = new k8s.core.v1.Secret("user-secret", { metadata: { name: "models" } });
    const error = pulumiError(() => pc.ModelStorage.pvc("store", { namespace: "models", claimName: secret as unknown as k8s.core.v1.PersistentVolumeClaim }));
    expect(error.issues.map((i) => ({ where: i.where, path: i.path, rule: i.rule, message: i.message }))).toEqual([{ where: "store", path: "claimName", rule: "references/kind", message: "claimName names a PersistentVolumeClaim, but a Secret was given" }]);
  });
});
