/** Malformed JSON gives one clear message at line:col, never a stack trace. */
import { expect } from 'chai';
import { isSyntaxFailure, locate, parseSource, positionAt } from '../../../bot/knowledge/json-source.js';

function failure(text: string): string {
  const parsed = parseSource('f.json', text);
  if (!isSyntaxFailure(parsed)) throw new Error('expected a syntax failure');
  return `${parsed.position.line}:${parsed.position.col} ${parsed.message}${parsed.hint ? ` (${parsed.hint})` : ''}`;
}

describe("json-source: syntax errors in the editor's words", () => {
  const cases: Array<[string, string, string]> = [
    [
      'a trailing comma in an object',
      '{\n  "a": 1,\n}',
      '2:9 trailing comma before } (remove the comma after the last item)',
    ],
    [
      'a trailing comma in a list',
      '{"a": [1, 2, ]}',
      '1:12 trailing comma before ] (remove the comma after the last item)',
    ],
    [
      'curly double quotes',
      '{\n  "a": \u201chello\u201d\n}',
      '2:8 curly quote \u201c where JSON needs a straight quote " (word processors turn " into \u201c \u201d; type the quote again in a code editor)',
    ],
    [
      'a curly quote around a key',
      '{\u201ca": 1}',
      '1:2 curly quote \u201c where JSON needs a straight quote " (word processors turn " into \u201c \u201d; type the quote again in a code editor)',
    ],
    ['a missing comma', '{"a": 1\n "b": 2}', '2:2 a comma was expected here'],
    ['a comment', '{"a": 1 // note\n}', '1:9 comments are not allowed in pack files'],
    ['a file cut short', '{"a": [1, 2', '1:12 the file ends too early (a closing } or ] or " is missing)'],
    ['an empty file', '', '1:1 the file is empty'],
    ['text after the value', '{} {}', '1:4 there is more text after the end of the JSON value'],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => expect(failure(text)).to.equal(expected));
  }

  it('parses valid JSON and finds positions by path', () => {
    const parsed = parseSource('f.json', '{\n  "a": {\n    "b": [10, 20]\n  }\n}');
    if (isSyntaxFailure(parsed)) throw new Error(parsed.message);
    expect(parsed.value).to.deep.equal({ a: { b: [10, 20] } });
    expect(locate(parsed, ['a', 'b', 1])).to.deep.equal({ line: 3, col: 15 });
    expect(locate(parsed, ['a', 'b'], true)).to.deep.equal({ line: 3, col: 5 });
    // A missing property points at the nearest object that exists.
    expect(locate(parsed, ['a', 'missing'])).to.deep.equal({ line: 2, col: 8 });
  });

  it('turns offsets into 1-based line and column', () => {
    expect(positionAt([0, 4, 9], 0)).to.deep.equal({ line: 1, col: 1 });
    expect(positionAt([0, 4, 9], 5)).to.deep.equal({ line: 2, col: 2 });
    expect(positionAt([0, 4, 9], 9)).to.deep.equal({ line: 3, col: 1 });
  });
});
