import { describe, expect, it } from '@jest/globals';
import { formatDiagnostic } from '../../src/lint/diagnostic.js';
import { lint } from '../../src/lint/lint.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const rules = (text: string, options = {}) =>
  lint(text, { file: 'r.ps1', ...options }).map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);

describe('lint', () => {
  it('reports parameters the target lacks with file:line:col', () => {
    const text = `Get-ExchangeCertificate\nExport-ExchangeCertificate ${T} -FileName 'C:\\a.pfx' -BinaryEncoded -Password $pw`;
    const d = lint(text, { exchange: '2019-CU14', file: 'r.ps1' });
    expect(d.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^r\.ps1:2:1: error parameter-not-on-target: Export-ExchangeCertificate: A parameter cannot be found that matches parameter name 'FileName'\. \(Exchange 2019-CU14 has no -FileName; .*WriteAllBytes/,
      ),
    ]);
    expect(lint(text, { exchange: '2013' })).toEqual([]);
  });
  it('finds Exchange calls anywhere in a real script: functions, loops, script blocks, try, splats (issue 7)', () => {
    const text = [
      '[CmdletBinding()]',
      'param([Parameter(Mandatory)][string] $Thumbprint)',
      'function Export-Pfx {',
      '  param($t)',
      `  Export-ExchangeCertificate $t -FileName 'C:\\a.pfx' -BinaryEncoded -Password $pw`,
      '}',
      'for ($i = 0; $i -lt 2; $i++) {',
      '  try { Get-ExchangeCertificate | ForEach-Object { Export-ExchangeCertificate $_.Thumbprint -FileName x -BinaryEncoded -Password $pw } }',
      '  catch { throw }',
      '}',
      "$p = @{ Thumbprint = $Thumbprint; FileName = 'C:\\b.pfx'; BinaryEncoded = $true; Password = $pw }",
      'switch ($i) { 1 { Export-ExchangeCertificate @p } }',
      'Get-Process > out.txt 2>&1',
    ].join('\n');
    expect(rules(text, { exchange: '2019-CU14' })).toEqual([
      '5:3 error parameter-not-on-target',
      '8:52 error parameter-not-on-target',
      '12:19 error parameter-not-on-target',
    ]);
    expect(rules(text, { exchange: '2013' })).toEqual([]);
  });
  it('reports -Encoding Byte under PowerShell 7 and -AsByteStream under 5.1', () => {
    expect(rules('$b = Get-Content -Path x -Encoding Byte -ReadCount 0', { shell: '7' })).toEqual([
      '1:6 error binding',
    ]);
    expect(rules('$b = Get-Content -Path x -AsByteStream -Raw', { shell: '5.1' })).toEqual(['1:6 error binding']);
  });
  it('warns about plain-text passwords', () => {
    expect(
      rules(
        `Export-ExchangeCertificate ${T} -BinaryEncoded -Password (ConvertTo-SecureString -String 'x' -AsPlainText -Force)`,
      ),
    ).toEqual(['1:1 warning plaintext-password']);
    expect(rules('$pw = ConvertTo-SecureString -String "x" -AsPlainText -Force')).toEqual([
      '1:7 warning plaintext-password',
    ]);
    expect(rules(`Export-ExchangeCertificate ${T} -BinaryEncoded -Password (Read-Host -AsSecureString)`)).toEqual([]);
  });
  it('warns about SMTP without -Force and Remove without -Confirm:$false in unattended scripts', () => {
    expect(rules(`Enable-ExchangeCertificate ${T} -Services SMTP,IIS -DoNotRequireSsl`)).toEqual([
      '1:1 warning smtp-without-force',
    ]);
    expect(rules(`Enable-ExchangeCertificate ${T} -Services SMTP -Force`)).toEqual([]);
    expect(rules('New-ExchangeCertificate -DomainName mail.contoso.com')).toEqual(['1:1 warning smtp-without-force']);
    expect(rules('New-ExchangeCertificate -GenerateRequest -SubjectName CN=mail.contoso.com')).toEqual([]);
    expect(rules(`Remove-ExchangeCertificate ${T}`)).toEqual(['1:1 warning remove-confirm']);
    expect(rules(`Remove-ExchangeCertificate ${T}`, { unattended: false })).toEqual([]);
  });
  it('reports thumbprints that are not 40 hex and server-enforced limits', () => {
    expect(rules('Enable-ExchangeCertificate 225B26D7 -Services IIS -Force')).toEqual(['1:1 error thumbprint']);
    expect(rules(`Enable-ExchangeCertificate '${T.match(/../g)!.join(' ')}' -Services IIS -Force`)).toEqual([]);
    expect(
      rules(`New-ExchangeCertificate -GenerateRequest -SubjectName CN=a.b -FriendlyName '${'x'.repeat(64)}'`),
    ).toEqual(['1:1 error server-limit']);
    expect(
      rules(`New-ExchangeCertificate -GenerateRequest -SubjectName CN=a.b -FriendlyName '${'x'.repeat(63)}'`),
    ).toEqual([]);
    expect(rules('New-ExchangeCertificate -GenerateRequest -SubjectName CN=a.b -KeySize 3072')).toEqual([
      '1:1 error value-format',
    ]);
  });
  it('reports UM on 2019/SE, relative .NET paths and parse errors', () => {
    expect(rules(`Enable-ExchangeCertificate ${T} -Services UM -Force`, { exchange: 'SE' })).toEqual([
      '1:1 error um-service',
    ]);
    expect(rules("[System.IO.File]::WriteAllBytes('cert.pfx', $x.FileData)")).toEqual([
      '1:33 warning relative-dotnet-path',
    ]);
    expect(rules("Get-ExchangeCertificate -Server 'oops")).toEqual([expect.stringMatching(/^1:\d+ error parse$/)]);
  });
});
