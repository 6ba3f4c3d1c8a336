/**
 * Manifest-level rules run on YAML the library did not write: each rule reads only the manifest, the
 * target and the other manifests of the app, the way `lint` runs them.
 */
import type { Manifest } from "kserve-constructs";
import { resolveTarget } from "kserve-constructs";
import { manifestRules, ruleMeta, runRules } from "../../src/core/rules/all";
import type { ManifestSubject } from "../../src/core/rules/registry";
import type { ManifestRule } from "../../src/core/rules/registry";
import { derive, runManifestRules } from "../../src/core/rules/registry";
import { checkKubernetesSyntax } from "../../src/core/kubernetes/rules";

const target = resolveTarget({}).target;

/** Runs every manifest rule on each manifest of `app`, as lint does, and returns [kind/name, path, rule] rows. */
function lint(app: Manifest[], t = target): [string, string, string][] {
  return app.flatMap((manifest) => runRules(manifestRules(), { manifest, target: t, app } satisfies ManifestSubject).map((d): [string, string, string] => [`${manifest.kind}/${manifest.metadata.name}`, d.path, d.rule]));
}

function isvc(model: Record<string, unknown>, extra: { annotations?: Record<string, string>; predictor?: Record<string, unknown> } = {}): Manifest {
  return {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name: "m", namespace: "models", annotations: { "serving.kserve.io/deploymentMode": "Standard", ...extra.annotations } },
    spec: { predictor: { model, ...extra.predictor } },
  };
}

function runtime(name: string, spec: Record<string, unknown>, kind: "ServingRuntime" | "ClusterServingRuntime" = "ServingRuntime"): Manifest {
  return { apiVersion: "serving.kserve.io/v1alpha1", kind, metadata: { name, ...(kind === "ServingRuntime" ? { namespace: "models" } : {}) }, spec };
}

const server = { name: "kserve-container", image: "registry.example/server:1", args: ["--port=8080"] };

