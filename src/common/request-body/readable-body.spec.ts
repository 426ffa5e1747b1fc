import { MAX_BODY_DEPTH, unreadableBodyReason } from './readable-body';

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('A request body every reader may have', () => {
  it.each([
    ['a flat body', { title: 'Night at the table' }],
    ['text in every script and emoji', { title: 'Nuit 夜 🎲 \u{1F3F3}\uFE0F\u200D\u{1F308}' }],
    ['numbers, booleans, null and empty containers', { a: 1, b: true, c: null, d: [], e: {} }],
    [`${MAX_BODY_DEPTH} levels of nesting`, nested(MAX_BODY_DEPTH)],
    ['no body at all', undefined],
  ])('is readable: %s', (_case, body) => {
    expect(unreadableBodyReason(body)).toBeUndefined();
  });

  it(`is refused nested deeper than ${MAX_BODY_DEPTH} levels, however deep, without touching the stack`, () => {
    expect(unreadableBodyReason(nested(MAX_BODY_DEPTH + 1))).toBe(`The request body is nested deeper than ${MAX_BODY_DEPTH} levels`);
    expect(unreadableBodyReason(nested(1_000_000))).toMatch(/deeper than/);
  });

  it.each([
    ['U+0000 in a value', { title: 'a\u0000b' }, 'title must not contain U+0000 (NUL)'],
    ['U+0000 in a nested value', { players: [{ name: 'ok' }, { name: '\u0000' }] }, 'players[1].name must not contain U+0000 (NUL)'],
    ['a lone high surrogate', { title: 'x\ud800y' }, 'title is not well-formed Unicode (it holds a lone surrogate)'],
    ['a lone low surrogate', { title: '\udc00' }, 'title is not well-formed Unicode (it holds a lone surrogate)'],
    ['a reversed pair', { title: '\udc00\ud800' }, 'title is not well-formed Unicode (it holds a lone surrogate)'],
    ['a bad key', { ['ti\u0000tle']: 'x' }, 'A field name in the request body must not contain U+0000 (NUL)'],
    ['a bad nested key', { a: { '\ud800': 1 } }, 'A field name in a is not well-formed Unicode (it holds a lone surrogate)'],
    ['a bad string as the whole body', '\u0000', 'The request body must not contain U+0000 (NUL)'],
  ])('is refused, naming the field: %s', (_case, body, reason) => {
    expect(unreadableBodyReason(body)).toBe(reason);
  });
});
