// known_hosts lookups as OpenSSH does them: plain, [host]:port, wildcards, negation, hashed names, @revoked, changed.
import { describe, expect, it } from '@jest/globals';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hostPatternsMatch,
  knownHostName,
  sshFingerprint,
  sshKeyType,
  verifyHostKey,
} from '../../src/psrp/known-hosts.js';

const blob = (type: string, body: string) => {
  const t = Buffer.from(type);
  const b = Buffer.from(body);
  const out = Buffer.alloc(8 + t.length + b.length);
  out.writeUInt32BE(t.length, 0);
  t.copy(out, 4);
  out.writeUInt32BE(b.length, 4 + t.length);
  b.copy(out, 8 + t.length);
  return out;
};
const KEY = blob('ssh-ed25519', 'k'.repeat(32));
const OTHER = blob('ssh-ed25519', 'o'.repeat(32));
const RSA = blob('ssh-rsa', 'r'.repeat(64));
const line = (hosts: string, key: Buffer) => `${hosts} ${sshKeyType(key)} ${key.toString('base64')}`;
const hashed = (name: string) => {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

function file(lines: string[]): string {
  const f = join(mkdtempSync(join(tmpdir(), 'exchcert-kh-')), 'known_hosts');
  writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
}

describe('known hosts', () => {
  it('names hosts as OpenSSH does and fingerprints keys as ssh-keygen -l', () => {
    expect(knownHostName('ams-exch01', 22)).toBe('ams-exch01');
    expect(knownHostName('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222');
    expect(sshKeyType(KEY)).toBe('ssh-ed25519');
    expect(sshKeyType(Buffer.from([0, 0, 0, 9, 1]))).toBe('');
    expect(sshFingerprint(KEY)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('matches patterns: lists, wildcards, a negation that wins, hashed names', () => {
    expect(hostPatternsMatch('a,ams-exch01', 'AMS-EXCH01')).toBe(true);
    expect(hostPatternsMatch('*.contoso.com', 'ex1.contoso.com')).toBe(true);
    expect(hostPatternsMatch('ex?.contoso.com', 'ex12.contoso.com')).toBe(false);
    expect(hostPatternsMatch('*.contoso.com,!ex1.contoso.com', 'ex1.contoso.com')).toBe(false);
    expect(hostPatternsMatch(hashed('[h]:2222'), '[h]:2222')).toBe(true);
    expect(hostPatternsMatch(hashed('[h]:2222'), 'h')).toBe(false);
    expect(hostPatternsMatch('|1|bad', 'h')).toBe(false);
  });

  it('says known, unknown, changed (file and line) or revoked', () => {
    const f = file(['# comment', '', line('other', KEY), line('[h]:2222', OTHER), line(hashed('g'), KEY)]);
    expect(verifyHostKey([f], 'other', 22, KEY)).toEqual({ kind: 'known' });
    expect(verifyHostKey([f], 'g', 22, KEY)).toEqual({ kind: 'known' });
    expect(verifyHostKey([f], 'nobody', 22, KEY)).toEqual({ kind: 'unknown' });
    expect(verifyHostKey([f], 'h', 2222, KEY)).toEqual({ kind: 'changed', file: f, line: 4 });
    // Another key type for the name is not a change (the host has several host keys).
    expect(verifyHostKey([f], 'h', 2222, RSA)).toEqual({ kind: 'unknown' });
    const r = file([line('other', KEY), `@revoked * ${sshKeyType(KEY)} ${KEY.toString('base64')}`]);
    expect(verifyHostKey(['/no/such/file', r], 'other', 22, KEY)).toEqual({ kind: 'revoked', file: r, line: 2 });
    const ca = file([`@cert-authority * ${sshKeyType(KEY)} ${KEY.toString('base64')}`, 'truncated-line ssh-ed25519']);
    expect(verifyHostKey([ca], 'other', 22, KEY)).toEqual({ kind: 'unknown' });
  });
});
