// The CLIXML writer: what each JS value becomes, escapes, cycles, and typed values for protocol messages.
import { describe, expect, it } from '@jest/globals';
import { Secret } from '../../src/node/secret.js';
import { parseClixml } from '../../src/psrp/clixml-reader.js';
import { ClixmlWriter, toClixml } from '../../src/psrp/clixml-writer.js';
import { ps } from '../../src/psrp/ps-value.js';
import { PsrpProtocolError } from '../../src/psrp/psrp-protocol-error.js';

describe('toClixml', () => {
  it.each([
    ['x', '<S>x</S>'],
    ['a\r\n_x', '<S>a_x000D__x000A__x005F_x</S>'],
    ['<&>"', '<S>&lt;&amp;&gt;&quot;</S>'],
    [5, '<I32>5</I32>'],
    [2 ** 40, '<I64>1099511627776</I64>'],
    [1.5, '<Db>1.5</Db>'],
    [NaN, '<Db>NaN</Db>'],
    [7n, '<I64>7</I64>'],
    [true, '<B>true</B>'],
    [null, '<Nil />'],
    [new Date('2024-01-02T03:04:05.123Z'), '<DT>2024-01-02T03:04:05.1230000Z</DT>'],
    [new Uint8Array([1, 2]), '<BA>AQI=</BA>'],
    [new Secret('pw'), '<SS>70007700</SS>'],
  ])('%p', (value, xml) => {
    expect(toClixml(value)).toContain(xml);
  });

  it('round-trips objects, arrays, maps and cycles through the reader', () => {
    const o: Record<string, unknown> = { Name: 'n', List: [1, 'two', null], When: new Date(0) };
    o.Self = o;
    const back = parseClixml(toClixml(o)) as Record<string, unknown>;
    expect(back.Name).toBe('n');
    expect(back.List).toEqual([1, 'two', null]);
    expect(back.When).toEqual(new Date(0));
    expect(back.Self).toBe(back);
    expect(parseClixml(toClixml(new Map([['k', 1]])))).toEqual({ k: 1 });
    expect(toClixml([[1], [2]])).toContain('<TNRef RefId="0" />');
  });

  it('writes typed values and secure strings through the option', () => {
    const w = new ClixmlWriter({ secureString: () => 'ENC' });
    expect(w.write(ps.enumValue('E.T', 'Two', 2), 'e')).toBe(
      '<Obj N="e" RefId="0"><TN RefId="0"><T>E.T</T><T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN><ToString>Two</ToString><I32>2</I32></Obj>',
    );
    expect(w.write(ps.version('2.3'), 'v')).toBe('<Version N="v">2.3</Version>');
    expect(w.write(new Secret('x'))).toBe('<SS>ENC</SS>');
  });

  it('refuses what has no CLIXML form', () => {
    expect(() => toClixml(() => 1)).toThrow(PsrpProtocolError);
    expect(() => toClixml(new Date(NaN))).toThrow(PsrpProtocolError);
  });
});
