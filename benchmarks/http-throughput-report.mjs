/** The closing lines of http-throughput: medians per generator, then volley's medians as ratios to autocannon's and wrk's. */
import { median, spread } from './harness/stats.mjs';
import { columns, formatRate, formatRatio, formatSpread } from './harness/report.mjs';

/**
 * One median line per generator that produced figures, then the headline: `primary` (pinned volley)
 * against autocannon and wrk, all on core 1, as ratios of medians. `unrated` (volley with 2 workers)
 * gets its own line and no ratio: it uses both cores, nginx's included, so it is not comparable to a
 * generator pinned to one core.
 */
export function printMedians({ bench, results, connections, primary, unrated, log }) {
  const medians = new Map();
  for (const [label, { rps, busyRounds }] of results) {
    if (rps.length === 0) continue;
    medians.set(label, median(rps));
    const busy = busyRounds > 0 ? `, ${busyRounds} on a busy machine` : '';
    const detail = `${formatSpread(spread(rps).relative)} over ${rps.length} round(s)${busy}`;
    log(columns([bench, 'median', label, `${connections} conns`, formatRate(medians.get(label)), detail], [0, 0, 30, 9, 14]));
  }
  const cell = (label) => (medians.has(label) ? formatRate(medians.get(label)) : 'n/a');
  const volley = medians.get(primary);
  const headline = [bench, primary, `${connections} conns`, volley === undefined ? 'FAILED' : formatRate(volley)];
  headline.push(` autocannon ${cell('autocannon')}`, ` ratio ${formatRatio(volley, medians.get('autocannon'))}`);
  if (results.has('wrk')) headline.push(` wrk ${cell('wrk')}`, ` ratio ${formatRatio(volley, medians.get('wrk'))}`);
  log(headline.join('  '));
  log(pairedRatios(bench, results, primary));
  if (medians.has(unrated)) {
    log([bench, unrated, `${connections} conns`, cell(unrated), ' (both cores, shared with nginx: no ratio)'].join('  '));
  }
}

/**
 * volley's ratio to each peer round by round. The legs of one round run within a minute, so a
 * slow round on a noisy host (every leg low at once) shows here as ratios that still agree, where
 * the medians alone would hide it.
 */
function pairedRatios(bench, results, primary) {
  const volley = results.get(primary)?.byRound ?? [];
  const parts = ['autocannon', 'wrk'].filter((peer) => results.has(peer)).map((peer) => {
    const other = results.get(peer).byRound;
    const ratios = Array.from(volley, (v, i) => (v !== undefined && other[i] > 0 ? (v / other[i]).toFixed(2) : '—'));
    return `volley/${peer} ${ratios.join(' ')}`;
  });
  return [bench, 'per-round ratios', ...parts].join('  ');
}
