/**
 * The check that props are an object at all, for adapters that take props before any concept's schema
 * sees them (the Pulumi components' args). Its declaration names no zod type.
 */
import { z } from "zod";
import type { IssueDraft } from "./errors";
import { parseProps } from "./schema";

const propsObject = z.record(z.string(), z.unknown());

/** Problems (rule `props/shape`) when `input` is not an object of props at all (null, an array, a string...). */
export function checkPropsObject(input: unknown): IssueDraft[] {
  return parseProps(propsObject, input).issues;
}
