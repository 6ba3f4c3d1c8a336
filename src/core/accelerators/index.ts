/**
 * `Accelerator`: pick an accelerator (with the device counts a hardware profile offers) once; hardware
 * profiles, runtimes and InferenceServices take the resource name, scheduling, environment and
 * volumes from it.
 */
import type { Toleration } from "../k8s";
import type { VolumeProps } from "../pod/volumes";
import type { AcceleratorCounts, AcceleratorFacts, AcceleratorSpec, Architecture } from "./types";
import { ACCELERATORS } from "./registry";
import { NVIDIA_PRODUCT_LABEL } from "./nvidia";
import { assertAcceleratorOptions } from "./rules";

export * from "./types";
export * from "./registry";
export { NVIDIA_PRODUCT_LABEL } from "./nvidia";

/** Scheduling settings every accelerator factory accepts. */
export interface AcceleratorOptions extends AcceleratorCounts {
  /**
   * Tolerations for the accelerator's nodes (replace the built-in ones).
   * @default the vendor's usual taint toleration (NVIDIA: nvidia.com/gpu:NoSchedule; others: none)
   */
  readonly tolerations?: readonly Toleration[];
  /**
   * Extra node labels to pin pods to.
   * @default none
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * RuntimeClass the pods need (for example `nvidia` on clusters whose default runtime has no GPU hooks).
   * @default the cluster default
   */
  readonly runtimeClassName?: string;
}

/** NVIDIA options. */
export interface NvidiaOptions extends AcceleratorOptions {
  /**
   * A MIG profile such as `1g.10gb`: pods then request `nvidia.com/mig-1g.10gb` slices.
   * @default whole GPUs (`nvidia.com/gpu`)
   */
  readonly mig?: string;
  /**
   * The GPU product to run on, as GPU feature discovery labels nodes (`nvidia.com/gpu.product`), for
   * example `NVIDIA-A100-SXM4-80GB`. Take it from your nodes' labels.
   * @default any product
   */
  readonly product?: string;
}

/** Intel Gaudi options. */
export interface GaudiOptions extends AcceleratorOptions {
  /**
   * Skip vLLM's warm-up (`VLLM_SKIP_WARMUP`): faster start, slower first requests.
   * @default not set (vLLM warms up)
   */
  readonly skipWarmup?: boolean;
}

/** IBM Spyre options. */
export interface SpyreOptions extends AcceleratorOptions {
  /**
   * Architecture of the Spyre nodes: `x86` (`ibm.com/spyre_pf`), `s390x` (`ibm.com/spyre_vf`) or `ppc64le` (`ibm.com/spyre_pf`).
   * @default "x86"
   */
  readonly arch?: "x86" | "s390x" | "ppc64le";
}

/** A custom accelerator: its resource name and what its pods need. */
export interface CustomAcceleratorOptions extends AcceleratorOptions {
  /** Key used for engine images and messages (lowercase). */
  readonly key: string;
  /** Extended resource name, for example `intel.com/gpu`. */
  readonly resourceName: string;
  /**
   * Human name.
   * @default the key
   */
  readonly displayName?: string;
  /**
   * Scheduler its pods need.
   * @default the default scheduler
   */
  readonly schedulerName?: string;
  /**
   * Environment every serving container needs.
   * @default none
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Environment when a pod uses several devices.
   * @default none
   */
  readonly multiDeviceEnv?: Readonly<Record<string, string>>;
  /**
   * Volumes every serving container needs.
   * @default none
   */
  readonly volumes?: readonly VolumeProps[];
  /**
   * CPU architectures of its nodes.
   * @default ["amd64"]
   */
  readonly architectures?: readonly Architecture[];
  /**
   * KServe's multi-node validation knows the resource (else the library adds `serving.kserve.io/gpu-resource-types`).
   * @default false
   */
  readonly kserveKnownGpu?: boolean;
}

function spec(facts: AcceleratorFacts, options: AcceleratorOptions, extra: Partial<AcceleratorFacts> = {}): AcceleratorSpec {
  const min = options.min ?? (facts.resourceName === undefined ? 0 : 1);
  return {
    ...facts,
    ...extra,
    tolerations: options.tolerations ?? facts.tolerations,
    nodeSelector: { ...facts.nodeSelector, ...extra.nodeSelector, ...options.nodeSelector },
    ...(options.runtimeClassName !== undefined ? { runtimeClassName: options.runtimeClassName } : {}),
    counts: { min, default: options.default ?? min, ...(options.max !== undefined ? { max: options.max } : {}) },
  };
}

/** Factories for accelerators. */
export const Accelerator = {
  /** NVIDIA GPUs (`nvidia.com/gpu`, or MIG slices with `mig`). */
  nvidia(options: NvidiaOptions = {}): AcceleratorSpec {
    assertAcceleratorOptions("nvidia", options);
    return spec(ACCELERATORS.nvidia, options, {
      ...(options.mig !== undefined ? { resourceName: `nvidia.com/mig-${options.mig}`, displayName: `NVIDIA MIG ${options.mig}`, kserveKnownGpu: false } : {}),
      nodeSelector: options.product !== undefined ? { [NVIDIA_PRODUCT_LABEL]: options.product } : {},
    });
  },
  /** AMD GPUs (`amd.com/gpu`). */
  amd(options: AcceleratorOptions = {}): AcceleratorSpec {
    assertAcceleratorOptions("amd", options);
    return spec(ACCELERATORS.amd, options);
  },
  /** Intel Gaudi (`habana.ai/gaudi`). */
  gaudi(options: GaudiOptions = {}): AcceleratorSpec {
    assertAcceleratorOptions("gaudi", options);
    return spec(ACCELERATORS.gaudi, options, options.skipWarmup !== undefined ? { env: { VLLM_SKIP_WARMUP: String(options.skipWarmup) } } : {});
  },
  /** IBM Spyre (`ibm.com/spyre_pf` on x86 and ppc64le, `ibm.com/spyre_vf` on s390x). */
  spyre(options: SpyreOptions = {}): AcceleratorSpec {
    assertAcceleratorOptions("spyre", options);
    const facts = options.arch === "s390x" ? ACCELERATORS["spyre-s390x"] : options.arch === "ppc64le" ? ACCELERATORS["spyre-ppc64le"] : ACCELERATORS.spyre;
    return spec(facts, options);
  },
  /** CPU only. */
  cpu(options: Pick<AcceleratorOptions, "nodeSelector" | "tolerations"> = {}): AcceleratorSpec {
    assertAcceleratorOptions("cpu", options);
    return spec(ACCELERATORS.cpu, options);
  },
  /** Any other accelerator, by its resource name. */
  custom(options: CustomAcceleratorOptions): AcceleratorSpec {
    assertAcceleratorOptions("custom", options, ["key", "resourceName"]);
    const facts: AcceleratorFacts = {
      key: options.key,
      displayName: options.displayName ?? options.key,
      resourceName: options.resourceName,
      tolerations: [],
      nodeSelector: {},
      ...(options.schedulerName !== undefined ? { schedulerName: options.schedulerName } : {}),
      env: options.env ?? {},
      multiDeviceEnv: options.multiDeviceEnv ?? {},
      volumes: options.volumes ?? [],
      architectures: options.architectures ?? ["amd64"],
      kserveKnownGpu: options.kserveKnownGpu ?? false,
    };
    return spec(facts, options);
  },
} as const;
