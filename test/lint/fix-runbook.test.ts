// Every rewrite of `lint(text, { fix: true })` in every dialect: exact text, edits on the original, lint clean after,
// idempotent; targets that still have the old parameters are left alone.
import { describe, expect, it } from '@jest/globals';
import { lint } from '../../src/lint/lint.js';
import type { LintOptions } from '../../src/lint/lint.js';
import { applyTextEdits } from '../../src/lint/text-edit.js';
import { SHELL_VERSIONS } from '../../src/spec/shell-version.js';
import type { ShellVersion } from '../../src/spec/shell-version.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const READ: Record<ShellVersion, string> = {
  '2.0': "-Encoding 'Byte' -ReadCount 0",
  '5.1': "-Encoding 'Byte' -ReadCount 0",
  '7': '-AsByteStream -Raw',
};

interface Case {
  readonly name: string;
  readonly input: string;
  readonly options?: Partial<LintOptions>;
  readonly expected: (shell: ShellVersion) => string;
  readonly rules: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'Export -FileName -> -BinaryEncoded + WriteAllBytes of .FileData',
    input: `Export-ExchangeCertificate -Thumbprint ${T} -FileName 'C:\\certs\\b.pfx' -Password $pw  # keep me\nGet-Date`,
    expected: () =>
      `$ExportResult = Export-ExchangeCertificate -Thumbprint ${T} -BinaryEncoded -Password $pw  # keep me\n` +
      "[System.IO.File]::WriteAllBytes('C:\\certs\\b.pfx', $ExportResult.FileData)\nGet-Date",
    rules: ['export-file-name'],
  },
  {
    name: 'Export -FileName with -BinaryEncoded:$true, assigned, bare path, in a block',
    input: `if ($x) {\n    $r = Export-ExchangeCertificate ${T} -BinaryEncoded:$true -FileName C:\\b.pfx -Password $pw\n}`,
    expected: () =>
      `if ($x) {\n    $r = Export-ExchangeCertificate ${T} -BinaryEncoded:$true -Password $pw\n` +
      "    [System.IO.File]::WriteAllBytes('C:\\b.pfx', $r.FileData)\n}",
    rules: ['export-file-name'],
  },
  {
    name: 'New -RequestFile -> request text kept and written with Set-Content',
    input:
      'New-ExchangeCertificate -GenerateRequest -SubjectName "CN=mail.contoso.com" -RequestFile "C:\\certs\\m.req"; Get-Date',
    expected: () =>
      '$RequestData = New-ExchangeCertificate -GenerateRequest -SubjectName "CN=mail.contoso.com"; ' +
      "Set-Content -LiteralPath 'C:\\certs\\m.req' -Value $RequestData; Get-Date",
    rules: ['request-file'],
  },
  {
    name: 'New -RequestFile with a variable path',
    input: 'New-ExchangeCertificate -GenerateRequest -SubjectName "CN=a.contoso.com" -RequestFile $path',
    expected: () =>
      '$RequestData = New-ExchangeCertificate -GenerateRequest -SubjectName "CN=a.contoso.com"\n' +
      'Set-Content -LiteralPath $path -Value $RequestData',
    rules: ['request-file'],
  },
  {
    name: 'Import -FileName -> -FileData with the bytes read as the dialect reads them',
    input: 'Import-ExchangeCertificate -FileName "C:\\certs\\old.pfx" -Password $pw',
    expected: (s) =>
      `Import-ExchangeCertificate -FileData ([Byte[]]$(Get-Content -LiteralPath 'C:\\certs\\old.pfx' ${READ[s]})) -Password $pw`,
    rules: ['import-file-name'],
  },
  {
    name: 'Import -FileName:$variable',
    input: 'Import-ExchangeCertificate -FileName:$file',
    expected: (s) => `Import-ExchangeCertificate -FileData ([Byte[]]$(Get-Content -LiteralPath $file ${READ[s]}))`,
    rules: ['import-file-name'],
  },
  {
    name: 'Get-Content -Encoding Byte -ReadCount 0 by dialect',
    input: "$b = Get-Content -Path 'C:\\a.cer' -encoding byte -ReadCount 0",
    expected: (s) =>
      s === '7'
        ? "$b = Get-Content -Path 'C:\\a.cer' -AsByteStream -Raw"
        : "$b = Get-Content -Path 'C:\\a.cer' -encoding byte -ReadCount 0",
    rules: ['byte-encoding'],
  },
  {
    name: 'Get-Content -AsByteStream -Raw by dialect',
    input: "$b = Get-Content -LiteralPath 'C:\\a.cer' -AsByteStream -Raw",
    expected: (s) => `$b = Get-Content -LiteralPath 'C:\\a.cer' ${READ[s]}`,
    rules: ['byte-encoding'],
  },
  {
    name: 'Set-Content byte mode by dialect',
    input: "Set-Content -LiteralPath 'C:\\b.pfx' -Value $bytes -Encoding Byte",
    expected: (s) =>
      `Set-Content -LiteralPath 'C:\\b.pfx' -Value $bytes ${s === '7' ? '-AsByteStream' : '-Encoding Byte'}`,
    rules: ['byte-encoding'],
  },
  {
    name: 'ConvertTo-SecureString with a literal -> a prompt',
    input: `$pw = ConvertTo-SecureString -String 'P@ss' -AsPlainText -Force\nImport-ExchangeCertificate -FileData $b -Password (ConvertTo-SecureString "x y" -AsPlainText -Force)`,
    options: { secrets: 'prompt' },
    expected: () =>
      "$pw = Read-Host -Prompt 'Password (pw)' -AsSecureString\n" +
      "Import-ExchangeCertificate -FileData $b -Password (Read-Host -Prompt 'Password' -AsSecureString)",
    rules: ['plaintext-password'],
  },
  {
    name: 'ConvertTo-SecureString with a literal -> a variable filled at run time',
    input: `$pw = ConvertTo-SecureString -String 'P@ss' -AsPlainText -Force\nImport-ExchangeCertificate -FileData $b -Password (ConvertTo-SecureString "x y" -AsPlainText -Force)\n$again = ConvertTo-SecureString 'P@ss' -AsPlainText -Force`,
    options: { secrets: 'variable' },
    expected: () =>
      '$pw = $ExchcertPassword\nImport-ExchangeCertificate -FileData $b -Password $ExchcertPassword2\n$again = $ExchcertPassword',
    rules: ['plaintext-password'],
  },
  {
    name: '--unattended: -Force on an SMTP enable, -Confirm:$false on a remove',
    input: `Enable-ExchangeCertificate -Thumbprint ${T} -Services SMTP 2>&1\nRemove-ExchangeCertificate -Thumbprint ${T}`,
    options: { unattended: true },
    expected: () =>
      `Enable-ExchangeCertificate -Thumbprint ${T} -Services SMTP -Force 2>&1\nRemove-ExchangeCertificate -Thumbprint ${T} -Confirm:$false`,
    rules: ['smtp-without-force', 'remove-confirm'],
  },
  {
    name: "script-level $ErrorActionPreference = 'Stop' -> -ErrorAction Stop on each Exchange call",
    input: `$ErrorActionPreference = 'Stop'\ntry {\n  Get-ExchangeCertificate -Server EX01 | Enable-ExchangeCertificate -Services IIS -Force\n} catch { Write-Warning $_ }\nGet-ExchangeCertificate -ErrorAction SilentlyContinue`,
    expected: () =>
      `$ErrorActionPreference = 'Stop'\ntry {\n  Get-ExchangeCertificate -Server EX01 -ErrorAction 'Stop' | Enable-ExchangeCertificate -Services IIS -Force -ErrorAction 'Stop'\n} catch { Write-Warning $_ }\nGet-ExchangeCertificate -ErrorAction SilentlyContinue`,
    rules: ['script-error-preference'],
  },
];

