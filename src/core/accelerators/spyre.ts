/**
 * IBM Spyre (Spyre Operator): physical functions `ibm.com/spyre_pf` on x86 and ppc64le, virtual
 * functions `ibm.com/spyre_vf` on s390x; pods run under `spyre-scheduler`. The environment and volumes
 * are those OpenShift AI's vLLM Spyre runtimes set per architecture.
 */
import type { AcceleratorFacts } from "./types";

const common = {
  tolerations: [],
  nodeSelector: {},
  schedulerName: "spyre-scheduler",
  multiDeviceEnv: {},
  kserveKnownGpu: false,
} as const;

/** Spyre on x86_64. */
export const SPYRE_X86: AcceleratorFacts = {
  ...common,
  key: "spyre",
  displayName: "IBM Spyre (x86)",
  resourceName: "ibm.com/spyre_pf",
  env: {
    FLEX_COMPUTE: "SENTIENT",
    FLEX_DEVICE: "PF",
    TOKENIZERS_PARALLELISM: "false",
    DTLOG_LEVEL: "error",
    TORCH_SENDNN_LOG: "CRITICAL",
    VLLM_SPYRE_WARMUP_BATCH_SIZES: "4",
    VLLM_SPYRE_WARMUP_PROMPT_LENS: "1024",
    VLLM_SPYRE_WARMUP_NEW_TOKENS: "256",
    VLLM_SPYRE_REQUIRE_PRECOMPILED_DECODERS: "0",
  },
  volumes: [{ name: "spyre-cache", mountPath: "/opt/ibm/spyre/models", emptyDir: {} }],
  architectures: ["amd64"],
};

/** Spyre on IBM Z (s390x). */
export const SPYRE_S390X: AcceleratorFacts = {
  ...common,
  key: "spyre-s390x",
  displayName: "IBM Spyre (s390x)",
  resourceName: "ibm.com/spyre_vf",
  env: {
    FLEX_DEVICE: "VF",
    TOKENIZERS_PARALLELISM: "false",
    DTLOG_LEVEL: "error",
    TORCH_SENDNN_LOG: "CRITICAL",
    VLLM_SPYRE_USE_CB: "1",
    VLLM_SPYRE_REQUIRE_PRECOMPILED_DECODERS: "1",
    TORCH_SENDNN_CACHE_ENABLE: "1",
  },
  volumes: [{ name: "shm", mountPath: "/dev/shm", emptyDir: { medium: "Memory", sizeLimit: "2Gi" } }],
  architectures: ["s390x"],
};

/** Spyre on IBM Power (ppc64le). */
export const SPYRE_PPC64LE: AcceleratorFacts = {
  ...common,
  key: "spyre-ppc64le",
  displayName: "IBM Spyre (ppc64le)",
  resourceName: "ibm.com/spyre_pf",
  env: {},
  volumes: [{ name: "shm", mountPath: "/dev/shm", emptyDir: { medium: "Memory", sizeLimit: "2Gi" } }],
  architectures: ["ppc64le"],
};
