/**
 * NIM on KServe as NVIDIA's recipe (nim-deploy) deploys it: deployment mode and concurrency
 * autoscaling, labels and annotations, the recipe's runtime annotations, the startup budget per model
 * size and cache, a typed Hugging Face token reference; and `ServingRuntime.fromName` name checks.
 */
import { InferenceService, ModelLocation, NgcSecrets, Nim, NIM_MODELS, ServingRuntime, nimStartupSeconds, nimWeightsGi, ruleMeta } from "kserve-constructs/cdk8s";
import type { Manifest } from "kserve-constructs";
import { find, synthChart, validationError } from "../support/synth";
import { itChecksDefaults } from "../support/defaults";

const ngc = { apiKeySecret: "nvidia-nim-secrets", pullSecret: "ngc-secret" };
const spec = (m: Manifest): Record<string, unknown> => m["spec"] as Record<string, unknown>;
const predictor = (m: Manifest): Record<string, unknown> => spec(m)["predictor"] as Record<string, unknown>;
const container = (m: Manifest): Record<string, unknown> => (spec(m)["containers"] as Record<string, unknown>[])[0] as Record<string, unknown>;
const knative = { target: { knativeFeatures: ["kubernetes.podspec-securitycontext", "kubernetes.podspec-tolerations", "kubernetes.podspec-persistent-volume-claim", "kubernetes.podspec-persistent-volume-write"] } };

describe("NIM on KServe, NVIDIA's recipe", () => {
  it("Knative mode scales on concurrency with the recipe's target of 10, between the replicas", () => {
    const manifests = synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { ngc, deploymentMode: "Knative", scaling: { min: 1, max: 3 }, labels: { team: "a" }, annotations: { "example.com/owner": "b" } }), knative);
    const isvc = find(manifests, "InferenceService");
    expect(isvc.metadata.annotations).toMatchObject({ "serving.kserve.io/deploymentMode": "Knative", "example.com/owner": "b" });
    expect(isvc.metadata.labels).toMatchObject({ team: "a" });
    expect(predictor(isvc)).toMatchObject({ minReplicas: 1, maxReplicas: 3, scaleMetric: "concurrency", scaleTarget: 10 });
  });

  it("scaling replaces the recipe's metric and target; Standard mode keeps the InferenceService's defaults", () => {
    const manifests = synthChart((chart) => {
      Nim.llama31_8bInstruct(chart, "kn", { ngc, deploymentMode: "Knative", scaling: { metric: "rps", target: 50 } });
      Nim.llama31_8bInstruct(chart, "std", { ngc });
    }, knative);
    expect(predictor(find(manifests, "InferenceService", "kn"))).toMatchObject({ scaleMetric: "rps", scaleTarget: 50 });
    const standard = find(manifests, "InferenceService", "std");
    expect(standard.metadata.annotations?.["serving.kserve.io/deploymentMode"]).toBe("Standard");
    expect(predictor(standard)["scaleMetric"]).toBeUndefined();
  });

  it("the runtime carries the recipe's metric aggregation and Prometheus scraping annotations (not on OpenShift AI)", () => {
    const runtime = find(synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { ngc })), "ClusterServingRuntime");
    expect(spec(runtime)["annotations"]).toEqual({
      "prometheus.kserve.io/path": "/metrics",
      "prometheus.kserve.io/port": "8000",
      "serving.kserve.io/enable-metric-aggregation": "true",
      "serving.kserve.io/enable-prometheus-scraping": "true",
    });
    const odh = find(synthChart((chart) => Nim.llama31_8bInstruct(chart, "llama", { ngc }), { target: { openshiftAI: true } }), "ServingRuntime");
    expect(Object.keys(spec(odh)["annotations"] as Record<string, string>)).not.toContain("serving.kserve.io/enable-metric-aggregation");
  });
});

