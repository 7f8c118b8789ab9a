// Test helper: RSA keys and a vendor CA made once and cached in the OS temp folder, so the suite stays fast.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createVendorCa,
  exportPrivateKeyPem,
  generateRsaKeyPair,
  importPrivateKeyPkcs8,
} from '../../../src/pki/index.js';
import type { RsaKeyPair, RsaKeySize, VendorCaState } from '../../../src/pki/index.js';
import type { KeySource } from '../../../src/engine/mock-environment.js';

const CACHE = join(tmpdir(), 'exchcert-mock-exchange-test-keys-v1.json');
const POOL_SIZE: Record<RsaKeySize, number> = { 1024: 4, 2048: 40, 4096: 2 };

interface Cache {
  keys: Record<string, string[]>;
  vendors: Record<string, VendorCaState>;
}

let cache: Cache | undefined;

function load(): Cache {
  if (cache) return cache;
  try {
    cache = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Cache) : { keys: {}, vendors: {} };
  } catch {
    cache = { keys: {}, vendors: {} };
  }
  return cache;
}

function save(): void {
  try {
    writeFileSync(CACHE, JSON.stringify(load()));
  } catch {
    // a read-only temp folder only costs speed
  }
}

const pairs = new Map<string, RsaKeyPair>();
const cursor: Record<number, number> = {};

/** The pool's key `index` of `bits`, generated (and cached on disk) the first time. */
async function poolKey(bits: RsaKeySize, index: number): Promise<RsaKeyPair> {
  const id = `${bits}:${index}`;
  const hit = pairs.get(id);
  if (hit) return hit;
  const c = load();
  const list = (c.keys[String(bits)] ??= []);
  let pair: RsaKeyPair;
  if (list[index]) pair = importPrivateKeyPkcs8(list[index]!);
  else {
    pair = await generateRsaKeyPair(bits);
    list[index] = exportPrivateKeyPem(pair);
    save();
  }
  pairs.set(id, pair);
  return pair;
}

/** A KeySource handing out pooled keys round-robin (distinct keys within any 40 consecutive 2048-bit requests). */
export const pooledKeys: KeySource = async (bits) => {
  const i = cursor[bits] ?? 0;
  cursor[bits] = (i + 1) % POOL_SIZE[bits];
  return poolKey(bits, i);
};

/** A vendor CA by name, created once and cached. */
export async function cachedVendorCa(name: string): Promise<VendorCaState> {
  const c = load();
  const hit = c.vendors[name];
  if (hit) return hit;
  const state = await createVendorCa({ name, now: new Date('2020-01-01T00:00:00Z') });
  c.vendors[name] = state;
  save();
  return state;
}
