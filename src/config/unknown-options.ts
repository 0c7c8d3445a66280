/**
 * Top-level `options` keys volley does not read. k6 ignores an unknown top-level key, so volley
 * does too (a k6 script keeps running), but says so: a typo such as `treshold` or a k6 option
 * volley leaves out would otherwise do nothing without a word. Scenario fields are stricter
 * (config/scenarios.ts rejects an unknown one), as in k6.
 */
import type { Options } from './options.js';

/** Every key of `Options` (config/options.ts), which consolidate reads: the type keeps the two in step. */
const KNOWN: Readonly<Record<keyof Options, true>> = {
  vus: true,
  duration: true,
  iterations: true,
  stages: true,
  scenarios: true,
  thresholds: true,
  tags: true,
  summaryTrendStats: true,
  summaryTimeUnit: true,
  discardResponseBodies: true,
  maxRedirects: true,
  userAgent: true,
  setupTimeout: true,
  teardownTimeout: true,
  noConnectionReuse: true,
  insecureSkipTLSVerify: true,
};
const KNOWN_OPTIONS = Object.keys(KNOWN);

/**
 * k6 script options volley has no equivalent for, with what to use instead where there is one.
 * From k6's options reference and @types/k6's Options.
 */
const K6_ONLY: Readonly<Record<string, string>> = {
  batch: 'volley has no http.batch(); run the requests with Promise.all',
  batchPerHost: 'volley has no http.batch(); run the requests with Promise.all',
  blacklistIPs: '',
  blockHostnames: '',
  cloud: 'there is no cloud service',
  compatibilityMode: 'scenarios are TypeScript, compiled by esbuild',
  consoleOutput: '',
  dns: '',
  executionSegment: '',
  executionSegmentSequence: '',
  ext: 'there is no cloud service',
  hosts: '',
  httpDebug: '',
  linger: '',
  localIPs: '',
  minIterationDuration: '',
  noCookiesReset: '',
  noSetup: '',
  noTeardown: '',
  noUsageReport: 'volley sends no usage report',
  noVUConnectionReuse: '',
  paused: '',
  rps: 'use constant-arrival-rate or ramping-arrival-rate',
  systemTags: '',
  throw: '',
  tlsAuth: '',
  tlsCipherSuites: '',
  tlsVersion: '',
  vusMax: "k6's old name: use a scenario's maxVUs",
};

/** One warning per top-level key of `raw` that volley does not read, naming it as `options.KEY`. */
export function unknownOptionWarnings(raw: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(raw)
    .filter((key) => !KNOWN_OPTIONS.includes(key))
    .map((key) => `options.${key}: ${whyIgnored(key)}`);
}

function whyIgnored(key: string): string {
  if (Object.hasOwn(K6_ONLY, key)) {
    const instead = K6_ONLY[key];
    return `k6's option is not supported by volley and has no effect${instead ? ` (${instead})` : ''}`;
  }
  const near = closestKnown(key);
  return `not an option volley knows; ignored${near ? ` (did you mean ${near}?)` : ''}`;
}

/** The known option nearest to `key`, when it is a likely typo (case, or at most 2 edits away). */
function closestKnown(key: string): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN_OPTIONS) {
    const d = known.toLowerCase() === lower ? 0 : editDistance(lower, known.toLowerCase());
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insert, delete, substitute), one row at a time. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
