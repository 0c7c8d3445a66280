import { describe, expect, it } from 'vitest';
import { TagCache, VuTagState } from '../../src/worker/vu-tags.js';

describe('VU tags', () => {
  it('carries the fixed tags, the scenario and the current group', () => {
    const tags = new VuTagState(new TagCache({ scenario: 's', env: 'ci' }));
    expect(tags.current.toObject()).toEqual({ env: 'ci', group: '', scenario: 's' });
    const previous = tags.enterGroup('login');
    expect(tags.current.get('group')).toBe('::login');
    tags.enterGroup('form');
    expect(tags.current.get('group')).toBe('::login::form');
    tags.leaveGroup('::login');
    tags.leaveGroup(previous);
    expect(tags.current.get('group')).toBe('');
  });

  it('interns bases and extensions, by key and by frozen object', () => {
    const cache = new TagCache({ scenario: 's' });
    const a = new VuTagState(cache);
    const b = new VuTagState(cache);
    expect(a.current).toBe(b.current);
    const frozen = Object.freeze({ check: 'ok' });
    expect(a.with(frozen)).toBe(b.with(frozen));
    expect(a.with({ check: 'ok' })).toBe(a.with(frozen));
    expect(a.with(frozen).toObject()).toEqual({ check: 'ok', group: '', scenario: 's' });
  });

  it('does not serve a mutated tag object from the identity cache', () => {
    const tags = new VuTagState(new TagCache({}));
    const extra: Record<string, string> = { name: 'a' };
    expect(tags.with(extra).get('name')).toBe('a');
    extra.name = 'b';
    expect(tags.with(extra).get('name')).toBe('b');
  });

  it('a group-relative extension follows the group', () => {
    const tags = new VuTagState(new TagCache({}));
    const frozen = Object.freeze({ check: 'ok' });
    const root = tags.with(frozen);
    tags.enterGroup('g');
    expect(tags.with(frozen)).not.toBe(root);
    expect(tags.with(frozen).get('group')).toBe('::g');
  });
});
