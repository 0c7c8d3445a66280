/** Text for an XML 1.0 document: the five special characters escaped, characters XML cannot hold dropped. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Safe in an attribute value and in element text. XML 1.0 has no way to write most C0 controls,
 * U+FFFE/U+FFFF or a lone surrogate, even escaped, so they are left out.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
