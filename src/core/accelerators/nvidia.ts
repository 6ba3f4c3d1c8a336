/**
 * NVIDIA GPUs (NVIDIA GPU Operator): `nvidia.com/gpu`, MIG slices as `nvidia.com/mig-<profile>`.
 * GPU nodes are commonly tainted `nvidia.com/gpu:NoSchedule`; GPU feature discovery labels them with
 * `nvidia.com/gpu.product`.
 */
import type { AcceleratorFacts } from "./types";

/** The product label GPU feature discovery sets. */
export const NVIDIA_PRODUCT_LABEL = "nvidia.com/gpu.product";

/** Facts of NVIDIA GPUs. */
export const NVIDIA: AcceleratorFacts = {
  key: "nvidia",
  displayName: "NVIDIA GPU",
  resourceName: "nvidia.com/gpu",
  tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
  nodeSelector: {},
  env: {},
  multiDeviceEnv: {},
  volumes: [],
  architectures: ["amd64", "arm64"],
  kserveKnownGpu: true,
};
