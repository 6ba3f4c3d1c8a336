/**
 * zod schema of HardwareProfile props.
 */
import { z } from "zod";
import { k8sName, withFix } from "../schema";
import { targetSchema } from "../target/schema";
import { stringRecord, tolerationSchema } from "../pod/schema";
import { isRecord } from "../canonical";
import type { AcceleratorSpec } from "../accelerators/types";
import type { HardwareProfileProps } from "./props";
import type { HardwareRequest } from "./request";

const amount = z.union([z.string(), z.number()]);
const bounds = { min: amount, default: amount, max: amount.optional() };

/** An accelerator spec (from `Accelerator.*`). */
export const acceleratorSpecSchema = z.custom<AcceleratorSpec>((v) => isRecord(v) && typeof v["key"] === "string" && isRecord(v["counts"]), {
  error: withFix("accelerator must come from Accelerator.nvidia(), .amd(), .gaudi(), .spyre(), .cpu() or .custom()", "use one of the Accelerator factories"),
});

/** HardwareProfile props. */
export const hardwareProfileSchema: z.ZodType<HardwareProfileProps> = z.strictObject({
  name: k8sName.optional(),
  namespace: z.string().optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  accelerator: acceleratorSpecSchema.optional(),
  cpu: z.strictObject(bounds).optional(),
  memory: z.strictObject(bounds).optional(),
  identifiers: z
    .array(z.strictObject({ identifier: z.string().min(1), displayName: z.string().optional(), resourceType: z.enum(["CPU", "Memory", "Accelerator"]).optional(), ...bounds }))
    .optional(),
  nodeScheduling: z.strictObject({ nodeSelector: stringRecord.optional(), tolerations: z.array(tolerationSchema).optional() }).optional(),
  queueScheduling: z.strictObject({ localQueue: z.string().min(1), priorityClass: z.string().min(1).optional() }).optional(),
  visibleIn: z.array(z.enum(["model-serving", "workbench"])).optional(),
  disabled: z.boolean().optional(),
  target: targetSchema.optional(),
});

/** A hardware request (from `profile.request(...)` or `Hardware.accelerator(...)`). */
export const hardwareRequestSchema = z.custom<HardwareRequest>((v) => isRecord(v) && (isRecord(v["profile"]) || isRecord(v["accelerator"])), {
  error: withFix("hardware must come from profile.request({...}) or Hardware.accelerator(...)", "pass hardwareProfile.request({ accelerators: 1 })"),
});
