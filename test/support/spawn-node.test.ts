import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnNode } from './spawn-node.js';
import { tempDir } from './temp-dir.js';

async function script(source: string): Promise<string> {
  const file = join(await tempDir(), 'child.mjs');
  await writeFile(file, source);
  return file;
}

describe('spawnNode', () => {
  it('reports the exit code and everything written to stdout and stderr', async () => {
    const file = await script("process.stdout.write('out'); process.stderr.write('err'); process.exitCode = 7;");
    const result = await spawnNode(file, []).result;
    expect(result).toMatchObject({ code: 7, signal: null, stdout: 'out', stderr: 'err' });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('passes the arguments and cwd', async () => {
    const file = await script("console.log(JSON.stringify([process.argv.slice(2), process.cwd()]));");
    const cwd = await tempDir();
    const result = await spawnNode(file, ['a', '--b'], { cwd }).result;
    expect(JSON.parse(result.stdout)).toEqual([['a', '--b'], expect.stringContaining(cwd.split(/[\\/]/).pop()!)]);
  });

  it('sets CI and NO_COLOR, drops FORCE_COLOR and VOLLEY_* and adds env', async () => {
    const file = await script(
      'const e = process.env; console.log(JSON.stringify([e.CI, e.NO_COLOR, e.FORCE_COLOR, e.VOLLEY_VUS, e.EXTRA]));',
    );
    process.env.VOLLEY_VUS = '99';
    try {
      const result = await spawnNode(file, [], { env: { EXTRA: 'x' } }).result;
      expect(JSON.parse(result.stdout)).toEqual(['true', '1', null, null, 'x']);
    } finally {
      delete process.env.VOLLEY_VUS;
    }
  });

  it('kills a child that outlives its timeout and rejects with its output', async () => {
    const file = await script("console.log('started'); setInterval(() => {}, 1000);");
    const proc = spawnNode(file, [], { timeoutMs: 500 });
    await expect(proc.result).rejects.toThrow(/still running after 500 ms[^]*started/);
    expect(proc.child.signalCode).toBe('SIGKILL');
  });

  it('hands each stdout chunk to onStdout', async () => {
    const file = await script("console.log('one'); setTimeout(() => console.log('two'), 20);");
    const chunks: string[] = [];
    await spawnNode(file, [], { onStdout: (c) => chunks.push(c) }).result;
    expect(chunks.join('')).toBe('one\ntwo\n');
  });

  it('resolves waitForOutput once the output matches, while the child runs', async () => {
    const file = await script("setTimeout(() => console.log('ready on 1234'), 50); setInterval(() => {}, 1000);");
    const proc = spawnNode(file, []);
    expect(await proc.waitForOutput(/ready on \d+/)).toBe('ready on 1234\n');
    expect(proc.child.exitCode).toBeNull();
    proc.child.kill('SIGTERM');
    expect((await proc.result).signal).toBe('SIGTERM');
  });

  it('rejects waitForOutput if the child ends without matching', async () => {
    const file = await script("console.error('boom'); process.exitCode = 1;");
    await expect(spawnNode(file, []).waitForOutput('never')).rejects.toThrow(/ended before[^]*boom/);
  });
});
