/**
 * Extracts the path of a request target, which the target routes and counts on. Done by hand rather
 * than with `new URL()` because it runs on every request of a benchmark.
 */

/** The path of `target` without its query string, or undefined if it is not a usable request target. */
export function requestPath(target: string | undefined): string | undefined {
  if (target === undefined || target.length === 0) return undefined;
  if (target.charCodeAt(0) === 0x2f /* '/' */) {
    const q = target.indexOf('?');
    return q === -1 ? target : target.slice(0, q);
  }
  // Absolute form (`GET http://host/path`), which proxies send and servers must accept.
  if (!URL.canParse(target)) return undefined;
  return new URL(target).pathname;
}

/** Parses a path segment of decimal digits into an integer no larger than `max`, else undefined. */
export function parseBoundedInt(segment: string, max: number): number | undefined {
  if (segment.length === 0 || segment.length > 16 || !/^\d+$/.test(segment)) return undefined;
  const n = Number(segment);
  return n <= max ? n : undefined;
}
