/**
 * Tag sets, interned: a series is keyed by metric and tag set, and building that key is the one
 * string operation on the recording path, so a TagSet computes it once and callers reuse the object.
 */

export type Tags = Readonly<Record<string, string>>;

/** An immutable, sorted tag set with its precomputed key. */
export class TagSet {
  readonly key: string;
  readonly entries: readonly (readonly [string, string])[];
  private constructor(entries: [string, string][]) {
    this.entries = entries;
    this.key = entries.map(([k, v]) => `${k}=${v}`).join('\u0001');
  }
  static of(tags: Tags): TagSet {
    const entries = Object.entries(tags)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new TagSet(entries as [string, string][]);
  }
  static fromEntries(entries: readonly (readonly [string, string])[]): TagSet {
    return TagSet.of(Object.fromEntries(entries));
  }
  get(name: string): string | undefined {
    for (const [k, v] of this.entries) if (k === name) return v;
    return undefined;
  }
  /** True when every tag of `filter` is present here with the same value (sub-metric matching). */
  matches(filter: Tags): boolean {
    for (const k in filter) if (this.get(k) !== filter[k]) return false;
    return true;
  }
  toObject(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}
