import { describe, expect, it } from '@jest/globals';
import { certificateDomainsOf, isValidDnsName } from '../../src/pki/dns-name.js';

describe('isValidDnsName', () => {
  it.each([
    'mail.contoso.com',
    'EX01',
    'WMSvc-SHA2-EX01',
    '*.contoso.com',
    '_sip._tls.contoso.com',
    'a'.repeat(63) + '.com',
  ])('accepts %s', (name) => {
    expect(isValidDnsName(name)).toBe(true);
  });
  it.each([
    '',
    '*',
    '*.',
    'Microsoft Exchange Server Auth Certificate',
    'mail..contoso.com',
    'mail.contoso.com.',
    'a'.repeat(64) + '.com',
    'mail.*.com',
    'x.' + 'a.'.repeat(127) + 'com',
  ])('rejects %j', (name) => {
    expect(isValidDnsName(name)).toBe(false);
  });
});

describe('certificateDomainsOf', () => {
  it('puts the CN first and drops case-insensitive duplicates', () => {
    expect(certificateDomainsOf('MOS-MAIL', ['MOS-MAIL', 'MOS-MAIL.contoso.local'])).toEqual([
      'MOS-MAIL',
      'MOS-MAIL.contoso.local',
    ]);
    expect(certificateDomainsOf('mail.contoso.com', ['autodiscover.contoso.com', 'MAIL.CONTOSO.COM'])).toEqual([
      'mail.contoso.com',
      'autodiscover.contoso.com',
    ]);
  });
  it('leaves out a CN that is not a DNS name (the Auth certificate has no domains)', () => {
    expect(certificateDomainsOf('Microsoft Exchange Server Auth Certificate', [])).toEqual([]);
    expect(certificateDomainsOf(undefined, ['mail.contoso.com'])).toEqual(['mail.contoso.com']);
  });
});
