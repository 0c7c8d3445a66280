/**
 * `--slo METRIC[{tags}]:EXPR`: a service-level objective the capacity search judges each step on,
 * written as a threshold key and expression joined by a colon. The colon that splits them is the
 * first one after the key's closing `}` when it has tags (tag filters hold colons themselves:
 * `http_req_duration{status:200}:p(99)<200`), else the first one. Both halves follow k6's
 * threshold grammar (thresholds/parse.ts), and the metric must be one the script can emit.
 */
import type { ConfigIssue } from '../errors.js';
import { readMetricKey, readThresholdExpression, type ThresholdExpr } from '../thresholds/parse.js';
import { validateThresholds, type MetricKindLookup } from '../thresholds/validate.js';

/** One parsed SLO. */
export interface Slo {
  /** As written (trimmed): the key its results are reported under. */
  readonly source: string;
  /** The threshold key: `http_req_duration{status:200}`. */
  readonly key: string;
  readonly metric: string;
  readonly filter: Readonly<Record<string, string>>;
  readonly expr: ThresholdExpr;
}

const EXAMPLE = "e.g. --slo 'http_req_duration:p(99)<200'";

/** Splits `text` into its key and expression; undefined when it has no colon to split at. */
export function splitSlo(text: string): { key: string; expression: string } | undefined {
  const close = text.lastIndexOf('}');
  const colon = text.indexOf(':', close + 1);
  if (colon < 0) return undefined;
  return { key: text.slice(0, colon).trim(), expression: text.slice(colon + 1).trim() };
}

/** Parses every `--slo`; each problem (with the SLO quoted) goes to `issues`. */
export function parseSlos(texts: readonly string[], kindOf: MetricKindLookup, issues: ConfigIssue[]): Slo[] {
  if (texts.length === 0) issues.push({ path: '--slo', message: `at least one is needed: the search looks for the highest rate that meets them, ${EXAMPLE}` });
  const slos: Slo[] = [];
  for (const raw of texts) {
    const source = raw.trim();
    const path = `--slo ${JSON.stringify(source)}`;
    const parts = splitSlo(source);
    if (!parts) {
      issues.push({ path, message: `must be METRIC:EXPRESSION, ${EXAMPLE}` });
      continue;
    }
    const found = validateThresholds([{ metric: parts.key, expression: parts.expression, abortOnFail: false, delayAbortEvalMs: 0, windowMs: undefined }], kindOf);
    if (found.length > 0) {
      issues.push(...found.map((issue) => ({ path, message: issue.message })));
      continue;
    }
    const key = readMetricKey(parts.key);
    const expr = readThresholdExpression(parts.expression);
    if (!key.ok || !expr.ok) continue; // validateThresholds has reported both
    if (slos.some((s) => s.source === source)) continue;
    slos.push({ source, key: parts.key, metric: key.value.metric, filter: key.value.filter, expr: expr.value });
  }
  return slos;
}
