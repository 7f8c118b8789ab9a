import { describe, expect, test } from '@jest/globals';
import { bind, newExchangeCertificate, render } from '../../src/index.js';
import { escapedChar, needsAsciiSafe, quoteAscii } from '../../src/idiom/ascii-safe-string.js';
import { parse } from '../../src/parser/parser.js';

describe('the ASCII-safe string idiom (Mode A)', () => {
  test.each(['2.0', '5.1', '7'] as const)(
    'what %s writes for a line break, bind reads back as the same string',
    (shell) => {
      const text = render(
        newExchangeCertificate({ friendlyName: 'a\nb\u00e9', generateRequest: true, subjectName: 'CN=x' }),
        { shell },
      );
      expect(text).toContain(quoteAscii('a\nb\u00e9'));
      expect(needsAsciiSafe('a\nb')).toBe(true);
      expect(bind(text, { shell })[0]!.parameters.friendlyName).toBe('a\nb\u00e9');
    },
  );

  test('recognises the parsed escape and nothing else', () => {
    const st = parse('"$([char]0x41)$(1)"').statements[0]!;
    if (st.type !== 'PipelineAst' || st.pipelineElements[0]!.type !== 'CommandExpressionAst') throw new Error('shape');
    const e = st.pipelineElements[0].expression;
    if (e.type !== 'ExpandableStringExpressionAst') throw new Error('shape');
    const [a, one] = e.parts.filter((p) => typeof p !== 'string');
    expect(escapedChar(a!)).toBe('A');
    expect(escapedChar(one!)).toBeNull();
  });
});
