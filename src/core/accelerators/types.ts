/**
 * What the library knows of an accelerator: how it is requested, scheduled and set up.
 */
import type { Toleration } from "../k8s";
import type { VolumeProps } from "../pod/volumes";

/** CPU architectures. */
export type Architecture = "amd64" | "arm64" | "ppc64le" | "s390x";

/** The facts of one accelerator (data, no behaviour). */
export interface AcceleratorFacts {
  /** Key used for engine images and in messages: `nvidia`, `amd`, `gaudi`, `spyre`, `spyre-s390x`, `spyre-ppc64le`, `cpu`, or a custom key. */
  readonly key: string;
  /** Human name. */
  readonly displayName: string;
  /** Extended resource the pods request (`undefined` for CPU). */
  readonly resourceName?: string;
  /** Tolerations for the taints its operator or the usual node setup puts on its nodes. */
  readonly tolerations: readonly Toleration[];
  /** Node labels pods are pinned to (for example a GPU product). */
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** Scheduler its pods need (IBM Spyre's). */
  readonly schedulerName?: string;
  /** RuntimeClass its pods need on platforms that require one. */
  readonly runtimeClassName?: string;
  /** Environment every serving container on it needs. */
  readonly env: Readonly<Record<string, string>>;
  /** Extra environment when one pod uses more than one device (tensor parallelism). */
  readonly multiDeviceEnv: Readonly<Record<string, string>>;
  /** Volumes every serving container on it needs. */
  readonly volumes: readonly VolumeProps[];
  /** CPU architectures its nodes run. */
  readonly architectures: readonly Architecture[];
  /** KServe's multi-node validation knows this resource (else `serving.kserve.io/gpu-resource-types` must name it). */
  readonly kserveKnownGpu: boolean;
  /**
   * The identifier OpenShift AI hardware profiles list for it.
   * @default the resource name
   */
  readonly odhIdentifier?: string;
}

/** How many devices of an accelerator a hardware profile offers. */
export interface AcceleratorCounts {
  /**
   * Fewest devices a workload may request.
   * @default 1
   */
  readonly min?: number;
  /**
   * Devices a workload gets when it does not say.
   * @default min
   */
  readonly default?: number;
  /**
   * Most devices a workload may request.
   * @default no upper bound
   */
  readonly max?: number;
}

/** An accelerator with the counts a profile offers: what `Accelerator.nvidia(...)` returns. */
export interface AcceleratorSpec extends AcceleratorFacts {
  readonly counts: { readonly min: number; readonly default: number; readonly max?: number };
}
