// The seed lifecycle's PKI steps as openssl processes (no shell), the reference the mock's figures are measured against.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PASSWORD = 'Pass1word';
const SUBJECT = '/C=NL/ST=Flevoland/L=Emmeloord/O=Exchangefun bv/OU=RND/CN=webmail.exchangefun.nl';
const SAN = 'subjectAltName=DNS:webmail.exchangefun.nl,DNS:autodiscover.exchangefun.nl';

function openssl(dir, args) {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A root and an issuing CA made with openssl once (what the vendor CA is in the mock state). */
export function opensslCa(dir) {
  writeFileSync(
    join(dir, 'ca.ext'),
    'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n',
  );
  writeFileSync(
    join(dir, 'leaf.ext'),
    `keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n${SAN}\n`,
  );
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/O=Vendor/CN=Vendor Root CA',
    '-days',
    '7300',
  ]);
  openssl(dir, [
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'inter.key',
    '-out',
    'inter.csr',
    '-subj',
    '/O=Vendor/CN=Vendor TLS Issuing CA',
  ]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'inter.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-set_serial',
    '0x1001',
    '-out',
    'inter.pem',
    '-days',
    '3650',
    '-extfile',
    'ca.ext',
  ]);
}

/** The lifecycle's PKI steps as openssl processes (no shell): key, request, request check, issue, chain check, PFX out and in, thumbprint. */
export function opensslLifecycle(dir, serial) {
  openssl(dir, ['genrsa', '-out', 'key.pem', '2048']);
  openssl(dir, ['req', '-new', '-key', 'key.pem', '-out', 'req.pem', '-subj', SUBJECT, '-addext', SAN]);
  openssl(dir, ['req', '-verify', '-noout', '-in', 'req.pem']);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'req.pem',
    '-CA',
    'inter.pem',
    '-CAkey',
    'inter.key',
    '-set_serial',
    `0x${serial}`,
    '-days',
    '365',
    '-extfile',
    'leaf.ext',
    '-out',
    'cert.pem',
  ]);
  openssl(dir, ['verify', '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'cert.pem']);
  openssl(dir, [
    'pkcs12',
    '-export',
    '-inkey',
    'key.pem',
    '-in',
    'cert.pem',
    '-name',
    'Microsoft Exchange',
    '-keypbe',
    'PBE-SHA1-3DES',
    '-certpbe',
    'PBE-SHA1-3DES',
    '-macalg',
    'sha1',
    '-iter',
    '2000',
    '-passout',
    `pass:${PASSWORD}`,
    '-out',
    'cert.pfx',
  ]);
  openssl(dir, ['pkcs12', '-in', 'cert.pfx', '-passin', `pass:${PASSWORD}`, '-nodes', '-out', 'all.pem']);
  return openssl(dir, ['x509', '-noout', '-fingerprint', '-sha1', '-in', 'cert.pem']);
}
