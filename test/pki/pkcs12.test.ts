import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pickEndEntityCertificate, readPfx, writePfx } from '../../src/pki/pkcs12.js';
import { createSelfSignedCertificate, readCertificate, thumbprintOf } from '../../src/pki/certificate.js';
import type { CertificateInfo } from '../../src/pki/certificate.js';
import { buildCertificate } from '../../src/pki/build-certificate.js';
import { encodeX500Name, parseX500Name } from '../../src/pki/x500-name.js';
import { exportPrivateKeyPkcs8, exportPublicKeySpki, generateRsaKeyPair, toKeyPair } from '../../src/pki/rsa-key.js';
import type { RsaKeyPair } from '../../src/pki/rsa-key.js';
import { SOURCE_DATA_CANNOT_BE_IMPORTED } from '../../src/pki/pki-error.js';
import { scratch } from './openssl.js';
import { caught } from './caught.js';

const PASSWORD = 'P@ssw0rd!';
const tmp = scratch();
let pair: RsaKeyPair;
let cert: CertificateInfo;
let rootDer: Uint8Array;
let opensslLeaf: Buffer;
let opensslCa: Buffer;

const fingerprint = (pemFile: string): string =>
  tmp
    .openssl('x509', '-in', pemFile, '-noout', '-fingerprint', '-sha1')
    .stdout.trim()
    .split('=')[1]!
    .replaceAll(':', '');

beforeAll(async () => {
  pair = await generateRsaKeyPair(2048);
  cert = await createSelfSignedCertificate({
    key: pair,
    subject: 'CN=mail.contoso.com',
    dnsNames: ['mail.contoso.com'],
  });
  rootDer = await buildCertificate({
    subject: encodeX500Name(parseX500Name('CN=Chain Root')),
    issuer: encodeX500Name(parseX500Name('CN=Chain Root')),
    publicKey: exportPublicKeySpki(pair),
    signingKey: pair,
    hash: 'SHA-256',
    notBefore: new Date(),
    notAfter: new Date(Date.now() + 86_400_000),
    extensions: [],
  });
  // An openssl CA (keyCertSign) and a leaf it issued (digitalSignature), both with Key Usage.
  tmp.write(
    'ext.cnf',
    'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:owa.contoso.com\n',
  );
  const steps = [
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-subj',
      '/CN=OpenSSL Test CA',
      '-days',
      '30',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
      '-subj',
      '/CN=owa.contoso.com',
    ],
    [
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      '7',
      '-out',
      'leaf.pem',
      '-days',
      '30',
      '-extfile',
      'ext.cnf',
    ],
    [
      'pkcs12',
      '-export',
      '-in',
      'leaf.pem',
      '-inkey',
      'leaf.key',
      '-certfile',
      'ca.pem',
      '-name',
      'OWA 2026',
      '-passout',
      `pass:${PASSWORD}`,
      '-out',
      'aes.pfx',
    ],
    [
      'pkcs12',
      '-export',
      '-in',
      'leaf.pem',
      '-inkey',
      'leaf.key',
      '-certfile',
      'ca.pem',
      '-certpbe',
      'PBE-SHA1-3DES',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
      '-passout',
      `pass:${PASSWORD}`,
      '-out',
      '3des.pfx',
    ],
    ['pkcs12', '-export', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-passout', 'pass:', '-out', 'nopass.pfx'],
    // Windows Server 2012 R2 export format: RC2-40 certificate bag, 3DES key bag, SHA-1 MAC (rule 111).
    [
      'pkcs12',
      '-export',
      '-legacy',
      '-in',
      'leaf.pem',
      '-inkey',
      'leaf.key',
      '-certfile',
      'ca.pem',
      '-passout',
      `pass:${PASSWORD}`,
      '-out',
      'rc2.pfx',
    ],
  ];
  for (const args of steps) {
    const r = tmp.openssl(...args);
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  }
  tmp.write('ca-then-leaf.pem', Buffer.concat([tmp.read('ca.pem'), tmp.read('leaf.pem')]));
  const r = tmp.openssl(
    'pkcs12',
    '-export',
    '-nokeys',
    '-in',
    'ca-then-leaf.pem',
    '-passout',
    `pass:${PASSWORD}`,
    '-out',
    'certs-only.pfx',
  );
  if (r.status !== 0) throw new Error(r.stderr);
  opensslLeaf = tmp.read('leaf.pem');
  opensslCa = tmp.read('ca.pem');
});
afterAll(() => tmp.remove());

