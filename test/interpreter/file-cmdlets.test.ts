// Export-Csv, Out-File, Add-Content, New-Item, Remove-Item, Get-ChildItem, Join-Path, Split-Path, transcripts, Write-Verbose,
// Start-Sleep and Get-Credential on the simulated file system and clock.
import { describe, expect, it } from '@jest/globals';
import { toStr } from '../../src/runtime/ps-values.js';
import type { InterpreterEnv } from '../../src/interpreter/index.js';
import type { ShellVersion } from '../../src/spec/shell-version.js';
import { createMemoryFs } from '../engine/support/memory-fs.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostVirtualFs } from '../../src/engine/store/host-virtual-fs.js';
import { run } from './support.js';

async function session(script: string, shell: ShellVersion = '5.1', overrides: Partial<InterpreterEnv> = {}) {
  const fs = createMemoryFs();
  const { result, env } = await run(script, shell, { fs, ...overrides } as Partial<InterpreterEnv>);
  expect(result.terminated).toBeNull();
  return { out: result.output.map((o) => toStr(o)), fs, result, host: env.hostText() };
}

const O = "$o = @([pscustomobject]@{N='b';V=3}, [pscustomobject]@{N='a';V=$null})\n";

describe('file cmdlets', () => {
  it('exports CSV with the #TYPE line on 5.1 unless -NoTypeInformation, never on 7', async () => {
    const a = await session(`${O}$o | Export-Csv C:\\r\\o.csv\n$o | Export-Csv C:\\r\\n.csv -NoTypeInformation`);
    expect(Buffer.from(a.fs.readFile('C:\\r\\o.csv')).toString('latin1')).toBe(
      '#TYPE System.Management.Automation.PSCustomObject\r\n"N","V"\r\n"b","3"\r\n"a",\r\n',
    );
    expect(Buffer.from(a.fs.readFile('C:\\r\\n.csv')).toString('latin1')).toBe('"N","V"\r\n"b","3"\r\n"a",\r\n');
    const b = await session(`${O}$o | Export-Csv C:\\r\\o.csv`, '7');
    expect(Buffer.from(b.fs.readFile('C:\\r\\o.csv')).toString('utf8')).toBe('"N","V"\r\n"b","3"\r\n"a",\r\n');
  });

  it('writes Out-File in UTF-16 on 5.1 and UTF-8 on 7, and appends with Add-Content', async () => {
    const a = await session("'line1' | Out-File C:\\r\\out.txt");
    expect([...a.fs.readFile('C:\\r\\out.txt')]).toEqual([
      0xff,
      0xfe,
      ...[...'line1\r\n'].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    const b = await session(
      "'line1' | Out-File C:\\r\\out.txt\nAdd-Content C:\\r\\out.txt 'line2'\nGet-Content C:\\r\\out.txt",
      '7',
    );
    expect(b.out).toEqual(['line1', 'line2']);
  });

  it('creates, lists and removes items', async () => {
    const s = await session(
      [
        'New-Item -ItemType Directory -Path C:\\Certs | Out-Null',
        "'a' | Set-Content C:\\Certs\\a.req",
        "'bb' | Set-Content C:\\Certs\\b.pfx",
        'Get-ChildItem C:\\Certs -Filter *.req | ForEach-Object { "$($_.Name) $($_.Length) $($_.FullName)" }',
        'Remove-Item C:\\Certs\\*.req',
        '(Get-ChildItem C:\\Certs).Name',
        'Test-Path C:\\Certs\\a.req',
        'New-Item -ItemType Directory -Path C:\\Certs',
      ].join('\n'),
    );
    expect(s.out.slice(0, 3)).toEqual(['a.req 3 C:\\Certs\\a.req', 'b.pfx', 'False']);
    expect(s.result.errors.map((e) => e.message)).toEqual([
      'An item with the specified name C:\\Certs already exists.',
    ]);
  });

  it('joins and splits Windows paths', async () => {
    const s = await session(
      "Join-Path 'C:\\Reports\\' '\\certs.csv'\nSplit-Path 'C:\\Reports\\x\\certs.csv'\nSplit-Path 'C:\\certs.csv'\nSplit-Path 'C:\\Reports\\certs.csv' -Leaf",
    );
    expect(s.out).toEqual(['C:\\Reports\\certs.csv', 'C:\\Reports\\x', 'C:\\', 'certs.csv']);
  });

  it('records a transcript, shows Write-Verbose only when asked, and sleeps on the simulated clock', async () => {
    const s = await session(
      [
        'Start-Transcript -Path C:\\logs\\t.txt',
        '"inside"',
        "Write-Verbose 'hidden'",
        "$VerbosePreference = 'Continue'",
        "Write-Verbose 'shown'",
        '$before = Get-Date',
        'Start-Sleep -Seconds 90',
        '((Get-Date) - $before).TotalSeconds',
        'Stop-Transcript',
      ].join('\n'),
    );
    expect(s.out).toEqual([
      'Transcript started, output file is C:\\logs\\t.txt',
      'inside',
      '90',
      'Transcript stopped, output file is C:\\logs\\t.txt',
    ]);
    expect(s.host).not.toContain('hidden');
    const text = Buffer.from(s.fs.readFile('C:\\logs\\t.txt')).toString('utf8');
    expect(text).toContain('Windows PowerShell transcript start');
    expect(text).toContain('inside\r\nVERBOSE: shown\r\n90\r\n');
    expect(text).toContain('Windows PowerShell transcript end');
  });

  it('creates the folder a transcript goes to, as PowerShell does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcript-'));
    try {
      const fs = createHostVirtualFs(dir);
      const s = await session(
        "Start-Transcript -Path C:\\Logs\\new\\t.txt | Out-Null\n'kept'\nStop-Transcript | Out-Null",
        '7',
        {
          fs,
        },
      );
      expect(s.result.errors).toEqual([]);
      expect(Buffer.from(fs.readFile('C:\\Logs\\new\\t.txt')).toString('utf8')).toContain('kept\r\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks Get-Credential through the host and keeps the password a SecureString', async () => {
    const asked: string[] = [];
    const s = await session('$c = Get-Credential -UserName CONTOSO\\admin\n$c.UserName\n"$($c.Password)"', '5.1', {
      readHost: (prompt, secure) => {
        asked.push(`${prompt}|${secure}`);
        return 'P@ssw0rd!';
      },
    });
    expect(s.out).toEqual(['CONTOSO\\admin', 'System.Security.SecureString']);
    expect(asked).toEqual(['Password for user CONTOSO\\admin|true']);
    expect(JSON.stringify(s.result.variables.get('c'))).not.toContain('P@ssw0rd!');
  });
});
