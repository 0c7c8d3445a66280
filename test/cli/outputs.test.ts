/** The outputs a run asks for, read through the registry before anything runs: each problem is a ConfigIssue (exit 104). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOutputs } from '../../src/cli/outputs.js';
import type { ConfigIssue } from '../../src/errors.js';
import { tempDir } from '../support/temp-dir.js';

async function parse(out: string[], flags: Record<string, string> = {}) {
  const dir = await tempDir();
  await writeFile(join(dir, 'a-file'), '');
  await mkdir(join(dir, 'a-folder'));
  const issues: ConfigIssue[] = [];
  const specs = parseOutputs(out, (flag) => flags[flag]?.replaceAll('DIR', dir), dir, issues);
  return { specs, issues: issues.map((i) => `${i.path}: ${i.message}`.replaceAll(dir, 'DIR')) };
}

describe('parseOutputs', () => {
  it("lists every run's own outputs, then those of the flags given, then --out's in order", async () => {
    const { specs, issues } = await parse(['csv=b.csv', 'json=a.ndjson'], { junit: 'r.xml', 'summary-export': 's.json' });
    expect(issues).toEqual([]);
    expect(specs.map((s) => s.name)).toEqual(['progress', 'summary', 'summary-export', 'handleSummary', 'junit', 'csv', 'json']);
  });

  it.each([
    ['nope=x', '--out: unknown output "nope"; this version writes json, csv (e.g. --out json=results.ndjson)'],
    ['prometheus=http://127.0.0.1:9090/api/v1/write', '--out: prometheus is not supported yet; this version writes json, csv (e.g. --out json=results.ndjson)'],
    ['experimental-prometheus-rw', '--out: experimental-prometheus-rw is not supported yet; this version writes json, csv (e.g. --out json=results.ndjson)'],
    ['otlp', '--out: otlp is not supported yet; this version writes json, csv (e.g. --out json=results.ndjson)'],
    ['opentelemetry', '--out: opentelemetry is not supported yet; this version writes json, csv (e.g. --out json=results.ndjson)'],
    ['dashboard', '--out: dashboard is not supported yet; this version writes json, csv (e.g. --out json=results.ndjson)'],
    ['result=r.json', '--out: result is not supported yet; this version writes json, csv (e.g. --out json=results.ndjson)'],
    ['csv', '--out csv: needs a file: --out csv=FILE'],
    ['csv=missing/x.csv', '--out csv: cannot write DIR/missing/x.csv: the folder DIR/missing does not exist'],
    ['csv=a-file/x.csv', '--out csv: cannot write DIR/a-file/x.csv: DIR/a-file is not a folder'],
    ['json=a-folder', '--out json: cannot write DIR/a-folder: it is a folder'],
    ['csv=x.csv?timeFormat=iso', '--out csv: timeFormat must be unix_milli, unix, rfc3339 (got "iso")'],
    ['csv=x.csv?every=5s', '--out csv: unknown option "every"; it takes timeFormat'],
    ['json=x.ndjson?gzip=1', '--out json: unknown option "gzip"; it takes none (a ? in a file name starts the options)'],
  ])('--out %s: %s', async (out, message) => {
    const { specs, issues } = await parse([out]);
    expect(issues).toEqual([message]);
    expect(specs.map((s) => s.name)).toEqual(['progress', 'summary', 'handleSummary']);
  });

  it.each([
    [{ junit: 'DIR/missing/r.xml' }, '--junit: cannot write DIR/missing/r.xml: the folder DIR/missing does not exist'],
    [{ junit: '' }, '--junit: needs a file: --junit FILE.xml'],
    [{ 'summary-export': 'DIR/a-folder' }, '--summary-export: cannot write DIR/a-folder: it is a folder'],
  ])('checks the file of %j', async (flags, message) => {
    expect((await parse([], flags)).issues).toEqual([message]);
  });

  it("reads an output's options from its target's query string", async () => {
    const { issues } = await parse(['csv=x.csv?timeFormat=rfc3339']);
    expect(issues).toEqual([]);
  });
});
