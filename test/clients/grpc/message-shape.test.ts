import { describe, expect, it } from 'vitest';
import { fromJSON } from '@grpc/proto-loader';
import { conform, shapeOf, ShapeError } from '../../../src/clients/grpc/message-shape.js';
import { LOADER_OPTIONS } from '../../../src/clients/grpc/protos.js';

// A message with every kind of field the checker tells apart, named as proto-loader names the
// fields of a .proto file (lowerCamelCase: delay_ms becomes delayMs).
// protobufjs's typings leave out map fields' keyType, hence the cast.
const definition = fromJSON(
  ({
    nested: {
      t: {
        nested: {
          Color: { values: { RED: 0, BLUE: 1 } },
          Inner: { fields: { label: { type: 'string', id: 1 } } },
          Outer: {
            fields: {
              delayMs: { type: 'int32', id: 1 },
              big: { type: 'int64', id: 2 },
              ratio: { type: 'double', id: 3 },
              on: { type: 'bool', id: 4 },
              color: { type: 'Color', id: 5 },
              inner: { type: 'Inner', id: 6 },
              items: { rule: 'repeated', type: 'Inner', id: 7 },
              counts: { keyType: 'string', type: 'uint32', id: 8 },
            },
          },
        },
      },
    },
  }) as Parameters<typeof fromJSON>[0],
  LOADER_OPTIONS,
);
const shape = shapeOf(definition, 't.Outer');

describe('conform', () => {
  it('accepts proto and lowerCamelCase names, and keys the result as the encoder expects', () => {
    expect(conform(shape, { delay_ms: 5, big: '12345678901234567890', ratio: 'NaN', on: true })).toEqual({ delayMs: 5, big: '12345678901234567890', ratio: 'NaN', on: true });
    expect(conform(shape, { delayMs: '7', color: 'BLUE', inner: { label: 'x' }, items: [{ label: 'a' }], counts: { a: 1 } })).toEqual({
      delayMs: '7',
      color: 'BLUE',
      inner: { label: 'x' },
      items: [{ label: 'a' }],
      counts: { a: 1 },
    });
  });

  it('leaves out null and undefined fields', () => {
    expect(conform(shape, { delay_ms: null, inner: undefined })).toEqual({});
  });

  it.each([
    [{ delay_ms: 'soon' }, 'delay_ms must be a 32-bit integer, got "soon"'],
    [{ delay_ms: 2 ** 31 }, 'delay_ms must be a 32-bit integer'],
    [{ big: 1.5 }, 'big must be an integer (or a string of one), got number 1.5'],
    [{ on: 'yes' }, 'on must be a boolean'],
    [{ color: 'GREEN' }, 'color must be one of RED, BLUE (or its number)'],
    [{ inner: 'x' }, 'inner must be an object (a t.Inner), got "x"'],
    [{ inner: { lable: 'x' } }, 'unknown field inner.lable (t.Inner has label)'],
    [{ items: { label: 'a' } }, 'items must be an array, got an object'],
    [{ items: [{ label: 1 }] }, 'items[0].label must be a string, got number 1'],
    [{ counts: { a: -1 } }, 'counts["a"] must be an unsigned 32-bit integer'],
    [{ mesage: 'x' }, 'unknown field mesage (t.Outer has delayMs, big, ratio, on, color, inner, items, counts)'],
    ['text', 'the message must be an object (a t.Outer), got "text"'],
  ])('refuses %j: %s', (value, message) => {
    expect(() => conform(shape, value)).toThrow(ShapeError);
    expect(() => conform(shape, value)).toThrow(message);
  });
});
