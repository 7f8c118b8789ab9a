import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { bind } from '../../src/bind/bind.js';
import { enableExchangeCertificate } from '../../src/cmdlet/enable-exchange-certificate.js';
import { exportExchangeCertificate } from '../../src/cmdlet/export-exchange-certificate.js';
import { getExchangeCertificate } from '../../src/cmdlet/get-exchange-certificate.js';
import { importExchangeCertificate } from '../../src/cmdlet/import-exchange-certificate.js';
import { newExchangeCertificate } from '../../src/cmdlet/new-exchange-certificate.js';
import { compile, render } from '../../src/dialect/render.js';
import { fileBytes, pipelineInput, variable } from '../../src/node/expression.js';
import { secret } from '../../src/node/secret.js';
import { GOLDEN_CASES, GOLDEN_DIALECTS } from '../support/golden-cases.js';
import { core } from '../support/invocations.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const SUBJECT = 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl';

// The seven lines of SEED-RUNBOOK.md exactly as an admin types them.
const SEED_LINES = [
  `$RequestData = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "${SUBJECT}" -DomainName webmail.exchangefun.nl, autodiscover.exchangefun.nl -PrivateKeyExportable $true`,
  'Set-Content -path "C:\\install\\ssl-request.req" -value $RequestData',
  '$Data = [Byte[]]$(Get-Content -Path "c:\\install\\webmail_exchangefun_nl.cer" -Encoding byte -ReadCount 0)',
  'Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data',
  `Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${T} | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS`,
  `Export-ExchangeCertificate -Thumbprint ${T} -FileName "C:\\Install\\webmail_exchangefun_nl.pfx" -BinaryEncoded -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)`,
  "Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]]$(Get-Content -Path c:\\install\\webmail_exchangefun_nl.pfx -Encoding byte -ReadCount 0)) -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)",
];

const pw = secret('Pass1word');
// What each seed line means, built from typed input.
const EXPECTED = [
  [
    newExchangeCertificate({
      generateRequest: true,
      server: 'AMS-EXCH01',
      subjectName: SUBJECT,
      domainName: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
      privateKeyExportable: true,
    }),
  ],
  [
    {
      cmdlet: 'Set-Content',
      parameterSet: 'Path',
      parameters: { path: ['C:\\install\\ssl-request.req'], value: variable('RequestData') },
    },
  ],
  [
    {
      cmdlet: 'Get-Content',
      parameterSet: 'Path',
      parameters: { path: ['c:\\install\\webmail_exchangefun_nl.cer'], encoding: 'byte', readCount: 0 },
    },
  ],
  [importExchangeCertificate({ server: 'AMS-EXCH01', fileData: variable('Data') })],
  [
    getExchangeCertificate({ server: 'AMS-EXCH01', thumbprint: T }),
    enableExchangeCertificate({ server: 'AMS-EXCH01', services: 'IIS', thumbprint: pipelineInput('property') }),
  ],
  [
    exportExchangeCertificate({
      thumbprint: T,
      fileName: 'C:\\Install\\webmail_exchangefun_nl.pfx',
      binaryEncoded: true,
      password: pw,
    }),
  ],
  [
    importExchangeCertificate({
      server: 'RESEXCH01',
      fileData: fileBytes('c:\\install\\webmail_exchangefun_nl.pfx'),
      password: pw,
    }),
  ],
];

describe('the seed runbook', () => {
  it.each(SEED_LINES.map((line, i) => [i + 1, line] as const))(
    'line %i binds to the expected typed invocations',
    (i, line) => {
      expect(bind(line).map(core)).toEqual(EXPECTED[i - 1]!.map(core));
    },
  );

  it('binds as a whole script with extents on every command', () => {
    const bound = bind(SEED_LINES.join('\r\n'));
    expect(bound.map((b) => b.cmdlet)).toEqual([
      'New-ExchangeCertificate',
      'Set-Content',
      'Get-Content',
      'Import-ExchangeCertificate',
      'Get-ExchangeCertificate',
      'Enable-ExchangeCertificate',
      'Export-ExchangeCertificate',
      'Import-ExchangeCertificate',
    ]);
    expect(bound.map((b) => b.extent.startLine)).toEqual([1, 2, 3, 4, 5, 5, 6, 7]);
    expect(bound[5]!.extent.startColumn).toBe(SEED_LINES[4]!.indexOf('Enable') + 1);
  });

  it('render -> parse -> bind is the identity on the typed seed invocations, in every dialect', () => {
    for (const shell of ['2.0', '5.1', '7'] as const) {
      for (const expected of EXPECTED.flat()) {
        if (expected.cmdlet === 'Set-Content' || expected.cmdlet === 'Get-Content') continue;
        const options = { shell, secrets: 'inline' as const };
        if (
          expected.parameters &&
          'thumbprint' in expected.parameters &&
          typeof expected.parameters.thumbprint === 'object'
        )
          continue;
        const text = render(expected as never, options);
        expect(bind(text, { shell }).map(core)).toEqual([core(expected)]);
      }
    }
  });
});

describe('golden fixtures', () => {
  const root = join(import.meta.dirname, '..', '..', 'fixtures', 'golden');
  it('every golden file is produced by a case (no stale fixtures)', () => {
    for (const dir of Object.keys(GOLDEN_DIALECTS)) {
      for (const file of readdirSync(join(root, dir))) {
        const name = file.replace(/\.ps1$/, '');
        expect(GOLDEN_CASES.some((c) => c.name === name && dir in c.options)).toBe(true);
      }
    }
  });
  for (const c of GOLDEN_CASES) {
    for (const [dir, options] of Object.entries(c.options)) {
      it(`${dir}/${c.name}: render is the golden text, and parse -> bind gives back the typed invocations`, () => {
        const golden = readFileSync(join(root, dir, `${c.name}.ps1`), 'utf8');
        const compiled = compile(c.input, options!);
        expect(`${compiled.text}\n`).toBe(golden);
        expect(bind(golden, { shell: compiled.shell }).map(core)).toEqual(compiled.invocations.map(core));
      });
    }
  }
});
