/**
 * vLLM runtime presets per accelerator: OpenShift AI's vLLM runtime templates (command, args, port, env,
 * volumes, scheduler, recommended accelerator, metrics annotations, display names, and the Gaudi
 * template's inert `builtInAdapter.modelLoadingTimeoutMillis`) as InferenceEngine props. The
 * accelerator's own env, volumes and scheduler come from src/accelerators.
 *
 * Deliberate differences from OpenShift AI's templates (what a diff against them shows):
 * - the container has a readiness probe (`/v1/models`) and the library's security context (no privilege
 *   escalation, capabilities dropped, RuntimeDefault seccomp; `runAsNonRoot` is not asserted because the
 *   upstream vLLM image runs as root); the templates have neither;
 * - `prometheus.kserve.io/port` and `/path` sit beside the templates' `prometheus.io/*` annotations
 *   (KServe's metric aggregation reads them);
 * - the image is a real reference, where the templates hold kustomize placeholders (`$(vllm-cuda-image)`);
 * - as a `scope: "dashboard"` Template it carries the dashboard's labels and annotations but not Red Hat's
 *   (`opendatahub.io/ootb`, provider name, tags, documentation links), which mark the runtimes Red Hat ships.
 */
import { z } from "zod";
import type { IssueDraft } from "../core/errors";
import type { AcceleratorKey } from "../core/accelerators/registry";
import type { InferenceEngineProps } from "../core/engine/props";
import type { EngineVersionProps } from "../core/engine/props";
import { parseProps, withFix } from "../core/schema";
import { envSchema, resourcesSchema } from "../core/pod/schema";
import type { EnvValue } from "../core/pod/env";
import { Env } from "../core/pod/env";
import type { ResourcesProps } from "../core/pod/resources";
import type { HardwareRequest } from "../core/hardware/request";
import { hardwareRequestSchema } from "../core/hardware/schema";
import type { EnginePreset, PresetRuntimeProps } from "./preset";
import { imageTag, presetRuntimeProps, presetRuntimeShape } from "./preset";
import { runRules } from "../core/rules/registry";
import { VLLM_PRESET_RULES } from "./rules";

/** The accelerators the vLLM presets cover. */
export const VLLM_ACCELERATORS = ["nvidia", "amd", "gaudi", "spyre", "spyre-s390x", "spyre-ppc64le", "cpu"] as const satisfies readonly AcceleratorKey[];

/** Accelerators the vLLM presets cover. */
export type VllmAccelerator = (typeof VLLM_ACCELERATORS)[number];

/** The documented upstream vLLM image for NVIDIA GPUs (Docker Hub). */
export const VLLM_UPSTREAM_IMAGE = "docker.io/vllm/vllm-openai";

/** The vLLM release the NVIDIA preset runs when neither image nor version is given. */
export const VLLM_DEFAULT_VERSION = "v0.12.0";

/** The display names of OpenShift AI's vLLM runtime templates, per accelerator (odh-model-controller `config/runtimes/vllm/`). */
export const VLLM_DISPLAY_NAMES: Readonly<Record<VllmAccelerator | "multinode", string>> = {
  nvidia: "vLLM NVIDIA GPU ServingRuntime for KServe",
  amd: "vLLM AMD GPU ServingRuntime for KServe",
  gaudi: "vLLM Intel Gaudi Accelerator ServingRuntime for KServe",
  spyre: "vLLM Spyre on x86 ServingRuntime for KServe",
  "spyre-s390x": "vLLM Spyre s390x ServingRuntime for KServe",
  "spyre-ppc64le": "vLLM Spyre ppc64le ServingRuntime for KServe",
  cpu: "vLLM CPU (x86) ServingRuntime for KServe",
  multinode: "vLLM Multi-Node ServingRuntime for KServe",
};

