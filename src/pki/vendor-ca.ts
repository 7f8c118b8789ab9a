// A simulated public CA (root + issuing intermediate) that signs Exchange certificate requests.
import { buildCertificate } from './build-certificate.js';
import type { BinaryInput } from './bytes.js';
import { addMonthsUtc, truncateToSeconds } from './calendar.js';
import {
  basicConstraintsExtension,
  keyUsageExtension,
  subjectKeyIdentifierExtension,
} from './certificate-extensions.js';
import type { CertificateExtension } from './certificate-extensions.js';
import { LruCache } from './lru-cache.js';
import { certsOnlyPkcs7 } from './pkcs7.js';
import { parsedCertificate, readCertificate } from './certificate-info.js';
import type { CertificateInfo } from './certificate-info.js';
import type { CertificateRequestInfo } from './certificate-request.js';
import { authorityKeyIdentifierFor, issueCertificate } from './certificate.js';
import { toPem } from './pem.js';
import { PkiError } from './pki-error.js';
import { exportPrivateKeyPem, exportPublicKeySpki, generateRsaKeyPair, importPrivateKeyPkcs8 } from './rsa-key.js';
import type { RsaKeyPair, RsaKeySize } from './rsa-key.js';
import { encodeX500Name } from './x500-name.js';
import type { X500Name } from './x500-name.js';

/** One CA certificate with its key, as PEM text. */
export interface VendorCaCertificateState {
  readonly certificatePem: string;
  /** Unencrypted PKCS#8 PEM. */
  readonly privateKeyPem: string;
}

/** Everything needed to restore a vendor CA; plain JSON. */
export interface VendorCaState {
  readonly format: 'exchcert-vendor-ca/1';
  readonly name: string;
  readonly root: VendorCaCertificateState;
  readonly intermediate: VendorCaCertificateState;
}

/** Options for {@link createVendorCa}. */
export interface CreateVendorCaOptions {
  /** The vendor's name, used as O and in the CNs (`<name> Root CA`, `<name> TLS Issuing CA`). */
  readonly name: string;
  /** Creation instant (NotBefore of both CA certificates); default now. */
  readonly now?: Date;
  /** RSA key size of both CA keys; default 2048. */
  readonly keySize?: RsaKeySize;
}

/** A certificate the vendor CA issued, in the forms a CA hands out. */
export interface VendorIssuedCertificate {
  /** The leaf certificate, read back. */
  readonly certificate: CertificateInfo;
  /** The leaf as DER (.cer). */
  readonly der: Uint8Array;
  /** The leaf as PEM. */
  readonly pem: string;
  /** Leaf then intermediate, PEM, concatenated. */
  readonly chainPem: string;
  /** Leaf and intermediate as a certs-only PKCS#7 SignedData (.p7b), DER. */
  readonly pkcs7: Uint8Array;
}

/** A loaded vendor CA. */
export interface VendorCa {
  readonly name: string;
  readonly state: VendorCaState;
  readonly root: CertificateInfo;
  readonly intermediate: CertificateInfo;
  /** Issues a TLS server certificate for a request (signature checked), signed by the intermediate. */
  issue(
    request: string | BinaryInput | CertificateRequestInfo,
    options?: { readonly days?: number; readonly now?: Date },
  ): Promise<VendorIssuedCertificate>;
}

const attr = (type: 'O' | 'CN', value: string): X500Name[number] => [
  { type, oid: type === 'O' ? '2.5.4.10' : '2.5.4.3', value },
];

/**
 * Creates a vendor CA: a self-signed root (20 years) and an intermediate (10 years), both with Basic Constraints CA
 * (critical), Key Usage keyCertSign + cRLSign (critical) and a Subject Key Identifier; the intermediate also has an
 * Authority Key Identifier and path length 0. Returns the state to store.
 * @example
 * const state = await createVendorCa({ name: 'Contoso Trust' });
 * const ca = loadVendorCa(state);
 */
