/**
 * A namespace known only later (`BuildContext.deferredNamespace`, a Pulumi Output's placeholder): a
 * StorageConfig renders its Job's objects in it (the RoleBinding must name one), and its handle and the
 * locations it gives never name it.
 */
import { buildStorageConfig } from "kserve-constructs";
import type { BuildContext, StorageConfigProps } from "kserve-constructs";

const PLACEHOLDER = "x--7--x";
const minio = { type: "s3", bucket: "models", endpoint: "https://minio.minio.svc:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } } as const;
const job: StorageConfigProps = { source: { job: { image: "docker.io/alpine/k8s:1.31.4" } }, entries: { minio }, target: { modelMesh: true } };
const ctx = (extra: Partial<BuildContext> = {}): BuildContext => ({ where: "storage", defaultName: "storage", ...extra });

describe("a StorageConfig whose namespace is known later", () => {
  it("renders the Job's objects in the placeholder, as with the placeholder as its namespace; the handle and its locations name no namespace", () => {
    const deferred = buildStorageConfig(job, ctx({ deferredNamespace: PLACEHOLDER }));
    const named = buildStorageConfig({ ...job, namespace: PLACEHOLDER }, ctx());
    expect(deferred.issues).toEqual([]);
    expect(deferred.manifests).toEqual(named.manifests);
    expect(deferred.plan.map(({ manifest: _m, ...facts }) => facts)).toEqual(named.plan.map(({ manifest: _m, ...facts }) => facts));
    expect(deferred.manifests.map((m) => [m.kind, m.metadata.namespace])).toEqual([
      ["ServiceAccount", PLACEHOLDER],
      ["Role", PLACEHOLDER],
      ["RoleBinding", PLACEHOLDER],
      ["Job", PLACEHOLDER],
    ]);
    const binding = deferred.manifests.find((m) => m.kind === "RoleBinding") as unknown as { subjects: { namespace?: string }[] };
    expect(binding.subjects.map((s) => s.namespace)).toEqual([PLACEHOLDER]);

    const { locate, ...handle } = deferred.handle;
    expect(handle).toEqual({ secretName: "storage-config", where: "storage", valid: true, keys: ["minio"] });
    expect(Object.keys(deferred.handle)).toEqual(["secretName", "where", "valid", "keys", "locate"]);
    const location = locate("minio", "scorer/v7/", { bucket: "other" });
    expect(location).toEqual({ storage: { key: "minio", path: "scorer/v7/", parameters: { bucket: "other" } }, source: expect.objectContaining({ where: "storage", kind: "s3", valid: true }) });
    // with the namespace as a prop, the same location names it
    expect(named.handle.locate("minio", "scorer/v7/", { bucket: "other" })).toEqual({ ...location, namespace: PLACEHOLDER });
    expect(named.handle.namespace).toBe(PLACEHOLDER);
  });

  it("data-connection overlays are rendered in the placeholder too", () => {
    const props: StorageConfigProps = { source: "data-connections", entries: { "aws-connection-models": { type: "s3", bucket: "models", endpoint: "https://s3.example", region: "eu-central-1" } }, target: { openshiftAI: { version: "2.25" } } };
    const deferred = buildStorageConfig(props, ctx({ deferredNamespace: PLACEHOLDER }));
    expect(deferred.manifests).toEqual(buildStorageConfig({ ...props, namespace: PLACEHOLDER }, ctx()).manifests);
    expect(deferred.manifests.map((m) => m.metadata.namespace)).toEqual([PLACEHOLDER]);
    expect(deferred.handle.namespace).toBeUndefined();
  });

  it("the props' namespace, then the context's, come before the placeholder; without any, the Job has no namespace to bind", () => {
    const own = buildStorageConfig({ ...job, namespace: "models" }, ctx({ deferredNamespace: PLACEHOLDER }));
    expect([own.handle.namespace, ...own.manifests.map((m) => m.metadata.namespace)]).toEqual(["models", "models", "models", "models", "models"]);
    const chart = buildStorageConfig(job, ctx({ namespace: "team", deferredNamespace: PLACEHOLDER }));
    expect([chart.handle.namespace, ...chart.manifests.map((m) => m.metadata.namespace)]).toEqual(["team", "team", "team", "team", "team"]);
    expect(buildStorageConfig(job, ctx()).issues.map((i) => i.rule)).toEqual(["storage-config/namespace"]);
  });
});
