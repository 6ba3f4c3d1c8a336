/**
 * Peer dependency checks for the entry points: `kserve-constructs/cdk8s` needs cdk8s and constructs,
 * `kserve-constructs/pulumi` needs @pulumi/pulumi and @pulumi/kubernetes. Every peer is optional (a
 * Pulumi user does not install cdk8s), so npm never reports a missing one; the entry point does, in one
 * message naming what to install, instead of a raw "Cannot find module" from deep inside.
 */

/** Thrown when an entry point is imported without its peer dependencies. */
export class MissingPeerDependencyError extends Error {
  /** The missing packages. */
  public readonly missing: readonly string[];

  constructor(entryPoint: string, missing: readonly string[], needed: readonly string[]) {
    const list = missing.join(" and ");
    super(
      `${entryPoint} needs the peer ${missing.length === 1 ? "dependency" : "dependencies"} ${list}, which ${missing.length === 1 ? "is" : "are"} not installed. ` +
        `Install ${missing.length === 1 ? "it" : "them"} beside kserve-constructs: npm install ${needed.join(" ")}`,
    );
    this.name = "MissingPeerDependencyError";
    this.missing = missing;
  }
}

/** The packages of `names` that cannot be resolved from this package's location. */
export function missingPeers(names: readonly string[], resolve: (name: string) => string = require.resolve): string[] {
  return names.filter((name) => {
    try {
      resolve(name);
      return false;
    } catch (e) {
      if ((e as { code?: unknown }).code === "MODULE_NOT_FOUND") return true;
      throw e;
    }
  });
}

/** Throws a {@link MissingPeerDependencyError} naming every peer of `entryPoint` that is not installed. */
export function requirePeers(entryPoint: string, names: readonly string[]): void {
  const missing = missingPeers(names);
  if (missing.length > 0) throw new MissingPeerDependencyError(entryPoint, missing, names);
}
