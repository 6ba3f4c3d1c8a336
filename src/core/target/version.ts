/**
 * "major.minor" versions, compared numerically.
 */

/** A parsed version. */
export interface Version {
  readonly major: number;
  readonly minor: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+][0-9A-Za-z.-]+)?$/;

/** The versions parsed so far, by their text (a few distinct texts per app: releases, feature levels, targets). */
const parsed = new Map<string, Version | null>();

/** How many distinct texts {@link parseVersion} remembers (beyond that it parses each time). */
const PARSED_LIMIT = 1024;

/** Parses "0.20", "v0.20.1" or "3.0"; `undefined` when it is not a version. The result is frozen (the same object for the same text). */
export function parseVersion(text: string): Version | undefined {
  const known = parsed.get(text);
  if (known !== undefined) return known ?? undefined;
  const m = VERSION.exec(text.trim());
  const version = m === null ? null : Object.freeze({ major: Number(m[1]), minor: Number(m[2]) });
  if (parsed.size < PARSED_LIMIT) parsed.set(text, version);
  return version ?? undefined;
}

/** -1, 0 or 1. */
export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  return 0;
}

/** True when `v` is at least `since` ("major.minor"). */
export function atLeast(v: Version, since: string): boolean {
  const s = parseVersion(since);
  if (s === undefined) throw new Error(`bad version literal ${since}`);
  return compareVersions(v, s) >= 0;
}

/** "0.20". */
export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}`;
}
