// Import-ExchangeCertificate: completing requests, PFX/.cer/PKCS#7 input and its errors (rules 59-69, 104).
import { describe, expect, it } from '@jest/globals';
import { createSelfSignedCertificate, readPfx, toPem, writePfx } from '../../src/pki/index.js';
import { secret } from '../../src/node/secret.js';
import type { ExchangeCertificate } from '../../src/spec/output/exchange-certificate.js';
import { pooledKeys } from './support/key-pool.js';
import { BASE_TIME, testOrg } from './support/test-org.js';
import { requestAndIssue, trustVendor, vendorCa } from './support/vendor.js';

const RPC = 'A special Rpc error occurs on server AMS-EXCH01: ';
const SOURCE = 'The source data cannot be imported or the wrong password was specified.';

/** A PFX made outside Exchange (as a vendor or another server would hand it out). */
async function externalPfx(
  password: string,
  options: { chain?: Uint8Array[]; friendlyName?: string } = {},
): Promise<{ pfx: Uint8Array; thumbprint: string }> {
  const key = await pooledKeys(2048);
  const cert = await createSelfSignedCertificate({
    key,
    subject: 'CN=AMS-EXCH01.labs.local',
    dnsNames: ['AMS-EXCH01.labs.local'],
    notBefore: BASE_TIME,
  });
  const pfx = writePfx({
    key,
    certificate: cert.der,
    password,
    ...(options.chain ? { chain: options.chain } : {}),
    ...(options.friendlyName ? { friendlyName: options.friendlyName } : {}),
  });
  return { pfx, thumbprint: cert.thumbprint };
}

