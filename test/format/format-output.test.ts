// One formatting module for every backend's objects: a certificate from a real session (no ServicesStringForm)
// shows Exchange's table with the 7-letter services flags derived from Services, and the Format-List order.
import { describe, expect, it } from '@jest/globals';
import { formatForHost, formatListLines } from '../../src/format/format-output.js';

const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';
const fromSession = {
  AccessRules: null,
  CertificateDomains: ['webmail.exchangefun.nl'],
  HasPrivateKey: true,
  IsSelfSigned: false,
  Issuer: 'CN=CA',
  NotAfter: new Date(2027, 0, 2, 3, 4, 5),
  NotBefore: new Date(2026, 0, 2, 3, 4, 5),
  PublicKeySize: 2048,
  RootCAType: 'ThirdParty',
  SerialNumber: '01',
  Services: 'IMAP, POP, IIS, SMTP',
  Status: 'Valid',
  Subject: 'CN=webmail.exchangefun.nl',
  Thumbprint: THUMB,
  RawData: new Uint8Array([1]),
};

describe('format-output on objects from a real session', () => {
  it('derives the 7-letter services column when the object has no ServicesStringForm', () => {
    expect(formatForHost([fromSession], '7')).toContain(`${THUMB}  IP.WS..    CN=webmail.exchangefun.nl`);
  });
  it("lists certificates in Exchange's Format-List order", () => {
    const names = formatListLines([fromSession], null, '7')
      .filter((l) => l.includes(' : '))
      .map((l) => l.split(' ')[0]);
    expect(names).toEqual([
      'AccessRules',
      'CertificateDomains',
      'HasPrivateKey',
      'IsSelfSigned',
      'Issuer',
      'NotAfter',
      'NotBefore',
      'PublicKeySize',
      'RootCAType',
      'SerialNumber',
      'Services',
      'Status',
      'Subject',
      'Thumbprint',
    ]);
  });
});
