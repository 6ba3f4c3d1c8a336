/**
 * `scope: "dashboard"`: an engine published for the whole OpenShift AI dashboard, as an OpenShift
 * Template in the applications namespace holding one ServingRuntime.
 */
import { EnginePresets, buildInferenceEngine } from "kserve-constructs";
import { InferenceEngine, InferenceService, ModelLocation } from "kserve-constructs/cdk8s";
import { engineProps } from "../support/fixtures";
import { synthChart, validationError } from "../support/synth";
import { describeIfCrds, formatProblems, validateAll } from "../support/conformance";

const odh = { target: { openshiftAI: { version: "3.4" } } } as const;

describe("dashboard runtimes", () => {
  it("a custom engine becomes a Template with the dashboard's labels and annotations, holding its runtime", () => {
    const [template] = synthChart(
      (chart) =>
        new InferenceEngine(chart, "my-engine", engineProps({
          scope: "dashboard",
          versions: { "1.0.0": { image: { cpu: "r/e:1.0.0", nvidia: "r/e-cuda:1.0.0" } } },
          openshiftAI: { displayName: "My Engine", description: "Serves chat models", provider: "Platform team" },
        })),
      odh,
    );
    expect(template).toEqual({
      apiVersion: "template.openshift.io/v1",
      kind: "Template",
      metadata: {
        name: "my-engine-template",
        namespace: "redhat-ods-applications",
        labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "opendatahub.io/dashboard": "true" },
        annotations: {
          "openshift.io/display-name": "My Engine",
          "opendatahub.io/apiProtocol": "REST",
          "opendatahub.io/model-type": '["generative"]',
          "opendatahub.io/modelServingSupport": '["single"]',
          description: "Serves chat models",
          "openshift.io/provider-display-name": "Platform team",
        },
      },
      objects: [
        {
          apiVersion: "serving.kserve.io/v1alpha1",
          kind: "ServingRuntime",
          metadata: {
            name: "my-engine",
            labels: { "app.kubernetes.io/managed-by": "kserve-constructs", "opendatahub.io/dashboard": "true" },
            annotations: {
              "openshift.io/display-name": "My Engine",
              "opendatahub.io/apiProtocol": "REST",
              "opendatahub.io/model-type": '["generative"]',
              "opendatahub.io/modelServingSupport": '["single"]',
              "opendatahub.io/recommended-accelerators": '["nvidia.com/gpu"]',
              "opendatahub.io/runtime-version": "1.0.0",
            },
          },
          spec: expect.objectContaining({ multiModel: false, supportedModelFormats: [{ name: "my-format", autoSelect: true }] }),
        },
      ],
    });
  });

  it("goes to the target's applications namespace, and predictive engines say so", () => {
    const [template] = synthChart((chart) => new InferenceEngine(chart, "sk", engineProps({ scope: "dashboard", protocol: "v2" })), { target: { openshiftAI: { applicationsNamespace: "opendatahub" } } });
    expect(template?.metadata.namespace).toBe("opendatahub");
    expect(template?.metadata.annotations?.["opendatahub.io/model-type"]).toBe('["predictive"]');
  });

  it("every preset can be published: vLLM on Gaudi keeps the template's display name and inert builtInAdapter field", () => {
    const [template] = synthChart((chart) => InferenceEngine.vllm(chart, "vllm-gaudi-runtime", { accelerator: "gaudi", image: "quay.io/x/vllm-gaudi:1", scope: "dashboard" }), odh);
    const runtime = (template as unknown as { objects: { metadata: { annotations: Record<string, string> }; spec: Record<string, unknown> }[] }).objects[0];
    expect(template?.metadata.name).toBe("vllm-gaudi-runtime-template");
    expect(template?.metadata.annotations?.["openshift.io/display-name"]).toBe("vLLM Intel Gaudi Accelerator ServingRuntime for KServe");
    expect(runtime?.spec["builtInAdapter"]).toEqual({ modelLoadingTimeoutMillis: 90000 });
    expect(runtime?.spec["supportedModelFormats"]).toEqual([{ name: "vLLM", autoSelect: false }]);
    expect(runtime?.metadata.annotations["opendatahub.io/recommended-accelerators"]).toBe('["habana.ai/gaudi"]');
  });

  it("engine/dashboard-scope: only on OpenShift AI, and without a namespace", () => {
    const result = buildInferenceEngine(engineProps({ scope: "dashboard", namespace: "x" }), { where: "app/e", defaultName: "e" });
    expect(result.issues.map((i) => [i.rule, i.path, i.fix])).toEqual([
      ["engine/dashboard-scope", "scope", 'target OpenShift AI, or use scope "namespace" or "cluster"'],
      ["engine/dashboard-scope", "namespace", "remove namespace (set target.openshiftAI.applicationsNamespace when yours is not redhat-ods-applications)"],
    ]);
    expect(buildInferenceEngine(EnginePresets.vllm({ accelerator: "nvidia", scope: "dashboard" }), { where: "app/e", defaultName: "e" }).issues.map((i) => i.rule)).toEqual(["engine/dashboard-scope"]);
  });

  it("InferenceServices in code cannot use a dashboard runtime (it lives in the applications namespace)", () => {
    const error = validationError((chart) => {
      const engine = new InferenceEngine(chart, "e", engineProps({ scope: "dashboard" }));
      new InferenceService(chart, "m", { engine, model: ModelLocation.fromUri("s3://b/m/") });
    }, odh);
    expect(error.issues.map((i) => i.rule)).toEqual(["isvc/runtime-namespace"]);
  });

  it("modelLoadingTimeoutMillis is inert on single-model engines and belongs to the adapter on multi-model ones", () => {
    const [runtime] = synthChart((chart) => new InferenceEngine(chart, "e", engineProps({ modelLoadingTimeoutMillis: 1000 })));
    expect((runtime?.spec as Record<string, unknown>)["builtInAdapter"]).toEqual({ modelLoadingTimeoutMillis: 1000 });
    const result = buildInferenceEngine(engineProps({ modelLoadingTimeoutMillis: 1000, multiModel: { adapter: { serverType: "mlserver" } }, protocol: "grpc-v2" }), { where: "app/e", defaultName: "e", target: { modelMesh: true } });
    expect(result.issues.map((i) => [i.rule, i.path, i.fix])).toContainEqual(["engine/model-loading-timeout", "modelLoadingTimeoutMillis", "set multiModel.adapter.modelLoadingTimeoutMillis instead"]);
  });
});

describeIfCrds("dashboard Templates against the Template CRD", () => {
  it("are strict-valid, with the runtime inside validated too", () => {
    const manifests = synthChart((chart) => {
      new InferenceEngine(chart, "my-engine", engineProps({ scope: "dashboard" }));
      for (const accelerator of ["nvidia", "amd", "cpu"] as const) InferenceEngine.vllm(chart, `vllm-${accelerator}`, { accelerator, image: `quay.io/x/vllm-${accelerator}:1`, scope: "dashboard" });
    }, odh);
    expect(manifests.map((m) => m.kind)).toEqual(["Template", "Template", "Template", "Template"]);
    expect(formatProblems(validateAll(manifests))).toBe("");
  });
});
