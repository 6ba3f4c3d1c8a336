/**
 * The spec of the example platform as a whole. Shared by the cdk8s app (examples/platform.ts) and the
 * Pulumi program (examples/pulumi).
 */
import type { TargetProps } from "kserve-constructs";

/**
 * The target of the platform; a scenario's own target overrides it field by field. The whole platform
 * needs KServe 0.18 or later (multi-node vLLM).
 */
export const target: TargetProps = { kserveVersion: "0.20" };
