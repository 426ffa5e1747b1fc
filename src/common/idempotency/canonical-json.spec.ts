import { canonicalJson } from './idempotency.interceptor';

describe('canonicalJson: what makes two request bodies the same', () => {
  it('writes JSON with every object key sorted, arrays in their order', () => {
    expect(canonicalJson({ b: [3, { d: null, c: 'x' }], a: true, '"': 1.5 })).toBe('{"\\"":1.5,"a":true,"b":[3,{"c":"x","d":null}]}');
    expect([undefined, null, 'x', 0, [], {}].map(canonicalJson)).toEqual(['null', 'null', '"x"', '0', '[]', '{}']);
  });

  it('ignores key order', () => {
    expect(canonicalJson({ title: 'x', type: 'Player' })).toBe(canonicalJson({ type: 'Player', title: 'x' }));
  });

  it('reads a body of any depth without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { a: deep };

    expect(canonicalJson(deep)).toHaveLength(100_000 * 3 + 1 + 50_000 * 2);
  });
});
