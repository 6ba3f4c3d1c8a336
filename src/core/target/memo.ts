/**
 * Remembers what a function of target props returned: the thousands of constructs of an app share a few
 * target props, so their target is resolved (and checked) once per distinct props rather than once per
 * construct. Pure functions only (the results are shared, so they are read-only).
 */
import type { TargetProps } from "./props";

/** How many distinct target props one memo remembers (beyond that it computes each time). */
const LIMIT = 256;

/** The memo key of target props: their JSON (undefined when they have none, such as a cycle: not remembered). */
function keyOf(props: TargetProps | undefined): string | undefined {
  if (props === undefined) return "";
  try {
    return JSON.stringify(props);
  } catch {
    return undefined;
  }
}

/** `compute`, remembering its result per distinct target props (equal JSON, equal props). */
export function memoByTargetProps<T>(compute: (props: TargetProps | undefined) => T): (props: TargetProps | undefined) => T {
  const known = new Map<string, T>();
  return (props) => {
    const key = keyOf(props);
    if (key === undefined) return compute(props);
    if (known.has(key)) return known.get(key) as T;
    const value = compute(props);
    if (known.size < LIMIT) known.set(key, value);
    return value;
  };
}
