/**
 * AMD Instinct GPUs (AMD GPU Operator): `amd.com/gpu`. No vendor taint is defined; tolerations come
 * from the hardware profile.
 */
import type { AcceleratorFacts } from "./types";

/** Facts of AMD GPUs. */
export const AMD: AcceleratorFacts = {
  key: "amd",
  displayName: "AMD GPU",
  resourceName: "amd.com/gpu",
  tolerations: [],
  nodeSelector: {},
  env: {},
  multiDeviceEnv: {},
  volumes: [],
  architectures: ["amd64"],
  kserveKnownGpu: true,
};
