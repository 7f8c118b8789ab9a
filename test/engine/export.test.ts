// Export-ExchangeCertificate: PFX and request export, its checks and -FileName (rules 82-89, 100, 105, 111).
import { describe, expect, it } from '@jest/globals';
import { createPublicKey } from 'node:crypto';
import { parseCertificateRequest, readCertificate, readPfx, toKeyPair } from '../../src/pki/index.js';
import { secret } from '../../src/node/secret.js';
import type { ExchangeCertificate } from '../../src/spec/output/exchange-certificate.js';
import { scratch } from '../pki/openssl.js';
import { bySubject, testOrg } from './support/test-org.js';
import type { TestOrg } from './support/test-org.js';

const RPC = 'A special Rpc error occurs on server AMS-EXCH01: ';
const PW = secret('Pass1word');

async function exportable(org: TestOrg): Promise<ExchangeCertificate> {
  const r = await org.run('New-ExchangeCertificate', {
    domainName: ['mail.contoso.com'],
    privateKeyExportable: true,
    services: ['None'],
  });
  return r.output[0] as ExchangeCertificate;
}

describe('Export-ExchangeCertificate', () => {
  it('rules 82, 84: -BinaryEncoded gives FileData with a PFX holding the certificate and its key (no chain)', async () => {
    const org = await testOrg();
    const c = await exportable(org);
    const r = await org.run('Export-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      binaryEncoded: true,
      password: PW,
    });
    expect(r.errors).toEqual([]);
    const pfx = readPfx((r.output[0] as { FileData: Uint8Array }).FileData, 'Pass1word');
    expect(pfx.certificates).toHaveLength(1);
    expect(readCertificate(pfx.endEntity).thumbprint).toBe(c.Thumbprint);
    expect(pfx.hasPrivateKey).toBe(true);
    const spki = createPublicKey(toKeyPair(pfx.privateKey!).privateKey).export({ type: 'spki', format: 'der' });
    expect(Buffer.from(spki).equals(Buffer.from(readCertificate(c.RawData).publicKey))).toBe(true);
  });

  it('rule 111: the PFX is encrypted like Windows exports it (3DES key bag, SHA-1 MAC, 2000 iterations)', async () => {
    const org = await testOrg();
    const c = await exportable(org);
    const r = await org.run('Export-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      binaryEncoded: true,
      password: PW,
    });
    const tmp = scratch();
    try {
      tmp.write('x.pfx', (r.output[0] as { FileData: Uint8Array }).FileData);
      const info = tmp.openssl(
        'pkcs12',
        '-in',
        'x.pfx',
        '-passin',
        'pass:Pass1word',
        '-info',
        '-nodes',
        '-out',
        'x.pem',
      );
      expect(info.status).toBe(0);
      expect(info.stderr).toContain('MAC: sha1, Iteration 2000');
      expect(info.stderr).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2000');
    } finally {
      tmp.remove();
    }
  });

  it('rule 85: without -BinaryEncoded a certificate comes out as one line of Base64 of the PFX', async () => {
    const org = await testOrg();
    const c = await exportable(org);
    const r = await org.run('Export-ExchangeCertificate', { thumbprint: c.Thumbprint, password: PW });
    const text = r.output[0] as string;
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(readCertificate(readPfx(Buffer.from(text, 'base64'), 'Pass1word').endEntity).thumbprint).toBe(c.Thumbprint);
  });

  it('rules 82, 85, 100: a pending request exports as its request text, or DER with -BinaryEncoded', async () => {
    const org = await testOrg();
    const made = await org.run('New-ExchangeCertificate', { generateRequest: true, domainName: ['mail.contoso.com'] });
    const pending = (await org.get()).find((c) => c.Status === 'PendingRequest')!;
    const text = (await org.run('Export-ExchangeCertificate', { thumbprint: pending.Thumbprint })).output[0] as string;
    expect(text).toBe(made.output[0]);
    expect(text.startsWith('-----BEGIN NEW CERTIFICATE REQUEST-----\r\n')).toBe(true);
    const der = (
      (await org.run('Export-ExchangeCertificate', { thumbprint: pending.Thumbprint, binaryEncoded: true }))
        .output[0] as { FileData: Uint8Array }
    ).FileData;
    expect(parseCertificateRequest(der).der).toEqual(parseCertificateRequest(text).der);
  });

  it('rules 83, 105: no key, then empty password, then not exportable — each with its error, nothing written', async () => {
    const org = await testOrg();
    const res = (await org.get({ server: 'RESEXCH01' }))[0]!;
    await org.run('Import-ExchangeCertificate', { fileData: res.RawData });
    const noKey = await org.run('Export-ExchangeCertificate', { thumbprint: res.Thumbprint, binaryEncoded: true });
    expect(noKey.errors[0]!.message).toBe(
      `${RPC}The certificate doesn't have a private key, so it can't be exported as PKCS-12.`,
    );
    expect(noKey.errors[0]!.category).toBe('InvalidArgument');
    const ex = bySubject(await org.get(), 'CN=AMS-EXCH01');
    const noPw = await org.run('Export-ExchangeCertificate', {
      thumbprint: ex.Thumbprint,
      binaryEncoded: true,
      password: secret(''),
    });
    expect(noPw.errors[0]!.message).toBe(
      `${RPC}A password is required to export a certificate together with its private key. Use the Password parameter.`,
    );
    const notExportable = await org.run('Export-ExchangeCertificate', {
      thumbprint: ex.Thumbprint,
      binaryEncoded: true,
      password: PW,
      fileName: 'C:\\install\\x.pfx',
    });
    expect(notExportable.errors[0]!.message).toBe(
      `${RPC}The private key couldn't be exported as PKCS-12. It either couldn't be accessed or isn't exportable.`,
    );
    expect(notExportable.errors[0]!.category).toBe('InvalidArgument');
    expect(notExportable.output).toEqual([]);
    expect(org.fs.list()).toEqual([]);
  });

  it('rule 86: -FileName writes the PFX on the server (.pfx appended), output still returned; an existing file is refused first', async () => {
    const org = await testOrg();
    const c = await exportable(org);
    const r = await org.run('Export-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      binaryEncoded: true,
      password: PW,
      fileName: 'C:\\Install\\mail',
    });
    expect(r.output).toHaveLength(1);
    expect(org.fs.readFile('C:\\Install\\mail.pfx')).toEqual((r.output[0] as { FileData: Uint8Array }).FileData);
    const taken = await org.run('Export-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      binaryEncoded: true,
      password: PW,
      fileName: 'C:\\Install\\mail',
    });
    expect(taken.errors[0]!.message).toBe(
      "The file name isn't valid or the file already exists on server AMS-EXCH01. Specify a new file name.",
    );
    expect(taken.errors[0]!.category).toBe('InvalidArgument');
    const text = await org.run('Export-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      password: PW,
      fileName: 'C:\\Install\\mail-b64.txt',
    });
    expect(Buffer.from(org.fs.readFile('C:\\Install\\mail-b64.txt.pfx')).toString('utf8')).toBe(text.output[0]);
  });

  it('rule 86: a failed -FileName write is a cmdlet-side InvalidOperation error after the output', async () => {
    const org = await testOrg();
    const c = await exportable(org);
    const r = await org.run('Export-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      binaryEncoded: true,
      password: PW,
      fileName: 'Z:\\nowhere\\mail.pfx',
    });
    expect(r.output).toHaveLength(1);
    expect(r.errors[0]!.message).toBe(
      "The exported data couldn't be written to the file. Could not find a part of the path 'Z:\\nowhere\\mail.pfx'.",
    );
    expect(r.errors[0]!.category).toBe('InvalidOperation');
  });

  it('rule 88: an exported request is no certificate: importing it elsewhere fails', async () => {
    const org = await testOrg();
    await org.run('New-ExchangeCertificate', { generateRequest: true, domainName: ['mail.contoso.com'] });
    const pending = (await org.get()).find((c) => c.Status === 'PendingRequest')!;
    const der = (
      (await org.run('Export-ExchangeCertificate', { thumbprint: pending.Thumbprint, binaryEncoded: true }))
        .output[0] as { FileData: Uint8Array }
    ).FileData;
    const r = await org.run('Import-ExchangeCertificate', { server: 'RESEXCH01', fileData: der });
    expect(r.errors[0]!.message).toBe(
      'A special Rpc error occurs on server RESEXCH01: The source data cannot be imported or the wrong password was specified.',
    );
  });

  it('rule 89: an unknown thumbprint is "not found" (ObjectNotFound); an empty one a cmdlet-side error', async () => {
    const org = await testOrg();
    const r = await org.run('Export-ExchangeCertificate', { thumbprint: 'DEAD' });
    expect(r.errors[0]!.message).toBe(`${RPC}The certificate with thumbprint DEAD was not found.`);
    expect(r.errors[0]!.category).toBe('ObjectNotFound');
    const e = await org.run('Export-ExchangeCertificate', { thumbprint: '' });
    expect(e.errors[0]!.message).toBe('The Thumbprint parameter cannot be an empty string.');
  });

  it('rule 11: -WhatIf exports nothing and writes no file', async () => {
    const org = await testOrg();
    const c = await exportable(org);
    const r = await org.run('Export-ExchangeCertificate', {
      thumbprint: c.Thumbprint,
      binaryEncoded: true,
      password: PW,
      fileName: 'C:\\x.pfx',
      whatIf: true,
    });
    expect(r.output).toEqual([]);
    expect(r.hostLines).toEqual([`What if: Exporting the certificate with thumbprint '${c.Thumbprint}'.`]);
    expect(org.fs.list()).toEqual([]);
  });
});
