/**
 * Props of a hardware profile: the resources a class of workloads may request (CPU, memory,
 * accelerators, with min, default and max) and how its pods are scheduled.
 */
import type { TargetProps } from "../target/props";
import type { Toleration } from "../k8s";
import type { AcceleratorSpec } from "../accelerators/types";

/** Bounds of one resource. */
export interface ResourceBounds {
  /** Smallest request allowed. */
  readonly min: string | number;
  /** Request used when a workload does not say. */
  readonly default: string | number;
  /**
   * Largest request allowed.
   * @default no upper bound
   */
  readonly max?: string | number;
}

/** Another resource a profile offers (for example `hugepages-2Mi` or an extra device type). */
export interface HardwareIdentifierProps extends ResourceBounds {
  /** Resource name. */
  readonly identifier: string;
  /**
   * Name shown in OpenShift AI.
   * @default the identifier
   */
  readonly displayName?: string;
  /**
   * OpenShift AI's resource type.
   * @default not set
   */
  readonly resourceType?: "CPU" | "Memory" | "Accelerator";
}

/** Node scheduling: pods go to nodes with these labels, tolerating these taints. */
export interface NodeSchedulingProps {
  /**
   * Node labels.
   * @default none
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Tolerations (added to the accelerator's).
   * @default none
   */
  readonly tolerations?: readonly Toleration[];
}

/** Queue scheduling: pods are admitted by Kueue through a LocalQueue. */
export interface QueueSchedulingProps {
  /** Name of the Kueue LocalQueue in the workload's namespace. */
  readonly localQueue: string;
  /**
   * Kueue WorkloadPriorityClass of the workloads.
   * @default none
   */
  readonly priorityClass?: string;
}

/** Props of a HardwareProfile. */
export interface HardwareProfileProps {
  /**
   * Profile name.
   * @default the construct id (cdk8s) or resource name (Pulumi)
   */
  readonly name?: string;
  /**
   * Namespace of the OpenShift AI HardwareProfile object.
   * @default OpenShift AI's applications namespace (where the dashboard keeps shared profiles)
   */
  readonly namespace?: string;
  /**
   * Name shown in OpenShift AI.
   * @default the profile name
   */
  readonly displayName?: string;
  /**
   * Description shown in OpenShift AI.
   * @default none
   */
  readonly description?: string;
  /**
   * The accelerator and the device counts the profile offers (`Accelerator.nvidia({ min: 1, max: 8 })`).
   * @default no accelerator (CPU only)
   */
  readonly accelerator?: AcceleratorSpec;
  /**
   * CPU bounds (cores, as quantities).
   * @default not offered (workloads keep their own CPU settings)
   */
  readonly cpu?: ResourceBounds;
  /**
   * Memory bounds (quantities).
   * @default not offered (workloads keep their own memory settings)
   */
  readonly memory?: ResourceBounds;
  /**
   * Other resources the profile offers.
   * @default none
   */
  readonly identifiers?: readonly HardwareIdentifierProps[];
  /**
   * Node scheduling. Give this or `queueScheduling`, not both.
   * @default the accelerator's tolerations and node labels, when it has any
   */
  readonly nodeScheduling?: NodeSchedulingProps;
  /**
   * Kueue scheduling. Give this or `nodeScheduling`, not both.
   * @default none
   */
  readonly queueScheduling?: QueueSchedulingProps;
  /**
   * OpenShift AI dashboard areas that offer the profile.
   * @default ["model-serving"]
   */
  readonly visibleIn?: readonly ("model-serving" | "workbench")[];
  /**
   * Hide the profile from new workloads in OpenShift AI.
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Override the target platform.
   * @default the app's or chart's target
   */
  readonly target?: TargetProps;
}

/** What a workload asks of a profile: `profile.request({ accelerators: 2 })`. */
export interface HardwareRequestProps {
  /**
   * Accelerator devices per pod.
   * @default the profile's default count
   */
  readonly accelerators?: number;
  /**
   * CPU per pod.
   * @default the profile's default CPU
   */
  readonly cpu?: string | number;
  /**
   * Memory per pod.
   * @default the profile's default memory
   */
  readonly memory?: string;
  /**
   * Size of the memory-backed /dev/shm added when a pod uses more than one accelerator.
   * @default 2Gi per accelerator, at most half the memory limit (at least 1Gi)
   */
  readonly shmSize?: string;
}
