/**
 * GitOps: the overlays of Secrets the library does not own (KServe's S3 settings, OpenShift AI data
 * connections) carry the Argo CD and Flux annotations that stop pruning, deletion and field take-over of
 * the real Secret, the same through cdk8s and Pulumi; owned objects carry none of them. Opt-in Argo CD
 * sync waves per kind (`GitOps.set`) order an application's objects, configuration and runtimes first.
 */
import { Chart, Testing } from "cdk8s";
import type { Manifest } from "kserve-constructs";
import { DEFAULT_SYNC_WAVES, SECRET_OVERLAY_ANNOTATIONS, ValidationError } from "kserve-constructs";
import * as k from "kserve-constructs/cdk8s";
import * as pc from "kserve-constructs/pulumi";
import buildExamples from "../../examples/platform";
import { byKey, resetPulumi, settle, synthPulumi } from "../support/pulumi";
import { synthChart } from "../support/synth";
import { itChecksDefaults } from "../support/defaults";
import { describeIfCrds, formatProblems, validateAll, crdSetFor } from "../support/conformance";

const OVERLAY = {
  "argocd.argoproj.io/compare-options": "IgnoreExtraneous",
  "argocd.argoproj.io/sync-options": "Prune=false,Delete=false",
  "kustomize.toolkit.fluxcd.io/prune": "disabled",
  "kustomize.toolkit.fluxcd.io/ssa": "Merge",
};
const s3 = { bucket: "models", endpoint: "https://minio.storage:9000", region: "eu-west-1", credentials: { secretName: "minio-creds" } } as const;
const ODH = { openshiftAI: { version: "2.25" } } as const;
const connection = { "aws-connection-models": { type: "s3", bucket: "models", endpoint: "https://s3.eu-west-1.amazonaws.com", region: "eu-west-1" } } as const;

beforeEach(() => resetPulumi());
afterAll(() => settle());

const gitopsKeys = (m: Manifest): string[] => Object.keys(m.metadata.annotations ?? {}).filter((key) => key.startsWith("argocd.argoproj.io/") || key.startsWith("kustomize.toolkit.fluxcd.io/"));

describe("overlays of Secrets the library does not own", () => {
  it("the S3 settings overlay carries exactly the KServe settings and the Argo CD and Flux annotations", () => {
    const ms = synthChart((chart) => void k.ModelStorage.s3(chart, "minio", s3));
    expect(SECRET_OVERLAY_ANNOTATIONS).toEqual(OVERLAY);
    expect(ms.find((m) => m.kind === "Secret")).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        name: "minio-creds",
        namespace: "models",
        annotations: { ...OVERLAY, "serving.kserve.io/s3-endpoint": "minio.storage:9000", "serving.kserve.io/s3-region": "eu-west-1", "serving.kserve.io/s3-usehttps": "1" },
      },
    });
    // the ServiceAccount the library owns is pruned normally
    expect(ms.filter((m) => m.kind !== "Secret").flatMap(gitopsKeys)).toEqual([]);
  });

  it("the OpenShift AI data-connection overlay carries them too; no overlay, no annotations (annotateSecret: false)", () => {
    const ms = synthChart((chart) => void new k.StorageConfig(chart, "storage", { source: "data-connections", entries: connection }), { target: ODH });
    expect(ms.map((m) => [m.kind, m.metadata.annotations])).toEqual([
      [
        "Secret",
        {
          ...OVERLAY,
          "opendatahub.io/connection-type": "s3",
          "opendatahub.io/connection-type-protocol": "s3",
          "opendatahub.io/connection-type-ref": "s3",
          "openshift.io/display-name": "aws-connection-models",
        },
      ],
    ]);
    expect(synthChart((chart) => void k.ModelStorage.s3(chart, "minio", { ...s3, annotateSecret: false })).map((m) => m.kind)).toEqual(["ServiceAccount"]);
  });

  it("Pulumi patches the same annotations onto the Secret server-side (parity)", async () => {
    const expected = synthChart((chart) => {
      k.ModelStorage.s3(chart, "minio", s3);
      new k.StorageConfig(chart, "storage", { source: "data-connections", entries: connection, target: ODH });
    });
    const actual = await synthPulumi(() => {
      pc.ModelStorage.s3("minio", { ...s3, namespace: "models" });
      new pc.StorageConfig("storage", { source: "data-connections", entries: connection, namespace: "models", target: ODH });
    });
    expect(byKey(actual)).toEqual(byKey(expected));
    expect(actual.filter((m) => m.kind === "Secret").map((m) => m.metadata.annotations?.["argocd.argoproj.io/sync-options"])).toEqual(["Prune=false,Delete=false", "Prune=false,Delete=false"]);
  });

  describeIfCrds("strict validation", () => {
    it("the overlays with their annotations pass the core schemas", () => {
      const ms = synthChart((chart) => {
        k.ModelStorage.s3(chart, "minio", s3);
        new k.StorageConfig(chart, "storage", { source: "data-connections", entries: connection, target: ODH });
      });
      expect(formatProblems(validateAll(ms))).toBe("");
    });
  });
});

