import { describe, expect, it } from 'vitest';
import { groupBySection, parentName, sectionOf, sortKeys } from '../../src/outputs/summary-sections.js';

describe('sectionOf', () => {
  it.each([
    ['http_req_duration', 'HTTP'],
    ['http_req_duration{status:200}', 'HTTP'],
    ['http_reqs', 'HTTP'],
    ['iterations', 'EXECUTION'],
    ['vus_max', 'EXECUTION'],
    ['dropped_iterations', 'EXECUTION'],
    ['data_received', 'NETWORK'],
    ['grpc_req_duration', 'GRPC'],
    ['ws_sessions', 'WEBSOCKET'],
    ['item_time', 'CUSTOM'],
    ['http_custom_thing', 'CUSTOM'],
  ])('%s → %s', (key, section) => {
    expect(sectionOf(key)).toBe(section);
  });
});

describe('parentName', () => {
  it('strips the tag suffix of a sub-metric key', () => {
    expect(parentName('checks{type:read}')).toBe('checks');
  });
});

describe('sortKeys', () => {
  it('sorts by metric name and puts sub-metrics right after their parent', () => {
    expect(sortKeys(['http_reqs', 'http_req_duration{status:200}', 'http_req_duration', 'http_req_duration{name:a}'])).toEqual([
      'http_req_duration',
      'http_req_duration{name:a}',
      'http_req_duration{status:200}',
      'http_reqs',
    ]);
  });
});

describe('groupBySection', () => {
  it('orders sections as k6 (custom first) and leaves out empty ones', () => {
    const groups = groupBySection(['vus', 'http_reqs', 'my_trend', 'data_sent']);
    expect(groups.map((g) => g.section)).toEqual(['CUSTOM', 'HTTP', 'EXECUTION', 'NETWORK']);
  });
});
