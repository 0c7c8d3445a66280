/**
 * yargs reads every VOLLEY_* variable as a flag (VOLLEY_VUS=10 is --vus 10), so one that names no
 * flag fails the command as an "unknown argument" that the command line does not show. This finds
 * the variables behind such a message, for a hint that names them.
 */

const PREFIX = 'VOLLEY_';

/** The VOLLEY_* variables among yargs' unknown arguments in `message`, or [] when none is. */
export function unknownEnvFlags(message: string, env: Readonly<Record<string, string | undefined>>): string[] {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match) return [];
  const unknown = new Set(match[1]!.split(', '));
  return Object.keys(env).filter((name) => name.startsWith(PREFIX) && name.length > PREFIX.length && unknown.has(camelCase(name.slice(PREFIX.length))));
}

/** The hint for `names`: what yargs made of them, and what to do. */
export function envFlagHint(names: readonly string[]): string {
  const what = names.length === 1 ? `${names[0]} in the environment is read as a volley flag, and volley has no such flag: unset it` : `${names.join(', ')} in the environment are read as volley flags, and volley has no such flags: unset them`;
  return `${what} (a value for the script goes in with -e NAME=VALUE)`;
}

/** MY_VAR → myVar, as yargs names an environment variable's flag. */
function camelCase(name: string): string {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
