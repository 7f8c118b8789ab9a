// Issue 11, item 2: source text shown in errors and listings has every C0/C1 control and ESC sequence made visible,
// and a parse error's caret stays under the right column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';
import { formatShellParseError } from '../../src/cli/shell/ps-parse-error.js';
import { visibleExcerpt, visibleText } from '../../src/errors/visible-text.js';
import { parse, ParseError } from '../../src/parser/index.js';
import { fakeIo } from '../support/fake-io.js';

/** Characters a terminal acts on: C0 but tab and line feed, DEL, C1. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\n' && c !== '\r');
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const SEQUENCES = [
  '\u001b[2J\u001b[H',
  '\u001b]0;pwned\u0007',
  '\u001b[31;1m',
  '\u009b6n',
  '\u001bP1$r\u001b\\',
  '\u001b[?1049h',
  '\u007f',
  '\u202e',
];
const ALL = [...C0, ...C1, ...SEQUENCES];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'exchcert-controls-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdin = ''): Promise<{ out: string; err: string }> {
  const io = fakeIo({ stdin });
  await runCli(argv, io);
  return { out: io.out(), err: io.err() };
}

/** The caret's code point index and the code point index of `marker` in the line above it. */
function caretAndMarker(text: string, marker: string): [number, number] {
  const lines = text.split('\n');
  const caretLine = lines.findIndex((l) => /^[\t +|]*[\^~]$/.test(l.replace(/^ *\| /, '')) && /[\^~]$/.test(l));
  expect(caretLine).toBeGreaterThan(0);
  const caret = [...lines[caretLine]!].length - 1;
  const above = [...lines[caretLine - 1]!];
  return [caret, above.indexOf(marker, above.length - 4)];
}

describe('visibleText and visibleExcerpt', () => {
  it.each(ALL.map((c) => [JSON.stringify(c), c]))('make %s visible', (_name, c) => {
    expect(visibleText(`a${c}b`)).not.toMatch(RAW_CONTROL);
    const excerpt = visibleExcerpt(`'x${c}y' )(`, [...`'x${c}y' `].length + 1);
    const [line, caret] = excerpt.split('\n') as [string, string];
    expect([...caret].length - 1).toBe([...line].indexOf(')'));
  });
});

describe('the CLI shows control characters in source text visibly', () => {
  it.each(ALL.map((c) => [JSON.stringify(c), c]))(
    '%s in a parse error (run, parse, lint), caret under the token',
    async (_name, c) => {
      const file = join(dir, 'bad.ps1');
      writeFileSync(file, `\ufeffWrite-Output 'x${c}y' )(\n`); // UTF-8 with BOM: every shell reads the character itself
      for (const argv of [
        ['parse', file],
        ['lint', file],
        ['run', file, '--state', join(dir, 'state')],
      ]) {
        const r = await cli(argv);
        expect({ argv, out: r.out, err: r.err, raw: RAW_CONTROL.test(r.out + r.err) }).toMatchObject({ raw: false });
        if (argv[0] === 'parse') {
          const [caret, marker] = caretAndMarker(r.err, ')');
          expect(caret).toBe(marker);
        }
      }
    },
  );

  it.each(ALL.map((c) => [JSON.stringify(c), c]))(
    '%s in listings and error records (parse, lint, run --echo)',
    async (_name, c) => {
      const file = join(dir, 'listing.ps1');
      writeFileSync(file, `\ufeffGet-ExchangeCertificate -Thumbprint "AB${c}CD"\n& "no-such${c}command"\n`);
      for (const argv of [
        ['parse', file],
        ['parse', '--json', file],
        ['lint', file],
        ['run', file, '--echo', '--state', join(dir, 'state')],
      ]) {
        const r = await cli(argv);
        expect({ argv, raw: RAW_CONTROL.test(r.out + r.err) }).toEqual({ argv, raw: false });
      }
    },
  );

  it.each(['2.0', '5.1', '7'] as const)(
    'the shell shows a parse error in %s format, controls visible, caret in place',
    (shell) => {
      let error: ParseError | null = null;
      try {
        parse("Write-Output '\u001b[2J\u009b\u0007' )(");
      } catch (e) {
        error = e as ParseError;
      }
      const text = formatShellParseError(error!, shell);
      expect(text).not.toMatch(RAW_CONTROL);
      if (shell === '2.0') {
        expect(text).toContain("+ Write-Output '\u241b[2J<U+009B>\u2407'  <<<< )(");
      } else {
        const [caret, marker] = caretAndMarker(text, ')');
        expect(caret).toBe(marker);
      }
    },
  );
});
