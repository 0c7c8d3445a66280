import { describe, expect, it } from 'vitest';
import { validateTargetOptions } from '../../src/target/target-options.js';

describe('validateTargetOptions', () => {
  it.each([{}, { host: '::1', httpPort: 0 }, { host: 'localhost', httpPort: 65_535 }])('accepts %j', (opts) => {
    expect(validateTargetOptions(opts)).toEqual([]);
  });

  it.each([
    [{ httpPort: -1 }, 'port'],
    [{ httpPort: 70_000 }, 'port'],
    [{ httpPort: 80.5 }, 'port'],
    [{ host: '' }, 'host'],
    [{ host: '  ' }, 'host'],
  ])('rejects %j at %s', (opts, path) => {
    expect(validateTargetOptions(opts).map((i) => i.path)).toEqual([path]);
  });

  it('reports every problem at once', () => {
    expect(validateTargetOptions({ host: '', httpPort: -1 })).toHaveLength(2);
  });
});