describe("the startup budget follows the model's size and the cache", () => {
  const startupOf = (m: Record<string, unknown>): unknown => (m["startupProbe"] as Record<string, unknown> | undefined)?.["failureThreshold"];

  itChecksDefaults(["NimProps.startupSeconds"], "the runtime's budget assumes the first start downloads the weights: 15 minutes plus 25 s per GiB", () => {
    expect(nimWeightsGi(NIM_MODELS["llama-3.1-8b-instruct"])).toBe(15);
    expect(nimStartupSeconds(NIM_MODELS["llama-3.1-8b-instruct"], false)).toBe(900 + 15 * 25);
    expect(nimStartupSeconds(NIM_MODELS["llama-3.1-70b-instruct"], true)).toBe(900 + 132 * 5);
    const manifests = synthChart((chart) => {
      Nim.llama31_8bInstruct(chart, "small", { ngc });
      Nim.llama31_70bInstruct(chart, "large", { ngc });
    });
    const small = container(find(manifests, "ClusterServingRuntime", "nvidia-nim-llama-3.1-8b-instruct-1.13.1"));
    expect(small["startupProbe"]).toEqual({ httpGet: { path: "/v1/health/ready", port: 8000 }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 125 });
    expect(startupOf(container(find(manifests, "ClusterServingRuntime", "nvidia-nim-llama-3.1-70b-instruct-1.13.1")))).toBe(417);
    expect((predictor(find(manifests, "InferenceService", "small"))["model"] as Record<string, unknown>)["startupProbe"]).toBeUndefined();
  });

  itChecksDefaults(["NimProps.startupSeconds"], "a filled cache gives the model a shorter budget (15 minutes plus 5 s per GiB); startupSeconds sets it", () => {
    const manifests = synthChart((chart) => {
      Nim.llama31_70bInstruct(chart, "filled", { ngc, cache: { claimName: "nim-pvc", prefilled: true, readOnly: true } });
      Nim.llama31_70bInstruct(chart, "job", { ngc, cache: { create: { size: "300Gi" }, downloadJob: true } });
      Nim.llama31_70bInstruct(chart, "mine", { ngc, startupSeconds: 7200 });
    });
    const model = (name: string): Record<string, unknown> => predictor(find(manifests, "InferenceService", name))["model"] as Record<string, unknown>;
    expect(model("filled")["startupProbe"]).toEqual({ httpGet: { path: "/v1/health/ready", port: 8000 }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 153 });
    expect(startupOf(model("job"))).toBe(153);
    expect(startupOf(model("mine"))).toBe(717);
  });

  it("a model described without weightsSize is estimated from its id", () => {
    expect(nimWeightsGi(Nim.model({ id: "my-13b-chat", displayName: "x", kind: "llm", image: "nvcr.io/nim/x/my-13b-chat", version: "1", gpuCounts: [1], shmSize: "16Gi", resources: { requests: {}, limits: {} } }))).toBe(25);
    expect(nimWeightsGi(Nim.model({ id: "tiny", displayName: "x", kind: "llm", image: "nvcr.io/nim/x/tiny", version: "1", gpuCounts: [1], shmSize: "1Gi", resources: { requests: {}, limits: {} } }))).toBe(16);
    expect(nimWeightsGi(NIM_MODELS["mixtral-8x22b-instruct-v01"])).toBe(263);
  });
});

describe("hfTokenSecret is a typed reference", () => {
  it("a name means key HF_TOKEN; NgcSecrets.hfToken takes another key; it may share the NGC key's Secret", () => {
    const manifests = synthChart((chart) => {
      Nim.llama31_8bInstruct(chart, "a", { ngc: { ...ngc, hfTokenSecret: "hf" } });
      Nim.llama31_70bInstruct(chart, "b", { ngc: { ...ngc, hfTokenSecret: NgcSecrets.hfToken("nvidia-nim-secrets", { key: "token" }) } });
    });
    const env = (name: string): unknown => (container(find(manifests, "ClusterServingRuntime", name))["env"] as { name: string }[]).find((e) => e.name === "HF_TOKEN");
    expect(env("nvidia-nim-llama-3.1-8b-instruct-1.13.1")).toEqual({ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: "hf", key: "HF_TOKEN" } } });
    expect(env("nvidia-nim-llama-3.1-70b-instruct-1.13.1")).toEqual({ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: "nvidia-nim-secrets", key: "token" } } });
  });

  it("the pull secret in its place is a mix-up", () => {
    const error = validationError((chart) => Nim.llama31_8bInstruct(chart, "a", { ngc: { ...ngc, hfTokenSecret: NgcSecrets.pullSecret("ngc-secret") as never } }));
    expect(error.issues.map((i) => [i.rule, i.path, i.fix])).toEqual([["nim/secret-mixup", "ngc.hfTokenSecret", "pass NgcSecrets.hfToken(name) here"]]);
  });
});

describe("nim/kserve-only", () => {
  it("KServe settings on a NIM Operator deployment are errors", () => {
    const error = validationError((chart) => Nim.llama31_8bInstruct(chart, "op", { ngc, platform: "nim-operator", deploymentMode: "Knative", startupSeconds: 600, labels: { a: "b" } }));
    expect(error.issues.map((i) => [i.rule, i.path])).toEqual([
      ["nim/kserve-only", "deploymentMode"],
      ["nim/kserve-only", "startupSeconds"],
      ["nim/kserve-only", "labels"],
    ]);
    expect(ruleMeta("nim/kserve-only")?.fix).toBe("drop them, or use platform kserve");
  });
});

describe("ServingRuntime.fromName validates the name", () => {
  const use = (name: string, options?: Parameters<typeof ServingRuntime.fromName>[1]) =>
    validationError((chart) => new InferenceService(chart, "m", { engine: ServingRuntime.fromName(name, options), model: ModelLocation.fromUri("s3://b/m/"), modelFormat: { name: "sklearn" } }));

  it("a name the API server refuses, a name too long for KServe's label, a namespace on a ClusterServingRuntime", () => {
    expect(use("Kserve_SKLearn").issues.map((i) => [i.where, i.rule, i.path, i.fix])).toEqual([["test/m", "runtime/existing-name", "engine.name", 'use a name such as "kserve-sklearn"']]);
    expect(use("a".repeat(64)).issues.map((i) => [i.rule, i.path])).toEqual([["runtime/existing-name", "engine.name"]]);
    expect(use("kserve-sklearnserver", { namespace: "x" }).issues.map((i) => [i.rule, i.path])).toEqual([["runtime/existing-name", "engine.namespace"]]);
  });

  it("a valid name passes", () => {
    const manifests = synthChart((chart) => new InferenceService(chart, "m", { engine: ServingRuntime.fromName("kserve-sklearnserver"), model: ModelLocation.fromUri("s3://b/m/"), modelFormat: { name: "sklearn" } }));
    expect((predictor(find(manifests, "InferenceService"))["model"] as Record<string, unknown>)["runtime"]).toBe("kserve-sklearnserver");
  });
});
