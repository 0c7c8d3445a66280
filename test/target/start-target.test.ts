import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { startTarget } from '../../src/target/start-target.js';
import { refusedPort } from '../support/refused-port.js';

async function statusOf(url: string): Promise<number> {
  const res = await request(url);
  await res.body.dump();
  return res.statusCode;
}

describe('startTarget', () => {
  it('listens on 127.0.0.1 and a free port by default', async () => {
    const target = await startTarget();
    try {
      expect(target.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      expect(await statusOf(`${target.httpUrl}/`)).toBe(200);
    } finally {
      await target.close();
    }
  });

  it('listens on the port it is given', async () => {
    const port = await refusedPort();
    const target = await startTarget({ httpPort: port });
    try {
      expect(target.httpUrl).toBe(`http://127.0.0.1:${port}`);
      expect(target.wsUrl).toBe(`ws://127.0.0.1:${port}`);
    } finally {
      await target.close();
    }
  });

  it('listens on ::1 with a bracketed URL', async () => {
    const target = await startTarget({ host: '::1' });
    try {
      expect(target.httpUrl).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect(await statusOf(`${target.httpUrl}/`)).toBe(200);
    } finally {
      await target.close();
    }
  });

  it('accepts localhost and names the address it bound', async () => {
    const target = await startTarget({ host: 'localhost' });
    try {
      expect(target.httpUrl).toMatch(/^http:\/\/(127\.0\.0\.1|\[::1\]):\d+$/);
      expect(await statusOf(`${target.httpUrl}/`)).toBe(200);
    } finally {
      await target.close();
    }
  });

  it('counts requests in stats()', async () => {
    const target = await startTarget();
    try {
      await statusOf(`${target.httpUrl}/json`);
      expect(target.stats()).toEqual({ '/json': 1, total: 1 });
    } finally {
      await target.close();
    }
  });

  it.each([-1, 65_536, 1.5, Number.NaN])('rejects port %s with a ConfigError', async (httpPort) => {
    await expect(startTarget({ httpPort })).rejects.toBeInstanceOf(ConfigError);
  });

  it('rejects a port in use with a ConfigError that suggests another', async () => {
    const first = await startTarget();
    try {
      const port = Number(new URL(first.httpUrl).port);
      const attempt = startTarget({ httpPort: port });
      await expect(attempt).rejects.toBeInstanceOf(ConfigError);
      await expect(attempt).rejects.toMatchObject({ exitCode: 104, hint: expect.stringMatching(/0 for a free one/) });
    } finally {
      await first.close();
    }
  });

  it('rejects a host that is not local with a ConfigError', async () => {
    await expect(startTarget({ host: '192.0.2.1' })).rejects.toBeInstanceOf(ConfigError);
  });
});
