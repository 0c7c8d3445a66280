/**
 * A compile started from the raw arguments by bin/volley.mjs, before the CLI has loaded and parsed
 * its flags, so esbuild bundles the scenario while yargs and the coordinator load. `prepare` takes
 * it when it compiles the same script in the same folder; its outcome (a bundle, or a 104/107
 * error) surfaces only then, after the flags were validated, so the exit codes' precedence holds.
 * Not taken (the flags were wrong, another script), its bundle is removed by `discardEarlyCompile`.
 * Imports esbuild only when a compile starts: the CLI imports this module for every command.
 */
import type { CompiledScenario } from './bundle.js';

let early: { script: string; cwd: string; result: Promise<CompiledScenario> } | undefined;

/** Starts compiling `script` now. */
export function compileEarly(script: string, cwd: string): void {
  const result = import('./bundle.js').then(({ bundleScenario }) => bundleScenario(script, cwd));
  result.catch(() => {}); // surfaced by takeCompile, or dropped with the compile
  early = { script, cwd, result };
}

/** The early compile of `script` in `cwd` if there is one, else a new compile. */
export async function compileScenario(script: string, cwd: string): Promise<CompiledScenario> {
  const e = early;
  if (e && e.script === script && e.cwd === cwd) {
    early = undefined;
    return e.result;
  }
  const { bundleScenario } = await import('./bundle.js');
  return bundleScenario(script, cwd);
}

/** Removes the early compile's bundle when nobody took it. */
export async function discardEarlyCompile(): Promise<void> {
  const e = early;
  early = undefined;
  await e?.result.then((c) => c.dispose(), () => {});
}
