/**
 * StorageConfig: entries of the storage-config Secret, the three ways it comes to exist (none of them
 * writing key material), and the checks on the models that use it.
 */
import { execFileSync } from "child_process";
import { InferenceEngine, InferenceService, ModelMeshRuntimes, SECRET_OVERLAY_ANNOTATIONS, StorageConfig, buildStorageConfig } from "kserve-constructs/cdk8s";
import type { Manifest, StorageConfigProps, TargetProps } from "kserve-constructs";
import type { Chart } from "cdk8s";
import { engine } from "../support/fixtures";
import { find, synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";

const MM: TargetProps = { modelMesh: true };
const MINIO = { type: "s3" as const, bucket: "models", endpoint: "https://minio.minio:9000", region: "us-east-1", credentials: { secretName: "minio-credentials" } };

function meshModel(chart: Chart, model: ReturnType<StorageConfig["path"]>, id = "m"): InferenceService {
  const runtime = chart.node.tryFindChild("mlserver") as InferenceEngine | undefined;
  return new InferenceService(chart, id, { engine: runtime ?? new InferenceEngine(chart, "mlserver", ModelMeshRuntimes.mlserver()), model, modelFormat: { name: "sklearn", version: "0" } });
}

describe("source existing (the default)", () => {
  it("emits nothing; models get storage {key, path}", () => {
    const manifests = synthChart(
      (chart) => {
        const storage = new StorageConfig(chart, "storage", { entries: { minio: { type: "s3", bucket: "models" } } });
        meshModel(chart, storage.path("minio", "//a/b/", { bucket: "other" }));
      },
      { target: MM },
    );
    expect(manifests.map((m) => m.kind)).toEqual(["ServingRuntime", "InferenceService"]);
    const isvc = find(manifests, "InferenceService");
    expect((isvc["spec"] as { predictor: { model: { storage: unknown } } }).predictor.model.storage).toEqual({ key: "minio", path: "a/b/", parameters: { bucket: "other" } });
  });

  it("a key the Secret does not have is an error where a model uses it", () => {
    const error = validationError(
      (chart) => {
        const storage = new StorageConfig(chart, "storage", { entries: { minio: { type: "s3" }, gcs: { type: "gcs" } } });
        meshModel(chart, storage.path("mini0", "a"));
      },
      { target: MM },
    );
    expect(error.issues).toEqual([
      {
        where: "test/m",
        path: "model",
        value: "mini0",
        rule: "storage-config/unknown-key",
        message: 'the storage-config Secret has no entry "mini0" (it has gcs, minio); ModelMesh fails to load the model ("Did not find storage config for key")',
        fix: 'use one of gcs, minio, or add entry "mini0" to the StorageConfig',
      },
    ]);
  });

  it("credentials cannot be given for an entry the library does not write", () => {
    const error = validationError((chart) => new StorageConfig(chart, "storage", { entries: { minio: MINIO } }));
    expect(error.issues[0]).toMatchObject({
      path: "entries.minio.credentials",
      rule: "storage-config/credentials-unused",
      message: 'with source "existing" the library writes nothing, so these credentials would never reach the storage-config Secret',
    });
  });

  it("KServe's single-model initializer reads only s3 entries", () => {
    const error = validationError((chart) => {
      const storage = new StorageConfig(chart, "storage", { entries: { gcs: { type: "gcs", bucket: "models" } } });
      new InferenceService(chart, "m", { engine: engine(chart), model: storage.path("gcs", "m") });
    });
    expect(error.issues[0]).toMatchObject({
      rule: "storage-config/single-model-type",
      message: 'KServe\'s single-model storage initializer reads only s3 (and hdfs) storage-config entries, and entry "gcs" is gcs',
      fix: "serve the model in ModelMesh mode, or address it with a ModelStorage.gcs location",
    });
  });
});

describe("source data-connections (OpenShift AI)", () => {
  const ODH: TargetProps = { openshiftAI: { version: "2.25" } };

  it("labels the existing credentials Secret so OpenShift AI builds the entry: a data-less overlay with the non-secret keys", () => {
    const manifests = synthChart((chart) => new StorageConfig(chart, "storage", { source: "data-connections", entries: { "aws-connection-models": { type: "s3", bucket: "models", endpoint: "https://s3.eu-west-1.amazonaws.com", region: "eu-west-1" } } }), { target: ODH });
    expect(manifests).toEqual([
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: {
          name: "aws-connection-models",
          namespace: "models",
          labels: { "opendatahub.io/dashboard": "true", "opendatahub.io/managed": "true" },
          annotations: {
            ...SECRET_OVERLAY_ANNOTATIONS,
            "opendatahub.io/connection-type": "s3",
            "opendatahub.io/connection-type-protocol": "s3",
            "opendatahub.io/connection-type-ref": "s3",
            "openshift.io/display-name": "aws-connection-models",
          },
        },
        stringData: { AWS_DEFAULT_REGION: "eu-west-1", AWS_S3_BUCKET: "models", AWS_S3_ENDPOINT: "https://s3.eu-west-1.amazonaws.com" },
      },
    ]);
  });

  it("needs OpenShift AI, s3 entries named like their Secret with the standard keys, endpoint and region", () => {
    expect(validationError((chart) => new StorageConfig(chart, "s", { source: "data-connections", entries: { a: { type: "s3", endpoint: "https://x", region: "r" } } })).issues[0]).toMatchObject({
      path: "source",
      rule: "storage-config/data-connections",
      message: "data connections are OpenShift AI's: its controller builds storage-config from labeled Secrets, and upstream KServe has no such controller",
    });
    const error = validationError(
      (chart) =>
        new StorageConfig(chart, "s", {
          source: "data-connections",
          entries: {
            a: { type: "s3", endpoint: "https://x", region: "r", credentials: { secretName: "b", accessKeyIdKey: "id" }, certificate: { configMapName: "ca", key: "ca.crt" } },
            c: { type: "pvc", claimName: "models" },
            d: { type: "s3" },
          },
        }),
      { target: ODH },
    );
    expect(error.issues.map((i) => [i.path, i.rule, i.message])).toEqual([
      ["entries.a.credentials.secretName", "storage-config/data-connections", 'OpenShift AI names each storage-config entry after its data-connection Secret, so entry "a" must come from Secret "a"'],
      ["entries.a.credentials", "storage-config/data-connections", "OpenShift AI reads a data connection's keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY only"],
      ["entries.a.certificate", "storage-config/data-connections", "OpenShift AI adds the cluster's CA bundle (odh-kserve-custom-ca-bundle) to data-connection entries itself"],
      ["entries.c.type", "storage-config/data-connections", 'OpenShift AI data connections build s3 entries only, and entry "c" is pvc'],
      ["entries.d", "storage-config/entry-keys", 'an s3 entry needs endpoint, region: ModelMesh\'s puller fails without endpoint_url, region, access_key_id and secret_access_key ("missing required string configuration")'],
    ]);
  });
});

