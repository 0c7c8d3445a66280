/**
 * yargs reads every VOLLEY_* variable as a flag (VOLLEY_VUS=10 is --vus 10), and strict mode would
 * fail the command on one that names no flag. As k6 ignores unknown K6_* variables (CI machines
 * carry unrelated variables with any prefix), such a variable is dropped before validation with a
 * warning that names it and the closest flag.
 */
import { closest, distance } from 'fastest-levenshtein';

const PREFIX = 'VOLLEY_';

/** A VOLLEY_* variable that names no flag: `key` is what yargs made of it, `warning` the line to print. */
export interface StrayEnvFlag {
  name: string;
  key: string;
  warning: string;
}

/**
 * The VOLLEY_* variables in `env` that name none of `flags`: the flag names and aliases of the
 * `command` being run, kebab- or camelCase, as yargs lists them (a flag's camelCase form is the key
 * yargs makes of its variable).
 */
export function strayEnvFlags(env: Readonly<Record<string, string | undefined>>, command: string | undefined, flags: readonly string[]): StrayEnvFlag[] {
  const known = new Set(flags.map((f) => f.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())));
  const longFlags = flags.filter((f) => f.length > 1 && f === f.toLowerCase());
  const stray: StrayEnvFlag[] = [];
  for (const name of Object.keys(env)) {
    if (!name.startsWith(PREFIX)) continue;
    // yargs reads VOLLEY_A__B as the nested key a.b: the first part names the flag.
    const head = name.slice(PREFIX.length).split('__')[0]!;
    const key = camelCase(head);
    if (key === '' || known.has(key)) continue;
    const suggestion = nearest(head.toLowerCase().replace(/_/g, '-'), longFlags);
    const hint = suggestion
      ? ` (did you mean ${PREFIX}${suggestion.toUpperCase().replace(/-/g, '_')}, for --${suggestion}?)`
      : known.has('env') ? ` (a value for the script goes in with -e ${name.slice(PREFIX.length)}=VALUE)` : '';
    stray.push({ name, key, warning: `warning: ${name} names no flag of volley${command ? ` ${command}` : ''} and is ignored${hint}` });
  }
  return stray;
}

/** The flag within a typo's reach of `wanted` (a third of its letters, at least one), or undefined. */
function nearest(wanted: string, flags: readonly string[]): string | undefined {
  if (flags.length === 0) return undefined;
  const best = closest(wanted, flags);
  return distance(wanted, best) <= Math.max(1, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** MY_VAR → myVar, as yargs names an environment variable's flag. */
function camelCase(name: string): string {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
