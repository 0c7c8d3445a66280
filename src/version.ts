/** volley's version, read once from package.json, and the User-Agent it sends by default. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION: string = pkg.version;
export const USER_AGENT = `volley/${VERSION}`;
