/**
 * The accelerators the library knows, by key: the extended resource each is requested by.
 * (Scheduling, env, volumes and images per accelerator live beside this file.)
 */

/** Known accelerator keys. */
export type AcceleratorKey = "nvidia" | "amd" | "gaudi" | "spyre";

/** Extended resource names per known accelerator (the default variant). */
export const ACCELERATOR_RESOURCES: Readonly<Record<AcceleratorKey, string>> = {
  nvidia: "nvidia.com/gpu",
  amd: "amd.com/gpu",
  gaudi: "habana.ai/gaudi",
  spyre: "ibm.com/spyre_pf",
};

/** The resource name of an image target, `undefined` for `cpu` and unknown custom keys. */
export function resourceOfTarget(target: string): string | undefined {
  return (ACCELERATOR_RESOURCES as Record<string, string | undefined>)[target];
}

/** True for resource names that request accelerators (the known vendors, NVIDIA MIG slices, Intel GPUs, Spyre variants). */
export function isAcceleratorResource(name: string): boolean {
  return (Object.values(ACCELERATOR_RESOURCES) as string[]).includes(name) || /^nvidia\.com\/mig-/.test(name) || name === "intel.com/gpu" || /^ibm\.com\/spyre_/.test(name);
}
