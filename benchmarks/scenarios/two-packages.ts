// The start-up benchmark's scenario: imports two small npm packages (pretty-bytes is ESM, timestring
// CommonJS, so both of esbuild's paths are bundled) and uses them in init code, then sends one GET.
import prettyBytes from 'pretty-bytes';
import timestring from 'timestring';
import type { Iteration } from 'volley';

const label = `${prettyBytes(1337)} every ${timestring('1s', 'ms')} ms`;

export default async function ({ http, env }: Iteration) {
  await http.get(env.TARGET!, { headers: { 'x-label': label } });
}