describe("Argo CD sync waves (GitOps.set)", () => {
  function synthWith(props: k.GitOpsProps | undefined, define: (chart: Chart) => void): Manifest[] {
    const app = Testing.app();
    if (props !== undefined) k.GitOps.set(app, props);
    const chart = new Chart(app, "test", { namespace: "models" });
    define(chart);
    return chart.toJson() as Manifest[];
  }
  const platform = (chart: Chart): void => {
    const vllm = k.InferenceEngine.vllm(chart, "vllm", { accelerator: "nvidia" });
    const bucket = k.ModelStorage.s3(chart, "minio", s3);
    const cache = k.ModelStorage.pvc(chart, "cache", { create: { size: "10Gi" } });
    new k.InferenceService(chart, "granite", { engine: vllm, model: bucket.path("granite/") });
    new k.InferenceService(chart, "own-wave", { engine: vllm, model: cache.path("m/"), annotations: { "argocd.argoproj.io/sync-wave": "7" } });
  };
  const waves = (ms: readonly Manifest[]): string[] => ms.map((m) => `${m.kind}/${m.metadata.name}=${m.metadata.annotations?.["argocd.argoproj.io/sync-wave"] ?? "-"}`);

  itChecksDefaults(["GitOpsProps.syncWaves"], "are off by default: no sync-wave annotation anywhere, without GitOps settings or with settings that leave syncWaves out", () => {
    for (const props of [undefined, {}]) expect(waves(synthWith(props, platform)).filter((w) => !w.endsWith("=-") && !w.startsWith("InferenceService/own-wave"))).toEqual([]);
    expect(waves(synthWith({ syncWaves: true }, platform)).filter((w) => w.endsWith("=-"))).toEqual([]);
  });

  it("syncWaves: true puts configuration and runtimes before the services and claims; an object's own wave wins", () => {
    expect(waves(synthWith({ syncWaves: true }, platform))).toEqual([
      "ServingRuntime/vllm=-1",
      "ServiceAccount/minio-sa=-1",
      "Secret/minio-creds=-1",
      "PersistentVolumeClaim/cache=0",
      "InferenceService/granite=0",
      "InferenceService/own-wave=7",
    ]);
  });

  it("overrides per kind merge with the defaults; a nested scope's settings win; the rest of each object is unchanged", () => {
    const app = Testing.app();
    k.GitOps.set(app, { syncWaves: true });
    const a = new Chart(app, "a", { namespace: "a" });
    const b = new Chart(app, "b", { namespace: "b" });
    k.GitOps.set(b, { syncWaves: { InferenceService: 3, ServingRuntime: -5 } });
    for (const chart of [a, b]) platform(chart);
    expect(waves(b.toJson() as Manifest[])).toEqual(["ServingRuntime/vllm=-5", "ServiceAccount/minio-sa=-1", "Secret/minio-creds=-1", "PersistentVolumeClaim/cache=0", "InferenceService/granite=3", "InferenceService/own-wave=7"]);
    const withoutWave = (m: Manifest): Manifest => {
      const { ["argocd.argoproj.io/sync-wave"]: _wave, ...annotations } = m.metadata.annotations ?? {};
      const { annotations: _all, ...metadata } = m.metadata;
      return { ...m, metadata: Object.keys(annotations).length > 0 ? { ...metadata, annotations } : metadata };
    };
    const plain = Testing.app();
    platform(new Chart(plain, "a", { namespace: "a" }));
    const own = (ms: Manifest[]): Manifest[] => ms.map((m) => (m.metadata.name === "own-wave" ? m : withoutWave(m)));
    expect(own(a.toJson() as Manifest[])).toEqual(own((plain.charts[0] as Chart).toJson() as Manifest[]));
  });

  it("every kind the example platform renders has a default wave", () => {
    const app = Testing.app();
    buildExamples(app);
    const kinds = [...new Set(app.charts.flatMap((c) => (c.toJson() as Manifest[]).map((m) => m.kind)))].sort();
    expect(kinds.filter((kind) => !(kind in DEFAULT_SYNC_WAVES))).toEqual([]);
  });

  it("bad waves are one ValidationError naming GitOps.set, the kind and the fix", () => {
    const app = Testing.app();
    let error: unknown;
    try {
      k.GitOps.set(app, { syncWaves: { InferenceService: 1.5, ServingRuntime: "early" as never } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.rule).toBe("gitops/sync-waves");
    expect((error as ValidationError).issues.map((i) => `${i.where} > ${i.path} [${i.rule}]`)).toEqual(["GitOps.set(app) > syncWaves.InferenceService [gitops/sync-waves]", "GitOps.set(app) > syncWaves.ServingRuntime [gitops/sync-waves]"]);
    expect(() => k.GitOps.set(app, { syncWaves: false as never })).toThrow("syncWaves is true or an object of waves per kind [gitops/sync-waves]");
  });

  describeIfCrds("strict validation", () => {
    it("the example platform with sync waves still validates against its CRDs", () => {
      const app = Testing.app();
      k.GitOps.set(app, { syncWaves: true });
      buildExamples(app);
      const problems = app.charts.flatMap((chart) => validateAll(chart.toJson() as Manifest[], crdSetFor(k.KServeTarget.of(chart)).folders));
      expect(formatProblems(problems)).toBe("");
    });
  });
});
