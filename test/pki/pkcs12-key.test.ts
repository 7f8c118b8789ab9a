// Issue 12: the PKCS#12 key derivation on node:crypto gives node-forge's generatePkcs12Key bytes for every input shape.
import { describe, expect, it } from '@jest/globals';
import forge from 'node-forge';
import { pkcs12Key } from '../../src/pki/pkcs12-key.js';
import type { Pkcs12Hash } from '../../src/pki/pkcs12-key.js';

/** node-forge's derivation of the same inputs (its own SHA implementations). */
function forgeKey(
  password: string | undefined,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
  algorithm: Pkcs12Hash,
): string {
  const md = forge.md[algorithm].create();
  const saltText = forge.util.createBuffer(Buffer.from(salt).toString('binary'));
  return Buffer.from(
    forge.pkcs12.generateKey(password, saltText, id, iterations, length, md).getBytes(),
    'binary',
  ).toString('hex');
}

const CASES: readonly [string | undefined, Uint8Array, 1 | 2 | 3, number, number, Pkcs12Hash][] = [
  ['Pass1word', Buffer.from('0123456789abcdef', 'hex'), 1, 2000, 24, 'sha1'],
  ['Pass1word', Buffer.from('0123456789abcdef', 'hex'), 2, 2000, 8, 'sha1'],
  ['Pass1word', Buffer.alloc(20, 3), 3, 2000, 20, 'sha1'],
  [undefined, Buffer.alloc(8, 1), 3, 100, 20, 'sha1'],
  ['', Buffer.alloc(8, 2), 1, 3, 24, 'sha1'],
  ['pässwörd€ with a long tail that spans more than one sixty-four byte block', Buffer.alloc(70, 9), 1, 5, 100, 'sha1'],
  ['Pass1word', Buffer.alloc(8, 4), 3, 10, 32, 'sha256'],
  ['Pass1word', Buffer.alloc(16, 5), 3, 10, 48, 'sha384'],
  ['Pass1word', Buffer.alloc(16, 6), 3, 10, 64, 'sha512'],
  ['x', Buffer.alloc(1, 7), 2, 1, 0, 'sha1'],
];

describe('pkcs12Key', () => {
  it.each(CASES)(
    'derives what node-forge derives (case %#: %j)',
    (password, salt, id, iterations, length, algorithm) => {
      const key = pkcs12Key(password, salt, id, iterations, length, algorithm);
      expect(key).toHaveLength(length);
      expect(key.toString('hex')).toBe(forgeKey(password, salt, id, iterations, length, algorithm));
    },
  );

  it('refuses fewer than one iteration', () => {
    expect(() => pkcs12Key('p', Buffer.alloc(8), 1, 0, 24)).toThrow('iteration count must be >= 1');
  });
});
