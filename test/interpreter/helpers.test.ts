import { describe, expect, it } from '@jest/globals';
import { Secret } from '../../src/node/secret.js';
import { fakeCertificate, run } from './support.js';
import type { FakeExchange } from './support.js';

function twoCertificates(env: { exchange: FakeExchange }): void {
  env.exchange.handler = (call) => ({
    output:
      call.cmdlet === 'Get-ExchangeCertificate'
        ? [
            fakeCertificate('A'.repeat(40), 'CN=a', 'IMAP, POP, IIS, SMTP', 'IP.WS..'),
            fakeCertificate('B'.repeat(40), 'CN=b', 'None', '.......'),
          ]
        : [],
    errors: [],
    warnings: [],
  });
}

describe('Where-Object', () => {
  it('filters with a script block ($_ and $PSItem) and with the simplified syntax', async () => {
    const script = [
      '$keep = "A" * 40',
      'Get-ExchangeCertificate | Where-Object { $_.Thumbprint -eq $keep } | ForEach-Object { $_.Subject }',
      'Get-ExchangeCertificate | ? { $PSItem.Services -ne "None" } | % Subject',
      'Get-ExchangeCertificate | Where-Object Thumbprint -ne $keep | Select-Object -ExpandProperty Subject',
      'Get-ExchangeCertificate | Where-Object Services -like "*IIS*" | ForEach-Object Subject',
      'Get-ExchangeCertificate | Where-Object -FilterScript { $_.Subject -match "b$" } | ForEach-Object -Process { $_.Subject }',
      '(Get-ExchangeCertificate | Where-Object Thumbprint -eq "nope") -eq $null',
    ].join('\n');
    const { result } = await run(script, '5.1', {}, twoCertificates);
    expect(result.errors).toEqual([]);
    expect(result.statements.slice(1).map((s) => s.output)).toEqual([
      ['CN=a'],
      ['CN=a'],
      ['CN=b'],
      ['CN=a'],
      ['CN=b'],
      [true],
    ]);
  });

  it('pipes the filtered certificates into Exchange cmdlets by property name', async () => {
    const { env } = await run(
      'Get-ExchangeCertificate | Where-Object { $_.Services -eq "None" } | Enable-ExchangeCertificate -Services SMTP -Force',
      '7',
      {},
      twoCertificates,
    );
    const enable = env.exchange.calls.filter((c) => c.cmdlet === 'Enable-ExchangeCertificate');
    expect(enable.map((c) => c.parameters)).toEqual([{ services: ['SMTP'], force: true, thumbprint: 'B'.repeat(40) }]);
  });
});

describe('ForEach-Object and Select-Object', () => {
  it('runs -Begin/-Process/-End and treats return as continue', async () => {
    const { result } = await run(
      '1..4 | ForEach-Object -Begin { "b" } -Process { if ($_ -eq 2) { return }; $_ * 10 } -End { "e" }',
      '5.1',
    );
    expect(result.output).toEqual(['b', 10, 30, 40, 'e']);
  });

  it('selects properties, calculated properties, first/last/skip/unique', async () => {
    const script = [
      'Get-ExchangeCertificate | Select-Object Thumbprint, @{Name="Letters"; Expression={ $_.ServicesStringForm }} -First 1',
      '1,2,2,3,4 | Select-Object -Unique -Last 2',
      '1..5 | Select-Object -Skip 1 -First 2',
    ].join('\n');
    const { result } = await run(script, '5.1', {}, twoCertificates);
    expect(result.statements[0]!.output).toEqual([{ Thumbprint: 'A'.repeat(40), Letters: 'IP.WS..' }]);
    expect(result.statements[1]!.output).toEqual([3, 4]);
    expect(result.statements[2]!.output).toEqual([2, 3]);
  });

  it('writes an error for a missing -ExpandProperty', async () => {
    const { result } = await run(
      'Get-ExchangeCertificate | Select-Object -ExpandProperty Nope',
      '5.1',
      {},
      twoCertificates,
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'Property "Nope" cannot be found.',
      'Property "Nope" cannot be found.',
    ]);
  });
});