describe('Import-ExchangeCertificate', () => {
  it('rule 62: completes the pending request on that server: new thumbprint, request gone, key kept, -FriendlyName applied', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    trustVendor(org, ca);
    const { issued, pendingThumbprint } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', [
      'mail.contoso.com',
    ]);
    const r = await org.run('Import-ExchangeCertificate', { fileData: issued.der, friendlyName: 'Mail 2024' });
    expect(r.errors).toEqual([]);
    const c = r.output[0] as ExchangeCertificate;
    expect(c.Thumbprint).toBe(issued.certificate.thumbprint);
    expect(c.Thumbprint).not.toBe(pendingThumbprint);
    expect(c.HasPrivateKey).toBe(true);
    expect(c.FriendlyName).toBe('Mail 2024');
    expect(c.Status).toBe('Valid');
    const certs = await org.get();
    expect(certs.map((x) => x.Thumbprint)).not.toContain(pendingThumbprint);
    expect(certs.some((x) => x.Status === 'PendingRequest')).toBe(false);
  });

  it('rule 62: the answer does not complete a request of another server (it is imported as a certificate without key)', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com']);
    const r = await org.run('Import-ExchangeCertificate', { server: 'RESEXCH01', fileData: issued.der });
    expect((r.output[0] as ExchangeCertificate).HasPrivateKey).toBe(false);
    expect((await org.get()).some((x) => x.Status === 'PendingRequest')).toBe(true);
  });

  it('rules 59, 63: a PKCS#7 answer completes the request; with an untrusted root it still completes and shows Untrusted', async () => {
    const org = await testOrg();
    const ca = await vendorCa('Untrusted Vendor');
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com']);
    const r = await org.run('Import-ExchangeCertificate', { fileData: issued.pkcs7 });
    const c = r.output[0] as ExchangeCertificate;
    expect(c.HasPrivateKey).toBe(true);
    expect(c.Status).toBe('Untrusted');
    expect(c.RootCAType).toBe('Unknown');
  });

  it('rule 59: PEM text of one certificate is read; several concatenated certificates are unreadable', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com']);
    const before = org.snapshot();
    const chain = await org.run('Import-ExchangeCertificate', {
      server: 'RESEXCH01',
      fileData: new Uint8Array(Buffer.from(issued.chainPem)),
    });
    expect(chain.errors[0]!.message).toBe(
      "A special Rpc error occurs on server RESEXCH01: The certificate data isn't valid Base64 data and can't be imported.",
    );
    expect(chain.errors[0]!.category).toBe('ReadError');
    expect(org.snapshot()).toBe(before);
    const pem = await org.run('Import-ExchangeCertificate', { fileData: new Uint8Array(Buffer.from(issued.pem)) });
    expect((pem.output[0] as ExchangeCertificate).HasPrivateKey).toBe(true);
  });

  it('rule 61: -FileName reads the file on the server; an unreadable path is a cmdlet-side InvalidOperation error', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com']);
    org.fs.writeFile('C:\\install\\mail.cer', issued.der);
    const ok = await org.run('Import-ExchangeCertificate', { fileName: 'C:\\install\\mail.cer' });
    expect((ok.output[0] as ExchangeCertificate).Thumbprint).toBe(issued.certificate.thumbprint);
    const bad = await org.run('Import-ExchangeCertificate', { fileName: 'C:\\install\\missing.cer' });
    expect(bad.errors[0]!.message).toBe(
      "The file couldn't be read on server AMS-EXCH01. Could not find file 'C:\\install\\missing.cer'.",
    );
    expect(bad.errors[0]!.category).toBe('InvalidOperation');
  });

  it('rule 64: a PFX with the right password is installed with its key; a wrong password gives the exact ReadError and changes nothing', async () => {
    const org = await testOrg();
    const { pfx, thumbprint } = await externalPfx('Pass1word');
    const before = org.snapshot();
    const wrong = await org.run('Import-ExchangeCertificate', { fileData: pfx, password: secret('nope') });
    expect(wrong.output).toEqual([]);
    expect(wrong.errors[0]!.message).toBe(`${RPC}${SOURCE}`);
    expect(wrong.errors[0]!.category).toBe('ReadError');
    expect(wrong.errors[0]!.fullyQualifiedErrorId).toMatch(
      /\[FailureCategory=Cmdlet-InvalidOperationException\] [0-9A-F]{8},Microsoft\.Exchange\.Management\.SystemConfigurationTasks\.ImportExchangeCertificate$/,
    );
    expect(org.snapshot()).toBe(before);
    const none = await org.run('Import-ExchangeCertificate', { fileData: pfx });
    expect(none.errors[0]!.message).toBe(`${RPC}${SOURCE}`);
    const ok = await org.run('Import-ExchangeCertificate', { fileData: pfx, password: secret('Pass1word') });
    const c = ok.output[0] as ExchangeCertificate;
    expect(c.Thumbprint).toBe(thumbprint);
    expect(c.HasPrivateKey).toBe(true);
    expect(c.ServicesStringForm).toBe('IP.....');
  });

  it('rule 65: from a PFX with a chain only the end-entity certificate is installed', async () => {
    const org = await testOrg();
    const ca = await vendorCa();
    const { issued } = await requestAndIssue(org, ca, 'RESEXCH01', 'CN=mail.contoso.com', ['mail.contoso.com']);
    const done = await org.run('Import-ExchangeCertificate', { server: 'RESEXCH01', fileData: issued.der });
    expect(done.errors).toEqual([]);
    const rec = org.store.read((tx) =>
      tx.listCertificates('RESEXCH01').find((r) => r.thumbprint === issued.certificate.thumbprint)!,
    );
    const pfx = writePfx({
      key: rec.privateKey!,
      certificate: rec.der,
      chain: [ca.intermediate.der, ca.root.der],
      password: 'pw',
    });
    const before = org.store.read((tx) => tx.listCertificates('AMS-EXCH01').length);
    const r = await org.run('Import-ExchangeCertificate', { fileData: pfx, password: secret('pw') });
    expect((r.output[0] as ExchangeCertificate).Thumbprint).toBe(issued.certificate.thumbprint);
    expect(org.store.read((tx) => tx.listCertificates('AMS-EXCH01').length)).toBe(before + 1);
  });

  it('rule 66: importing a certificate that is already there is refused with the exact text (WriteError), nothing changes', async () => {
    const org = await testOrg();
    const { pfx, thumbprint } = await externalPfx('pw');
    await org.run('Import-ExchangeCertificate', { fileData: pfx, password: secret('pw') });
    const before = org.snapshot();
    const r = await org.run('Import-ExchangeCertificate', { fileData: pfx, password: secret('pw') });
    expect(r.errors[0]!.message).toBe(
      `${RPC}Cannot import certificate. A certificate with the thumbprint ${thumbprint} already exists.`,
    );
    expect(r.errors[0]!.category).toBe('WriteError');
    expect(org.snapshot()).toBe(before);
  });

  it('rule 67: a .cer without its key imports fine but is hidden from Get and cannot be enabled (PrivateKeyMissing)', async () => {
    const org = await testOrg();
    const res = (await org.get({ server: 'RESEXCH01' }))[0]!;
    const r = await org.run('Import-ExchangeCertificate', {
      fileData: new Uint8Array(Buffer.from(toPem(res.RawData, 'CERTIFICATE'))),
    });
    expect(r.errors).toEqual([]);
    expect((r.output[0] as ExchangeCertificate).HasPrivateKey).toBe(false);
    expect((await org.get()).map((c) => c.Thumbprint)).not.toContain(res.Thumbprint);
    const e = await org.run('Enable-ExchangeCertificate', { thumbprint: res.Thumbprint, services: ['IIS'] });
    expect(e.errors[0]!.message).toBe(
      `${RPC}The certificate with thumbprint ${res.Thumbprint} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`,
    );
  });

  it('rule 68: -PrivateKeyExportable keeps a PFX key exportable (default not); a completed request keeps its request-time choice', async () => {
    const org = await testOrg();
    const a = await externalPfx('pw', { friendlyName: 'From PFX' });
    const c1 = (await org.run('Import-ExchangeCertificate', { fileData: a.pfx, password: secret('pw') }))
      .output[0] as ExchangeCertificate;
    expect(c1.PrivateKeyExportable).toBe(false);
    expect(c1.FriendlyName).toBe('From PFX');
    await org.run('Remove-ExchangeCertificate', { thumbprint: c1.Thumbprint, confirm: false });
    const c2 = (
      await org.run('Import-ExchangeCertificate', {
        fileData: a.pfx,
        password: secret('pw'),
        privateKeyExportable: true,
      })
    ).output[0] as ExchangeCertificate;
    expect(c2.PrivateKeyExportable).toBe(true);
    const ca = await vendorCa();
    const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com'], {
      privateKeyExportable: true,
    });
    const c3 = (await org.run('Import-ExchangeCertificate', { fileData: issued.der, privateKeyExportable: false }))
      .output[0] as ExchangeCertificate;
    expect(c3.PrivateKeyExportable).toBe(true);
  });

  it('rule 69: outputs the installed certificate with Identity <ServerFQDN>\\<Thumbprint> and derived services', async () => {
    const org = await testOrg();
    const { pfx } = await externalPfx('pw');
    const c = (
      await org.run('Import-ExchangeCertificate', { server: 'RESEXCH01', fileData: pfx, password: secret('pw') })
    ).output[0] as ExchangeCertificate;
    expect(c.Identity).toBe(`RESEXCH01.labs.local\\${c.Thumbprint}`);
    expect(readPfx(pfx, 'pw').hasPrivateKey).toBe(true);
  });

  it('rule 104: no data at all is an InvalidArgument from the cmdlet; data empty after header stripping a ReadError from the cmdlet', async () => {
    const org = await testOrg();
    const before = org.snapshot();
    const none = await org.run('Import-ExchangeCertificate', {});
    expect(none.errors[0]!.message).toBe(
      'No certificate data was specified for server AMS-EXCH01. Use the FileData, FileName or Instance parameter.',
    );
    expect(none.errors[0]!.category).toBe('InvalidArgument');
    const empty = await org.run('Import-ExchangeCertificate', {
      fileData: new Uint8Array(Buffer.from('-----BEGIN CERTIFICATE----------END CERTIFICATE-----')),
    });
    expect(empty.errors[0]!.message).toBe(SOURCE);
    expect(empty.errors[0]!.category).toBe('ReadError');
    const blank = await org.run('Import-ExchangeCertificate', {
      fileData: new Uint8Array(Buffer.from('-----BEGIN CERTIFICATE-----\r\n-----END CERTIFICATE-----\r\n')),
    });
    expect(blank.errors[0]!.message).toBe(`${RPC}${SOURCE}`);
    const junk = await org.run('Import-ExchangeCertificate', {
      fileData: new Uint8Array([0x30, 0x82, 0x01, 0x05, 0xff]),
    });
    expect(junk.errors[0]!.message).toBe(`${RPC}${SOURCE}`);
    expect(org.snapshot()).toBe(before);
  });

  it('rule 11: -WhatIf imports nothing', async () => {
    const org = await testOrg();
    const { pfx } = await externalPfx('pw');
    const before = org.snapshot();
    const r = await org.run('Import-ExchangeCertificate', { fileData: pfx, password: secret('pw'), whatIf: true });
    expect(r.hostLines).toEqual(['What if: Importing a certificate.']);
    expect(org.snapshot()).toBe(before);
  });

  it('rule 60: FileData bytes from a client-side read (Instance text works too)', async () => {
    const org = await testOrg();
    const res = (await org.get({ server: 'RESEXCH01' }))[0]!;
    const r = await org.run('Import-ExchangeCertificate', { instance: [Buffer.from(res.RawData).toString('base64')] });
    expect((r.output[0] as ExchangeCertificate).Thumbprint).toBe(res.Thumbprint);
  });
});