describe("manifest rules on YAML the library did not write", () => {
  it("lists every manifest rule of the library once, each declared in the catalogue", () => {
    const ids = manifestRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "kserve/name",
      "kserve/blocked-env",
      "kserve/one-implementation",
      "kserve/scale-metric",
      "kserve/multi-node-gpu-type",
      "resources/extended-overcommit",
      "resources/request-above-limit",
      "args/duplicate-flag",
      "runtime/kserve-container",
      "runtime/template",
      "runtime/format-conflict",
      "modelmesh/reserved-port",
      "modelmesh/endpoint",
      "modelmesh/ignored-field",
      "modelmesh/unavailable",
      "isvc/knative-pod-fields",
      "isvc/runtime-format",
      "isvc/runtime-protocol",
      "isvc/hostname-length",
      "storage/uri-scheme",
      "target/feature-storage-hf",
    ]) {
      expect(ids).toContain(id);
      expect(["manifest", "app"]).toContain(ruleMeta(id)?.on);
    }
  });

  it("checks an InferenceService's format and protocol against the runtime it names among the app's manifests", () => {
    const rt = runtime("my-rt", { supportedModelFormats: [{ name: "xgboost", autoSelect: true }], protocolVersions: ["v2"], containers: [server] });
    expect(lint([isvc({ modelFormat: { name: "sklearn" }, runtime: "my-rt", storageUri: "s3://b/m" }), rt])).toEqual([
      ["InferenceService/m", "spec.predictor.model.modelFormat.name", "isvc/runtime-format"],
      ["InferenceService/m", "spec.predictor.model.protocolVersion", "isvc/runtime-protocol"],
    ]);
    const [format] = runRules(manifestRules(), { manifest: isvc({ modelFormat: { name: "XGBoost" }, runtime: "my-rt", protocolVersion: "v2", storageUri: "s3://b/m" }), target, app: [rt] });
    expect(format).toMatchObject({ rule: "isvc/runtime-format", message: 'runtime "my-rt" does not serve format "XGBoost" (it serves xgboost); KServe matches names exactly', fix: 'use "xgboost" (case matters)' });
  });

  it("prefers the namespace's ServingRuntime over a ClusterServingRuntime of the same name, and skips runtimes it cannot see", () => {
    const cluster = runtime("rt", { supportedModelFormats: [{ name: "onnx" }], containers: [server] }, "ClusterServingRuntime");
    const local = runtime("rt", { supportedModelFormats: [{ name: "sklearn" }], containers: [server] });
    const model = isvc({ modelFormat: { name: "sklearn" }, runtime: "rt", storageUri: "s3://b/m" });
    expect(lint([model, cluster, local]).filter(([, , rule]) => rule.startsWith("isvc/"))).toEqual([]);
    expect(lint([model, cluster]).filter(([, , rule]) => rule.startsWith("isvc/"))).toEqual([["InferenceService/m", "spec.predictor.model.modelFormat.name", "isvc/runtime-format"]]);
    // a runtime that is not among the manifests is unknown: nothing to compare
    expect(lint([model])).toEqual([]);
  });

  it("finds pod and container problems in raw manifests", () => {
    const model = isvc({ modelFormat: { name: "f" }, storageUri: "models/x", env: [{ name: "PYTHONPATH", value: "/x" }] });
    const rt = runtime("rt", {
      supportedModelFormats: [{ name: "f", autoSelect: true }],
      containers: [{ name: "server", image: "x", resources: { requests: { "nvidia.com/gpu": 1 }, limits: { "nvidia.com/gpu": 2 } } }],
    });
    expect(lint([model, rt])).toEqual([
      ["InferenceService/m", "spec.predictor.model.env[0]", "kserve/blocked-env"],
      ["InferenceService/m", "spec.predictor.model.storageUri", "storage/uri-scheme"],
      ["ServingRuntime/rt", "spec.containers[0].resources.requests.nvidia.com/gpu", "resources/extended-overcommit"],
      ["ServingRuntime/rt", "spec.containers", "runtime/kserve-container"],
    ]);
  });

  it("applies Knative's pod restrictions to the predictor and the runtime it names", () => {
    const rt = runtime("rt", { supportedModelFormats: [{ name: "f" }], containers: [{ ...server, ports: [{ containerPort: 8012 }] }], tolerations: [{ key: "gpu", operator: "Exists" }] });
    const model = isvc({ modelFormat: { name: "f" }, runtime: "rt", storageUri: "pvc://claim/m" }, { annotations: { "serving.kserve.io/deploymentMode": "Serverless" }, predictor: { nodeSelector: { gpu: "a100" } } });
    expect(lint([model, rt])).toEqual([
      ["InferenceService/m", "spec.predictor.nodeSelector", "isvc/knative-pod-fields"],
      ["InferenceService/m", "runtime rt: spec.tolerations", "isvc/knative-pod-fields"],
      ["InferenceService/m", "runtime rt: spec.containers[kserve-container].ports", "isvc/knative-reserved-port"],
    ]);
    const withFlags = resolveTarget({ knativeFeatures: ["kubernetes.podspec-nodeselector", "kubernetes.podspec-tolerations", "kubernetes.podspec-persistent-volume-claim"] }).target;
    expect(lint([model, rt], withFlags).map(([, , rule]) => rule)).toEqual(["isvc/knative-reserved-port"]);
  });

  it("checks ModelMesh runtimes and InferenceServices, and the target's ModelMesh", () => {
    const mm = runtime("mm", { multiModel: true, supportedModelFormats: [{ name: "sklearn", autoSelect: true }], grpcEndpoint: "port:8085", grpcDataEndpoint: "port:8001", containers: [{ name: "server", image: "x", ports: [{ containerPort: 8080 }], resources: { limits: { memory: "1Gi" } } }] });
    const model = isvc({ modelFormat: { name: "sklearn" }, runtime: "mm", storageUri: "s3://b/m", resources: { limits: { cpu: "1" } } }, { annotations: { "serving.kserve.io/deploymentMode": "ModelMesh" } });
    expect(lint([mm, model], resolveTarget({ modelMesh: true }).target)).toEqual([
      ["ServingRuntime/mm", "spec.containers[0].ports[0].containerPort", "modelmesh/reserved-port"],
      ["InferenceService/m", "spec.predictor.model.resources", "modelmesh/ignored-field"],
    ]);
    expect(lint([mm], resolveTarget({ openshiftAI: { version: "3.0" } }).target).map(([, path, rule]) => [path, rule])).toEqual([
      ["spec.multiModel", "modelmesh/unavailable"],
      ["spec.containers[0].ports[0].containerPort", "modelmesh/reserved-port"],
    ]);
  });

  it("finds runtimes of the app competing for a format, naming the other one", () => {
    const spec = { supportedModelFormats: [{ name: "onnx", autoSelect: true, priority: 1 }], protocolVersions: ["v2"], containers: [server] };
    const drafts = runRules(manifestRules(), { manifest: runtime("b", spec), target, app: [runtime("a", spec), runtime("b", spec)] });
    expect(drafts.map((d) => [d.rule, d.message])).toEqual([
      ["runtime/format-conflict", 'ServingRuntime "a" (ServingRuntime a) already auto-selects format "onnx" with priority 1 for a common protocol; KServe\'s webhook rejects the second runtime'],
    ]);
  });

  it("gates features on the target's KServe release", () => {
    const model = isvc({ modelFormat: { name: "f" }, storageUri: "hf://org/model" }, { predictor: { deploymentStrategy: { type: "Recreate" } } });
    expect(lint([model], resolveTarget({ kserveVersion: "0.12" }).target)).toEqual([
      ["InferenceService/m", "spec.predictor.model.storageUri", "target/feature-storage-hf"],
      ["InferenceService/m", "spec.predictor.deploymentStrategy", "target/feature-deployment-strategy"],
    ]);
  });

  it("never throws on malformed manifests", () => {
    const odd: Manifest[] = [
      { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "a" } },
      { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "b" }, spec: { predictor: [] } },
      { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "c", annotations: { "serving.kserve.io/deploymentMode": "Knative" } }, spec: { predictor: { model: { runtime: "r", env: null, args: [1, null] }, containers: [null, "x"], storageUris: [null, { uri: 3 }], workerSpec: { containers: "x" } } } },
      { apiVersion: "serving.kserve.io/v1alpha1", kind: "ServingRuntime", metadata: { name: "r" }, spec: { containers: [null, { name: "kserve-container", env: [], ports: [] }], workerSpec: {}, supportedModelFormats: "x", multiModel: true } },
      { apiVersion: "serving.kserve.io/v1alpha1", kind: "ClusterServingRuntime", metadata: { name: "s" }, spec: null },
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "n", labels: { "modelmesh-enabled": "true" } } },
    ];
    const rules = lint(odd).map(([, , rule]) => rule);
    expect(rules).not.toContain("internal/unexpected");
    expect(rules).toContain("kserve/predictor");
  });
});

