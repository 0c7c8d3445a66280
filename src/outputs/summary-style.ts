/**
 * The end-of-test summary's decoration and indentation, shared by its blocks: ANSI colours as k6
 * v1 uses them (or none), the ✓/✗ marks, and the two levels of indent of k6's RenderContext.
 */

/** Text decoration; the identity when colours are off. */
export interface Style {
  ok(text: string): string;
  fail(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  value(text: string): string;
  extra(text: string): string;
}

function id(text: string): string {
  return text;
}

/** No colours. */
export const PLAIN: Style = { ok: id, fail: id, bold: id, dim: id, value: id, extra: id };

/** k6's colours: green/red results, bold titles, faint dots, cyan values. */
export const ANSI: Style = {
  ok: (t) => `\x1b[32m${t}\x1b[0m`,
  fail: (t) => `\x1b[31m${t}\x1b[0m`,
  bold: (t) => `\x1b[1m${t}\x1b[0m`,
  dim: (t) => `\x1b[2;37m${t}\x1b[0m`,
  value: (t) => `\x1b[36m${t}\x1b[0m`,
  extra: (t) => `\x1b[2;36m${t}\x1b[0m`,
};

export const OK = '✓';
export const FAIL = '✗';
/** Two spaces per level: titles at level 1, their content at level 2 (k6's RenderContext). */
export const TITLE = '  ';
export const BODY = '    ';

/** A block's title: `  █ TOTAL RESULTS`. */
export function title(text: string, style: Style): string {
  return `${TITLE}█ ${style.bold(text)}`;
}
