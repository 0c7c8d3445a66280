import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { refusedPort } from './refused-port.js';

describe('refusedPort', () => {
  it('returns a port on which connections are refused', async () => {
    const port = await refusedPort();
    expect(port).toBeGreaterThan(0);
    await expect(request(`http://127.0.0.1:${port}/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
