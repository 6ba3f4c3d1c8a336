/**
 * The example platform: every example chart in one app. `npm run synth` writes it to dist/ atomically;
 * `cdk8s synth` runs examples/main.ts, which builds the same app.
 */
import type { App } from "cdk8s";
import type { TargetProps } from "kserve-constructs";
import { KServeTarget } from "kserve-constructs/cdk8s";
import { OpenAIEnginePvcChart } from "./openai-engine-pvc";
import { KServeRuntimeS3Chart } from "./kserve-runtime-s3";
import { HuggingFaceChart } from "./huggingface";
import { AcceleratorsChart } from "./accelerators";
import { OpenShiftAIHardwareChart } from "./openshift-ai-hardware";
import { NimChart } from "./nim";
import { ModelMeshFleetChart } from "./modelmesh-fleet";
import { MLServerCustomChart } from "./mlserver-custom";
import { GpuStackBackendsChart } from "./gpustack-backends";
import { ChariotEngineChart } from "./chariot-engine";
import { OpenShiftAIDashboardChart } from "./openshift-ai-dashboard";
import { LLMOpenShiftAIChart, LLMServingChart } from "./llm";
import { NimKnativeChart } from "./nim-knative";
import { deployments as mlserverCustom } from "./specs/mlserver-custom";
import { target } from "./specs/platform";

/** One example chart: its id and how to define it (a target replaces the chart's own platform fields). */
export interface ExampleChart {
  readonly id: string;
  readonly define: (app: App, target?: TargetProps) => void;
}

/** Every example chart of the platform, in synth order. */
export const EXAMPLE_CHARTS: readonly ExampleChart[] = [
  { id: "openai-engine-pvc", define: (app) => new OpenAIEnginePvcChart(app, "openai-engine-pvc") },
  { id: "kserve-runtime-s3", define: (app) => new KServeRuntimeS3Chart(app, "kserve-runtime-s3") },
  { id: "huggingface", define: (app) => new HuggingFaceChart(app, "huggingface") },
  { id: "accelerators", define: (app) => new AcceleratorsChart(app, "accelerators") },
  { id: "openshift-ai-hardware", define: (app, t) => new OpenShiftAIHardwareChart(app, "openshift-ai-hardware", t !== undefined ? { target: t } : {}) },
  { id: "nim", define: (app) => new NimChart(app, "nim") },
  { id: "modelmesh-fleet", define: (app, t) => new ModelMeshFleetChart(app, "modelmesh-fleet", t !== undefined ? { target: t } : {}) },
  ...mlserverCustom.map(({ id, mode, namespace }): ExampleChart => ({ id, define: (app, t) => new MLServerCustomChart(app, id, { mode, namespace, ...(t !== undefined ? { target: t } : {}) }) })),
  { id: "gpustack-backends", define: (app) => new GpuStackBackendsChart(app, "gpustack-backends") },
  { id: "chariot-engine", define: (app) => new ChariotEngineChart(app, "chariot-engine") },
  { id: "openshift-ai-dashboard", define: (app, t) => new OpenShiftAIDashboardChart(app, "openshift-ai-dashboard", t !== undefined ? { target: t } : {}) },
  { id: "llm-serving", define: (app, t) => new LLMServingChart(app, "llm-serving", t !== undefined ? { target: t } : {}) },
  { id: "llm-openshift-ai", define: (app, t) => new LLMOpenShiftAIChart(app, "llm-openshift-ai", t !== undefined ? { target: t } : {}) },
  { id: "nim-knative", define: (app, t) => new NimKnativeChart(app, "nim-knative", t !== undefined ? { target: t } : {}) },
];

/** Defines the example charts in `app`. */
export default function build(app: App): void {
  KServeTarget.set(app, target);
  for (const chart of EXAMPLE_CHARTS) chart.define(app);
}
