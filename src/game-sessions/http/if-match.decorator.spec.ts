import { parseIfMatch, sessionETag } from './if-match.decorator';

describe('If-Match', () => {
  it.each([
    [undefined, undefined],
    ['*', undefined],
    [' * ', undefined],
    ['"7"', [7]],
    ['"6", "7"', [6, 7]],
    ['W/"7"', []],
    ['"banana"', []],
    ['7', []],
    ['"6", W/"7", "x"', [6]],
    ['"0"', [0]],
    ['"01"', []],
    ['"007", "7"', [7]],
  ])('%j accepts versions %j', (header, versions) => {
    expect(parseIfMatch(header)).toEqual(versions);
  });

  it('reads back the ETag it writes', () => {
    expect(parseIfMatch(sessionETag(42))).toEqual([42]);
  });
});
