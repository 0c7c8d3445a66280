/** The escapes of the file formats: RFC 4180 fields (CSV), XML 1.0 text (JUnit). */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/outputs/csv-output.js';
import { xmlText } from '../../src/outputs/xml-text.js';

describe('csvField', () => {
  it.each([
    ['http_reqs', 'http_reqs'],
    ['p(95)', 'p(95)'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
  ])('%j → %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });
});

describe('xmlText', () => {
  it.each([
    ['p(95)<300 & "x" > \'y\'', 'p(95)&lt;300 &amp; &quot;x&quot; &gt; &apos;y&apos;'],
    ['bell\u0007 tab\t nl\n', 'bell tab\t nl\n'],
    ['lone \uD800 surrogate, pair 😀', 'lone  surrogate, pair 😀'],
  ])('%j → %j', (text, escaped) => {
    expect(xmlText(text)).toBe(escaped);
  });
});