/** Props of a vLLM runtime preset. */
export interface VllmPresetProps extends PresetRuntimeProps {
  /** The accelerator the runtime is for. */
  readonly accelerator: VllmAccelerator;
  /**
   * The vLLM image. Required except for `nvidia`, whose default is the upstream `vllm/vllm-openai`
   * image at `version` (OpenShift AI users pass the image their cluster's runtime templates use).
   * @default `docker.io/vllm/vllm-openai:<version>` for nvidia
   */
  readonly image?: string;
  /**
   * The vLLM version: the engine's version key and OpenShift AI's runtime-version annotation.
   * @default the image's tag, or "v0.12.0" for the default NVIDIA image
   */
  readonly version?: string;
  /**
   * Serve across nodes (KServe workerSpec, `--distributed-executor-backend=mp`; KServe 0.18+). NVIDIA and AMD only.
   * @default false
   */
  readonly multiNode?: boolean;
  /**
   * Arguments added after the preset's.
   * @default none
   */
  readonly extraArgs?: readonly string[];
  /**
   * Environment added to the preset's (HF_HOME and the accelerator's).
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Default resources of the runtime container.
   * @default none (the multi-node preset: requests 8 CPU / 24Gi, limits 16 CPU / 48Gi)
   */
  readonly resources?: ResourcesProps;
  /**
   * Hardware the runtime's pods default to.
   * @default none
   */
  readonly hardware?: HardwareRequest;
}

const schema: z.ZodType<VllmPresetProps> = z.strictObject({
  accelerator: z.enum(VLLM_ACCELERATORS, {
    error: withFix("no vLLM preset for this accelerator", "use nvidia, amd, gaudi, spyre, spyre-s390x, spyre-ppc64le or cpu, or define an InferenceEngine"),
  }),
  image: z.string().regex(/^\S+$/).optional(),
  version: z.string().min(1).optional(),
  multiNode: z.boolean().optional(),
  extraArgs: z.array(z.string()).optional(),
  env: envSchema.optional(),
  resources: resourcesSchema.optional(),
  hardware: hardwareRequestSchema.optional(),
  ...presetRuntimeShape,
});

/** Finds a worker's node rank among the worker Service's addresses, then runs vLLM headless. */
const WORKER_SCRIPT = [
  'expected=$((PIPELINE_PARALLEL_SIZE - 1)); rank=""',
  "for try in $(seq 1 30); do",
  '  addresses=$(getent hosts "${WORKER_SVC}" | awk \'{print $1}\' | sort -u)',
  '  found=$(printf "%s\\n" "$addresses" | grep -c . || true)',
  '  rank=$(printf "%s\\n" "$addresses" | grep -nxF "${POD_IP}" | cut -d: -f1 || true)',
  '  if [ "$found" -ge "$expected" ] && [ -n "$rank" ]; then break; fi',
  "  sleep 2",
  "done",
  'if [ -z "$rank" ]; then echo "this pod is not among the addresses of ${WORKER_SVC}" >&2; exit 1; fi',
  'exec vllm serve "$@" --node-rank="$rank"',
].join("\n");

