import { describe, expect, it } from '@jest/globals';
import { formatForHost } from '../../src/interpreter/index.js';
import { THUMB, fakeCertificate, run } from './support.js';
import type { FakeExchange } from './support.js';

const LONG_SUBJECT = 'CN=webmail.exchangefun.nl, OU=RND, O=Exchangefun bv, L=Emmeloord, S=Flevoland, C=NL';

function certificates(env: { exchange: FakeExchange }): void {
  env.exchange.handler = (call) => ({
    output:
      call.cmdlet === 'Get-ExchangeCertificate'
        ? [
            fakeCertificate(THUMB, LONG_SUBJECT, 'IMAP, POP, IIS, SMTP', 'IP.WS..'),
            fakeCertificate('B'.repeat(40), 'CN=AMS-EXCH01', 'SMTP', '....S..'),
          ]
        : [],
    errors: [],
    warnings: [],
  });
}

describe('Format-Table', () => {
  it("uses Exchange's view for certificates: Thumbprint (42), Services letters (11), Subject cut at the console width", async () => {
    const { result } = await run('Get-ExchangeCertificate | Format-Table', '5.1', {}, certificates);
    expect(result.output).toEqual([
      '',
      'Thumbprint                                Services   Subject',
      '----------                                --------   -------',
      `${THUMB}  IP.WS..    ${LONG_SUBJECT.slice(0, 64)}...`,
      `${'B'.repeat(40)}  ....S..    CN=AMS-EXCH01`,
      '',
    ]);
  });

  it('ends a cut cell with … on PowerShell 7', async () => {
    const { result } = await run('Get-ExchangeCertificate | ft', '7', {}, certificates);
    expect(result.output[3]).toBe(`${THUMB}  IP.WS..    ${LONG_SUBJECT.slice(0, 66)}…`);
  });

  it('makes a column per -Property', async () => {
    const { result } = await run(
      'Get-ExchangeCertificate | Format-Table Subject, PublicKeySize',
      '5.1',
      {},
      certificates,
    );
    expect(result.output.slice(1, 5)).toEqual([
      `Subject${' '.repeat(LONG_SUBJECT.length - 7)} PublicKeySize`,
      `-------${' '.repeat(LONG_SUBJECT.length - 7)} -------------`,
      `${LONG_SUBJECT}          2048`,
      `CN=AMS-EXCH01${' '.repeat(LONG_SUBJECT.length - 13)}          2048`,
    ]);
  });
});

describe('Format-List', () => {
  it("shows Exchange's default list view in order", async () => {
    const { result } = await run(
      'Get-ExchangeCertificate | Select-Object -First 1 | Format-List',
      '5.1',
      {},
      certificates,
    );
    expect(result.output).toEqual([
      '',
      'AccessRules        : ',
      'CertificateDomains : {webmail.exchangefun.nl, autodiscover.exchangefun.nl}',
      'HasPrivateKey      : True',
      'IsSelfSigned       : False',
      'Issuer             : CN=Vendor CA',
      'NotAfter           : 1/2/2030 3:04:05 AM',
      'NotBefore          : 1/2/2025 3:04:05 AM',
      'PublicKeySize      : 2048',
      'RootCAType         : ThirdParty',
      'SerialNumber       : 0A1B',
      'Services           : IMAP, POP, IIS, SMTP',
      'Status             : Valid',
      `Subject            : ${LONG_SUBJECT}`,
      `Thumbprint         : ${THUMB}`,
      '',
    ]);
  });

  it('shows every property with *, and named ones with wildcards', async () => {
    const all = await run('Get-ExchangeCertificate | Select-Object -First 1 | Format-List *', '5.1', {}, certificates);
    expect(all.result.output).toContain('ServicesStringForm : IP.WS..');
    expect(all.result.output).toContain('RawData            : {48, 130}');
    const some = await run('Get-ExchangeCertificate | Format-List Thumb*, Status', '5.1', {}, certificates);
    expect(some.result.output).toEqual([
      '',
      `Thumbprint : ${THUMB}`,
      'Status     : Valid',
      '',
      `Thumbprint : ${'B'.repeat(40)}`,
      'Status     : Valid',
      '',
    ]);
  });
});

describe('formatForHost (default output)', () => {
  it("shows strings as they are, certificates as Exchange's table, other objects as a table or list", () => {
    const cert = fakeCertificate(THUMB, 'CN=a', 'IIS', '...W...');
    expect(formatForHost(['hello', 42, true], '5.1')).toBe('hello\n42\nTrue');
    expect(formatForHost([cert], '5.1').split('\n')).toEqual([
      '',
      'Thumbprint                                Services   Subject',
      '----------                                --------   -------',
      `${THUMB}  ...W...    CN=a`,
      '',
    ]);
    expect(formatForHost([{ FileData: new Uint8Array([1, 2]) }], '7').split('\n')).toEqual([
      '',
      'FileData',
      '--------',
      '{1, 2}',
      '',
    ]);
    const wide = { A: 1, B: 'two', C: null, D: [1, 2, 3, 4, 5], E: true };
    expect(formatForHost([wide], '5.1').split('\n')).toEqual([
      '',
      'A : 1',
      'B : two',
      'C : ',
      'D : {1, 2, 3, 4...}',
      'E : True',
      '',
    ]);
  });

  it('is what the host receives after each statement', async () => {
    const { env } = await run('"first"\nGet-ExchangeCertificate | Select-Object -Last 1', '5.1', {}, certificates);
    expect(env.hostText()).toBe(
      `first\n\nThumbprint                                Services   Subject\n----------                                --------   -------\n${'B'.repeat(40)}  ....S..    CN=AMS-EXCH01\n\n`,
    );
  });
});
