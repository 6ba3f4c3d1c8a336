/**
 * The example platform: every example chart in one app. `npm run synth` writes it to dist/ atomically;
 * `cdk8s synth` runs examples/main.ts, which builds the same app.
 */
import type { App } from "cdk8s";
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
import { deployments as mlserverCustom } from "./specs/mlserver-custom";
import { target } from "./specs/platform";

/** Defines the example charts in `app`. */
export default function build(app: App): void {
  KServeTarget.set(app, target);
  new OpenAIEnginePvcChart(app, "openai-engine-pvc");
  new KServeRuntimeS3Chart(app, "kserve-runtime-s3");
  new HuggingFaceChart(app, "huggingface");
  new AcceleratorsChart(app, "accelerators");
  new OpenShiftAIHardwareChart(app, "openshift-ai-hardware");
  new NimChart(app, "nim");
  new ModelMeshFleetChart(app, "modelmesh-fleet");
  for (const { id, mode, namespace } of mlserverCustom) new MLServerCustomChart(app, id, { mode, namespace });
  new GpuStackBackendsChart(app, "gpustack-backends");
  new ChariotEngineChart(app, "chariot-engine");
}
