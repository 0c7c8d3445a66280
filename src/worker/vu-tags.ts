/**
 * A VU's current base tags (options.tags, the scenario's tags, `scenario`, `group`) as one interned
 * TagSet that changes only when a group starts or ends. Tag sets derived from it (a check's, a
 * custom metric's) are cached per base, so recording never rebuilds a TagSet on the steady path.
 */
import { TagSet, type Tags } from '../metrics/tags.js';
import type { VuTags } from '../clients/types.js';

/** Base tags for one VU; shared caches live in the per-scenario TagCache. */
export class VuTagState implements VuTags {
  current: TagSet;
  private groupPath = '';
  private readonly cache: TagCache;
  constructor(cache: TagCache) {
    this.cache = cache;
    this.current = cache.base('');
  }
  get group(): string {
    return this.groupPath;
  }
  /** Enters group `name`; returns the previous path for `leaveGroup`. */
  enterGroup(name: string): string {
    const previous = this.groupPath;
    this.groupPath = `${previous}::${name}`;
    this.current = this.cache.base(this.groupPath);
    return previous;
  }
  leaveGroup(previous: string): void {
    this.groupPath = previous;
    this.current = this.cache.base(previous);
  }
  /** `current` plus `extra`, cached by the pair. */
  with(extra: Tags | undefined): TagSet {
    return extra ? this.cache.extend(this.current, extra) : this.current;
  }
}

const MAX_CACHED = 10_000;

/** Interned tag sets for one scenario in one worker: bases per group path, and extensions. */
export class TagCache {
  private readonly fixed: Readonly<Record<string, string>>;
  private readonly bases = new Map<string, TagSet>();
  private readonly extended = new Map<string, TagSet>();
  /** Same lookups keyed by object identity: a caller that reuses its tag object (a check name's) skips building the key string. */
  private readonly byObject = new WeakMap<object, Map<TagSet, TagSet>>();
  constructor(fixed: Readonly<Record<string, string>>) {
    this.fixed = fixed;
  }
  base(groupPath: string): TagSet {
    let t = this.bases.get(groupPath);
    if (!t) {
      t = TagSet.of({ ...this.fixed, group: groupPath });
      this.bases.set(groupPath, t);
    }
    return t;
  }
  extend(base: TagSet, extra: Tags): TagSet {
    // Only frozen objects are safe to key by identity: a mutable one could hold other tags next time.
    if (!Object.isFrozen(extra)) return this.extendByKey(base, extra);
    let perBase = this.byObject.get(extra);
    if (!perBase) this.byObject.set(extra, (perBase = new Map()));
    let t = perBase.get(base);
    if (!t) perBase.set(base, (t = this.extendByKey(base, extra)));
    return t;
  }
  private extendByKey(base: TagSet, extra: Tags): TagSet {
    let key = base.key;
    for (const k in extra) key += `\u0002${k}=${extra[k]}`;
    let t = this.extended.get(key);
    if (!t) {
      t = TagSet.of({ ...base.toObject(), ...extra });
      // Bounded: a tag value with ids must not grow this cache without limit (the sink caps series).
      if (this.extended.size < MAX_CACHED) this.extended.set(key, t);
    }
    return t;
  }
}
