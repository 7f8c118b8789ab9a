// Property: over generated old-style runbooks (spacing, casing, comments, LF/CRLF), a fix changes no byte outside its
// edits' ranges, keeps every comment and untouched line, and fixing the result again changes nothing.
import { expect, it } from '@jest/globals';
import fc from 'fast-check';
import { lint } from '../../src/lint/lint.js';
import { applyTextEdits } from '../../src/lint/text-edit.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const gap = fc.constantFrom(' ', '  ', '\t', ' ');
const cased = (word: string) => fc.constantFrom(word, word.toLowerCase(), word.toUpperCase());

/** One statement of a 2010/2013-era runbook, its tokens joined by random spacing and casing. */
const statement = fc.oneof(
  fc
    .tuple(gap, cased('-FileName'), fc.constantFrom("'C:\\certs\\a.pfx'", 'C:\\b.pfx', '"\\\\fs01\\certs\\c.pfx"'))
    .map(([g, p, path]) => `Export-ExchangeCertificate${g}-Thumbprint ${T}${g}${p} ${path} -Password $pw`),
  fc
    .tuple(gap, cased('-RequestFile'))
    .map(
      ([g, p]) => `New-ExchangeCertificate -GenerateRequest${g}-SubjectName "CN=mail.contoso.com"${g}${p} C:\\r.req`,
    ),
  fc
    .tuple(gap, cased('-FileName'))
    .map(([g, p]) => `Import-ExchangeCertificate${g}${p}${g}"C:\\certs\\old.pfx" -Password $pw`),
  fc
    .tuple(gap, cased('-Encoding'), cased('Byte'))
    .map(([g, e, b]) => `$bytes = Get-Content${g}-Path 'C:\\a.cer'${g}${e} ${b} -ReadCount 0`),
  fc
    .tuple(gap, fc.constantFrom("'P@ss'", '"Pass word"'))
    .map(([g, lit]) => `$pw = ConvertTo-SecureString${g}-String ${lit} -AsPlainText${g}-Force`),
  gap.map((g) => `Enable-ExchangeCertificate -Thumbprint ${T}${g}-Services IIS,SMTP`),
  gap.map((g) => `Remove-ExchangeCertificate${g}-Thumbprint ${T}`),
  fc.constant("$ErrorActionPreference = 'Stop'"),
  fc.constant('Get-ExchangeCertificate | Format-List'),
  fc.constant('Write-Host "done"'),
);

const line = fc.tuple(statement, fc.option(gap), fc.boolean()).map(([s, g, comment]) => ({ s, g: g ?? '', comment }));

const runbook = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(
    ([lines, eol, indent]) =>
      lines
        .map(
          (l, i) =>
            `${indent && i % 2 ? '    ' : ''}${l.s}${l.comment ? `${l.g} # keep-${i} 'quoted' -FileName x` : ''}`,
        )
        .join(eol) + eol,
  );

const target = fc.record({
  exchange: fc.constantFrom('2013', '2016-CU22', '2019-CU14', 'SE'),
  shell: fc.constantFrom('2.0', '5.1', '7'),
  secrets: fc.constantFrom('prompt', 'variable'),
  unattended: fc.boolean(),
});

it('no byte outside an edit changes; comments and untouched lines stay; porting twice = once (300 runbooks)', () => {
  const rules = new Set<string>();
  fc.assert(
    fc.property(runbook, target, (text, t) => {
      const options = { ...t, fix: true as const } as const;
      const r = lint(text, options);
      for (const e of r.edits) rules.add(e.rule);
      expect(r.text).toBe(applyTextEdits(text, r.edits));
      // Edits are in order and never overlap; the text between them is the original's, byte for byte.
      let at = 0;
      let out = '';
      for (const e of r.edits) {
        expect(e.start).toBeGreaterThanOrEqual(at);
        expect(e.end).toBeGreaterThanOrEqual(e.start);
        out += text.slice(at, e.start) + e.newText;
        at = e.end;
      }
      expect(out + text.slice(at)).toBe(r.text);
      // No edit reaches into a comment; every comment is in the result once.
      for (const m of text.matchAll(/ # keep-\d+[^\r\n]*/g)) {
        const start = m.index;
        const end = start + m[0].length;
        expect(r.edits.filter((e) => e.start < end && e.end > start && e.start !== end)).toEqual([]);
        expect(r.text.split(m[0]).length - 1).toBe(1);
      }
      // Lines no edit touches appear in the result unchanged and in order.
      const untouched: string[] = [];
      let offset = 0;
      for (const l of text.split(/(?<=\n)/)) {
        const end = offset + l.length;
        if (!r.edits.some((e) => e.start < end && e.end > offset)) untouched.push(l);
        offset = end;
      }
      let from = 0;
      for (const l of untouched) {
        const found = r.text.indexOf(l, from);
        expect(found).toBeGreaterThanOrEqual(0);
        from = found + l.length;
      }
      const again = lint(r.text, options);
      expect(again.edits).toEqual([]);
    }),
    { numRuns: 300, seed: 0x14f1 },
  );
  // The generated runbooks exercise every rewrite.
  expect([...rules].sort()).toEqual(
    [
      'byte-encoding',
      'export-file-name',
      'import-file-name',
      'plaintext-password',
      'remove-confirm',
      'request-file',
      'script-error-preference',
      'smtp-without-force',
    ].sort(),
  );
}, 120_000);
