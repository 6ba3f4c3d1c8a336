/**
 * Runtime selection on manifests, as KServe's controller does it for an InferenceService that names no
 * runtime (reference: kserve.md 3.2).
 */
import type { Manifest } from "../../src/core/k8s";
import { runtimeCandidates, runtimeRequest, selectRuntime } from "../../src/core/runtime/select";

const isvc = (model: Record<string, unknown>, extra: Record<string, unknown> = {}, annotations: Record<string, string> = {}): Manifest => ({
  apiVersion: "serving.kserve.io/v1beta1",
  kind: "InferenceService",
  metadata: { name: "m", namespace: "models", annotations },
  spec: { predictor: { model, ...extra } },
});

const runtime = (kind: "ServingRuntime" | "ClusterServingRuntime", name: string, spec: Record<string, unknown>, namespace = "models"): Manifest => ({
  apiVersion: "serving.kserve.io/v1alpha1",
  kind,
  metadata: { name, ...(kind === "ServingRuntime" ? { namespace } : {}) },
  spec: { containers: [{ name: "kserve-container", image: "x" }], ...spec },
});

const fmt = (name: string, version: string | undefined, autoSelect: boolean, priority?: number) => ({ name, ...(version !== undefined ? { version } : {}), autoSelect, ...(priority !== undefined ? { priority } : {}) });

function pick(i: Manifest, runtimes: Manifest[]): string | undefined {
  const request = runtimeRequest(i);
  if (request === undefined) throw new Error("no request");
  return selectRuntime(request, "models", runtimeCandidates(runtimes)).selected?.name;
}

describe("runtime selection", () => {
  const sk = { modelFormat: { name: "sklearn" } };

  it("reads the request: format, version, protocol (v1 when unset), named runtime, multi-node, ModelMesh", () => {
    expect(runtimeRequest(isvc({ modelFormat: { name: "sklearn", version: "1" }, protocolVersion: "v2", runtime: "r" }, { workerSpec: {} }))).toEqual({ field: "model", format: "sklearn", version: "1", protocol: "v2", runtime: "r", multiNode: true, multiModel: false });
    expect(runtimeRequest(isvc(sk, {}, { "serving.kserve.io/deploymentMode": "ModelMesh" }))?.multiModel).toBe(true);
    expect(runtimeRequest({ ...isvc({}), spec: { predictor: { sklearn: { storageUri: "s3://b/m" } } } })).toEqual({ field: "sklearn", format: "sklearn", protocol: "v1", multiNode: false, multiModel: false });
  });

  it("prefers runtimes of the namespace over cluster runtimes, whatever their priority", () => {
    expect(pick(isvc(sk), [runtime("ClusterServingRuntime", "cluster", { supportedModelFormats: [fmt("sklearn", "1", true, 9)] }), runtime("ServingRuntime", "local", { supportedModelFormats: [fmt("sklearn", "1", true, 1)] })])).toBe("local");
    expect(pick(isvc(sk), [runtime("ServingRuntime", "other-ns", { supportedModelFormats: [fmt("sklearn", "1", true)] }, "elsewhere")])).toBeUndefined();
  });

  it("orders by protocol, then name, then priority (with a priority before without)", () => {
    const a = runtime("ServingRuntime", "a", { supportedModelFormats: [fmt("sklearn", "1", true)], protocolVersions: ["v1"] });
    const b = runtime("ServingRuntime", "b", { supportedModelFormats: [fmt("sklearn", "1", true, 2)], protocolVersions: ["v1"] });
    const c = runtime("ServingRuntime", "c", { supportedModelFormats: [fmt("sklearn", "1", true, 5)] });
    expect(pick(isvc(sk), [a, b, c])).toBe("c");
    expect(pick(isvc(sk), [a, b])).toBe("b");
    expect(pick(isvc(sk), [a, runtime("ServingRuntime", "z", { supportedModelFormats: [fmt("sklearn", "1", true)] })])).toBe("a");
  });

  it("needs autoSelect, the exact version string, the protocol (v1 when unset), a matching workerSpec and not disabled", () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, string][] = [
      [sk, {}, { supportedModelFormats: [fmt("sklearn", "1", false)] }, "its sklearn format has no autoSelect: true"],
      [{ modelFormat: { name: "sklearn", version: "1.3" } }, {}, { supportedModelFormats: [fmt("sklearn", "1", true)] }, 'its sklearn format has version "1", not "1.3"'],
      [sk, {}, { supportedModelFormats: [fmt("sklearn", "1", true)], protocolVersions: ["v2"] }, "it does not speak protocol v1 (it speaks v2)"],
      [sk, { workerSpec: {} }, { supportedModelFormats: [fmt("sklearn", "1", true)] }, "it has no workerSpec (multi-node)"],
      [sk, {}, { supportedModelFormats: [fmt("sklearn", "1", true)], disabled: true }, "it is disabled"],
      [sk, {}, { supportedModelFormats: [fmt("SKLearn", "1", true)] }, "it does not list format sklearn"],
    ];
    for (const [model, extra, spec, reason] of cases) {
      const request = runtimeRequest(isvc(model, extra));
      const result = selectRuntime(request!, "models", runtimeCandidates([runtime("ServingRuntime", "r", spec)]));
      expect(result.selected).toBeUndefined();
      expect(result.rejected.map((r) => r.reason)).toEqual([reason]);
    }
    expect(pick(isvc({ modelFormat: { name: "sklearn" }, protocolVersion: "v2" }), [runtime("ServingRuntime", "v2only", { supportedModelFormats: [fmt("sklearn", "1", true)], protocolVersions: ["v2"] })])).toBe("v2only");
  });
});
