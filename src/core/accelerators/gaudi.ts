/**
 * Intel Gaudi accelerators (Intel Gaudi Base Operator): `habana.ai/gaudi`. Tensor-parallel serving on
 * several cards needs `PT_HPU_ENABLE_LAZY_COLLECTIVES=true`; vLLM's long warm-up can be skipped with
 * `VLLM_SKIP_WARMUP=true` (the first requests then pay for graph compilation).
 */
import type { AcceleratorFacts } from "./types";

/** Facts of Intel Gaudi. */
export const GAUDI: AcceleratorFacts = {
  key: "gaudi",
  displayName: "Intel Gaudi",
  resourceName: "habana.ai/gaudi",
  tolerations: [],
  nodeSelector: {},
  env: {},
  multiDeviceEnv: { PT_HPU_ENABLE_LAZY_COLLECTIVES: "true" },
  volumes: [],
  architectures: ["amd64"],
  kserveKnownGpu: true,
};