describe("running manifest rules", () => {
  const seen: string[] = [];
  // not declared in the catalogue, so the lint tests above do not see it
  const onlyRuntimes: ManifestRule = {
    id: "test-manifest/only-runtimes",
    severity: "warning",
    summary: "runs on runtimes only",
    why: "test",
    fix: "none",
    on: "manifest",
    kinds: ["ServingRuntime"],
    check: ({ manifest }) => {
      seen.push(manifest.kind);
      return [{ path: "metadata.name", value: manifest.metadata.name, message: "seen" }];
    },
  };

  it("skips rules declared for other kinds", () => {
    const rt = runtime("rt", { containers: [server] });
    const model = isvc({ modelFormat: { name: "f" }, storageUri: "s3://b/m" });
    expect(runManifestRules([onlyRuntimes], { manifest: model, target, app: [model, rt] })).toEqual([]);
    expect(runManifestRules([onlyRuntimes], { manifest: rt, target, app: [model, rt] })).toEqual([{ path: "metadata.name", value: "rt", rule: "test-manifest/only-runtimes", message: "seen", fix: "none", severity: "warning" }]);
    expect(seen).toEqual(["ServingRuntime"]);
  });

  it("computes a derived value once per subject, and again for another subject or a frozen one", () => {
    let computed = 0;
    const key = {};
    const subject = { n: 1 };
    expect(derive(subject, key, () => ++computed)).toBe(1);
    expect(derive(subject, key, () => ++computed)).toBe(1);
    expect(derive({ n: 1 }, key, () => ++computed)).toBe(2);
    const frozen = Object.freeze({ n: 1 });
    expect(derive(frozen, key, () => ++computed)).toBe(3);
    expect(derive(frozen, key, () => ++computed)).toBe(4);
    expect(Object.keys(subject)).toEqual(["n"]);
  });

  it("the syntax check of a build runs on the subject the build's own rules checked, only for the same manifest, target and app", () => {
    const registry = jest.requireActual<typeof import("../../src/core/rules/registry")>("../../src/core/rules/registry");
    const spy = jest.spyOn(registry, "runManifestRules");
    try {
      const model = isvc({ modelFormat: { name: "f" }, storageUri: "s3://b/m" });
      const own: ManifestSubject = { manifest: model, target, app: [model], known: {} };
      const other = resolveTarget({ kserveVersion: "0.15" }).target;
      const cases: [readonly ManifestSubject[] | undefined, boolean][] = [
        [[own], true],
        [undefined, false],
        [[{ ...own, target: other }], false],
        [[{ ...own, manifest: { ...model } }], false],
        [[{ ...own, app: [model, model] }], false],
      ];
      for (const [subjects, shared] of cases) {
        spy.mockClear();
        expect(checkKubernetesSyntax([model], target, subjects)).toEqual(checkKubernetesSyntax([model], target));
        const used = spy.mock.calls[0]?.[1];
        expect(used?.manifest).toBe(model);
        expect(used === own).toBe(shared);
      }
    } finally {
      spy.mockRestore();
    }
  });
});
