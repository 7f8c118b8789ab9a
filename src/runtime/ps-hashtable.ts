// A PowerShell hashtable: case-insensitive keys, insertion order kept for display.

/** Key identity as .NET's case-insensitive string comparer sees it (non-strings keep their own identity). */
function keyOf(key: unknown): unknown {
  return typeof key === 'string' ? `s:${key.toLowerCase()}` : key;
}

/** `@{ ... }`, `[ordered]@{ ... }`. */
export class PsHashtable {
  readonly #entries = new Map<unknown, { key: unknown; value: unknown }>();
  readonly ordered: boolean;

  constructor(ordered = false) {
    this.ordered = ordered;
  }

  get count(): number {
    return this.#entries.size;
  }

  has(key: unknown): boolean {
    return this.#entries.has(keyOf(key));
  }

  get(key: unknown): unknown {
    const e = this.#entries.get(keyOf(key));
    return e === undefined ? null : e.value;
  }

  /** Sets a value; an existing key keeps its original spelling. */
  set(key: unknown, value: unknown): void {
    const k = keyOf(key);
    const e = this.#entries.get(k);
    if (e) e.value = value;
    else this.#entries.set(k, { key, value });
  }

  /** Adds a new key; false when it already exists. */
  add(key: unknown, value: unknown): boolean {
    if (this.has(key)) return false;
    this.set(key, value);
    return true;
  }

  delete(key: unknown): void {
    this.#entries.delete(keyOf(key));
  }

  clear(): void {
    this.#entries.clear();
  }

  keys(): unknown[] {
    return [...this.#entries.values()].map((e) => e.key);
  }

  values(): unknown[] {
    return [...this.#entries.values()].map((e) => e.value);
  }

  entries(): [unknown, unknown][] {
    return [...this.#entries.values()].map((e) => [e.key, e.value]);
  }

  clone(): PsHashtable {
    const copy = new PsHashtable(this.ordered);
    for (const [k, v] of this.entries()) copy.set(k, v);
    return copy;
  }
}
