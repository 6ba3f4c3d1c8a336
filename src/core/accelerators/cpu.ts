/**
 * CPU only: no extended resource, runs anywhere.
 */
import type { AcceleratorFacts } from "./types";

/** Facts of CPU serving. */
export const CPU: AcceleratorFacts = {
  key: "cpu",
  displayName: "CPU",
  tolerations: [],
  nodeSelector: {},
  env: {},
  multiDeviceEnv: {},
  volumes: [],
  architectures: ["amd64", "arm64", "ppc64le", "s390x"],
  kserveKnownGpu: false,
};
