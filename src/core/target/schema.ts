/**
 * zod schema of target props.
 */
import { z } from "zod";
import type { TargetProps } from "./props";

/** Target props. */
export const targetSchema: z.ZodType<TargetProps> = z.strictObject({
  kserveVersion: z.string().optional(),
  kubernetesVersion: z.string().optional(),
  openshiftAI: z.union([z.boolean(), z.strictObject({ version: z.string().optional(), applicationsNamespace: z.string().optional() })]).optional(),
  knativeFeatures: z.array(z.string()).optional(),
  modelMesh: z.boolean().optional(),
});