describe('lint --fix rewrites, each in every dialect (target Exchange 2019-CU14)', () => {
  for (const c of CASES) {
    for (const shell of SHELL_VERSIONS) {
      it(`${c.name} (${shell})`, () => {
        const options = { exchange: '2019-CU14', shell, ...c.options, fix: true as const };
        const r = lint(c.input, options);
        expect(r.text).toBe(c.expected(shell));
        expect(applyTextEdits(c.input, r.edits)).toBe(r.text);
        if (r.text !== c.input) expect([...new Set(r.edits.map((e) => e.rule))].sort()).toEqual([...c.rules].sort());
        // The rewritten runbook has none of the fixed findings left, and fixing again changes nothing.
        const fixedRules = new Set(['parameter-not-on-target', 'binding', ...c.rules]);
        expect(r.findings.filter((d) => fixedRules.has(d.rule))).toEqual([]);
        const again = lint(r.text, options);
        expect(again.edits).toEqual([]);
        expect(again.text).toBe(r.text);
      });
    }
  }
});

describe('what is not rewritten', () => {
  it('leaves -FileName and -RequestFile alone on a target that has them (2013)', () => {
    const text = `Export-ExchangeCertificate ${T} -FileName C:\\b.pfx -BinaryEncoded\nNew-ExchangeCertificate -GenerateRequest -SubjectName CN=a -RequestFile C:\\a.req\nImport-ExchangeCertificate -FileName C:\\a.cer`;
    expect(lint(text, { exchange: '2013', shell: '5.1', fix: true }).edits).toEqual([]);
  });

  it('adds no -Force / -Confirm:$false unless asked', () => {
    const r = lint(`Remove-ExchangeCertificate ${T}`, { exchange: '2019', shell: '5.1', fix: true });
    expect(r.edits).toEqual([]);
    expect(r.findings.map((d) => d.rule)).toEqual(['remove-confirm']);
  });

  it('keeps a finding whose rewrite is not safe: a relative export path, an export piped on', () => {
    const text = `Export-ExchangeCertificate ${T} -FileName b.pfx\nExport-ExchangeCertificate ${T} -FileName C:\\b.pfx | Out-Null`;
    const r = lint(text, { exchange: '2019', shell: '7', fix: true });
    expect(r.text).toBe(text);
    expect(r.findings.filter((d) => d.rule === 'parameter-not-on-target')).toHaveLength(2);
  });

  it('does not touch a -AsPlainText whose text is not a literal', () => {
    const text = '$pw = ConvertTo-SecureString -String $env:PFX -AsPlainText -Force';
    expect(lint(text, { shell: '5.1', fix: true }).edits).toEqual([]);
  });

  it('keeps CRLF line endings in inserted lines', () => {
    const r = lint(`Export-ExchangeCertificate ${T} -FileName C:\\b.pfx\r\nGet-Date\r\n`, {
      exchange: 'SE',
      shell: '7',
      fix: true,
    });
    expect(r.text).toBe(
      `$ExportResult = Export-ExchangeCertificate ${T} -BinaryEncoded\r\n[System.IO.File]::WriteAllBytes('C:\\b.pfx', $ExportResult.FileData)\r\nGet-Date\r\n`,
    );
  });

  it('picks a variable name the script does not use', () => {
    const r = lint(`$ExportResult = 1\nExport-ExchangeCertificate ${T} -FileName C:\\b.pfx`, {
      exchange: 'SE',
      shell: '7',
      fix: true,
    });
    expect(r.text).toContain('$ExportResult2 = Export-ExchangeCertificate');
  });

  it('returns a parse error as its finding and changes nothing', () => {
    const r = lint('Get-Content -Encoding Byte (', { shell: '7', fix: true });
    expect(r.edits).toEqual([]);
    expect(r.findings[0]!.rule).toBe('parse');
  });

  it('refuses an unknown secrets mode, naming it', () => {
    expect(() => lint('x', { fix: true, secrets: 'inline' as 'prompt' })).toThrow(
      /secrets 'inline'.*Allowed: prompt, variable/,
    );
  });
});