export async function createVendorCa(options: CreateVendorCaOptions): Promise<VendorCaState> {
  const name = options.name.trim();
  if (name === '') throw new PkiError('INVALID_ARGUMENT', 'A vendor CA needs a non-empty name.');
  const now = truncateToSeconds(options.now ?? new Date());
  const [rootKey, interKey] = await Promise.all([
    generateRsaKeyPair(options.keySize ?? 2048),
    generateRsaKeyPair(options.keySize ?? 2048),
  ]);
  const rootName = encodeX500Name([attr('O', name), attr('CN', `${name} Root CA`)]);
  const rootDer = await caCertificate({
    subject: rootName,
    issuer: rootName,
    key: rootKey,
    signer: rootKey,
    notBefore: now,
    notAfter: addMonthsUtc(now, 240),
  });
  const root = readCertificate(rootDer);
  const interName = encodeX500Name([attr('O', name), attr('CN', `${name} TLS Issuing CA`)]);
  const interDer = await caCertificate({
    subject: interName,
    issuer: rootName,
    key: interKey,
    signer: rootKey,
    notBefore: now,
    notAfter: addMonthsUtc(now, 120),
    pathLength: 0,
    issuerInfo: root,
  });
  return Object.freeze({
    format: 'exchcert-vendor-ca/1',
    name,
    root: Object.freeze({ certificatePem: toPem(rootDer, 'CERTIFICATE'), privateKeyPem: exportPrivateKeyPem(rootKey) }),
    intermediate: Object.freeze({
      certificatePem: toPem(interDer, 'CERTIFICATE'),
      privateKeyPem: exportPrivateKeyPem(interKey),
    }),
  });
}

async function caCertificate(p: {
  subject: Uint8Array;
  issuer: Uint8Array;
  key: RsaKeyPair;
  signer: RsaKeyPair;
  notBefore: Date;
  notAfter: Date;
  pathLength?: number;
  issuerInfo?: CertificateInfo;
}): Promise<Uint8Array> {
  const spki = exportPublicKeySpki(p.key);
  const extensions: CertificateExtension[] = [
    basicConstraintsExtension(true, p.pathLength, true),
    keyUsageExtension(['keyCertSign', 'cRLSign'], true),
    await subjectKeyIdentifierExtension(spki),
  ];
  if (p.issuerInfo) extensions.push(await authorityKeyIdentifierFor(p.issuerInfo));
  return buildCertificate({
    subject: p.subject,
    issuer: p.issuer,
    publicKey: spki,
    signingKey: p.signer,
    hash: 'SHA-256',
    notBefore: p.notBefore,
    notAfter: p.notAfter,
    extensions,
  });
}

/**
 * Restores a vendor CA from its stored state; throws PkiError INVALID_ARGUMENT when the state is not one.
 * @example
 * const ca = loadVendorCa(JSON.parse(stored));
 * const issued = await ca.issue(requestText, { days: 365 });
 * writeFileSync('mail.p7b', issued.pkcs7);
 */
export function loadVendorCa(state: VendorCaState): VendorCa {
  if (state?.format !== 'exchcert-vendor-ca/1')
    throw new PkiError(
      'INVALID_ARGUMENT',
      'The data is not a stored vendor CA (format exchcert-vendor-ca/1 expected).',
    );
  const key = [
    state.name,
    state.root.certificatePem,
    state.intermediate.certificatePem,
    state.intermediate.privateKeyPem,
  ].join('\n');
  return LOADED.get(key, () => load(state));
}

/** Loaded CAs by their stored text: loading parses both certificates and the intermediate's key. */
const LOADED = new LruCache<string, VendorCa>(16);

function load(state: VendorCaState): VendorCa {
  const root = readCertificate(state.root.certificatePem);
  const intermediate = readCertificate(state.intermediate.certificatePem);
  const interKey = importPrivateKeyPkcs8(state.intermediate.privateKeyPem);
  return Object.freeze({
    name: state.name,
    state,
    root,
    intermediate,
    async issue(
      request: string | BinaryInput | CertificateRequestInfo,
      options: { readonly days?: number; readonly now?: Date } = {},
    ): Promise<VendorIssuedCertificate> {
      const leaf = await issueCertificate({
        request,
        issuerCertificate: intermediate.der,
        issuerKey: interKey,
        ...(options.now !== undefined ? { notBefore: options.now } : {}),
        days: options.days ?? 365,
      });
      const pem = toPem(leaf.der, 'CERTIFICATE');
      let pkcs7: Uint8Array | undefined;
      return Object.freeze({
        certificate: leaf,
        der: leaf.der,
        pem,
        chainPem: pem + toPem(intermediate.der, 'CERTIFICATE'),
        // Made when first asked for (only a .p7b file wants it).
        get pkcs7(): Uint8Array {
          return (pkcs7 ??= certsOnlyPkcs7([parsedCertificate(leaf), parsedCertificate(intermediate)]));
        },
      });
    },
  });
}
