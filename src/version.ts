/** volley's version, read once from package.json, and the User-Agent it sends by default. */
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './install-paths.js';

const pkg = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string };

export const VERSION: string = pkg.version;
export const USER_AGENT = `volley/${VERSION}`;
