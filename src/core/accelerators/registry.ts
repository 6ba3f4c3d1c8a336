/**
 * The accelerators the library knows, by key. One file per vendor holds the facts; this file indexes them.
 */
import type { AcceleratorFacts } from "./types";
import { NVIDIA } from "./nvidia";
import { AMD } from "./amd";
import { GAUDI } from "./gaudi";
import { SPYRE_PPC64LE, SPYRE_S390X, SPYRE_X86 } from "./spyre";
import { CPU } from "./cpu";

/** Known accelerator keys. */
export type AcceleratorKey = "nvidia" | "amd" | "gaudi" | "spyre" | "spyre-s390x" | "spyre-ppc64le" | "cpu";

/** Facts per known key. */
export const ACCELERATORS: Readonly<Record<AcceleratorKey, AcceleratorFacts>> = {
  nvidia: NVIDIA,
  amd: AMD,
  gaudi: GAUDI,
  spyre: SPYRE_X86,
  "spyre-s390x": SPYRE_S390X,
  "spyre-ppc64le": SPYRE_PPC64LE,
  cpu: CPU,
};

/** Extended resource names per known accelerator (the default variant). */
export const ACCELERATOR_RESOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(ACCELERATORS)
    .filter((a) => a.resourceName !== undefined)
    .map((a) => [a.key, a.resourceName as string]),
);

/** Facts of a known key, `undefined` for custom keys. */
export function acceleratorFacts(key: string): AcceleratorFacts | undefined {
  return (ACCELERATORS as Record<string, AcceleratorFacts | undefined>)[key];
}

/** The resource name of an image target, `undefined` for `cpu` and unknown custom keys. */
export function resourceOfTarget(target: string): string | undefined {
  return acceleratorFacts(target)?.resourceName;
}

/** KServe's default GPU resource types (its multi-node validation accepts these without an annotation). */
export const KSERVE_GPU_RESOURCES = ["nvidia.com/gpu", "amd.com/gpu", "intel.com/gpu", "habana.ai/gaudi"] as const;

/** True for resource names that request accelerators (the known vendors, KServe's GPU types, NVIDIA MIG slices, Spyre tiers). */
export function isAcceleratorResource(name: string): boolean {
  return (
    Object.values(ACCELERATOR_RESOURCES).includes(name) ||
    (KSERVE_GPU_RESOURCES as readonly string[]).includes(name) ||
    /^nvidia\.com\/mig-.+$/.test(name) ||
    /^ibm\.com\/spyre_(pf|vf)_tier\d+$/.test(name)
  );
}

/** The vendor of an accelerator resource (for the one-vendor-per-container rule). */
export function vendorOf(resource: string): string {
  return resource.slice(0, resource.indexOf("/"));
}
