// Issue 11, item 3: `exchcert shell` driven through a pseudo-terminal (util-linux `script`), as an admin types:
// a multi-line if with `>>`, a syntax error in PowerShell's format, Tab completion, `?` and Ctrl+C at a
// confirmation prompt (nothing removed, back at the prompt), history, Ctrl+C on a half-typed line, and exit.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bin, cliEnv, exchcert, tempDir } from '../e2e/support/mock-cli.js';

/** A fresh prompt (redraws while editing start with a carriage return only). */
const PROMPT = '\n[PS] C:\\Windows\\system32> ';
let dir: string;
let state: string;

beforeAll(() => {
  expect(spawnSync('script', ['--version']).status).toBe(0); // .ci/run installs util-linux's script
  dir = tempDir('exchcert-pty-');
  state = join(dir, 'state');
  expect(exchcert(['get', '--backend', 'mock', '--state', state]).code).toBe(0);
});
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A shell on a pseudo-terminal: type bytes, wait for text after everything seen so far. */
function ptyShell(): {
  type(text: string): void;
  until(text: string): Promise<string>;
  exited: Promise<number | null>;
  all(): string;
} {
  // `exec`: node replaces the shell `script` starts (dash would stay as parent and die of the SIGINT Ctrl+C raises).
  const command = `exec ${[process.execPath, bin, 'shell', '--state', state].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...cliEnv(), TERM: 'dumb', SHELL: '/bin/sh' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let seen = 0;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  children.push(child);
  return {
    type: (text) => {
      child.stdin.write(text);
    },
    until: (text) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
          const at = out.indexOf(text, seen);
          if (at >= 0) {
            clearInterval(timer);
            // Erase-to-end-of-line (sent by redraws) removed so assertions read the text as shown.
            const chunk = out.slice(seen, at + text.length).replace(/\u001b\[K/g, '');
            seen = at + text.length;
            resolve(chunk);
          } else if (Date.now() - started > 30_000) {
            clearInterval(timer);
            child.kill();
            reject(new Error(`no ${JSON.stringify(text)} in:\n${out.slice(seen)}`));
          }
        }, 20);
      }),
    exited,
    all: () => out,
  };
}

describe('exchcert shell on a pseudo-terminal', () => {
  it('continues, reports, completes, answers ? and Ctrl+C at a prompt, and leaves with exit', async () => {
    const sh = ptyShell();
    await sh.until(PROMPT);
    sh.type('if ($true) {\r');
    await sh.until('>> ');
    sh.type('"inside " + (1 +\r');
    await sh.until('>> ');
    sh.type('2)\r');
    await sh.until('>> ');
    sh.type('}\r');
    expect(await sh.until(PROMPT)).toContain('inside 3');

    sh.type('Get-Date -Foo )(\r');
    const syntax = await sh.until(PROMPT);
    expect(syntax).toContain(
      "At line:1 char:15\r\n+ Get-Date -Foo )(\r\n+               ~\r\nUnexpected token ')' in expression or statement.\r\n" +
        '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\r\n    + FullyQualifiedErrorId : UnexpectedToken',
    );

    sh.type('(Get-ExchangeC\t).Cou\x03');
    await sh.until(PROMPT);
    sh.type('(Get-ExchangeC\t -Ser\t AMS-EXCH01).Count\r');
    const count = await sh.until(PROMPT);
    expect(count).toContain('Get-ExchangeCertificate -Server AMS-EXCH01');
    const before = /\r\n(\d+)\r\n/.exec(count)?.[1];
    expect(Number(before)).toBeGreaterThan(0);

    sh.type('Get-ExchangeCertificate -Server AMS-EXCH01 | Select-Object -First 1 | Remove-ExchangeCertificate\r');
    await sh.until('[?] Help (default is "Y"): ');
    sh.type('?\r');
    expect(await sh.until('[?] Help (default is "Y"): ')).toContain(
      'L - Skip this operation and all subsequent operations.',
    );
    sh.type('\x03');
    await sh.until(PROMPT);

    sh.type('\x1b[A\x1b[A\r'); // history: the count again, unchanged (the removal was cancelled)
    expect(await sh.until(PROMPT)).toContain(`\r\n${before}\r\n`);

    sh.type('exit\r');
    expect(await sh.exited).toBe(0);
    expect(sh.all()).not.toContain('interpreter failed');
  }, 90_000);

  it('Ctrl+C stops a running command and returns to the prompt, the session kept', async () => {
    const sh = ptyShell();
    await sh.until(PROMPT);
    sh.type('$n = 0; foreach ($i in 1..5000000) { $n = $n + 1 }; "done $n"\r');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    sh.type('\x03');
    expect(await sh.until(PROMPT)).not.toMatch(/\ndone \d/);
    sh.type('"stopped at $n"\r');
    const n = Number(/stopped at (\d+)/.exec(await sh.until(PROMPT))?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(5_000_000);
    sh.type('exit\r');
    expect(await sh.exited).toBe(0);
  }, 60_000);

  it('leaves on Ctrl+D at an empty prompt', async () => {
    const sh = ptyShell();
    await sh.until(PROMPT);
    sh.type('\x04');
    expect(await sh.exited).toBe(0);
  }, 60_000);
});
