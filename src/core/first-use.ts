/**
 * Values resolved on first use: the parts of a resolved spec that only some steps read (the render and
 * the rules after it, once the rules before them passed) are computed when a step first asks for them,
 * then kept for the rest of the build.
 */

/**
 * The value of `compute`, computed the first time the returned function is called and given again on
 * every later call (also when it is `undefined`); nothing is computed until then. A call that throws keeps
 * nothing, so the next call computes again.
 */
export function onFirstUse<T>(compute: () => T): () => T {
  let computed = false;
  let value: T | undefined;
  return () => {
    if (!computed) {
      value = compute();
      computed = true;
    }
    return value as T;
  };
}
