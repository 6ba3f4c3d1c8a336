/**
 * "major.minor" versions, compared numerically.
 */

/** A parsed version. */
export interface Version {
  readonly major: number;
  readonly minor: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+][0-9A-Za-z.-]+)?$/;

/** Parses "0.20", "v0.20.1" or "3.0"; `undefined` when it is not a version. */
export function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text.trim());
  if (m === null) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
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