describe('writePfx', () => {
  it('writes a 3DES PFX (Windows export style) that OpenSSL 3 opens without -legacy; the key matches the certificate', () => {
    tmp.write(
      'ours.pfx',
      writePfx({ key: pair, certificate: cert.der, password: PASSWORD, friendlyName: 'Microsoft Exchange' }),
    );
    const info = tmp.openssl(
      'pkcs12',
      '-in',
      'ours.pfx',
      '-passin',
      `pass:${PASSWORD}`,
      '-info',
      '-nodes',
      '-out',
      'ours-all.pem',
    );
    expect(info.status).toBe(0);
    expect(info.stderr).toContain('MAC: sha1, Iteration 2000');
    expect(info.stderr).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2000');
    expect(tmp.read('ours-all.pem').toString()).toContain('friendlyName: Microsoft Exchange');
    expect(
      tmp.openssl('pkcs12', '-in', 'ours.pfx', '-passin', `pass:${PASSWORD}`, '-nokeys', '-out', 'ours-cert.pem')
        .status,
    ).toBe(0);
    expect(
      tmp.openssl(
        'pkcs12',
        '-in',
        'ours.pfx',
        '-passin',
        `pass:${PASSWORD}`,
        '-nocerts',
        '-nodes',
        '-out',
        'ours-key.pem',
      ).status,
    ).toBe(0);
    const certModulus = tmp.openssl('x509', '-in', 'ours-cert.pem', '-noout', '-modulus').stdout.trim();
    const keyModulus = tmp.openssl('rsa', '-in', 'ours-key.pem', '-noout', '-modulus').stdout.trim();
    expect(certModulus).toMatch(/^Modulus=[0-9A-F]{512}$/);
    expect(keyModulus).toBe(certModulus);
    expect(fingerprint('ours-cert.pem')).toBe(cert.thumbprint);
  });

  it('is refused by openssl with a wrong password', () => {
    tmp.write('ours2.pfx', writePfx({ key: pair, certificate: cert.der, password: PASSWORD }));
    const r = tmp.openssl('pkcs12', '-in', 'ours2.pfx', '-passin', 'pass:wrong', '-nodes', '-out', 'x.pem');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/mac verify (error|failure)/i);
  });

  it('writes AES-256 (PBES2) when asked, with the chain after the leaf', () => {
    const pfx = writePfx({
      key: pair,
      certificate: cert.der,
      chain: [rootDer],
      password: PASSWORD,
      algorithm: 'aes256',
      friendlyName: 'Contoso',
    });
    tmp.write('aes-ours.pfx', pfx);
    const info = tmp.openssl(
      'pkcs12',
      '-in',
      'aes-ours.pfx',
      '-passin',
      `pass:${PASSWORD}`,
      '-info',
      '-nodes',
      '-out',
      'aes-ours.pem',
    );
    expect(info.status).toBe(0);
    expect(info.stderr).toMatch(/PBES2, PBKDF2, AES-256-CBC/);
    const back = readPfx(pfx, PASSWORD);
    expect(back.certificates.map(thumbprintOf)).toEqual([cert.thumbprint, thumbprintOf(rootDer)]);
    expect(back.friendlyName).toBe('Contoso');
    expect(back.hasPrivateKey).toBe(true);
    expect(Buffer.from(back.privateKey!).equals(Buffer.from(exportPrivateKeyPkcs8(pair)))).toBe(true);
  });

  it('refuses a key that does not belong to the certificate', () => {
    const other = readCertificate(opensslLeaf);
    expect(caught(() => writePfx({ key: pair, certificate: other.der, password: PASSWORD })).code).toBe('INVALID_KEY');
  });
});

