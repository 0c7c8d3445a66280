/**
 * A URL as outputs may show it: the user name and password of `scheme://user:pass@host/…` replaced
 * by `****:****` (a user name alone by `****`), as k6's `URL.Clean()` does wherever a URL becomes a
 * tag or a message. Works on the text, so a URL that does not parse is masked too.
 */
export function maskCredentials(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return url;
  const authority = scheme + 3;
  let end = url.length;
  for (const stop of ['/', '?', '#']) {
    const i = url.indexOf(stop, authority);
    if (i >= 0 && i < end) end = i;
  }
  const at = url.lastIndexOf('@', end - 1);
  if (at < authority) return url;
  return `${url.slice(0, authority)}${url.slice(authority, at).includes(':') ? '****:****' : '****'}${url.slice(at)}`;
}
