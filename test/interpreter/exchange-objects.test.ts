import { describe, expect, it } from '@jest/globals';
import { fakeCertificate, run } from './support.js';
import type { FakeExchange } from './support.js';

function certificates(env: { exchange: FakeExchange }): void {
  env.exchange.handler = () => {
    const c = fakeCertificate('A'.repeat(40), 'CN=mail.contoso.com', 'IMAP, POP, IIS, SMTP', 'IP.WS..');
    c.CertificateDomains = ['mail.contoso.com', '*.contoso.com'];
    return { output: [c], errors: [], warnings: [] };
  };
}

// Objects as the EMS returns them inside runbooks (issue 10): Services is the AllowedServices flags enum,
// CertificateDomains items are SmtpDomainWithSubdomains (Address, Domain, IncludeSubDomains).
describe('Exchange objects inside runbooks', () => {
  it('Services is a flags enum: its text, -band, [int], -eq with a name, GetType()', async () => {
    const script = [
      '$c = Get-ExchangeCertificate',
      '"$($c.Services)"',
      '[int]$c.Services',
      '($c.Services -band 8) -ne 0',
      '($c.Services -band 64) -ne 0',
      "$c.Services -eq 'IMAP, POP, IIS, SMTP'",
      "$c.Services -eq 'IIS'",
      "$c.Services -like '*SMTP*'",
      '$c.Services.GetType().FullName',
    ].join('\n');
    const { result } = await run(script, '5.1', {}, certificates);
    expect(result.errors).toEqual([]);
    expect(result.output).toEqual([
      'IMAP, POP, IIS, SMTP',
      27,
      true,
      false,
      true,
      false,
      true,
      'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices',
    ]);
  });

  it('CertificateDomains items have Address and Domain; -contains with a name still works', async () => {
    const script = [
      '$c = Get-ExchangeCertificate',
      "$c.CertificateDomains.Address -contains 'mail.contoso.com'",
      '$c.CertificateDomains[1].Domain',
      '$c.CertificateDomains[1].IncludeSubDomains',
      "$c.CertificateDomains -contains 'mail.contoso.com'",
      '"$($c.CertificateDomains)"',
    ].join('\n');
    const { result } = await run(script, '5.1', {}, certificates);
    expect(result.errors).toEqual([]);
    expect(result.output).toEqual([true, 'contoso.com', true, true, 'mail.contoso.com *.contoso.com']);
  });

  it('leaves the objects themselves as they are (text and strings for --json and typed results)', async () => {
    const { result } = await run('Get-ExchangeCertificate', '5.1', {}, certificates);
    expect(result.output[0]).toMatchObject({
      Services: 'IMAP, POP, IIS, SMTP',
      CertificateDomains: ['mail.contoso.com', '*.contoso.com'],
    });
  });
});
