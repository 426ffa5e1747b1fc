import { ifNoneMatchNames, parseIfMatch, sessionETag } from './if-match.decorator';

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

describe('If-None-Match', () => {
  it.each([
    [undefined, false],
    ['"7"', true],
    ['W/"7"', true],
    ['"6", "7"', true],
    [' "6" ,W/"7" ', true],
    ['*', true],
    ['"6"', false],
    ['"07"', false],
    ['7', false],
    ['', false],
  ])('%j names the ETag "7": %j', (header, names) => {
    expect(ifNoneMatchNames(header, sessionETag(7))).toBe(names);
  });
});
