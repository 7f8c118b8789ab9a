// Issue 11, item 4: a refused or missing path gives the PowerShell error a Windows path gives, for cmdlets and .NET
// methods alike, catchable by try/catch and -ErrorAction; `..` resolves as Windows does; no host path in any error.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exchcert, tempDir } from './support/mock-cli.js';

let dir: string;
let state: string;

beforeAll(() => {
  dir = tempDir('exchcert-file-errors-');
  state = join(dir, 'state');
  mkdirSync(join(state, 'fs', 'C'), { recursive: true });
  writeFileSync(join(state, 'fs', 'C', 'x.txt'), 'hello\r\n');
  writeFileSync(join(dir, 'outside.txt'), 'host secret');
  symlinkSync(join(dir, 'outside.txt'), join(state, 'fs', 'C', 'link.txt'));
  symlinkSync(join(state, 'fs', 'C', 'x.txt'), join(state, 'fs', 'C', 'inner-link.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `script` (statements print `caught: ...` from their catch blocks) and returns stdout, stderr and the exit code. */
function run(script: string): { out: string; err: string; code: number | null } {
  return exchcert(['run', '-', '--state', state], script);
}

describe('file errors runbooks can handle', () => {
  it('resolves .. above the root to the root for .NET methods as for cmdlets (C:\\..\\..\\x is C:\\x)', () => {
    const r = run(
      "$b = [System.IO.File]::ReadAllBytes('C:\\..\\..\\x.txt')\nWrite-Output \"read $($b.Length)\"\nGet-Content -Path 'C:\\..\\x.txt'\n",
    );
    expect(r.err).toBe('');
    expect(r.out).toBe('read 7\nhello\n');
  });

  it.each([
    [
      "[System.IO.File]::ReadAllBytes('C:\\nothere.bin')",
      'Exception calling "ReadAllBytes" with "1" argument(s): "Could not find file \'C:\\nothere.bin\'."',
    ],
    [
      "[System.IO.File]::ReadAllBytes('\\\\.\\CON')",
      'Exception calling "ReadAllBytes" with "1" argument(s): "Access to the path \'\\\\.\\CON\' is denied."',
    ],
    [
      "[System.IO.File]::ReadAllBytes('C:\\link.txt')",
      'Exception calling "ReadAllBytes" with "1" argument(s): "Access to the path \'C:\\link.txt\' is denied."',
    ],
    [
      "[System.IO.File]::WriteAllBytes('C:\\nodir\\x.bin', [byte[]](1,2))",
      'Exception calling "WriteAllBytes" with "2" argument(s): "Could not find a part of the path \'C:\\nodir\\x.bin\'."',
    ],
    ["Get-Content -Path 'C:\\a:b' -ErrorAction Stop", "The given path's format is not supported."],
    ["Get-Content -LiteralPath 'C:\\link.txt' -ErrorAction Stop", "Access to the path 'C:\\link.txt' is denied."],
    [
      "Get-Content -LiteralPath '\\\\.\\PhysicalDrive0' -ErrorAction Stop",
      "Access to the path '\\\\.\\PhysicalDrive0' is denied.",
    ],
    [
      "Set-Content -Path 'C:\\..\\..\\nodir\\x.txt' -Value 1 -ErrorAction Stop",
      "Could not find a part of the path 'C:\\nodir\\x.txt'.",
    ],
  ])('%s is caught by try/catch with the Windows message', (statement, message) => {
    const r = run(`try { ${statement} } catch { Write-Output "caught: $_" }\nWrite-Output 'went on'\n`);
    expect(r.err).toBe('');
    expect(r.out).toBe(`caught: ${message}\nwent on\n`);
    expect(r.code).toBe(0);
  });

  it('a refused path is a non-terminating cmdlet error that -ErrorAction SilentlyContinue hides', () => {
    const r = run(
      "Get-Content -LiteralPath 'C:\\link.txt' -ErrorAction SilentlyContinue\nGet-Content -LiteralPath '\\\\?\\C:\\x.txt' -ErrorAction SilentlyContinue\n" +
        'Write-Output "errors: $($Error.Count)"\n',
    );
    expect(r.out).toBe('errors: 2\n');
    expect(r.err).toBe('');
  });

  it('opens files without following a link, even one that stays inside fs/', () => {
    const r = run(
      'try { Get-Content -LiteralPath \'C:\\inner-link.txt\' -ErrorAction Stop } catch { Write-Output "caught: $_" }\n',
    );
    expect(r.out).toBe("caught: Access to the path 'C:\\inner-link.txt' is denied.\n");
  });

  it('names no host path in any file error', () => {
    const r = run(
      [
        "Get-Content -LiteralPath 'C:\\link.txt' -ErrorAction Stop",
        "[System.IO.File]::ReadAllBytes('C:\\link.txt')",
        `Set-Content -Path ('C:\\' + ('x' * 300)) -Value 1 -ErrorAction Stop`,
        "[System.IO.File]::WriteAllBytes('C:\\x.txt\\y', [byte[]](1))",
      ]
        .map((s) => `try { ${s} } catch { Write-Output "caught: $_" }`)
        .join('\n'),
    );
    expect(`${r.out}${r.err}`).not.toContain(state);
    expect(`${r.out}${r.err}`).not.toContain(dirname(state));
    expect(`${r.out}${r.err}`).not.toContain('interpreter failed');
    expect(r.out.match(/caught: /g)).toHaveLength(4);
  });
});
