import { ModelStorage, SECRET_OVERLAY_ANNOTATIONS } from "kserve-constructs/cdk8s";
import { find, ruleIds, synthChart, validationError } from "../support/synth";

describe("S3 storage", () => {
  it("credentials from an existing Secret: a ServiceAccount listing it and a data-less settings overlay", () => {
    let location: unknown;
    const manifests = synthChart((chart) => {
      const bucket = ModelStorage.s3(chart, "minio", {
        bucket: "models",
        prefix: "team-a/",
        endpoint: "http://minio.storage.svc:9000",
        region: "eu-west-1",
        virtualHostedBuckets: false,
        credentials: { secretName: "minio-creds" },
      });
      location = bucket.path("/granite/");
    });
    expect(manifests).toEqual([
      {
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: { name: "minio-sa", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
        automountServiceAccountToken: false,
        secrets: [{ name: "minio-creds" }],
      },
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: {
          name: "minio-creds",
          namespace: "models",
          annotations: {
            "argocd.argoproj.io/compare-options": "IgnoreExtraneous",
            "argocd.argoproj.io/sync-options": "Prune=false,Delete=false",
            "kustomize.toolkit.fluxcd.io/prune": "disabled",
            "kustomize.toolkit.fluxcd.io/ssa": "Merge",
            "serving.kserve.io/s3-endpoint": "minio.storage.svc:9000",
            "serving.kserve.io/s3-region": "eu-west-1",
            "serving.kserve.io/s3-usehttps": "0",
            "serving.kserve.io/s3-usevirtualbucket": "false",
          },
        },
      },
    ]);
    expect(location).toEqual({
      uri: "s3://models/team-a/granite/",
      serviceAccountName: "minio-sa",
      namespace: "models",
      source: { where: "test/minio", kind: "s3", valid: true },
    });
  });

  it("never writes key material: the overlay has no data and no type", () => {
    const manifests = synthChart((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", endpoint: "minio:9000", useHttps: true, verifySsl: true, caBundleConfigMap: "ca", credentials: { secretName: "creds" } }));
    const secret = find(manifests, "Secret");
    expect(Object.keys(secret).sort()).toEqual(["apiVersion", "kind", "metadata"]);
    expect(secret.metadata.annotations).toEqual({
      ...SECRET_OVERLAY_ANNOTATIONS,
      "serving.kserve.io/s3-cabundle-configmap": "ca",
      "serving.kserve.io/s3-endpoint": "minio:9000",
      "serving.kserve.io/s3-usehttps": "1",
      "serving.kserve.io/s3-verifyssl": "1",
    });
  });

  it("plain AWS S3 needs no overlay; annotateSecret false leaves the Secret to the secret manager", () => {
    expect(synthChart((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", credentials: { secretName: "creds" } })).map((m) => m.kind)).toEqual(["ServiceAccount"]);
    expect(synthChart((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", region: "us-east-1", annotateSecret: false, credentials: { secretName: "creds" } })).map((m) => m.kind)).toEqual(["ServiceAccount"]);
  });

  it("IRSA puts the role and the settings on the ServiceAccount", () => {
    const [sa] = synthChart((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", region: "us-west-2", serviceAccountName: "model-reader", credentials: { irsaRoleArn: "arn:aws:iam::123456789012:role/models" } }));
    expect(sa).toEqual({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: {
        name: "model-reader",
        namespace: "models",
        labels: { "app.kubernetes.io/managed-by": "kserve-constructs" },
        annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/models", "serving.kserve.io/s3-region": "us-west-2" },
      },
      automountServiceAccountToken: false,
    });
  });

  it("a storage-config entry addresses models with storage {key, path}", () => {
    let location: unknown;
    const manifests = synthChart((chart) => {
      location = ModelStorage.s3(chart, "s", { bucket: "b1b", prefix: "p", credentials: { storageConfigKey: "aws-connection-minio" } }).path("m/");
    });
    expect(manifests).toEqual([]);
    expect(location).toMatchObject({ storage: { key: "aws-connection-minio", path: "p/m/", parameters: { bucket: "b1b", type: "s3" } } });
  });

  it.each([
    [{ endpoint: "https://minio:9000/bucket" }, "storage/s3-endpoint", "the endpoint has a path (/bucket); KServe adds the bucket and key itself"],
    [{ endpoint: "https://minio:9000", useHttps: false }, "storage/s3-endpoint", "useHttps is false but the endpoint's scheme is https"],
    [{ endpoint: "ftp://minio:9000" }, "storage/s3-endpoint", "the endpoint has a scheme other than http or https"],
    [{ endpoint: "http://minio:9000", caBundleConfigMap: "ca" }, "storage/s3-tls", "TLS settings are given for a plain-HTTP endpoint"],
    [{ verifySsl: false, caBundleConfigMap: "ca" }, "storage/s3-tls", "verifySsl is false, so the CA bundle would never be used"],
  ])("rejects contradictory settings %#", (settings, rule, message) => {
    const error = validationError((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", credentials: { secretName: "c" }, ...settings }));
    expect(error.issues[0]).toMatchObject({ rule, message });
  });

  it("rejects no or several credential sources, settings ignored by storage-config, and bad bucket names", () => {
    expect(validationError((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", credentials: {} })).issues[0]).toMatchObject({
      rule: "storage/s3-credentials",
      message: "no credentials source given",
    });
    expect(ruleIds((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", credentials: { secretName: "a", irsaRoleArn: "arn:aws:iam::123456789012:role/x" } }))).toEqual(["storage/s3-credentials"]);
    expect(ruleIds((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", region: "x", credentials: { storageConfigKey: "k" } }))).toEqual(["storage/s3-storage-config-settings"]);
    expect(validationError((chart) => ModelStorage.s3(chart, "s", { bucket: "s3://models", credentials: { secretName: "a" } })).issues[0]).toMatchObject({
      path: "bucket",
      fix: "use the bucket's name only, without a scheme or path",
    });
    expect(validationError((chart) => ModelStorage.s3(chart, "s", { bucket: "b1b", credentials: { irsaRoleArn: "role/x" } })).issues[0]?.path).toBe("credentials.irsaRoleArn");
  });
});

describe("PVC storage", () => {
  it("creates a claim with defaults and addresses paths inside it", () => {
    let location: unknown;
    const manifests = synthChart((chart) => {
      location = ModelStorage.pvc(chart, "models-pvc", { create: { size: "100Gi" } }).path("/llama/");
    });
    expect(manifests).toEqual([
      {
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        metadata: { name: "models-pvc", namespace: "models", labels: { "app.kubernetes.io/managed-by": "kserve-constructs" } },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "100Gi" } }, volumeMode: "Filesystem" },
      },
    ]);
    expect(location).toMatchObject({ uri: "pvc://models-pvc/llama/", source: { kind: "pvc", claimName: "models-pvc", accessModes: ["ReadWriteOnce"] } });
  });

  it("an existing claim emits nothing", () => {
    expect(synthChart((chart) => ModelStorage.pvc(chart, "p", { claimName: "existing" }))).toEqual([]);
  });

  it("rejects accessModes beside create and bad sizes", () => {
    expect(ruleIds((chart) => ModelStorage.pvc(chart, "p", { create: { size: "1Gi" }, accessModes: ["ReadWriteMany"] }))).toEqual(["storage/pvc-access-modes"]);
    expect(validationError((chart) => ModelStorage.pvc(chart, "p", { create: { size: "lots" } })).issues[0]).toMatchObject({ path: "create.size", message: "size is not a quantity" });
  });
});

describe("other storages", () => {
  it("OCI: images below a registry, with the pull secret on the location", () => {
    let location: unknown;
    expect(synthChart((chart) => (location = ModelStorage.oci(chart, "o", { registry: "quay.io/acme/", pullSecret: "quay-pull" }).path("granite:1.0")))).toEqual([]);
    expect(location).toMatchObject({ uri: "oci://quay.io/acme/granite:1.0", imagePullSecrets: ["quay-pull"] });
    expect(validationError((chart) => ModelStorage.oci(chart, "o", { registry: "https://quay.io/acme" })).issues[0]?.fix).toBe('use for example "quay.io/my-org" (no scheme, no tag)');
  });

  it("Hugging Face: hf:// URIs, and a ServiceAccount only with a token", () => {
    let location: unknown;
    const manifests = synthChart((chart) => (location = ModelStorage.huggingFace(chart, "hub", { tokenSecret: "hf-token" }).path("ibm-granite/granite-3.1-8b-instruct:main")));
    expect(manifests.map((m) => [m.kind, m.metadata.name, m["secrets"]])).toEqual([["ServiceAccount", "hub-sa", [{ name: "hf-token" }]]]);
    expect(location).toMatchObject({ uri: "hf://ibm-granite/granite-3.1-8b-instruct:main", serviceAccountName: "hub-sa" });
    expect(synthChart((chart) => ModelStorage.huggingFace(chart, "hub"))).toEqual([]);
  });

  it("GCS, Azure Blob and plain URLs", () => {
    const locations: unknown[] = [];
    const manifests = synthChart((chart) => {
      locations.push(ModelStorage.gcs(chart, "g", { bucket: "ml-models", prefix: "prod", credentialsSecret: "gcs-creds" }).path("bert"));
      locations.push(ModelStorage.azureBlob(chart, "a", { account: "acmemodels", container: "models", credentialsSecret: "azure-creds" }).path("bert/"));
      locations.push(ModelStorage.uri(chart, "u", { baseUrl: "https://files.example.com/models/" }).path("bert.tar.gz"));
    });
    expect(locations.map((l) => (l as { uri: string }).uri)).toEqual([
      "gs://ml-models/prod/bert",
      "https://acmemodels.blob.core.windows.net/models/bert/",
      "https://files.example.com/models/bert.tar.gz",
    ]);
    expect(manifests.map((m) => [m.metadata.name, m["secrets"]])).toEqual([
      ["g-sa", [{ name: "gcs-creds" }]],
      ["a-sa", [{ name: "azure-creds" }]],
    ]);
    expect(ruleIds((chart) => ModelStorage.azureBlob(chart, "a", { account: "Acme.blob.core.windows.net", container: "models" }))).toEqual(["props/shape"]);
  });
});
