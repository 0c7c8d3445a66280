/**
 * k6's threshold grammar: the expression (`p(95) < 300`) and the key it hangs under
 * (`http_req_duration{status:200}`), with errors that quote the input and say what is wrong.
 *
 * Expression, as k6's `metrics/thresholds_parser.go` (plus signed values and spaces in `p( )`):
 * ```
 * expression   -> ws* aggregation ws* operator ws* number ws*
 * aggregation  -> "avg" | "min" | "max" | "med" | "count" | "rate" | "value" | percentile
 * percentile   -> "p(" ws* unsigned ws* ")"              ; 0 <= unsigned <= 100
 * operator     -> "<" | "<=" | ">" | ">=" | "==" | "===" | "!="
 * number       -> ("+" | "-")? unsigned exponent?
 * unsigned     -> digit+ ("." digit*)? | "." digit+
 * exponent     -> ("e" | "E") ("+" | "-")? digit+
 * ws           -> " " | "\t"
 * ```
 * Key, as k6 reads a sub-metric (`metrics.ParseMetricName` to validate it, `Metric.AddSubmetric`
 * to build its tag filter):
 * ```
 * key          -> name ( "{" tags "}" )?                 ; the first "{" and the last "}", which ends the key
 * name         -> [A-Za-z_] [A-Za-z0-9_]{0,127}
 * tags         -> entry ( "," entry )*
 * entry        -> tagname ":" tagvalue                   ; split at the first ":"
 * tagname      -> trimmed(any text without ":" or ",")   ; may hold spaces: `{my tag:1}`
 * tagvalue     -> trimmed(one character or more, no ",") ; may hold ":", "{" and "}": `{name:http://${}.com}`
 * trimmed(x)   -> spaces, then "'" and '"' characters, stripped from both ends
 * ```
 * So `metric{a}` and `metric{a:}` (no value: k6 rejects both when it validates thresholds), an empty
 * entry (`metric{}`, `metric{a:1,}`) and text after the last "}" are errors, as in k6. A tag given
 * twice keeps its last value, as in k6. volley also refuses an empty tag name (`metric{:1}`), which
 * k6 takes as a filter no sample can match.
 */
import { ConfigError } from '../errors.js';
import { METRIC_NAME } from '../metrics/metric.js';

/** The aggregation methods a threshold may compare; `p` is `p(N)`. */
export type Aggregation = 'avg' | 'min' | 'max' | 'med' | 'p' | 'count' | 'rate' | 'value';

/** The comparison operators k6 accepts; `===` behaves as `==` (all values are numbers). */
export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

/** A parsed threshold expression. */
export interface ThresholdExpr {
  /** The expression as written, the key the summary reports it under. */
  readonly source: string;
  readonly aggregation: Aggregation;
  /** Only for `p`: the percentile, 0–100. */
  readonly percentile: number | undefined;
  /** The statistic to ask an AggregateView for: `avg`, `p(99.9)` (normalised, as k6's `SinkKey`). */
  readonly stat: string;
  readonly operator: ThresholdOperator;
  readonly value: number;
}

/** A parsed threshold key: the metric and the tags a sub-metric filters on (empty for the metric itself). */
export interface MetricKey {
  readonly metric: string;
  readonly filter: Readonly<Record<string, string>>;
}

/** The outcome of parsing: the value, or why the text is not valid (a full sentence quoting the input). */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const OPERATORS: readonly ThresholdOperator[] = ['<', '<=', '>', '>=', '==', '===', '!='];
const KEYWORDS: readonly Aggregation[] = ['avg', 'min', 'max', 'med', 'count', 'rate', 'value'];
const OPERATOR_CHARS = /[<>=!]+/;
const UNSIGNED = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PERCENTILE = /^p\(\s*([^)]*?)\s*\)$/;

/** Parses `p(95)<300` and friends; the failure message wraps the input as k6 does. */
export function readThresholdExpression(text: string): ParseResult<ThresholdExpr> {
  const fail = (reason: string): ParseResult<ThresholdExpr> => ({
    ok: false,
    message: `failed parsing threshold expression ${JSON.stringify(text)}: ${reason}`,
  });
  if (text.trim() === '') return fail('the expression is empty');
  const opMatch = OPERATOR_CHARS.exec(text);
  if (!opMatch) return fail(`missing operator, expected one of ${OPERATORS.join(' ')}`);
  const operator = opMatch[0];
  if (!isOperator(operator)) return fail(`unknown operator "${operator}", expected one of ${OPERATORS.join(' ')}`);
  const lhs = text.slice(0, opMatch.index).trim();
  const rhs = text.slice(opMatch.index + operator.length).trim();
  const agg = readAggregation(lhs);
  if (typeof agg === 'string') return fail(agg);
  if (rhs === '') return fail('missing the value to compare with');
  if (!NUMBER.test(rhs)) return fail(`${JSON.stringify(rhs)} is not a number`);
  return { ok: true, value: { source: text, ...agg, operator, value: Number(rhs) } };
}

