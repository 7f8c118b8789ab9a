// 10,000 random, truncated and mutated CLIXML inputs: the reader returns or throws PsrpProtocolError, nothing else.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseClixml } from '../../src/psrp/clixml-reader.js';
import { toClixml } from '../../src/psrp/clixml-writer.js';
import { PsrpProtocolError } from '../../src/psrp/psrp-protocol-error.js';

const SAMPLE = toClixml({
  Name: 'a_x000A_<b>',
  List: [1, 2n, 1.5, true, null, new Date(0), new Uint8Array([1]), new Map([['k', 'v']])],
  Nested: { Deep: ['x'] },
});

function onlyTyped(text: string): boolean {
  try {
    parseClixml(text);
  } catch (e) {
    if (!(e instanceof PsrpProtocolError)) throw e;
  }
  return true;
}

const TAGS = [
  'Objs',
  'Obj',
  'S',
  'I32',
  'I64',
  'LST',
  'DCT',
  'En',
  'MS',
  'Props',
  'TN',
  'TNRef',
  'T',
  'Ref',
  'Nil',
  'BA',
  'DT',
  'SS',
  'ToString',
  'B',
];
const fragment = fc.oneof(
  fc.constantFrom(...TAGS).map((t) => `<${t}>`),
  fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  fc.constantFrom(...TAGS).map((t) => `<${t} RefId="0" N="k" />`),
  fc.string({ maxLength: 8 }),
);

describe('CLIXML reader fuzz', () => {
  it('random strings (4,000)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), onlyTyped), { numRuns: 4000 });
  });

  it('truncations and byte flips of a real document (3,000)', () => {
    fc.assert(
      fc.property(fc.nat(SAMPLE.length), fc.nat(SAMPLE.length), fc.integer({ min: 0, max: 127 }), (cut, at, code) =>
        onlyTyped(SAMPLE.slice(0, cut) + (at < cut ? '' : String.fromCharCode(code)) + SAMPLE.slice(cut, at)),
      ),
      { numRuns: 3000 },
    );
  });

  it('random element soups inside <Objs> (3,000)', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => onlyTyped(`<Objs>${parts.join('')}</Objs>`)),
      { numRuns: 3000 },
    );
  });

  it('still reads the untouched sample', () => {
    expect((parseClixml(SAMPLE) as { Name: string }).Name).toBe('a_x000A_<b>');
  });
});
