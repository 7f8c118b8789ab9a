// Issue 11, item 1: a password planted in >= 20 runbook shapes never reaches the output of parse, parse --json, lint,
// run, run --json, run --echo or shell, nor their error texts, unless --show-secrets asks for it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

const PW = 'Zq7-Planted-Pw9';
const CTSS = (value: string): string => `ConvertTo-SecureString -String ${value} -AsPlainText -Force`;
const T = '0123456789ABCDEF0123456789ABCDEF01234567';

/** Runbook shapes, each planting PW once or more. */
const SHAPES: Readonly<Record<string, string>> = {
  'assigned statement': `$pw = ${CTSS(`'${PW}'`)}`,
  'statement of its own': CTSS(`'${PW}'`),
  'positional argument': `$s = ConvertTo-SecureString '${PW}' -AsPlainText -Force`,
  'abbreviated -S': `$s = ConvertTo-SecureString -S '${PW}' -AsPlainText -Force`,
  'colon form -String:': `$s = ConvertTo-SecureString -String:'${PW}' -AsPlainText -Force`,
  'double-quoted': `$s = ${CTSS(`"${PW}"`)}`,
  parenthesized: `$s = ${CTSS(`('${PW}')`)}`,
  'piped in': `$s = '${PW}' | ConvertTo-SecureString -AsPlainText -Force`,
  'variable used later': `$plain = '${PW}'\nWrite-Output 'unrelated'\n$s = ConvertTo-SecureString $plain -AsPlainText -Force`,
  'variable through a variable': `$a = '${PW}'\n$b = $a\n$s = ConvertTo-SecureString $b -AsPlainText -Force`,
  'password variable printed': `$password = '${PW}'\nWrite-Host "the password is $password"\nWrite-Output $password`,
  'splatted hashtable': `$h = @{ String = '${PW}'; AsPlainText = $true; Force = $true }\n$s = ConvertTo-SecureString @h\n$h`,
  'hashtable Password key': `$cred = @{ Password = '${PW}' }\nWrite-Output $cred.Password`,
  'single-quoted here-string': `$t = @'\n${PW}\n'@\n$s = ConvertTo-SecureString $t -AsPlainText -Force`,
  'double-quoted here-string': `$t = @"\n${PW}\n"@\n$s = ConvertTo-SecureString $t -AsPlainText -Force`,
  'inline -Password on Export': `Export-ExchangeCertificate -Thumbprint ${T} -BinaryEncoded -Password (${CTSS(`'${PW}'`)})`,
  'inline -Password on Import (fails)': `Import-ExchangeCertificate -FileData ([byte[]](1,2,3)) -Password (${CTSS(`'${PW}'`)})`,
  'variable -Password on Export': `$p = "${PW}"\nExport-ExchangeCertificate -Thumbprint ${T} -BinaryEncoded -Password (ConvertTo-SecureString -String $p -AsPlainText -Force)`,
  'missing -Force (5.1 error)': `$s = ConvertTo-SecureString -String '${PW}' -AsPlainText`,
  'in an error text': `$pw = '${PW}'\nWrite-Error "login failed for $pw"`,
  'syntax error on its line': `$pw = ConvertTo-SecureString '${PW}' -AsPlainText -Force )(`,
  'unclosed string after it': `$pw = ConvertTo-SecureString '${PW}' -AsPlainText -Force\nWrite-Host 'oops`,
  cast: `$pw = [string]'${PW}'\n$s = ConvertTo-SecureString $pw -AsPlainText -Force\n"$pw"`,
  'Read-Host answer converted': `$x = Read-Host -Prompt 'Password'\n$s = ConvertTo-SecureString $x -AsPlainText -Force\nWrite-Host "got $x"`,
  'in an if block': `if ($true) {\n  $pfx = ${CTSS(`'${PW}'`)}\n  Write-Output $pfx\n}`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'exchcert-planted-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process; `lines` feed the shell's line reader (and its Read-Host). */
async function cli(argv: string[], stdin = '', lines: string[] = []): Promise<string> {
  const io = fakeIo({ stdin });
  const queue = [...lines];
  (io as { readLineSync?: (p: string) => string | null }).readLineSync = (prompt: string) => {
    io.stdout.write(prompt);
    return queue.shift() ?? null;
  };
  await runCli(argv, io);
  return `${io.out()}\n${io.err()}`;
}

describe('a planted password', () => {
  it(`is planted in ${Object.keys(SHAPES).length} shapes`, () => {
    expect(Object.keys(SHAPES).length).toBeGreaterThanOrEqual(20);
  });

  it.each(Object.entries(SHAPES))('never shows: %s', async (_name, runbook) => {
    const file = join(dir, `${Object.keys(SHAPES).indexOf(_name)}.ps1`);
    writeFileSync(file, `${runbook}\n`);
    const state = join(dir, 'state');
    // The shell reads the runbook line by line; Read-Host's answer is the line typed right after it.
    const typed = runbook.split('\n').flatMap((line) => (line.includes('Read-Host') ? [line, PW] : [line]));
    const outputs: Record<string, string> = {
      parse: await cli(['parse', file]),
      'parse --json': await cli(['parse', '--json', file]),
      lint: await cli(['lint', file]),
      run: await cli(['run', file, '--state', state]),
      'run --json': await cli(['run', file, '--state', state, '--json']),
      'run --echo': await cli(['run', file, '--state', state, '--echo']),
      'run - (stdin)': await cli(['run', '-', '--state', state, '--echo'], `${runbook}\n`),
      shell: await cli(['shell', '--state', state], '', [...typed, 'exit']),
    };
    for (const [command, text] of Object.entries(outputs)) {
      expect({ command, hit: text.includes(PW) ? text : null }).toEqual({ command, hit: null });
    }
  });

  it('shows with --show-secrets, which only parse offers', async () => {
    const file = join(dir, 'shown.ps1');
    writeFileSync(file, `${SHAPES['assigned statement']}\n`);
    expect(await cli(['parse', file, '--show-secrets'])).toContain(PW);
    expect(await cli(['parse', file])).toContain('********');
  });
});
