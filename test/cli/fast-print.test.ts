import { describe, expect, it } from '@jest/globals';
import { tryFastPrint } from '../../src/cli/fast-print.js';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';

// argv lists the fast path must print exactly as the yargs path does.
const SAME = [
  ['new-request', '--server', 'AMS-EXCH01', '--subject-name', 'CN=a.contoso.com', '--domain-name', 'a.contoso.com,b.contoso.com', '--private-key-exportable', '--print'],
  ['new-request', '--subject-name=CN=a.contoso.com', '--domain-name', 'a.contoso.com', '--domain-name', 'b.contoso.com', '--key-size', '4096', '--print', '--shell', '7'],
  ['new-selfsigned', '--services', 'IIS,SMTP', '--force', '--friendly-name', "O'Brien’s", '--backend', 'print'],
  ['enable', '--thumbprint', T, '--services', 'IIS', '--no-force', '--print', '--exchange', '2010'],
  ['enable', '--thumbprint', T, '--services', 'IIS', '--force=false', '--print'],
  ['export', '--thumbprint', T, '--binary-encoded', '--password-env', 'PW', '--print', '--secrets', 'inline', '--shell', '2.0'],
  ['import', '--file-data', 'c:\\x.pfx', '--password-env', 'PW', '--print', '--bytes', 'dotnet', '--quoting', 'ascii'],
  ['get', '--print'],
  ['remove', '--thumbprint', T, '--no-confirm', '--print'],
  ['new-selfsigned', '--key-size', '3000', '--print'],
  ['export', '--thumbprint', T, '--file-name', 'C:\\a.pfx', '--print', '--exchange', '2019-CU14'],
];

// Shapes the fast path must leave to yargs.
const DEFERRED = [
  ['new-request', '--help'],
  ['get'],
  ['get', '--bogus', '--print'],
  ['new-request', '--domain-name', 'a.b', 'c.d', '--print'],
  ['export', '--thumbprint', T, '--password-stdin', '--print'],
  ['export', '--thumbprint', T, '--password', 'x', '--print'],
  ['parse', 'x.ps1'],
  ['enable', '--force', 'true', '--thumbprint', T, '--services', 'IIS', '--print'],
];

describe('fast --print path', () => {
  it.each(SAME.map((a) => [a.join(' '), a] as const))('matches yargs: %s', async (_name, argv) => {
    const fastIo = fakeIo({ env: { PW: 'Pass1word' } });
    const fast = tryFastPrint(argv, fastIo);
    expect(fast).not.toBeNull();
    let fastCode: number;
    try { fastCode = await fast!; } catch (e) { fastCode = -1; fastIo.stderr.write(`exchcert: ${(e as Error).message}\n`); }
    const slowIo = fakeIo({ env: { PW: 'Pass1word' } });
    const slowCode = await runCli(argv, slowIo);
    expect({ out: fastIo.out(), err: fastIo.err() }).toEqual({ out: slowIo.out(), err: slowIo.err() });
    expect(fastCode === -1 ? 2 : fastCode).toBe(slowCode);
  });
  it.each(DEFERRED.map((a) => [a.join(' '), a] as const))('defers to yargs: %s', (_name, argv) => {
    expect(tryFastPrint(argv, fakeIo())).toBeNull();
  });
});
