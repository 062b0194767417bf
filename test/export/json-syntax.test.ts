import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../../source/export/import-errors.js';
import { findJsonSyntaxError } from '../../source/export/json-syntax.js';

describe('why a line is not JSON', () => {
  it.each([
    ['{"a": 1,}', `column 9: expected a property name in double quotes, found "}"`],
    [
      '[1, 2,, 3]',
      'column 7: expected a value (a string in double quotes, a number, true, false, null, { or [), found ","',
    ],
    ["{'a': 1}", `column 2: expected a property name in double quotes, found "'"`],
    ['{"a": 1', "column 8: the text ends; expected ',' or '}'"],
    ['{"a": "b}', 'column 10: the text ends; expected the closing quote of a string'],
    [
      '{"a": tru}',
      'column 7: expected a value (a string in double quotes, a number, true, false, null, { or [), found "t"',
    ],
    ['{"a": 1} x', 'column 10: expected nothing after the value, found "x"'],
    [
      '{"a": "\u001b[31m"}',
      'column 8: expected a control character to be escaped (\\n, \\u001b), found "\\u001b"',
    ],
    ['{"a": "\\x41"}', 'column 8: expected an escape such as \\n, \\" or \\u00e9, found "\\\\"'],
    ['"😀" x', 'column 5: expected nothing after the value, found "x"'],
  ])('%j: %s', (text, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(describeJsonError(text)).toBe(reason);
  });

  it('gives the line too in a document of several', () => {
    expect(describeJsonError('[\n  {"a": 1},\n  {"b" 2}\n]')).toBe(
      'line 3, column 8: expected \':\' after the property name, found "2"',
    );
  });

  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', '[]', ' 1 ', '"x"', '{"a":[1,{"b":null}],"c":-1.5e3}', 'true']) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('reads 100,000 nested arrays and a megabyte without spaces without running out of stack', () => {
    const nested = `${'['.repeat(100_000)}${']'.repeat(99_999)}`;
    expect(findJsonSyntaxError(nested)).toEqual({ offset: nested.length, expected: "',' or ']'" });
    const long = `{"a":"${'x'.repeat(1_000_000)}`;
    expect(findJsonSyntaxError(long)!.offset).toBe(long.length);
  });
});
