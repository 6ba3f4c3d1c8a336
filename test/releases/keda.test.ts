/**
 * KEDA: scale to zero only with a trigger that can scale up from zero; triggers on the serving engine's
 * own metrics (vLLM waiting requests, KV-cache usage) as KServe autoScaling External metrics.
 */
import type { Chart } from "cdk8s";
import { InferenceService, ModelLocation } from "kserve-constructs/cdk8s";
import type { ScalingProps, TargetProps } from "kserve-constructs";
import { engine } from "../support/fixtures";
import { describeIfCrds, formatProblems, validateForTarget } from "../support/conformance";
import { find, synthChart, validationError } from "../support/synth";

const PROM = "http://prometheus.monitoring.svc:9090";
const llm = (scaling: ScalingProps) => (chart: Chart) => new InferenceService(chart, "granite", { engine: engine(chart), model: ModelLocation.fromUri("s3://models/granite/"), scaling });
const predictor = (scaling: ScalingProps, target?: TargetProps) => (find(synthChart(llm(scaling), target ? { target } : {}), "InferenceService")["spec"] as { predictor: Record<string, unknown> }).predictor;

describe("KEDA scale to zero", () => {
  it("is an error on cpu or memory: KEDA cannot activate from zero on them", () => {
    const error = validationError(llm({ min: 0, max: 3, autoscaler: "keda", metric: "cpu", target: 70 }));
    expect(error.issues.map((i) => [i.rule, i.path, i.message, i.fix])).toEqual([
      [
        "isvc/keda-scale-to-zero",
        "scaling.min",
        "KEDA cannot scale this service up from zero: it scales on cpu, which no pod reports at zero replicas (KEDA's cpu and memory scalers cannot activate from zero, and the engine's metrics vanish with its pods)",
        "set scaling.min to 1, or add a scaling.external trigger with a query that exists without the service's pods (for example its gateway's request rate)",
      ],
    ]);
    expect(validationError(llm({ min: 0, autoscaler: "keda" })).issues[0]?.message).toContain("it scales on cpu (KServe's default)");
  });

  it("is an error on the engine's own metrics: they vanish with its pods", () => {
    const error = validationError(llm({ min: 0, max: 3, autoscaler: "keda", external: [{ metric: "vllm-waiting-requests", serverAddress: PROM }] }));
    expect(error.issues.map((i) => [i.rule, i.message])).toEqual([
      ["isvc/keda-scale-to-zero", "KEDA cannot scale this service up from zero: it scales on vllm-waiting-requests, which no pod reports at zero replicas (KEDA's cpu and memory scalers cannot activate from zero, and the engine's metrics vanish with its pods)"],
    ]);
  });

  it("is accepted with a query of your own, rendered as a prometheus External metric", () => {
    const query = 'sum(rate(istio_requests_total{destination_service_name="granite-predictor"}[1m]))';
    const p = predictor({ min: 0, max: 3, autoscaler: "keda", external: [{ metric: { query }, threshold: 5, serverAddress: PROM }] });
    expect(p["minReplicas"]).toBe(0);
    expect(p["autoScaling"]).toEqual({ metrics: [{ type: "External", external: { metric: { backend: "prometheus", query, serverAddress: PROM }, target: { type: "Value", value: "5" } } }] });
  });

  it("HPA scale-to-zero points to Knative or KEDA with a query", () => {
    expect(validationError(llm({ min: 0 })).issues[0]).toMatchObject({
      rule: "isvc/standard-scale-to-zero",
      fix: 'set scaling.min to 1 or more, or scale to zero with deploymentMode "Knative", or with scaling.autoscaler "keda" and a scaling.external Prometheus query',
    });
  });
});

describe("KEDA triggers on the engine's metrics", () => {
  it("vLLM waiting requests and KV-cache usage, summed over the service's pods, with their default thresholds", () => {
    const p = predictor({ min: 1, max: 4, autoscaler: "keda", metric: "cpu", target: 80, external: [{ metric: "vllm-waiting-requests", serverAddress: PROM }, { metric: "vllm-kv-cache-usage", serverAddress: PROM, namespace: "models" }] });
    expect(p["autoScaling"]).toEqual({
      metrics: [
        { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } },
        { type: "External", external: { metric: { backend: "prometheus", query: 'sum(vllm:num_requests_waiting{namespace="models",pod=~"granite-predictor-.*"})', serverAddress: PROM }, target: { type: "Value", value: "10" } } },
        { type: "External", external: { metric: { backend: "prometheus", namespace: "models", query: 'sum(vllm:kv_cache_usage_perc{namespace="models",pod=~"granite-predictor-.*"})', serverAddress: PROM }, target: { type: "Value", value: "0.8" } } },
      ],
    });
    expect(p).not.toHaveProperty("scaleMetric");
  });

  it("a TriggerAuthentication needs KServe 0.16; OpenShift AI 2.25's fork has it", () => {
    const scaling: ScalingProps = { min: 1, autoscaler: "keda", external: [{ metric: "vllm-waiting-requests", threshold: 4, serverAddress: PROM, authentication: { triggerAuthentication: "prom-auth", modes: "bearer" } }] };
    expect(validationError(llm(scaling), { target: { kserveVersion: "0.15" } }).issues.map((i) => [i.rule, i.path, i.message])).toEqual([
      ["target/feature-autoscaling-external-auth", "scaling.external[0].authentication", "authenticationRef on external autoScaling metrics (a KEDA TriggerAuthentication) needs KServe 0.16 or later; the target is KServe 0.15"],
    ]);
    const p = predictor(scaling, { openshiftAI: { version: "2.25" } });
    expect((p["autoScaling"] as { metrics: { external: unknown }[] }).metrics[0]?.external).toMatchObject({ authenticationRef: { authenticationRef: { name: "prom-auth" }, authModes: "bearer" }, target: { type: "Value", value: "4" } });
  });

  it("a query of your own needs its threshold", () => {
    expect(validationError(llm({ min: 1, autoscaler: "keda", external: [{ metric: { query: "sum(up)" }, serverAddress: PROM }] })).issues.map((i) => [i.rule, i.path])).toEqual([["isvc/keda-external-threshold", "scaling.external[0].threshold"]]);
  });

  it("triggers need the keda autoscaler in Standard mode", () => {
    const error = validationError(llm({ min: 1, external: [{ metric: "vllm-waiting-requests", serverAddress: PROM }] }));
    expect(error.issues.map((i) => [i.rule, i.path, i.message, i.fix])).toEqual([
      ["isvc/keda-external", "scaling.external", "KEDA triggers need the keda autoscaler in Standard mode; this service is Standard with the hpa autoscaler", 'set scaling.autoscaler "keda" (and deploymentMode "Standard"), or drop scaling.external'],
    ]);
  });
});

describeIfCrds("KEDA External metrics against each release's CRDs", () => {
  it.each([[{ kserveVersion: "0.15" }], [{ kserveVersion: "0.20" }], [{ openshiftAI: { version: "2.25" } }], [{ openshiftAI: { version: "3.5" } }]] as [TargetProps][])("conform on %j", (target) => {
    const manifests = synthChart(llm({ min: 1, max: 4, autoscaler: "keda", external: [{ metric: "vllm-waiting-requests", serverAddress: PROM }, { metric: "vllm-kv-cache-usage", serverAddress: PROM }] }), { target });
    expect(formatProblems(validateForTarget(manifests, target))).toBe("");
  });
});
