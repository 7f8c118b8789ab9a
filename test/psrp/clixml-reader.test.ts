// The CLIXML reader: each element kind, RefId/TNRef, escapes, and typed errors for malformed input.
import { describe, expect, it } from '@jest/globals';
import { Secret } from '../../src/node/secret.js';
import { CLIXML_TYPE_NAMES, parseClixml, readClixmlElement } from '../../src/psrp/clixml-reader.js';
import { PsrpProtocolError } from '../../src/psrp/psrp-protocol-error.js';

const doc = (body: string) =>
  `<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">${body}</Objs>`;

describe('parseClixml', () => {
  it.each([
    ['<S>a_x000A_b_x005F_x</S>', 'a\nb_x'],
    ['<S></S>', ''],
    ['<S> two  spaces </S>', ' two  spaces '],
    ['<S>&lt;&amp;&gt;</S>', '<&>'],
    ['<C>65</C>', 'A'],
    ['<B>true</B>', true],
    ['<B>false</B>', false],
    ['<I32>-5</I32>', -5],
    ['<By>255</By>', 255],
    ['<U64>18446744073709551615</U64>', 18446744073709551615n],
    ['<I64>9007199254740991</I64>', 9007199254740991],
    ['<Db>1.5E+300</Db>', 1.5e300],
    ['<Db>INF</Db>', Infinity],
    ['<D>12.25</D>', 12.25],
    ['<Nil />', null],
    ['<G>00000000-0000-0000-0000-000000000001</G>', '00000000-0000-0000-0000-000000000001'],
    ['<Version>2.3</Version>', '2.3'],
    ['<TS>PT3S</TS>', 'PT3S'],
  ])('%s', (xml, expected) => {
    expect(parseClixml(doc(xml))).toEqual(expected);
  });

  it('reads dates with and without a zone (none = UTC)', () => {
    expect(parseClixml(doc('<DT>2024-01-02T03:04:05.1234567Z</DT>'))).toEqual(new Date('2024-01-02T03:04:05.123Z'));
    expect(parseClixml(doc('<DT>2024-01-02T03:04:05+02:00</DT>'))).toEqual(new Date('2024-01-02T01:04:05Z'));
    expect(parseClixml(doc('<DT>2024-01-02T03:04:05</DT>'))).toEqual(new Date('2024-01-02T03:04:05Z'));
  });

  it('reads bytes, secure strings, several objects', () => {
    expect(parseClixml(doc('<BA>AQI=</BA>'))).toEqual(new Uint8Array([1, 2]));
    const s = parseClixml(doc('<SS>70007700</SS>'));
    expect(s).toBeInstanceOf(Secret);
    expect((s as Secret).reveal()).toBe('pw');
    expect(parseClixml(doc('<I32>1</I32><S>x</S>'))).toEqual([1, 'x']);
  });

  it('reads objects, enums, lists, dictionaries, Ref and TNRef', () => {
    const xml = doc(
      '<Obj RefId="0"><TN RefId="0"><T>My.Type</T><T>System.Object</T></TN><ToString>shown</ToString>' +
        '<Props><S N="Adapted">a</S></Props><MS><I32 N="Extended">2</I32>' +
        '<Obj N="Color" RefId="1"><TN RefId="1"><T>System.ConsoleColor</T><T>System.Enum</T></TN><ToString>Red</ToString><I32>12</I32></Obj>' +
        '<Obj N="List" RefId="2"><TN RefId="2"><T>System.Object[]</T></TN><LST><I32>1</I32><Ref RefId="1" /></LST></Obj>' +
        '<Obj N="Dict" RefId="3"><TNRef RefId="0" /><DCT><En><S N="Key">k</S><I32 N="Value">9</I32></En></DCT></Obj>' +
        '<Ref N="Self" RefId="0" /></MS></Obj>',
    );
    const o = parseClixml(xml) as Record<string, unknown>;
    expect(o.Adapted).toBe('a');
    expect(o.Extended).toBe(2);
    expect(o.Color).toEqual({ value: 12, text: 'Red' });
    expect(o.List).toEqual([1, { value: 12, text: 'Red' }]);
    expect(o.Dict).toEqual({ k: 9 });
    expect((o.Dict as Record<symbol, unknown>)[CLIXML_TYPE_NAMES]).toEqual(['My.Type', 'System.Object']);
    expect(o.Self).toBe(o);
    expect((o as Record<symbol, unknown>)[CLIXML_TYPE_NAMES]).toEqual(['My.Type', 'System.Object']);
  });

  it('reads an object without properties as its ToString, and a bare message element', () => {
    expect(parseClixml(doc('<Obj RefId="0"><ToString>text</ToString></Obj>'))).toBe('text');
    expect(readClixmlElement('<Obj RefId="0"><MS><I32 N="PipelineState">4</I32></MS></Obj>')).toEqual({
      PipelineState: 4,
    });
  });

  it.each([
    ['<Objs><I32>x</I32></Objs>', /not an integer/],
    ['<Objs><I32>2147483648</I32></Objs>', /out of range/],
    ['<Objs><Ref RefId="4" /></Objs>', /names no earlier object/],
    ['<Objs><Obj><TNRef RefId="4" /></Obj></Objs>', /no earlier type list/],
    ['<Objs><Foo /></Objs>', /unknown element <Foo>/],
    ['<Objs><S>a</Objs>', /not well-formed/],
    ['<Objs><BA>!!</BA></Objs>', /not base64/],
    ['<S>a</S>', /not one <Objs>/],
    ['<Objs><Obj><MS><S>no name</S></MS></Obj></Objs>', /no N attribute/],
    ['<Objs><SS>70007</SS></Objs>', /not hex/],
    ['<Objs><DT>yesterday</DT></Objs>', /not a date/],
  ])('refuses %s with a typed error', (xml, message) => {
    expect(() => parseClixml(xml)).toThrow(PsrpProtocolError);
    expect(() => parseClixml(xml)).toThrow(message);
  });

  it('reads a bare primitive element without the XML parser exactly as with it', () => {
    // `<S >` (a space in the tag) is only read by the XML parser: both spellings must agree.
    const cases: [string, string][] = [
      ['S', ' padded a_x000A_b '],
      ['S', ''],
      ['I32', '-42'],
      ['I64', '9007199254740993'],
      ['U32', '4294967295'],
      ['B', 'true'],
      ['Db', '1.5'],
    ];
    for (const [tag, text] of cases)
      expect(readClixmlElement(`<${tag}>${text}</${tag}>`)).toEqual(readClixmlElement(`<${tag} >${text}</${tag} >`));
    expect(readClixmlElement('<S> padded a_x000A_b </S>')).toBe(' padded a\nb ');
    for (const bad of ['<I32>x</I32>', '<B>yes</B>', '<I32>99999999999</I32>'])
      expect(() => readClixmlElement(bad)).toThrow(PsrpProtocolError);
  });

  it('decodes character references and the five XML entities (in text and attributes); refuses others', () => {
    expect(parseClixml(doc('<S>a&#xD;&#10;&quot;&apos;&#x1F600;</S>'))).toBe('a\r\n"\'\u{1F600}');
    expect(readClixmlElement('<Obj RefId="0"><MS><S N="a&amp;b">x</S></MS></Obj>')).toEqual({ 'a&b': 'x' });
    expect(() => parseClixml(doc('<S>&nbsp;</S>'))).toThrow(PsrpProtocolError);
    expect(() => parseClixml(doc('<S>&#x110000;</S>'))).toThrow(PsrpProtocolError);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = '<Obj><MS>'.repeat(300) + '</MS></Obj>'.repeat(300);
    expect(() => parseClixml(doc(deep))).toThrow(PsrpProtocolError);
  });
});
