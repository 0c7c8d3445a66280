import { describe, expect, it } from 'vitest';
import { startRefuseListener } from '../../../src/target/faults/refuse-listener.js';
import { RequestStats } from '../../../src/target/request-stats.js';
import { rawExchange, rawGet } from './raw-exchange.js';

describe('the refusing port', () => {
  it('resets every connection without answering, and counts each as refused (not as a request)', async () => {
    const stats = new RequestStats(true);
    const refuse = await startRefuseListener('127.0.0.1', stats);
    try {
      for (let i = 0; i < 3; i++) {
        const res = await rawExchange(refuse.url, [rawGet('/')]);
        expect(res).toEqual({ data: '', ended: 'reset' });
      }
      expect(stats.snapshot()).toEqual({ total: 0, refused: 3 });
    } finally {
      await refuse.close();
    }
  });

  it('listens on a free port of the host it is given', async () => {
    const refuse = await startRefuseListener('127.0.0.1', new RequestStats(true));
    await refuse.close();
    expect(refuse.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });
});