/** Like readThresholdExpression, but throws a ConfigError (exit 104) on invalid input. */
export function parseThresholdExpression(text: string): ThresholdExpr {
  const r = readThresholdExpression(text);
  if (!r.ok) throw new ConfigError([{ path: '', message: r.message }]);
  return r.value;
}

type AggregationPart = Pick<ThresholdExpr, 'aggregation' | 'percentile' | 'stat'>;

/** The left-hand side, or the reason it is not an aggregation. */
function readAggregation(lhs: string): AggregationPart | string {
  if (lhs === '') return 'missing the aggregation method before the operator';
  const keyword = KEYWORDS.find((k) => k === lhs);
  if (keyword) return { aggregation: keyword, percentile: undefined, stat: keyword };
  const p = PERCENTILE.exec(lhs);
  if (!p && !lhs.startsWith('p(')) {
    return `unknown aggregation method ${JSON.stringify(lhs)}, expected avg, min, max, med, p(N), count, rate or value`;
  }
  const n = p?.[1] ?? '';
  if (!UNSIGNED.test(n)) return `malformed percentile ${JSON.stringify(lhs)}, expected p(N) with N a number such as 95 or 99.9`;
  const percentile = Number(n);
  if (percentile > 100) return `percentile ${n} is out of range, it must be between 0 and 100`;
  // Number→string normalises `p(95.0)` and `p(095)` to `p(95)`, the key summaries and views use.
  return { aggregation: 'p', percentile, stat: `p(${percentile})` };
}

function isOperator(text: string): text is ThresholdOperator {
  return (OPERATORS as readonly string[]).includes(text);
}

/** Parses a threshold key: `http_req_duration` or `http_req_duration{status:200,name:login}`. */
export function readMetricKey(key: string): ParseResult<MetricKey> {
  const fail = (reason: string): ParseResult<MetricKey> => ({
    ok: false,
    message: `invalid threshold metric ${JSON.stringify(key)}: ${reason}`,
  });
  const open = key.indexOf('{');
  const close = key.lastIndexOf('}');
  if (open < 0 && close >= 0) return fail('"}" without a matching "{"');
  if (open >= 0 && close < 0) return fail('missing the closing "}", a sub-metric is written metric{tag:value}');
  if (close < open) return fail('"}" before "{"');
  if (open >= 0 && close !== key.length - 1) return fail(`unexpected ${JSON.stringify(key.slice(close + 1))} after the last "}"`);
  const name = open < 0 ? key : key.slice(0, open);
  if (name === '') return fail('the metric name is empty');
  if (!METRIC_NAME.test(name)) {
    return fail(`${JSON.stringify(name)} is not a metric name (letters, digits and underscores, not starting with a digit)`);
  }
  if (open < 0) return { ok: true, value: { metric: name, filter: {} } };
  const filter = readTags(key.slice(open + 1, close));
  if (typeof filter === 'string') return fail(filter);
  return { ok: true, value: { metric: name, filter } };
}

/** Like readMetricKey, but throws a ConfigError (exit 104) on invalid input. */
export function parseMetricKey(key: string): MetricKey {
  const r = readMetricKey(key);
  if (!r.ok) throw new ConfigError([{ path: '', message: r.message }]);
  return r.value;
}

/** The text between the braces as a tag filter, or the reason it is not one. */
function readTags(body: string): Record<string, string> | string {
  // Entries, not property assignment: a tag named __proto__ stays a tag.
  const filter = new Map<string, string>();
  for (const entry of body.split(',')) {
    if (entry.trim() === '') return 'an empty tag between "{", "," and "}"; write metric{tag:value,tag:value}';
    const colon = entry.indexOf(':');
    // k6 checks the value before trimming: `{a: }` passes, and filters on the empty value.
    if (colon < 0 || colon === entry.length - 1) return `tag ${JSON.stringify(entry.trim())} has no value, write it as tag:value`;
    const tag = trimmed(entry.slice(0, colon));
    if (tag === '') return `${JSON.stringify(entry.trim())} has no tag name, write it as tag:value`;
    filter.set(tag, trimmed(entry.slice(colon + 1)));
  }
  return Object.fromEntries(filter);
}

/** k6's strings.Trim(strings.TrimSpace(x), `"'`): every quote at either end goes, not one pair. */
function trimmed(text: string): string {
  return text.trim().replace(/^["']+|["']+$/g, '');
}
