// Remove-ExchangeCertificate: confirmation, refusals and validity (rules 90-95, 107, 112).
import { describe, expect, it } from '@jest/globals';
import {
  setFederationCertificates,
  putSendConnector,
  setUmStartupMode,
  tlsCertificateNameOf,
} from '../../src/engine/index.js';
import type { ExchangeCertificate } from '../../src/spec/output/exchange-certificate.js';
import { bySubject, testOrg } from './support/test-org.js';
import type { TestOrg } from './support/test-org.js';

const RPC = 'A special Rpc error occurs on server AMS-EXCH01: ';

async function newCert(org: TestOrg, parameters: Record<string, unknown> = {}): Promise<ExchangeCertificate> {
  return (
    await org.run('New-ExchangeCertificate', { services: ['None'], domainName: ['mail.contoso.com'], ...parameters })
  ).output[0] as ExchangeCertificate;
}
const thumbprints = async (org: TestOrg): Promise<string[]> =>
  org.store.read((tx) => tx.listCertificates('AMS-EXCH01').map((c) => c.thumbprint));

describe('Remove-ExchangeCertificate', () => {
  it('rules 90, 95: asks by default (high impact); Y deletes with no output, N keeps, -Confirm:$false skips the question', async () => {
    const org = await testOrg();
    const a = await newCert(org);
    const n = await org.run('Remove-ExchangeCertificate', { thumbprint: a.Thumbprint }, { answers: ['N'] });
    expect(n.prompts.map((p) => [p.kind, p.message])).toEqual([
      [
        'ShouldProcess',
        `Are you sure you want to perform this action?\r\nRemoving the certificate with thumbprint '${a.Thumbprint}'.`,
      ],
    ]);
    expect(await thumbprints(org)).toContain(a.Thumbprint);
    const y = await org.run('Remove-ExchangeCertificate', { thumbprint: a.Thumbprint }, { answers: ['Y'] });
    expect(y.output).toEqual([]);
    expect(y.errors).toEqual([]);
    expect(await thumbprints(org)).not.toContain(a.Thumbprint);
    const b = await newCert(org, { domainName: ['b.contoso.com'] });
    const quiet = await org.run('Remove-ExchangeCertificate', { thumbprint: b.Thumbprint, confirm: false });
    expect(quiet.prompts).toEqual([]);
    expect(await thumbprints(org)).not.toContain(b.Thumbprint);
  });

  it("rule 90: with nobody to answer, the confirmation is PowerShell's non-interactive terminating error and nothing is removed", async () => {
    const org = await testOrg();
    const a = await newCert(org);
    const before = org.snapshot();
    await expect(
      org.run('Remove-ExchangeCertificate', { thumbprint: a.Thumbprint }, { shell: '7' }),
    ).rejects.toMatchObject({
      record: {
        message: 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
        errorId: 'InvalidOperation',
        terminating: true,
      },
    });
    expect(org.snapshot()).toBe(before);
  });

  it('rules 94, 107: the question comes before the lookup; an unknown thumbprint is "not found" (ObjectNotFound) after Yes', async () => {
    const org = await testOrg();
    const r = await org.run('Remove-ExchangeCertificate', { thumbprint: 'F00D' }, { answers: ['Y'] });
    expect(r.prompts).toHaveLength(1);
    expect(r.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint F00D was not found.`);
    expect(r.errors[0]!.category).toBe('ObjectNotFound');
    const n = await org.run('Remove-ExchangeCertificate', { thumbprint: 'F00D' }, { answers: ['N'] });
    expect(n.errors).toEqual([]);
  });

  it('rule 92: the default SMTP certificate, the UM certificate and a federation certificate are refused; nothing changes', async () => {
    const org = await testOrg();
    const ex = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const before = org.snapshot();
    const smtp = await org.run('Remove-ExchangeCertificate', { thumbprint: ex.Thumbprint, confirm: false });
    expect(smtp.errors[0]!.message).toBe(
      `${RPC}The certificate is the default SMTP certificate (internal transport certificate) of this server and can't be removed. Enable another certificate for SMTP first.`,
    );
    expect(smtp.errors[0]!.category).toBe('InvalidArgument');
    expect(org.snapshot()).toBe(before);
    setUmStartupMode(org.store, 'AMS-EXCH01', 'Dual');
    const um = await newCert(org);
    await org.run('Enable-ExchangeCertificate', { thumbprint: um.Thumbprint, services: ['UM'], force: true });
    expect(
      (await org.run('Remove-ExchangeCertificate', { thumbprint: um.Thumbprint, confirm: false })).errors[0]!.message,
    ).toBe(`${RPC}The certificate is used by the Unified Messaging service and can't be removed.`);
    const fed = await newCert(org, { domainName: ['fed.contoso.com'] });
    setFederationCertificates(org.store, [fed.Thumbprint]);
    expect(
      (await org.run('Remove-ExchangeCertificate', { thumbprint: fed.Thumbprint, confirm: false })).errors[0]!.message,
    ).toBe(
      `${RPC}The certificate is used by a federation trust and can't be removed. Use Set-FederationTrust to replace it first.`,
    );
  });

  it("rule 92: a certificate whose issuer and subject match a Send connector's TlsCertificateName is refused with the exact text (renewals too)", async () => {
    const org = await testOrg();
    const a = await newCert(org, { subjectName: 'CN=mail.contoso.com' });
    putSendConnector(org.store, { name: 'Internet', tlsCertificateName: tlsCertificateNameOf(a.RawData) });
    putSendConnector(org.store, { name: 'Partner', tlsCertificateName: tlsCertificateNameOf(a.RawData) });
    const renewed = (await org.run('New-ExchangeCertificate', { instance: a, services: ['None'] }))
      .output[0] as ExchangeCertificate;
    const before = org.snapshot();
    for (const t of [a.Thumbprint, renewed.Thumbprint]) {
      const r = await org.run('Remove-ExchangeCertificate', { thumbprint: t, confirm: false });
      expect(r.errors[0]!.message).toBe(
        `${RPC}These certificates are tagged with following Send Connectors : Internet, Partner. Removing and replacing certificates from Send Connector would break the mail flow. If you still want to proceed then replace or remove these certificates from Send Connector and then try this command.`,
      );
      expect(r.errors[0]!.category).toBe('InvalidArgument');
    }
    expect(org.snapshot()).toBe(before);
  });

  it('rule 93: an IIS-only certificate and the Auth certificate are not protected', async () => {
    const org = await testOrg();
    const iis = await newCert(org, { services: ['IIS'] });
    expect(
      (await org.run('Remove-ExchangeCertificate', { thumbprint: iis.Thumbprint, confirm: false })).errors,
    ).toEqual([]);
    const auth = (await org.get()).find((c) => c.FriendlyName === 'Microsoft Exchange Server Auth Certificate')!;
    expect(
      (await org.run('Remove-ExchangeCertificate', { thumbprint: auth.Thumbprint, confirm: false })).errors,
    ).toEqual([]);
  });

  it('rule 112: a certificate without its key fails the validity check and cannot be removed', async () => {
    const org = await testOrg();
    const res = (await org.get({ server: 'RESEXCH01' }))[0]!;
    await org.run('Import-ExchangeCertificate', { fileData: res.RawData });
    const before = org.snapshot();
    const r = await org.run('Remove-ExchangeCertificate', { thumbprint: res.Thumbprint, confirm: false });
    expect(r.errors[0]!.message).toBe(
      `${RPC}The certificate with thumbprint ${res.Thumbprint} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
    );
    expect(org.snapshot()).toBe(before);
  });

  it('rule 90: removes a pending request too; -WhatIf removes nothing', async () => {
    const org = await testOrg();
    await org.run('New-ExchangeCertificate', { generateRequest: true, domainName: ['mail.contoso.com'] });
    const pending = (await org.get()).find((c) => c.Status === 'PendingRequest')!;
    const before = org.snapshot();
    const w = await org.run('Remove-ExchangeCertificate', { thumbprint: pending.Thumbprint, whatIf: true });
    expect(w.hostLines).toEqual([`What if: Removing the certificate with thumbprint '${pending.Thumbprint}'.`]);
    expect(w.prompts).toEqual([]);
    expect(org.snapshot()).toBe(before);
    await org.run('Remove-ExchangeCertificate', { thumbprint: pending.Thumbprint, confirm: false });
    expect((await org.get()).some((c) => c.Status === 'PendingRequest')).toBe(false);
  });
});
