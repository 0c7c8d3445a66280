/**
 * A/B/A/B rounds: every leg (generator) runs once per round, in the same order, and rounds repeat.
 * Drift on the machine over minutes (thermal, a neighbour starting) then lands on all legs alike
 * instead of on whichever ran last, and the medians of the rounds are compared.
 */
import { isStopping } from './cleanup.mjs';
import { contentionNote, startCpuWatch } from './cpu-watch.mjs';
import { columns, formatRate } from './report.mjs';

const LABEL_WIDTH = 30;

/**
 * Runs `legs` (each `{ label, run: () => Promise<{ rps, failures }>, skip?: string }`) for `rounds`
 * rounds, logging one line per figure (`rps` in `unit`, req/s unless told). A leg that throws is logged and recorded, and the other legs
 * go on, so one broken generator still leaves the others' figures. Resolves to label →
 * `{ rps: number[], byRound: (number | undefined)[], errors: string[], busyRounds }` (byRound
 * keeps the round's index so legs can be paired round by round; busyRounds: figures taken while other
 * processes took CPU, see cpu-watch.mjs).
 */
export async function runRounds({ bench, legs, rounds, connections, log, unit = 'req/s' }) {
  const results = new Map(legs.map((leg) => [leg.label, { rps: [], byRound: [], errors: [], busyRounds: 0 }]));
  for (const leg of legs) {
    if (leg.skip) {
      log(`${bench}  ${leg.label}: not run: ${leg.skip}`);
      results.get(leg.label).errors.push(leg.skip);
    }
  }
  for (let round = 1; round <= rounds; round++) {
    for (const leg of legs.filter((l) => !l.skip)) {
      const prefix = [bench, `round ${round}/${rounds}`, leg.label, `${connections} conns`];
      const result = results.get(leg.label);
      const watch = startCpuWatch();
      try {
        const { rps, failures } = await leg.run();
        result.rps.push(rps);
        result.byRound[round - 1] = rps;
        const contention = contentionNote(watch.stop());
        if (contention) result.busyRounds++;
        const note = (failures > 0 ? `  (${failures} failed requests)` : '') + contention;
        log(columns([...prefix, formatRate(rps, unit)], [0, 0, LABEL_WIDTH, 9]) + note);
      } catch (error) {
        if (isStopping()) return results;
        result.errors.push(error.message);
        log(columns([...prefix, `FAILED: ${error.message}`], [0, 0, LABEL_WIDTH, 9]));
      }
    }
  }
  return results;
}
