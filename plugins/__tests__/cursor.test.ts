import { decodeCursor, encodeCursor } from '../cursor';
import { RagemError } from '../errors';

test('cursor round trip', () => {
  const cursor = encodeCursor(['2026-12-07T01:00:00.000Z', 'a1b2']);

  expect(decodeCursor(cursor, 'after', 2)).toEqual(['2026-12-07T01:00:00.000Z', 'a1b2']);
});

test.each([
  ['not base64url JSON', '%%%'],
  ['a JSON string', Buffer.from('"ab"').toString('base64url')],
  ['the wrong size', encodeCursor(['only-one'])],
  ['a number inside', Buffer.from('["a", 1]').toString('base64url')],
  ['an over-long value', encodeCursor(['x'.repeat(65), 'y'])],
])('cursor of %s rejected', (_name, cursor) => {
  expect(() => decodeCursor(cursor, 'after', 2)).toThrow(RagemError);
  try {
    decodeCursor(cursor, 'after', 2);
  } catch (error) {
    expect((error as RagemError).code).toBe('INVALID_CURSOR');
    expect((error as RagemError).field).toBe('after');
  }
});
