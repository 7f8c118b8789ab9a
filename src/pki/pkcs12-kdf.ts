// RFC 7292 B.2 PKCS#12 key derivation (node:crypto plus an unrolled SHA-1 loop), installed into node-forge in place of its slower one.
import { createHash } from 'node:crypto';
import forge from 'node-forge';

const W = new Int32Array(80);

/** Hashes a 20-byte SHA-1 digest (5 big-endian words in `h`) `rounds` more times, in place (each round a fresh one-block SHA-1). */
function iterateSha1(h: Int32Array, rounds: number): void {
  const w = W;
  let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!;
  w.fill(0, 5, 16);
  w[5] = 0x80000000 | 0; // the message is the 20-byte digest: padding bit, zeros, bit length 160
  w[15] = 160;
  for (let r = 0; r < rounds; r++) {
    w[0] = h0; w[1] = h1; w[2] = h2; w[3] = h3; w[4] = h4;
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = 0x67452301, b = 0xefcdab89 | 0, c = 0x98badcfe | 0, d = 0x10325476, e = 0xc3d2e1f0 | 0, t = 0, n = 0;
    for (; t < 20; t++) { n = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[t]!) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = n; }
    for (; t < 40; t++) { n = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[t]!) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = n; }
    for (; t < 60; t++) { n = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + w[t]!) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = n; }
    for (; t < 80; t++) { n = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + w[t]!) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = n; }
    h0 = (0x67452301 + a) | 0; h1 = (0xefcdab89 + b) | 0; h2 = (0x98badcfe + c) | 0; h3 = (0x10325476 + d) | 0; h4 = (0xc3d2e1f0 + e) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4;
}

/** H^rounds(data) with node:crypto for the first hash; SHA-1's further rounds run in the loop above. */
function iteratedHash(algorithm: string, data: Buffer, rounds: number): Buffer {
  let digest = createHash(algorithm).update(data).digest();
  if (algorithm === 'sha1') {
    const words = new Int32Array(5);
    for (let i = 0; i < 5; i++) words[i] = digest.readInt32BE(i * 4);
    iterateSha1(words, rounds - 1);
    for (let i = 0; i < 5; i++) digest.writeInt32BE(words[i]!, i * 4);
    return digest;
  }
  for (let r = 1; r < rounds; r++) digest = createHash(algorithm).update(digest).digest();
  return digest;
}

/** Repeats `data` to a multiple of `v` bytes (empty stays empty). */
function stretch(data: Buffer, v: number): Buffer {
  const out = Buffer.alloc(v * Math.ceil(data.length / v));
  for (let i = 0; i < out.length; i++) out[i] = data[i % data.length]!;
  return out;
}

/**
 * PKCS#12 key material (RFC 7292 appendix B.2): `n` bytes for purpose `id` (1 key, 2 IV, 3 MAC) from the password
 * (BMPString with a terminating zero; none when undefined/null) and salt, `iterations` rounds of `hash`.
 * @example pkcs12Kdf('Pass1word', salt, 3, 2000, 20, 'sha1').length // 20
 */
export function pkcs12Kdf(password: string | null | undefined, salt: Buffer, id: number, iterations: number, n: number, hash = 'sha1', u = 20, v = 64): Buffer {
  if (!(iterations >= 1)) throw new Error('PKCS#12 key derivation iteration count must be >= 1.');
  const pass = password === null || password === undefined ? Buffer.alloc(0) : Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; password !== null && password !== undefined && i < password.length; i++) pass.writeUInt16BE(password.charCodeAt(i), i * 2);
  const I = Buffer.concat([stretch(salt, v), stretch(pass, v)]);
  const D = Buffer.alloc(v, id);
  const out: Buffer[] = [];
  for (let i = 0, produced = 0; produced < n; i++, produced += u) {
    const A = iteratedHash(hash, Buffer.concat([D, I]), iterations);
    out.push(A);
    if (produced + u >= n) break;
    const B = stretch(A, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >>> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, n);
}

// node-forge calls these through its namespace objects, so replacing them speeds up every PKCS#12 read and write.
type ForgeMd = { algorithm?: string; digestLength?: number; blockLength?: number };
type Kdf = (password: string, salt: forge.util.ByteStringBuffer, id: number, iter: number, n: number, md?: ForgeMd) => forge.util.ByteStringBuffer;
const pbe = (forge.pki as unknown as { pbe: { generatePkcs12Key: Kdf } }).pbe;
const original = pbe.generatePkcs12Key;
const fast: Kdf = (password, salt, id, iter, n, md) => {
  const algorithm = md?.algorithm ?? 'sha1';
  if (!['sha1', 'sha256', 'sha384', 'sha512'].includes(algorithm)) return original(password, salt, id, iter, n, md);
  const key = pkcs12Kdf(password, Buffer.from(salt.bytes(), 'binary'), id, iter, n, algorithm, md?.digestLength ?? 20, md?.blockLength ?? 64);
  return forge.util.createBuffer(key.toString('binary'));
};
pbe.generatePkcs12Key = fast;
(forge.pkcs12 as unknown as { generateKey: Kdf }).generateKey = fast;