describe('readPfx', () => {
  it('reads an OpenSSL 3 default PFX (AES-256, hmacWithSHA256, encrypted cert safe, SHA-256 MAC)', () => {
    const info = tmp.openssl('pkcs12', '-in', 'aes.pfx', '-passin', `pass:${PASSWORD}`, '-info', '-noout');
    expect(info.stderr).toContain('MAC: sha256');
    expect(info.stderr).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration \d+, PRF hmacWithSHA256/);
    const pfx = readPfx(tmp.read('aes.pfx'), PASSWORD);
    expect(pfx.certificates).toHaveLength(2);
    expect(pfx.endEntityIndex).toBe(0);
    expect(thumbprintOf(pfx.endEntity)).toBe(fingerprint('leaf.pem'));
    expect(thumbprintOf(pfx.certificates[1]!)).toBe(fingerprint('ca.pem'));
    expect(pfx.friendlyName).toBe('OWA 2026');
    expect(pfx.hasPrivateKey).toBe(true);
    const key = toKeyPair(pfx.privateKey!);
    expect(key.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('reads a legacy 3DES PFX', () => {
    const pfx = readPfx(tmp.read('3des.pfx'), PASSWORD);
    expect(thumbprintOf(pfx.endEntity)).toBe(fingerprint('leaf.pem'));
    expect(pfx.hasPrivateKey).toBe(true);
  });

  it('reads the older Windows export format with an RC2-40 certificate bag', () => {
    expect(
      tmp.openssl('pkcs12', '-in', 'rc2.pfx', '-legacy', '-passin', `pass:${PASSWORD}`, '-info', '-noout').stderr,
    ).toContain('pbeWithSHA1And40BitRC2-CBC');
    const pfx = readPfx(tmp.read('rc2.pfx'), PASSWORD);
    expect(pfx.certificates.map(thumbprintOf)).toEqual([fingerprint('leaf.pem'), fingerprint('ca.pem')]);
    expect(pfx.hasPrivateKey).toBe(true);
  });

  it('reads a PFX with an empty password whether the password is omitted or empty', () => {
    expect(readPfx(tmp.read('nopass.pfx')).hasPrivateKey).toBe(true);
    expect(readPfx(tmp.read('nopass.pfx'), '').hasPrivateKey).toBe(true);
  });

  it('gives WRONG_PASSWORD and UNREADABLE_DATA with Exchange text', () => {
    const wrong = caught(() => readPfx(tmp.read('aes.pfx'), 'not it'));
    expect(wrong.code).toBe('WRONG_PASSWORD');
    expect(wrong.message).toBe('The source data cannot be imported or the wrong password was specified.');
    expect(caught(() => readPfx(tmp.read('3des.pfx'))).code).toBe('WRONG_PASSWORD');
    const garbage = caught(() => readPfx(Buffer.from('definitely not a pfx')));
    expect(garbage.code).toBe('UNREADABLE_DATA');
    expect(garbage.message).toBe(SOURCE_DATA_CANNOT_BE_IMPORTED);
    expect(caught(() => readPfx(opensslLeaf)).code).toBe('UNREADABLE_DATA');
    expect(caught(() => readPfx(readCertificate(opensslLeaf).der, PASSWORD)).code).toBe('UNREADABLE_DATA');
  });
});

describe('end-entity choice (rule 65)', () => {
  it('picks the first certificate with Key Usage lacking keyCertSign, whatever the order', () => {
    const pfx = readPfx(tmp.read('certs-only.pfx'), PASSWORD);
    expect(pfx.certificates.map(thumbprintOf)).toEqual([fingerprint('ca.pem'), fingerprint('leaf.pem')]);
    expect(pfx.endEntityIndex).toBe(1);
    expect(pfx.privateKey).toBeUndefined();
    expect(pfx.hasPrivateKey).toBe(false);
  });

  it('takes a lone certificate as it is, even a CA', () => {
    expect(pickEndEntityCertificate([readCertificate(opensslCa).der])).toBe(0);
  });

  it('fails with the unreadable-data error when no certificate qualifies', () => {
    const leafWithoutKeyUsage = rootDer; // no extensions at all
    const error = caught(() => pickEndEntityCertificate([readCertificate(opensslCa).der, leafWithoutKeyUsage]));
    expect(error.code).toBe('UNREADABLE_DATA');
    expect(error.message).toBe(SOURCE_DATA_CANNOT_BE_IMPORTED);
    expect(caught(() => pickEndEntityCertificate([])).code).toBe('UNREADABLE_DATA');
  });
});
