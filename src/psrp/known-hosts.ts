// OpenSSH known_hosts lookup: plain, wildcard, negated, [host]:port and hashed (|1|salt|hash) patterns, @revoked.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What the known_hosts files say about a host key. */
export type HostKeyVerdict =
  | { readonly kind: 'known' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'changed'; readonly file: string; readonly line: number }
  | { readonly kind: 'revoked'; readonly file: string; readonly line: number };

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` on any other. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** OpenSSH's fingerprint of a public key blob: `SHA256:` and unpadded base64 of its SHA-256. */
export function sshFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type a public key blob names (its first SSH string). */
export function sshKeyType(blob: Buffer): string {
  if (blob.length < 4) return '';
  const n = blob.readUInt32BE(0);
  return n <= blob.length - 4 ? blob.subarray(4, 4 + n).toString('latin1') : '';
}

function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

function hashedMatch(pattern: string, name: string): boolean {
  const [, magic, salt, hash] = pattern.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Whether a host pattern list (`a,*.b,!c`) names `name`; a matching negation wins. */
export function hostPatternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatch(patterns, name);
  let hit = false;
  for (const p of patterns.split(',')) {
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1), name)) return false;
    } else if (globMatch(p, name)) hit = true;
  }
  return hit;
}

const readLines = (file: string): string[] => {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return [];
  }
};

const sameFamily = (a: string, b: string) => a.replace(/-cert-v01@openssh\.com$/, '') === b;

/**
 * Looks `blob` up for `host:port` in the files, in order: revoked anywhere wins, then a matching key, then another
 * key of the same type for the name (changed), else unknown. Lines with other markers (@cert-authority) are skipped.
 * @example verifyHostKey(['/home/me/.ssh/known_hosts'], 'ams-exch01', 22, blob).kind // 'known'
 */
export function verifyHostKey(files: readonly string[], host: string, port: number, blob: Buffer): HostKeyVerdict {
  const name = knownHostName(host, port);
  const type = sshKeyType(blob);
  let known = false;
  let changed: { file: string; line: number } | null = null;
  for (const file of files) {
    const lines = readLines(file);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '' || line.startsWith('#')) continue;
      const fields = line.split(/\s+/);
      const marker = fields[0]!.startsWith('@') ? fields.shift()! : '';
      const [patterns, keyType, base64] = fields;
      if (!patterns || !keyType || !base64) continue;
      const same = Buffer.from(base64, 'base64').equals(blob);
      if (marker === '@revoked' && same) return { kind: 'revoked', file, line: i + 1 };
      if (marker !== '' || !hostPatternsMatch(patterns, name)) continue;
      if (same) known = true;
      else if (sameFamily(keyType, type)) changed ??= { file, line: i + 1 };
    }
  }
  if (known) return { kind: 'known' };
  return changed ? { kind: 'changed', ...changed } : { kind: 'unknown' };
}
