/**
 * Canonical form of manifests: the output never depends on insertion order or on the adapter.
 *
 * - object keys sorted (code point order), `undefined` values and empty objects/arrays that mean
 *   "not set" dropped by the renderers before they get here;
 * - arrays keep their order: renderers order them by rule (env by dependency then name, volumes by name,
 *   ports by number) because order is meaningful in some Kubernetes arrays (args, command).
 */

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A plain JSON object. */
export type JsonObject = { [key: string]: Json };

/** Returns a deep copy with object keys sorted and `undefined` members removed. */
export function canonicalize<T>(value: T): T {
  return sortValue(value) as T;
}

/**
 * Returns `value` itself when it already is canonical (object keys sorted at every level, no `undefined`
 * members), otherwise {@link canonicalize}`(value)`. For JSON data the caller owns (such as an object
 * cdk8s has just rendered), where a copy would only cost memory: the result equals `canonicalize(value)`.
 */
export function asCanonical<T>(value: T): T {
  return isCanonical(value, 0) ? value : canonicalize(value);
}

/** True when {@link sortValue} would return a copy equal to `value` (bounded depth; deeper values count as not canonical). */
function isCanonical(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (depth > 256) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const member: unknown = value[i];
      if (member === undefined || !isCanonical(member, depth + 1)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0 && !((keys[i - 1] as string) < key)) return false;
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || !isCanonical(member, depth + 1)) return false;
  }
  return true;
}

function sortValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const member: unknown = value[i];
      if (member !== undefined) out.push(sortValue(member));
    }
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    // the default order of sort() is that of compareStrings (UTF-16 code units), without a comparator call per step
    const keys = Object.keys(value).sort();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortValue(member);
    }
    return out;
  }
  return value;
}

/** Code-point string comparison, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts a copy of `items` by a string key. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareStrings(key(x), key(y)));
}

/** Drops `undefined` entries and returns `undefined` for an empty result, so empty maps are not emitted. */
export function compact<V>(record: Record<string, V | undefined> | undefined): Record<string, V> | undefined {
  if (record === undefined) return undefined;
  const out: Record<string, V> = {};
  for (const key of Object.keys(record).sort(compareStrings)) {
    const v = record[key];
    if (v !== undefined) out[key] = v;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** `undefined` for an empty array, so empty lists are not emitted. */
export function nonEmpty<T>(items: readonly T[] | undefined): T[] | undefined {
  return items === undefined || items.length === 0 ? undefined : [...items];
}

/** True when `value` is a non-null object that is not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads a nested member by path segments, `undefined` when any step is missing. */
export function getIn(value: unknown, segments: readonly (string | number)[]): unknown {
  let current: unknown = value;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** The records of a list read from a manifest (anything else, or a non-list, gives none): rules read YAML of any shape. */
export function recordsOf<T extends object = Record<string, unknown>>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter(isRecord) as unknown as T[]) : [];
}

/**
 * The value of `key` in a user-keyed record, only when it is the record's own: keys such as
 * `constructor`, `toString` or `__proto__` then behave like any other key instead of finding
 * Object.prototype's members.
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Formats a zod path (`["a", 0, "b"]`) as `a[0].b`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
