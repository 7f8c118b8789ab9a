// `exchcert port` and `exchcert lint --fix [--dry-run]`: diffs, in-place writes in the file's own encoding and line
// endings (UTF-8 with/without BOM, UTF-16 LE/BE, CRLF), findings after the diff, bad input changing nothing.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const dir = mkdtempSync(join(tmpdir(), 'exchcert-port-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD = [
  '# café backup (Exchange 2010)',
  `Export-ExchangeCertificate -Thumbprint ${T} -FileName 'C:\\certs\\b.pfx' -BinaryEncoded:$true -Password $pw`,
  "$b = Get-Content -Path 'C:\\a.cer' -Encoding Byte -ReadCount 0",
  `Remove-ExchangeCertificate -Thumbprint ${T}`,
  '',
];
const NEW = [
  '# café backup (Exchange 2010)',
  `$ExportResult = Export-ExchangeCertificate -Thumbprint ${T} -BinaryEncoded:$true -Password $pw`,
  "[System.IO.File]::WriteAllBytes('C:\\certs\\b.pfx', $ExportResult.FileData)",
  "$b = Get-Content -Path 'C:\\a.cer' -AsByteStream -Raw",
  `Remove-ExchangeCertificate -Thumbprint ${T}`,
  '',
];

const ENCODINGS: readonly { name: string; encode: (t: string) => Buffer }[] = [
  { name: 'UTF-8 without BOM', encode: (t) => Buffer.from(t, 'utf8') },
  { name: 'UTF-8 with BOM', encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]) },
  { name: 'UTF-16 LE', encode: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]) },
  {
    name: 'UTF-16 BE',
    encode: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
  },
];

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('exchcert port --write keeps encoding and line endings', () => {
  for (const enc of ENCODINGS) {
    for (const eol of ['\n', '\r\n']) {
      it(`${enc.name}, ${eol === '\n' ? 'LF' : 'CRLF'}`, async () => {
        const path = file(`${enc.name.replace(/\W/g, '')}-${eol.length}.ps1`, enc.encode(OLD.join(eol)));
        const io = fakeIo();
        const code = await runCli(['port', path, '--exchange', '2019-CU14', '--shell', '7', '--write'], io);
        expect(io.err()).toBe('');
        expect(code).toBe(0);
        expect(readFileSync(path).equals(enc.encode(NEW.join(eol)))).toBe(true);
        expect(io.out()).toContain('+[System.IO.File]::WriteAllBytes');
        expect(io.out()).toMatch(/wrote .*: 5 edits \(export-file-name 3, byte-encoding 2\)/);
        // Findings without a safe rewrite (the Remove prompt, not asked to answer) come after the diff.
        expect(io.out()).toMatch(/Findings without a safe rewrite \(1; .*\n.*remove-confirm/);
        // Porting the ported file again changes nothing.
        const again = fakeIo();
        await runCli(['port', path, '--exchange', '2019-CU14', '--shell', '7'], again);
        expect(again.out()).not.toContain('@@');
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      });
    }
  }

  it('a BOM-less Windows-1252 runbook for 5.1 keeps its ANSI bytes', async () => {
    const text = `# caf\u00e9\r\nRemove-ExchangeCertificate -Thumbprint ${T}\r\n`;
    const path = file('ansi.ps1', Buffer.from(text, 'latin1'));
    const code = await runCli(
      ['port', path, '--exchange', 'SE', '--shell', '5.1', '--unattended', '--write'],
      fakeIo(),
    );
    expect(code).toBe(0);
    expect(readFileSync(path).equals(Buffer.from(text.replace(T, `${T} -Confirm:$false`), 'latin1'))).toBe(true);
  });
});

describe('exchcert port without --write and lint --fix --dry-run print a diff and change nothing', () => {
  it('port prints the unified diff and exits 0', async () => {
    const bytes = Buffer.from(OLD.join('\r\n'));
    const path = file('dry.ps1', bytes);
    const io = fakeIo();
    const code = await runCli(['port', path, '--exchange', '2019-CU14', '--shell', '7', '--unattended'], io);
    expect(code).toBe(0);
    expect(io.out()).toContain(`\n-Remove-ExchangeCertificate -Thumbprint ${T}\n`);
    expect(io.out()).toContain(`\n+Remove-ExchangeCertificate -Thumbprint ${T} -Confirm:$false\n`);
    expect(io.out()).toMatch(/^--- a\/.*dry\.ps1\n\+\+\+ b\/.*dry\.ps1\n@@ /);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('lint --fix --dry-run over several files; lint --fix writes them', async () => {
    const a = file('a.ps1', Buffer.from('Get-Content x -Encoding Byte\n'));
    const b = file('b.ps1', Buffer.from('Get-Content y -AsByteStream\n'));
    const io = fakeIo();
    expect(await runCli(['lint', '--fix', '--dry-run', a, b, '--shell', '7'], io)).toBe(0);
    expect(io.out()).toContain('-Get-Content x -Encoding Byte\n+Get-Content x -AsByteStream\n');
    expect(readFileSync(a, 'utf8')).toBe('Get-Content x -Encoding Byte\n');
    expect(await runCli(['lint', '--fix', a, b, '--shell', '7'], fakeIo())).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe('Get-Content x -AsByteStream\n');
    expect(readFileSync(b, 'utf8')).toBe('Get-Content y -AsByteStream\n');
  });

  it('masks a plain-text password in the diff', async () => {
    const path = file('pw.ps1', Buffer.from("$pw = ConvertTo-SecureString 'Sup3rS3cret!' -AsPlainText -Force\n"));
    const io = fakeIo();
    await runCli(['port', path, '--exchange', 'SE', '--shell', '5.1', '--secrets', 'variable'], io);
    expect(io.out()).toContain('+$pw = $ExchcertPassword');
    expect(io.out()).not.toContain('Sup3rS3cret!');
  });
});

describe('bad input: one clear error naming the option, value and what is allowed; nothing changed', () => {
  const bytes = Buffer.from(OLD.join('\n'));
  const cases: readonly [string[], RegExp][] = [
    [['--exchange', '2020', '--shell', '7'], /--exchange '2020'.*Allowed: 2010, 2013, 2016, 2019 or SE/],
    [['--exchange', '2019', '--shell', '6'], /--shell '6'.*Allowed: 2.0, 5.1 or 7/],
    [['--exchange', '2019', '--shell', '7', '--secrets', 'inline'], /--secrets 'inline'.*Allowed: prompt, variable/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const path = file('bad.ps1', bytes);
      const io = fakeIo();
      expect(await runCli(['port', path, ...args, '--write'], io)).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.err().split('\n').filter(Boolean)).toHaveLength(1);
      expect(readFileSync(path).equals(bytes)).toBe(true);
    });
  }

  it('a missing file', async () => {
    const io = fakeIo();
    expect(await runCli(['port', join(dir, 'nope.ps1'), '--exchange', '2019', '--shell', '7'], io)).toBe(2);
    expect(io.err()).toMatch(/Cannot read '.*nope\.ps1'/);
  });

  it('a file that is not valid UTF-8 is refused, not rewritten', async () => {
    const bad = Buffer.concat([Buffer.from('# \xff\n', 'latin1'), Buffer.from('Get-Content x -Encoding Byte\n')]);
    const path = file('invalid.ps1', bad);
    const io = fakeIo();
    expect(await runCli(['lint', '--fix', path, '--shell', '7'], io)).toBe(2);
    expect(io.err()).toMatch(/Cannot write fixes into .*not all valid utf-8\. Nothing was changed\./);
    expect(readFileSync(path).equals(bad)).toBe(true);
  });
});

it('lint --fix - writes the fixed text to standard output and the findings to standard error', async () => {
  const io = fakeIo({ stdin: `Get-Content x -Encoding Byte\nRemove-ExchangeCertificate ${T}\n` });
  expect(await runCli(['lint', '--fix', '-', '--shell', '7'], io)).toBe(0);
  expect(io.out()).toBe(`Get-Content x -AsByteStream\nRemove-ExchangeCertificate ${T}\n`);
  expect(io.err()).toMatch(/Findings without a safe rewrite \(1;[^\n]*\n<stdin>:2:1: warning remove-confirm/);
});