/** The InferenceEngine props of a vLLM preset, or the problems with its props. */
export function vllmEngineProps(input: VllmPresetProps): { props?: InferenceEngineProps; issues: IssueDraft[] } {
  const parsed = parseProps(schema, input);
  if (parsed.value === undefined) return { issues: parsed.issues };
  const p = parsed.value;
  const issues = runRules(VLLM_PRESET_RULES, p);
  if (issues.length > 0) return { issues };
  const version = p.version ?? (p.image !== undefined ? imageTag(p.image) : undefined) ?? VLLM_DEFAULT_VERSION;
  const image = p.image ?? `${VLLM_UPSTREAM_IMAGE}:${version}`;
  const spyre = p.accelerator.startsWith("spyre");
  const multi = p.multiNode === true;
  const port = spyre ? 8000 : 8080;
  const versions: Record<string, EngineVersionProps> = { [version]: { image: { [p.accelerator]: image } } };
  const baseArgs = multi
    ? ["{{model_path}}", "--port={{port}}", "--served-model-name={{model_name}}", "--distributed-executor-backend=mp", "--tensor-parallel-size=$(TENSOR_PARALLEL_SIZE)", "--pipeline-parallel-size=$(PIPELINE_PARALLEL_SIZE)", "--nnodes=$(PIPELINE_PARALLEL_SIZE)"]
    : ["--port={{port}}", "--model={{model_path}}", "--served-model-name={{model_name}}"];
  const env: Record<string, EnvValue> = { HF_HOME: "/tmp/hf_home", ...(multi ? { MASTER_PORT: "29500", POD_IP: Env.fromField("status.podIP"), POD_NAMESPACE: Env.fromField("metadata.namespace"), VLLM_NO_USAGE_STATS: "1", HOME: "/tmp" } : {}), ...p.env };
  const props: InferenceEngineProps = {
    ...presetRuntimeProps(p),
    versions,
    defaultVersion: version,
    runtimeImage: p.accelerator,
    ...(spyre ? {} : { command: multi ? ["vllm", "serve"] : ["python", "-m", "vllm.entrypoints.openai.api_server"] }),
    args: [...baseArgs, ...(multi ? ["--node-rank=0", "--master-addr=$(POD_IP)", "--master-port=$(MASTER_PORT)"] : []), ...(p.extraArgs ?? [])],
    port,
    protocol: "openai",
    readiness: multi ? { path: "/health", periodSeconds: 5, timeoutSeconds: 15, failureThreshold: 2 } : {},
    ...(multi ? { startup: { path: "/health", initialDelaySeconds: 20, periodSeconds: 30, timeoutSeconds: 30, failureThreshold: 120 } } : {}),
    modelFormats: [{ name: "vLLM", autoSelect: p.accelerator !== "gaudi", ...(multi ? { priority: 2 } : {}) }],
    env,
    ...(multi ? { volumes: [{ name: "shm", mountPath: "/dev/shm", emptyDir: { medium: "Memory" as const, sizeLimit: "12Gi" } }] } : {}),
    ...(p.resources !== undefined ? { resources: p.resources } : multi ? { resources: { requests: { cpu: "8", memory: "24Gi" }, limits: { cpu: "16", memory: "48Gi" } } } : {}),
    ...(p.hardware !== undefined ? { hardware: p.hardware } : {}),
    multiGpu: true,
    tensorParallel: { arg: "--tensor-parallel-size" },
    ...(multi
      ? {
          multiNode: {
            command: ["bash", "-c", WORKER_SCRIPT, "--"],
            args: ["{{model_path}}", "--port={{port}}", "--served-model-name=$(ISVC_NAME)", "--distributed-executor-backend=mp", "--tensor-parallel-size=$(TENSOR_PARALLEL_SIZE)", "--pipeline-parallel-size=$(PIPELINE_PARALLEL_SIZE)", "--nnodes=$(PIPELINE_PARALLEL_SIZE)", "--master-addr=$(HEAD_SVC).$(POD_NAMESPACE).svc.cluster.local", "--master-port=$(MASTER_PORT)", "--headless"],
            env: { POD_NAME: Env.fromField("metadata.name") },
            pipelineParallelSize: 2,
            tensorParallelSize: 1,
            executorBackend: "mp" as const,
          },
        }
      : {}),
    metrics: { path: "/metrics" },
    security: { runAsNonRoot: false },
    podAnnotations: { "opendatahub.io/kserve-runtime": "vllm" },
    ...(p.accelerator === "gaudi" ? { modelLoadingTimeoutMillis: 90000 } : {}),
    openshiftAI: { displayName: multi ? VLLM_DISPLAY_NAMES.multinode : VLLM_DISPLAY_NAMES[p.accelerator], modelType: "generative", ...(multi ? { showInDashboard: false } : {}) },
  };
  return { props, issues: [] };
}

/** Presets, for `new InferenceEngine(scope, id, EnginePresets.vllm({...}))` and `InferenceEngine.vllm(...)`. */
export const EnginePresets = {
  /** vLLM's OpenAI-compatible server for an accelerator. */
  vllm(props: VllmPresetProps): EnginePreset {
    return { preset: "vllm", resolve: () => vllmEngineProps(props) };
  },
} as const;