describe("source job", () => {
  const JOB: StorageConfigProps["source"] = { job: { image: "docker.io/alpine/k8s:1.31.4" } };

  it("a ServiceAccount, a Role for the one Secret, a RoleBinding and a Job reading keys through secretKeyRef; no key in the output", () => {
    const manifests = synthChart((chart) => new StorageConfig(chart, "storage", { source: JOB, entries: { minio: MINIO, claims: { type: "pvc", claimName: "models" } } }));
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(["ServiceAccount/storage-config-writer", "Role/storage-config-writer", "RoleBinding/storage-config-writer", expect.stringMatching(/^Job\/storage-config-writer-[0-9a-f]{8}$/)]);
    expect(find(manifests, "Role")["rules"]).toEqual([
      { apiGroups: [""], resources: ["secrets"], verbs: ["create"] },
      { apiGroups: [""], resources: ["secrets"], resourceNames: ["storage-config"], verbs: ["get", "patch", "update"] },
    ]);
    expect(find(manifests, "RoleBinding")).toMatchObject({ roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "storage-config-writer" }, subjects: [{ kind: "ServiceAccount", name: "storage-config-writer", namespace: "models" }] });
    const pod = ((find(manifests, "Job")["spec"] as Record<string, unknown>)["template"] as Record<string, Record<string, unknown>>)["spec"] as Record<string, unknown>;
    expect(pod["serviceAccountName"]).toBe("storage-config-writer");
    expect(pod["restartPolicy"]).toBe("Never");
    const container = (pod["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(container["env"]).toEqual([
      { name: "SC1_ACCESS_KEY_ID", valueFrom: { secretKeyRef: { name: "minio-credentials", key: "AWS_ACCESS_KEY_ID" } } },
      { name: "SC1_SECRET_ACCESS_KEY", valueFrom: { secretKeyRef: { name: "minio-credentials", key: "AWS_SECRET_ACCESS_KEY" } } },
    ]);
    const script = (container["command"] as string[])[2] as string;
    expect(script).toContain(`--from-literal='claims'='{"name":"models","type":"pvc"}'`);
    expect(script).toContain(`--from-literal='minio'='{"access_key_id":"'"$(esc "$SC1_ACCESS_KEY_ID")"'","bucket":"models","endpoint_url":"https://minio.minio:9000","region":"us-east-1","secret_access_key":"'"$(esc "$SC1_SECRET_ACCESS_KEY")"'","type":"s3"}'`);
  });

  it("the Job's name follows its spec and revision (GitOps replaces the Job when either changes)", () => {
    const jobName = (props: StorageConfigProps): string => find(synthChart((chart) => new StorageConfig(chart, "storage", props)), "Job").metadata.name;
    const first = jobName({ source: JOB, entries: { minio: MINIO } });
    expect(jobName({ source: JOB, entries: { minio: MINIO } })).toBe(first);
    expect(jobName({ source: { job: { image: "docker.io/alpine/k8s:1.31.4", revision: 2 } }, entries: { minio: MINIO } })).not.toBe(first);
    expect(jobName({ source: JOB, entries: { minio: { ...MINIO, bucket: "other" } } })).not.toBe(first);
  });

  it("the script writes valid JSON whatever the secret values contain", () => {
    const manifests = synthChart((chart) => new StorageConfig(chart, "storage", { source: JOB, entries: { minio: { ...MINIO, region: "us-'east", certificate: { configMapName: "ca", key: "ca.crt" } }, "p.v-c_1": { type: "pvc", claimName: "models" } } }));
    const container = ((((find(manifests, "Job")["spec"] as Record<string, unknown>)["template"] as Record<string, Record<string, unknown>>)["spec"] as Record<string, unknown>)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;
    const script = (container["command"] as string[])[2] as string;
    const fakeKubectl = `kubectl() { if [ "$1" = create ]; then shift 3; for a in "$@"; do case "$a" in --from-literal=*) printf '%s\\n' "\${a#--from-literal=}";; esac; done; else cat; fi; }`;
    const env = {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      SC0_ACCESS_KEY_ID: "AKIA$(id)`id`",
      SC0_SECRET_ACCESS_KEY: 'q"u\\o\'te\tand\nnewline',
      SC0_CERTIFICATE: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    };
    const out = execFileSync("sh", ["-c", `${fakeKubectl}\n${script}`], { env, encoding: "utf8" });
    const entries = Object.fromEntries(out.trim().split("\n").map((line) => [line.slice(0, line.indexOf("=")), JSON.parse(line.slice(line.indexOf("=") + 1)) as unknown]));
    expect(entries).toEqual({
      "p.v-c_1": { name: "models", type: "pvc" },
      minio: {
        access_key_id: "AKIA$(id)`id`",
        bucket: "models",
        certificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        endpoint_url: "https://minio.minio:9000",
        region: "us-'east",
        secret_access_key: 'q"u\\o\'te\tand\nnewline',
        type: "s3",
      },
    });
  });

  it("on OpenShift AI, whose controller owns storage-config, a Job is a warning", () => {
    const result = buildStorageConfig({ source: JOB, entries: { minio: MINIO } }, { where: "s", defaultName: "s", namespace: "models", target: { openshiftAI: { version: "2.25" } } });
    expect(result.manifests).toHaveLength(4);
    expect(result.issues).toEqual([
      {
        where: "s",
        path: "source",
        value: "job",
        rule: "storage-config/job-on-openshift-ai",
        message: "OpenShift AI's controller rebuilds the storage-config Secret from data connections, so entries a Job writes there may be overwritten",
        fix: 'use source "data-connections" on OpenShift AI',
        severity: "warning",
      },
    ]);
  });

  it("keys are Secret data keys", () => {
    expect(validationError((chart) => new StorageConfig(chart, "s", { entries: { "it's": { type: "pvc", claimName: "models" } } })).issues).toEqual([
      { where: "test/s", path: "entries.it's", value: "it's", rule: "storage-config/key", message: "a storage-config key is a Secret data key, which may contain only letters, digits, '-', '_' and '.'", fix: 'use for example "it-s"' },
    ]);
  });

  it("each entry type requires its keys; the RoleBinding needs a namespace", () => {
    const error = validationError((chart) => new StorageConfig(chart, "s", { source: JOB, entries: { a: { type: "s3", bucket: "models" } } }));
    expect(error.issues[0]).toMatchObject({
      path: "entries.a",
      value: ["endpoint", "region", "credentials"],
      rule: "storage-config/entry-keys",
      fix: 'set endpoint, region, credentials: { secretName: "<Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY>" }',
    });
    expect(validationError((chart) => new StorageConfig(chart, "s", { source: JOB, entries: { a: { type: "azure", accountName: "acme", container: "models" } } }), { chart: { namespace: undefined } }).issues[0]).toMatchObject({
      rule: "storage-config/namespace",
      message: "the Job's RoleBinding must name the namespace of its ServiceAccount, and the StorageConfig has none",
    });
    const shape = buildStorageConfig({ entries: { a: { type: "azure", accountName: "Acme Storage", container: "m" } as never } }, { where: "s", defaultName: "s" });
    expect(shape.issues.map((i) => [i.path, i.message])).toEqual([
      ["entries.a.accountName", "not a storage account name (3-24 lowercase letters and digits)"],
      ["entries.a.container", "must be at least 3 characters"],
    ]);
  });
});

