import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli, runCommandLine } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';

async function cli(argv: string[], io = fakeIo()) {
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('exchcert typed subcommands --print', () => {
  it('new-request prints the exact line', async () => {
    const r = await cli([
      'new-request',
      '--server',
      'AMS-EXCH01',
      '--subject-name',
      'c=NL, S=Flevoland, CN=webmail.exchangefun.nl',
      '--domain-name',
      'webmail.exchangefun.nl,autodiscover.exchangefun.nl',
      '--private-key-exportable',
      '--print',
    ]);
    expect(r).toEqual({
      code: 0,
      err: '',
      out: "New-ExchangeCertificate -GenerateRequest -DomainName 'webmail.exchangefun.nl','autodiscover.exchangefun.nl' -PrivateKeyExportable $true -Server 'AMS-EXCH01' -SubjectName 'c=NL, S=Flevoland, CN=webmail.exchangefun.nl'\n",
    });
  });
  it('new-selfsigned, enable, get and remove', async () => {
    expect(
      (
        await cli([
          'new-selfsigned',
          '--services',
          'IIS',
          '--services',
          'SMTP',
          '--force',
          '--key-size',
          '4096',
          '--print',
        ])
      ).out,
    ).toBe("New-ExchangeCertificate -Services 'IIS','SMTP' -Force -KeySize 4096\n");
    expect(
      (await cli(['enable', '--thumbprint', T, '--services', 'IIS,SMTP', '--no-force', '--print', '--shell', '7'])).out,
    ).toBe(`Enable-ExchangeCertificate -Thumbprint '${T}' -Services 'IIS','SMTP' -Force:$false\n`);
    expect((await cli(['get', '--domain-name', 'mail.contoso.com', '--print'])).out).toBe(
      "Get-ExchangeCertificate -DomainName 'mail.contoso.com'\n",
    );
    expect((await cli(['remove', '--thumbprint', T, '--no-confirm', '--error-action', 'Stop', '--print'])).out).toBe(
      `Remove-ExchangeCertificate -Thumbprint '${T}' -Confirm:$false -ErrorAction 'Stop'\n`,
    );
  });
  it('import --file-data sends the bytes of a file on this machine as a variable; the password comes from a file, never from argv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchcert-'));
    writeFileSync(join(dir, 'pw.txt'), 'Pass1word\n');
    const base = [
      'import',
      '--server',
      'RESEXCH01',
      '--file-data',
      'c:\\install\\webmail.pfx',
      '--password-file',
      join(dir, 'pw.txt'),
      '--print',
    ];
    expect((await cli([...base, '--shell', '2.0'])).out).toBe(
      "Import-ExchangeCertificate -FileData $ExchcertFileData -Password $ExchcertPassword -Server 'RESEXCH01'\n",
    );
    expect((await cli([...base, '--shell', '7', '--secrets', 'inline'])).out).toContain(
      "-Password (ConvertTo-SecureString -String 'Pass1word' -AsPlainText)",
    );
    const viaEnv = await cli(
      ['export', '--thumbprint', T, '--binary-encoded', '--password-env', 'PFX_PW', '--secrets', 'inline', '--print'],
      fakeIo({ env: { PFX_PW: 'S3cret' } }),
    );
    expect(viaEnv.out).toContain("-String 'S3cret' -AsPlainText -Force");
    const viaStdin = await cli(
      ['export', '--thumbprint', T, '--password-stdin', '--secrets', 'inline', '--print'],
      fakeIo({ stdin: 'fromstdin\n' }),
    );
    expect(viaStdin.out).toContain("-String 'fromstdin'");
  });
  it('refuses a password as an option value, with a clear message and no echo of it', async () => {
    const r = await cli(['export', '--thumbprint', T, '--password', 'Pass1word', '--print']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('never takes a password as an option value');
    expect(r.err).not.toContain('Pass1word');
  });
  it('reports bad input naming the parameter, the value and what is allowed (no stack trace)', async () => {
    const r = await cli(['new-selfsigned', '--key-size', '3000', '--print']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'exchcert: New-ExchangeCertificate -KeySize: 3000 is not valid: must be one of 1024, 2048, 4096. Allowed: 1024, 2048, 4096.\n',
    );
    const v = await cli([
      'export',
      '--thumbprint',
      T,
      '--file-name',
      'C:\\a.pfx',
      '--print',
      '--exchange',
      '2019-CU14',
    ]);
    expect(v.err).toContain('does not exist on Exchange 2019-CU14');
    expect((await cli(['enable', '--thumbprint', 'nothex', '--services', 'IIS', '--print'])).err).toContain(
      '40 hexadecimal digits',
    );
    const missing = await cli(['export', '--thumbprint', T, '--password-env', 'NOPE', '--print']);
    expect(missing.err).toContain("--password-env names 'NOPE', which is not set");
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['get', '--bogus', '--print'])).err).toMatch(/Unknown argument: bogus/);
  });
  it('prints help and version without failing', async () => {
    const h = await cli(['export', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--binary-encoded');
    expect(h.out).toContain('--password-file');
    expect(h.out).not.toContain('--password ');
    expect((await cli(['--version'])).out).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('exchcert parse and lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-'));
  const file = join(dir, 'r.ps1');
  writeFileSync(
    file,
    `Get-ExchangeCertificate -Server AMS-EXCH01 -Thumbprint ${T} | Enable-ExchangeCertificate -Server AMS-EXCH01 -Services IIS\nExport-ExchangeCertificate ${T} -FileName C:\\a.pfx -BinaryEncoded -Password (ConvertTo-SecureString 'Pass1word' -AsPlainText -Force)\n`,
  );
  it('parse --json prints the bound invocations with secrets redacted', async () => {
    const r = await cli(['parse', '--json', file]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.map((i: { cmdlet: string }) => i.cmdlet)).toEqual([
      'Get-ExchangeCertificate',
      'Enable-ExchangeCertificate',
      'Export-ExchangeCertificate',
    ]);
    expect(json[1]).toMatchObject({
      parameterSet: 'Thumbprint',
      parameters: { services: ['IIS'], thumbprint: { kind: 'pipelineInput' } },
      extent: { startLine: 1, startColumn: 99 },
    });
    expect(json[2].parameters.password).toEqual({ kind: 'secret', value: '********' });
    expect(r.out).not.toContain('Pass1word');
  });
  it('parse reads standard input with -', async () => {
    const r = await cli(['parse', '--json', '-'], fakeIo({ stdin: 'Get-ExchangeCertificate' }));
    expect(JSON.parse(r.out)[0]).toMatchObject({
      cmdlet: 'Get-ExchangeCertificate',
      parameterSet: 'Thumbprint',
      parameters: {},
    });
  });
  it('parse reports syntax errors with line:column and a caret', async () => {
    const r = await cli(['parse', '-'], fakeIo({ stdin: "Get-ExchangeCertificate -Server 'x" }));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 1:\d+: .*\n.*\n\s*\^/);
  });
  it('lint prints file:line:col diagnostics and exits 1 on errors', async () => {
    const r = await cli(['lint', file, '--exchange', '2019-CU14', '--shell', '5.1']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:2:1: error parameter-not-on-target:`);
    const ok = await cli(['lint', file, '--exchange', '2013']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`${file}:2:1: warning plaintext-password:`);
  });
  it('demo --print prints the seed lifecycle for every dialect', async () => {
    const r = await cli(['demo', '--print']);
    expect(r.out).toContain('# Windows PowerShell 2.0, Exchange 2010');
    expect(r.out).toContain('# PowerShell 7, Exchange 2013');
    expect(r.out).toContain('-AsByteStream -Raw');
    expect(r.out).not.toContain('Pass1word');
  });
});

describe('runCommandLine (what the engine runs forwarded command lines with)', () => {
  const state = mkdtempSync(join(tmpdir(), 'exchcert-rcl-'));
  /** Runs through runCommandLine with a stand-in for the full CLI that records the lines it gets. */
  async function line(argv: string[]) {
    const io = fakeIo();
    const full: string[][] = [];
    const code = await runCommandLine(argv, io, (a, i) => {
      full.push([...a]);
      return runCli(a, i);
    });
    return { code, out: io.out(), err: io.err(), full };
  }
  it('runs run, ca, mock and the typed subcommands on the fast path, without the full CLI', async () => {
    expect((await line(['mock', 'add-server', 'EX1', '--exchange', '2019', '--state', state])).full).toEqual([]);
    const get = await line(['get', '--server', 'EX1', '--backend', 'mock', '--state', state]);
    expect(get).toMatchObject({ code: 0, full: [] });
    expect(get.out).toEqual((await cli(['get', '--server', 'EX1', '--backend', 'mock', '--state', state])).out);
    const script = join(state, 'g.ps1');
    writeFileSync(
      script,
      'Get-ExchangeCertificate -Server EX1 | Measure-Object | Select-Object -ExpandProperty Count\n',
    );
    expect(await line(['run', script, '--state', state])).toMatchObject({ code: 0, full: [] });
  });
  it('hands help, usage errors and other commands to the full CLI, which answers as the process would', async () => {
    const help = await line(['run', '--help']);
    expect(help.full).toEqual([['run', '--help']]);
    expect(help.out).toEqual((await cli(['run', '--help'])).out);
    const unknown = await line(['get', '--server', 'EX1', '--bogus-option', '--state', state]);
    expect(unknown.full).toHaveLength(1);
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining('bogus-option') });
    expect((await line(['config', '--state', state])).full).toEqual([['config', '--state', state]]);
  });
});