describe('Get-Content and Set-Content text', () => {
  it('decodes UTF-8 with and without BOM and UTF-16LE with BOM, splitting lines', async () => {
    const { result } = await run(
      'Get-Content C:\\a.txt\nGet-Content C:\\b.txt\n(Get-Content C:\\c.txt -Raw)\n@(Get-Content C:\\a.txt -ReadCount 0).Count',
      '7',
      {},
      (env) => {
        env.fs.writeFile(
          'C:\\a.txt',
          new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0x0d, 0x0a, 0x78, 0x0d, 0x0a]),
        );
        env.fs.writeFile('C:\\b.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00, 0x42, 0x00]));
        env.fs.writeFile('C:\\c.txt', new Uint8Array([0x61, 0x0a, 0x62]));
      },
    );
    expect(result.statements.map((s) => s.output)).toEqual([['hé', 'x'], ['A', 'B'], ['a\nb'], [1]]);
  });

  it('reads files without a BOM as ANSI on 5.1', async () => {
    const { result } = await run('Get-Content C:\\a.txt', '5.1', {}, (env) =>
      env.fs.writeFile('C:\\a.txt', new Uint8Array([0xe9])),
    );
    expect(result.output).toEqual(['é']);
  });

  it('resolves relative paths against the current location and reports missing files', async () => {
    const { result } = await run(
      'Get-Content .\\x.txt\nGet-Content missing.txt',
      '5.1',
      { location: 'C:\\install' },
      (env) => env.fs.writeFile('C:\\install\\x.txt', new Uint8Array([0x6f, 0x6b])),
    );
    expect(result.output).toEqual(['ok']);
    expect(result.errors[0]).toMatchObject({
      message: "Cannot find path 'C:\\install\\missing.txt' because it does not exist.",
      category: 'ObjectNotFound',
      terminating: false,
      line: 2,
    });
  });

  it('writes arrays as lines, -NoNewline, Unicode with a BOM, and bytes', async () => {
    const script = [
      "Set-Content C:\\l.txt -Value 'a','b'",
      "'x','y' | Set-Content C:\\p.txt -NoNewline",
      "Set-Content C:\\u.txt -Value 'A' -Encoding Unicode",
      'Set-Content C:\\b.bin -Value ([byte[]](1,2,255)) -Encoding Byte',
    ].join('\n');
    const { env, result } = await run(script, '5.1');
    expect(result.errors).toEqual([]);
    expect(env.fs.text('C:\\l.txt')).toBe('a\r\nb\r\n');
    expect(env.fs.text('C:\\p.txt')).toBe('xy');
    expect([...env.fs.readFile('C:\\u.txt')]).toEqual([0xff, 0xfe, 0x41, 0x00, 0x0d, 0x00, 0x0a, 0x00]);
    expect([...env.fs.readFile('C:\\b.bin')]).toEqual([1, 2, 255]);
  });

  it('round-trips bytes with -AsByteStream on 7 and [System.IO.File] everywhere', async () => {
    const script =
      "$b = [System.IO.File]::ReadAllBytes('C:\\in.bin')\n$b | Set-Content C:\\out.bin -AsByteStream\n[System.IO.File]::WriteAllBytes('\\\\fs01\\share\\copy.bin', $b)";
    const { env, result } = await run(script, '7', {}, (e) => e.fs.writeFile('C:\\in.bin', new Uint8Array([9, 8, 7])));
    expect(result.errors).toEqual([]);
    expect([...env.fs.readFile('C:\\out.bin')]).toEqual([9, 8, 7]);
    expect([...env.fs.readFile('\\\\fs01\\share\\copy.bin')]).toEqual([9, 8, 7]);
  });

  it('refuses relative paths in [System.IO.File] methods, saying why', async () => {
    const { result } = await run("[System.IO.File]::ReadAllBytes('cert.cer')", '5.1');
    expect(result.errors[0]!.message).toMatch(
      /^Exception calling "ReadAllBytes" with "1" argument\(s\): "The runbook interpreter refuses the relative path 'cert\.cer': \.NET resolves relative paths against the process working directory/,
    );
    expect(result.errors[0]!.terminating).toBe(true);
  });

  it('Test-Path sees the virtual file system', async () => {
    const { result } = await run(
      'Test-Path C:\\install\\x.cer\nTest-Path C:\\install -PathType Container\nTest-Path C:\\nope',
      '5.1',
      {},
      (e) => e.fs.writeFile('C:\\install\\x.cer', new Uint8Array([1])),
    );
    expect(result.output).toEqual([true, true, false]);
  });
});

describe('Read-Host, Write-*, splatting', () => {
  it('reads a SecureString through env.readHost', async () => {
    const prompts: string[] = [];
    const { result, env } = await run(
      "$pw = Read-Host -Prompt 'PFX password' -AsSecureString\nExport-ExchangeCertificate -Thumbprint AB -BinaryEncoded -Password $pw",
      '5.1',
      {
        readHost: (p, secure) => {
          prompts.push(`${p}|${secure}`);
          return 's3cret';
        },
      },
    );
    expect(result.errors).toEqual([]);
    expect(prompts).toEqual(['PFX password|true']);
    expect(env.exchange.calls[0]!.parameters.password).toBeInstanceOf(Secret);
    expect((env.exchange.calls[0]!.parameters.password as Secret).reveal()).toBe('s3cret');
  });

  it('fails Read-Host when nobody can answer', async () => {
    const { result } = await run('Read-Host', '7');
    expect(result.errors[0]).toMatchObject({
      message: 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
      fullyQualifiedErrorId: 'InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand',
    });
  });

  it('writes Write-Host text to the host and Write-Warning to warnings', async () => {
    const { result, env } = await run(
      'Write-Host "Thumbprint:" ("A" * 3) -NoNewline\nWrite-Host "!"\nWrite-Warning "renew soon"\nWrite-Output 1 2',
      '5.1',
    );
    expect(env.hostText()).toBe('Thumbprint: AAA!\n1\n2\n');
    expect(result.statements[2]!.warnings).toEqual(['renew soon']);
    expect(result.output).toEqual([1, 2]);
  });

  it('splats runtime hashtables (switches included) and keeps literal ones', async () => {
    const script =
      "$p = @{ Thumbprint = 'AB'; Services = 'IIS','SMTP'; Force = $true }\n$p['Server'] = 'EX2'\nEnable-ExchangeCertificate @p";
    const { env, result } = await run(script, '5.1');
    expect(result.errors).toEqual([]);
    expect(env.exchange.calls[0]!.parameters).toEqual({
      thumbprint: 'AB',
      services: ['IIS', 'SMTP'],
      force: true,
      server: 'EX2',
    });
  });

  it('Out-Null swallows, Out-String renders, Get-Date reads env.now', async () => {
    const { result } = await run(
      "Get-ExchangeCertificate | Out-Null\n'x' | Out-String\n(Get-Date).Year\nGet-Date -Format 'yyyy-MM-dd HH:mm'",
      '5.1',
    );
    expect(result.output).toEqual(['x\r\n', 2025, '2025-11-25 12:50']);
  });
});
