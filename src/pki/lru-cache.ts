// A small bounded map that forgets the least recently used entry first (process-wide caches of parsed data).

/**
 * Least-recently-used cache of at most `capacity` entries.
 * @example const cache = new LruCache<string, number>(2); cache.get('a', () => 1) // 1, computed once
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The cached value for `key`, computed by `make` (and remembered) when missing. */
  get(key: K, make: () => V): V {
    const entries = this.#entries;
    if (entries.has(key)) {
      const hit = entries.get(key) as V;
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const value = make();
    entries.set(key, value);
    if (entries.size > this.#capacity) entries.delete(entries.keys().next().value as K);
    return value;
  }

  /** Remembers `value` for `key`. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  /** The cached value without computing one. */
  peek(key: K): V | undefined {
    return this.#entries.get(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