describe('more forms', () => {
  it('an export at the end of a pipeline gets the variable before the whole pipeline', () => {
    const r = lint(
      `Get-ExchangeCertificate -DomainName mail.contoso.com | Export-ExchangeCertificate -BinaryEncoded:$true -FileName "C:\\m.pfx" -Password $pw`,
      {
        exchange: '2019',
        shell: '5.1',
        fix: true,
      },
    );
    expect(r.text).toBe(
      '$ExportResult = Get-ExchangeCertificate -DomainName mail.contoso.com | Export-ExchangeCertificate -BinaryEncoded:$true -Password $pw\n' +
        '[System.IO.File]::WriteAllBytes("C:\\m.pfx", $ExportResult.FileData)',
    );
  });

  it('an unattended port makes a variable, not a prompt, unless asked', () => {
    const text = "$pw = ConvertTo-SecureString 'x' -AsPlainText -Force";
    expect(lint(text, { shell: '5.1', fix: true, unattended: true }).text).toBe('$pw = $ExchcertPassword');
    expect(lint(text, { shell: '5.1', fix: true, unattended: true, secrets: 'prompt' }).text).toBe(
      "$pw = Read-Host -Prompt 'Password (pw)' -AsSecureString",
    );
  });

  it('a parameter removed from the start of a continued line keeps the line indentation', () => {
    const text = 'New-ExchangeCertificate -GenerateRequest `\n    -RequestFile C:\\r.req -SubjectName CN=a\n';
    expect(lint(text, { exchange: 'SE', shell: '5.1', fix: true }).text).toBe(
      "$RequestData = New-ExchangeCertificate -GenerateRequest `\n    -SubjectName CN=a\nSet-Content -LiteralPath 'C:\\r.req' -Value $RequestData\n",
    );
  });
});

it('--unattended: -Force on an IIS-only enable carries the IIS prompt rule', () => {
  const r = lint(`Enable-ExchangeCertificate -Thumbprint ${T} -Services IIS`, {
    exchange: 'SE',
    shell: '5.1',
    fix: true,
    unattended: true,
  });
  expect(r.text).toBe(`Enable-ExchangeCertificate -Thumbprint ${T} -Services IIS -Force`);
  expect(r.edits.map((e) => e.rule)).toEqual(['iis-require-ssl-prompt']);
  expect(r.findings).toEqual([]);
});
