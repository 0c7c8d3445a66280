/** `--env K=V` and `--tag K=V` flags (repeatable) → a map; a malformed pair is a ConfigIssue. */
import type { ConfigIssue } from '../errors.js';

export function parseKeyValues(values: readonly unknown[] | undefined, flag: string, issues: ConfigIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of values ?? []) {
    const text = String(raw);
    const eq = text.indexOf('=');
    if (eq <= 0) {
      issues.push({ path: flag, message: `expected KEY=VALUE (got ${JSON.stringify(text)})` });
      continue;
    }
    out[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return out;
}
