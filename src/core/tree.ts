/**
 * Structure-preserving maps over props: plain objects and arrays are walked, everything else (constructs,
 * locations, handles, class instances) is a leaf. Both adapters use it to swap their own objects in props
 * (cdk8s-plus handles, Pulumi Outputs and resources) for what the core takes.
 */

/** True for an object literal (or `Object.create(null)`), not an array or a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** What a leaf function returns for a value it replaces (`undefined`: walk into it, or keep it). */
export interface TreeLeaf {
  readonly value: unknown;
}

/**
 * Maps `value`: `leaf` sees every value first (with its path and the nearest object key above it, which an
 * array's items share with the array); values it does not replace are walked into when they are arrays or
 * plain objects. Unchanged parts keep their identity, so nothing is copied where nothing was replaced.
 */
export function mapTree(
  value: unknown,
  path: string,
  join: (path: string, key: string | number) => string,
  leaf: (value: unknown, path: string, key: string | undefined) => TreeLeaf | undefined,
  key?: string,
): unknown {
  const handled = leaf(value, path, key);
  if (handled !== undefined) return handled.value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown, i) => {
      const mapped = mapTree(item, join(path, i), join, leaf, key);
      if (mapped !== item) changed = true;
      return mapped;
    });
    return changed ? out : value;
  }
  if (isPlainObject(value)) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const item = value[k];
      const mapped = mapTree(item, join(path, k), join, leaf, k);
      if (mapped !== item) changed = true;
      out[k] = mapped;
    }
    return changed ? out : value;
  }
  return value;
}

/**
 * Whether `test` holds for `value` or for anything inside it, walking plain objects and arrays as
 * {@link mapTree} does (without building paths): a map that would replace nothing can be skipped.
 */
export function someInTree(value: unknown, test: (value: unknown) => boolean, depth = 0): boolean {
  if (test(value)) return true;
  // deeper than any props: the map decides (and fails on a cycle, as without this check)
  if (depth > 64) return true;
  if (Array.isArray(value)) {
    for (const item of value as readonly unknown[]) if (someInTree(item, test, depth + 1)) return true;
    return false;
  }
  if (isPlainObject(value)) {
    for (const k of Object.keys(value)) if (someInTree(value[k], test, depth + 1)) return true;
  }
  return false;
}