describe("buckets", () => {
  it("an entry the library writes without a bucket needs one from each model", () => {
    const error = validationError(
      (chart) => {
        const storage = new StorageConfig(chart, "storage", { source: { job: { image: "k:1" } }, entries: { minio: { ...MINIO, bucket: undefined } } });
        meshModel(chart, storage.path("minio", "a"));
        meshModel(chart, storage.path("minio", "b", { bucket: "models" }), "ok");
      },
      { target: MM },
    );
    expect(error.issues.map((i) => [i.where, i.rule, i.message, i.fix])).toEqual([
      ["test/m", "storage-config/bucket", "entry \"minio\" names no bucket and neither does the model, so ModelMesh's puller fails (\"required configuration 'bucket' missing\")", 'give the entry a bucket, or the model one: storageConfig.path("minio", "a", { bucket: "..." })'],
    ]);
  });
});

describeIfCrds("conformance", () => {
  it("overlays, the Job and its RBAC validate against the Kubernetes schemas", () => {
    const manifests = [
      ...synthChart((chart) => new StorageConfig(chart, "storage", { source: { job: { image: "k:1", imagePullSecrets: ["pull"], resources: { limits: { memory: "64Mi" } } } }, entries: { minio: MINIO, g: { type: "gcs", credentials: { secretName: "gcs" }, tokenUri: "https://oauth2.googleapis.com/token" }, z: { type: "azure", accountName: "acme", container: "models", credentials: { secretName: "az" } } } })),
      ...synthChart((chart) => new StorageConfig(chart, "storage", { source: "data-connections", entries: { "aws-connection-m": { type: "s3", endpoint: "https://x:9000", region: "r" } } }), { target: { openshiftAI: { version: "2.25" } } }),
    ];
    expect(manifests.map((m: Manifest) => m.kind)).toEqual(["ServiceAccount", "Role", "RoleBinding", "Job", "Secret"]);
    expect(formatProblems(validateAll(manifests))).toBe("");
  });
});
