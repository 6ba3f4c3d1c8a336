/**
 * One walk of a manifest under check, shared by the manifest rules: every object key it holds (what the
 * rules' `reads` filters ask), and the members under the keys some rule wants with their manifest paths
 * (the Kubernetes syntax rules' sites: `env`, `labels`, `resources`, ...). Made once per subject, on
 * first use, and kept only as long as the subject.
 */
import type { ManifestSubject } from "./registry";

/** A member of a manifest under one of the site keys, with its manifest path. */
export interface Site {
  /** Its manifest path (`spec.predictor.model.env`). */
  readonly path: string;
  /** The key it is under (`env`). */
  readonly key: string;
  /** The member. */
  readonly value: unknown;
  /** The object that holds it. */
  readonly parent: unknown;
}

/** What the walk of one manifest found. */
interface ManifestIndex {
  readonly keys: ReadonlySet<string>;
  readonly sites: readonly Site[];
}

/** Every key some rule wants the sites of (filled by {@link siteKeys} as the rule modules load). */
const SITE_KEYS = new Set<string>();

/** Declares keys whose members a rule looks at: {@link manifestSites} then lists them with their paths. */
export function siteKeys(...keys: string[]): ReadonlySet<string> {
  for (const key of keys) SITE_KEYS.add(key);
  return new Set(keys);
}

/** Appends a key to a manifest path: dotted for identifiers, bracketed and quoted otherwise. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** The manifest path of the member at `keys` (dotted for identifiers, bracketed otherwise). */
function pathOf(keys: readonly (string | number)[]): string {
  let path = "";
  for (const key of keys) path = childPath(path, key);
  return path;
}

/**
 * Walks a manifest depth first in key order: every object key, and the members under the site keys with
 * their paths (a path string is built only for those, not for every value). The depth is bounded by the
 * manifest's nesting (64 levels), not by the size of its arrays or maps.
 */
function walk(manifest: unknown): ManifestIndex {
  const keys = new Set<string>();
  const sites: Site[] = [];
  const at: (string | number)[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        visit(value[i], depth + 1);
        at.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      keys.add(key);
      at.push(key);
      if (SITE_KEYS.has(key)) sites.push({ path: pathOf(at), key, value: child, parent: record });
      visit(child, depth + 1);
      at.pop();
    }
  };
  visit(manifest, 0);
  return { keys, sites };
}

const indexes = new WeakMap<ManifestSubject, ManifestIndex>();

function indexOf(subject: ManifestSubject): ManifestIndex {
  let index = indexes.get(subject);
  if (index === undefined) {
    index = walk(subject.manifest);
    indexes.set(subject, index);
  }
  return index;
}

/** Every object key of the subject's manifest, at any depth. */
export function manifestKeys(subject: ManifestSubject): ReadonlySet<string> {
  return indexOf(subject).keys;
}

/** The members of the subject's manifest under the site keys, depth first in key order, with their paths. */
export function manifestSites(subject: ManifestSubject): readonly Site[] {
  return indexOf(subject).sites;
}
