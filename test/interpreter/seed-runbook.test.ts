import { describe, expect, it } from '@jest/globals';
import { Secret } from '../../src/node/secret.js';
import { THUMB, run } from './support.js';

const CER = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 0xff]);
const PFX = new Uint8Array([0x30, 0x80, 0x02, 0x01, 0x03]);

const SEED_51 = [
  '$RequestData = New-ExchangeCertificate -GenerateRequest -Server AMS-EXCH01 -SubjectName "c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl" -DomainName webmail.exchangefun.nl, autodiscover.exchangefun.nl -PrivateKeyExportable $true',
  'Set-Content -path "C:\\install\\ssl-request.req" -value $RequestData',
  '$Data = [Byte[]]$(Get-Content -Path "c:\\install\\webmail_exchangefun_nl.cer" -Encoding byte -ReadCount 0)',
  '$cert = Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data',
  'Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint $cert.Thumbprint | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS',
  'Export-ExchangeCertificate -Thumbprint $cert.Thumbprint -FileName "C:\\Install\\webmail_exchangefun_nl.pfx" -BinaryEncoded -Password (ConvertTo-SecureString -String \'Pass1word\' -AsPlainText -Force)',
  "Import-ExchangeCertificate -Server RESEXCH01 -FileData ([Byte[]]$(Get-Content -Path c:\\install\\webmail_exchangefun_nl.pfx -Encoding byte -ReadCount 0)) -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText -Force)",
].join('\n');

function withFiles(env: { fs: { writeFile(p: string, d: Uint8Array): void } }): void {
  env.fs.writeFile('C:\\install\\webmail_exchangefun_nl.cer', CER);
  env.fs.writeFile('C:\\install\\webmail_exchangefun_nl.pfx', PFX);
}

describe('the seed runbook on Windows PowerShell 5.1', () => {
  it('makes the CmdletCalls the lines mean, with evaluated values', async () => {
    const { result, env } = await run(SEED_51, '5.1', {}, withFiles);
    expect(result.terminated).toBeNull();
    expect(result.errors).toEqual([]);
    const calls = env.exchange.calls;
    expect(calls.map((c) => c.cmdlet)).toEqual([
      'New-ExchangeCertificate',
      'Import-ExchangeCertificate',
      'Get-ExchangeCertificate',
      'Enable-ExchangeCertificate',
      'Export-ExchangeCertificate',
      'Import-ExchangeCertificate',
    ]);
    expect(calls[0]!.parameters).toEqual({
      generateRequest: true,
      server: 'AMS-EXCH01',
      subjectName: 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl',
      domainName: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
      privateKeyExportable: true,
    });
    expect(calls[0]!.parameterSet).toBe('Request');
    expect(calls[1]!.parameters.fileData).toEqual(CER);
    expect(calls[1]!.parameters.fileData).toBeInstanceOf(Uint8Array);
    expect(calls[2]!.parameters).toEqual({ server: 'AMS-EXCH01', thumbprint: THUMB });
    // Piped by property name: the certificate's Thumbprint binds -Thumbprint.
    expect(calls[3]!.parameters).toEqual({ server: 'AMS-EXCH01', services: ['IIS'], thumbprint: THUMB });
    expect(calls[3]!.parameterSet).toBe('Thumbprint');
    const password = calls[4]!.parameters.password;
    expect(password).toBeInstanceOf(Secret);
    expect((password as Secret).reveal()).toBe('Pass1word');
    expect(calls[4]!.parameters).toMatchObject({
      thumbprint: THUMB,
      fileName: 'C:\\Install\\webmail_exchangefun_nl.pfx',
      binaryEncoded: true,
    });
    expect(calls[5]!.parameters.fileData).toEqual(PFX);
    expect((calls[5]!.parameters.password as Secret).reveal()).toBe('Pass1word');
    expect(calls.every((c) => c.connectedServer === 'AMS-EXCH01' && c.shell === '5.1')).toBe(true);
    expect(calls.map((c) => [c.line, c.column])).toEqual([
      [1, 16],
      [4, 9],
      [5, 1],
      [5, 75],
      [6, 1],
      [7, 1],
    ]);
  });

  it('writes the request as ANSI text with CRLF line ends', async () => {
    const { env } = await run(SEED_51, '5.1', {}, withFiles);
    expect(env.fs.text('C:\\install\\ssl-request.req')).toBe(
      '-----BEGIN NEW CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END NEW CERTIFICATE REQUEST-----\r\n\r\n',
    );
  });

  it('reports one statement per line with the password redacted', async () => {
    const { result } = await run(SEED_51, '5.1', {}, withFiles);
    expect(result.statements.map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.statements[5]!.text).toContain("-String '********' -AsPlainText -Force");
    expect(result.statements.some((s) => s.text.includes('Pass1word'))).toBe(false);
    expect(result.variables.get('CERT')).toMatchObject({ Thumbprint: THUMB });
  });
});

describe('the seed runbook as PowerShell 7 writes it', () => {
  const seed7 = [
    "$Data = [Byte[]]$(Get-Content -LiteralPath 'C:\\install\\webmail_exchangefun_nl.cer' -AsByteStream -Raw)",
    '$cert = Import-ExchangeCertificate -Server AMS-EXCH01 -FileData $Data',
    'Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint $cert.Thumbprint | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS',
    "$ExportResult = Export-ExchangeCertificate -Thumbprint $cert.Thumbprint -BinaryEncoded -Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText)",
    "[System.IO.File]::WriteAllBytes('C:\\Install\\webmail_exchangefun_nl.pfx', $ExportResult.FileData)",
  ].join('\n');

  it('reads bytes with -AsByteStream, takes -AsPlainText without -Force and writes the PFX with WriteAllBytes', async () => {
    const { result, env } = await run(seed7, '7', {}, withFiles);
    expect(result.errors).toEqual([]);
    expect(env.exchange.calls[0]!.parameters.fileData).toEqual(CER);
    expect(env.exchange.calls[2]!.parameters.thumbprint).toBe(THUMB);
    expect((env.exchange.calls[3]!.parameters.password as Secret).reveal()).toBe('Pass1word');
    expect(env.fs.readFile('C:\\Install\\webmail_exchangefun_nl.pfx')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('writes Set-Content text as UTF-8 without a BOM', async () => {
    const { env } = await run('Set-Content -Path C:\\r.req -Value "é"', '7');
    expect([...env.fs.readFile('C:\\r.req')]).toEqual([0xc3, 0xa9, 0x0d, 0x0a]);
  });
});
