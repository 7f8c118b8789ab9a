// Issue 11, item 6: runbook files decoded as the chosen shell reads them (BOM first; else 2.0/5.1 the ANSI code page,
// Windows-1252 unless --codepage says otherwise, and 7 UTF-8); lint warns when the two readings differ.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';
import { decodeRunbook, encodingDiagnostic } from '../../src/cli/runbook-encoding.js';
import { fakeIo } from '../support/fake-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'exchcert-encoding-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const CAFE_1252 = Buffer.from("Write-Output 'caf\u00e9'\r\n", 'latin1');
const CAFE_UTF8 = Buffer.from("Write-Output 'caf\u00e9'\r\n", 'utf8');

describe('decodeRunbook', () => {
  it.each([
    ['Windows-1252 without BOM under 5.1', CAFE_1252, '5.1', "Write-Output 'caf\u00e9'\r\n"],
    ['Windows-1252 without BOM under 2.0', CAFE_1252, '2.0', "Write-Output 'caf\u00e9'\r\n"],
    ['Windows-1252 without BOM under 7 (invalid UTF-8)', CAFE_1252, '7', "Write-Output 'caf\ufffd'\r\n"],
    ['UTF-8 without BOM under 7', CAFE_UTF8, '7', "Write-Output 'caf\u00e9'\r\n"],
    ['UTF-8 without BOM under 5.1 (read as 1252)', CAFE_UTF8, '5.1', "Write-Output 'caf\u00c3\u00a9'\r\n"],
    [
      'UTF-8 with BOM under 5.1',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), CAFE_UTF8]),
      '5.1',
      "Write-Output 'caf\u00e9'\r\n",
    ],
    [
      'UTF-16LE with BOM under 5.1',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("'\u20ac'", 'utf16le')]),
      '5.1',
      "'\u20ac'",
    ],
    ['UTF-16BE with BOM under 7', Buffer.from([0xfe, 0xff, 0x00, 0x27, 0x20, 0xac, 0x00, 0x27]), '7', "'\u20ac'"],
    ['the euro sign 0x80 in 1252', Buffer.from([0x27, 0x80, 0x27]), '5.1', "'\u20ac'"],
  ] as const)('%s', (_name, bytes, shell, text) => {
    expect(decodeRunbook(new Uint8Array(bytes), shell)).toBe(text);
  });

  it('--codepage picks another ANSI code page (1251: Cyrillic)', () => {
    expect(decodeRunbook(new Uint8Array([0xcf, 0xf0, 0xe8]), '5.1', 1251)).toBe('\u041f\u0440\u0438');
  });

  it('encodingDiagnostic names the first differing word in both readings, and is null with a BOM or ASCII only', () => {
    const d = encodingDiagnostic(new Uint8Array(Buffer.from("# ok\r\nWrite-Output 'caf\u00e9'\r\n", 'utf8')), 'x.ps1');
    expect(d).toMatchObject({ rule: 'encoding-differs', severity: 'warning', line: 2, column: 18 });
    expect(d?.message).toContain("'caf\u00c3\u00a9'");
    expect(d?.message).toContain("'caf\u00e9'");
    expect(
      encodingDiagnostic(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), CAFE_UTF8])), 'x.ps1'),
    ).toBeNull();
    expect(encodingDiagnostic(new Uint8Array(Buffer.from('Get-Date\n')), 'x.ps1')).toBeNull();
  });
});

describe('the CLI reads runbooks as their shell does', () => {
  it('run: a Windows-1252 file saved by Windows PowerShell 5.1 prints café, not caf\ufffd', async () => {
    const path = file('cafe-1252.ps1', CAFE_1252);
    const state = join(dir, 'state');
    expect(await cli(['run', path, '--state', state])).toEqual({ code: 0, out: 'caf\u00e9\n', err: '' });
    expect((await cli(['run', path, '--state', state, '--shell', '7'])).out).toBe('caf\ufffd\n');
    expect((await cli(['run', file('cafe-utf8.ps1', CAFE_UTF8), '--state', state, '--shell', '7'])).out).toBe(
      'caf\u00e9\n',
    );
  });

  it('lint warns about a BOM-less file whose non-ASCII bytes read differently, parse reads it as 5.1', async () => {
    const path = file('cafe-lint.ps1', CAFE_1252);
    const lint = await cli(['lint', path]);
    expect(lint.out).toContain(`${path}:1:18: warning encoding-differs:`);
    expect(
      (await cli(['lint', file('cafe-bom.ps1', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), CAFE_UTF8]))])).out,
    ).not.toContain('encoding-differs');
    expect((await cli(['parse', '--json', path])).out).toContain('"caf\u00e9"');
  });

  it('--codepage is checked', async () => {
    const r = await cli(['run', file('x.ps1', CAFE_1252), '--codepage', '437', '--state', join(dir, 'state')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--codepage '437' is not a code page exchcert can read.");
  });
});
