import { describe, expect, it } from '@jest/globals';
import { parse } from '../../src/parser/parser.js';
import { ParseError } from '../../src/parser/parse-error.js';

const SEED_LINES = [
  '$RequestData = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl" -DomainName webmail.exchangefun.nl, autodiscover.exchangefun.nl -PrivateKeyExportable $true',
  'Set-Content -path "C:\\install\\ssl-request.req" -value $RequestData',
  '$Data = [Byte[]]$(Get-Content -Path "c:\\install\\webmail_exchangefun_nl.cer" -Encoding byte -ReadCount 0)',
  'Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data',
  'Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS',
  'Export-ExchangeCertificate -Thumbprint 225B26D7F8EF0721887213EEF71F87380DE8AEEE -FileName "C:\\Install\\webmail_exchangefun_nl.pfx" -BinaryEncoded -Password (ConvertTo-SecureString -String \'Pass1word\' -AsPlainText -Force)',
  "Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]]$(Get-Content -Path c:\\install\\webmail_exchangefun_nl.pfx -Encoding byte -ReadCount 0)) -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)",
];

function runbook(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(SEED_LINES[i % SEED_LINES.length]!);
  return out.join('\r\n');
}

/** The best of `runs` timings, in ms (the machine may be busy; the best run is the parser's own cost). */
function best(runs: number, f: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

describe('parser speed', () => {
  // The target is well under 100 ms on an idle machine; the bound here leaves room for busy CI hosts.
  it('parses a 10,000-line runbook of seed lines quickly', () => {
    const text = runbook(10_000);
    parse(text);
    const ms = best(5, () => parse(text));
    console.log(`10,000-line runbook (${text.length} chars): best ${ms.toFixed(1)} ms`);
    expect(parse(text).statements).toHaveLength(10_000);
    expect(ms).toBeLessThan(400);
  });

  it('scales linearly with the number of lines', () => {
    const small = runbook(5_000);
    const large = runbook(40_000);
    parse(small);
    const tSmall = best(3, () => parse(small));
    const tLarge = best(3, () => parse(large));
    // 8x the lines: linear is ~8x, quadratic 64x; 4x headroom for a loaded machine's GC (it failed once at 2.5x).
    expect(tLarge).toBeLessThan(Math.max(tSmall, 5) * 8 * 4);
  });

  it('handles long tokens, long lines and long comment runs in linear time', () => {
    const inputs = [
      'echo ' + 'a'.repeat(1_000_000),
      "'" + 'a'.repeat(1_000_000) + "'",
      '"' + '$a'.repeat(100_000) + '"',
      'echo ' + '$a-'.repeat(100_000),
      'a' + ' | a'.repeat(50_000),
      'echo a' + ',a'.repeat(100_000),
      '#x\n'.repeat(200_000),
      'a' + ' `\n'.repeat(200_000),
      'a' + '\n# c'.repeat(100_000) + '\n| b',
      '\n'.repeat(1_000_000),
      "@'\n" + 'x y\n'.repeat(300_000) + "'@",
      '@"\n' + 'x $y `t\n'.repeat(100_000) + '"@',
    ];
    for (const text of inputs) {
      const ms = best(1, () => {
        try {
          parse(text);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
        }
      });
      expect(ms).toBeLessThan(2_000);
    }
  });
});
