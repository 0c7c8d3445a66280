/**
 * Durations as k6 writes them: '1h2m3s', '1m30s', '500ms', '1.5s', '250us', or a bare number of
 * milliseconds (a bare number in a string means seconds, as in k6's CLI: `--duration 30`).
 */

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
const PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/y;

/** Parses a duration into milliseconds; undefined when the text is not a duration. */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  const text = input.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m || m.index !== start) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
  }
  return total;
}

/** Formats milliseconds the way k6 prints durations: 1m30s, 2.5s, 850ms, 12µs. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1) return `${round(ms * 1000)}µs`;
  if (ms < 1000) return `${round(ms)}ms`;
  if (ms < 60_000) return `${round(ms / 1000)}s`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = round((ms % 60_000) / 1000);
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
