/**
 * Small helpers over Maps and WeakMaps that the caches of the core share.
 */

/** The value of `key` in `map`, made by `make` and stored on first use. */
export function getOrInsert<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V;
export function getOrInsert<K, V>(map: Map<K, V>, key: K, make: () => V): V;
export function getOrInsert<K extends object, V>(map: Map<K, V> | WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
