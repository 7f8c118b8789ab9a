// The output-object schemas real-shell backends reuse: parsing PowerShell's JSON shapes.
import { describe, expect, it } from '@jest/globals';
import { binaryFileDataObjectFromJson } from '../../src/spec/output/binary-file-data-object.js';
import { exchangeCertificateFromJson } from '../../src/spec/output/exchange-certificate.js';
import { servicesString, servicesStringForm, servicesToFlags } from '../../src/spec/output/allowed-services.js';
import { testOrg } from './support/test-org.js';

describe('output schemas', () => {
  it('exchangeCertificateFromJson reads ConvertTo-Json output (5.1 dates, byte arrays, numeric Services, stringified objects)', async () => {
    const org = await testOrg();
    const [c] = await org.get({ server: 'RESEXCH01' });
    const json = JSON.parse(
      JSON.stringify({
        ...c,
        RawData: [...c!.RawData],
        NotBefore: `/Date(${c!.NotBefore.getTime()})/`,
        NotAfter: c!.NotAfter.toISOString(),
        Services: 27,
        IssuerName: 'System.Security.Cryptography.X500DistinguishedName',
        AccessRules: '{System.Security.AccessControl.CryptoKeyAccessRule}',
      }),
    );
    const parsed = exchangeCertificateFromJson(json);
    expect(parsed.RawData).toEqual(c!.RawData);
    expect(parsed.NotBefore).toEqual(c!.NotBefore);
    expect(parsed.NotAfter).toEqual(c!.NotAfter);
    expect(parsed.Services).toBe('IMAP, POP, IIS, SMTP');
    expect(parsed.AccessRules).toBeNull();
    expect(parsed.Thumbprint).toBe(c!.Thumbprint);
    expect(() => exchangeCertificateFromJson({ Thumbprint: 'x' })).toThrow();
    // Rules a session serialized one level too deep for objects arrive as their text.
    const rules = exchangeCertificateFromJson({
      ...json,
      AccessRules: ['@{IdentityReference=NT AUTHORITY\\SYSTEM; CryptoKeyRights=FullControl; AccessControlType=Allow}'],
    }).AccessRules;
    expect(rules).toEqual([
      { IdentityReference: 'NT AUTHORITY\\SYSTEM', CryptoKeyRights: 'FullControl', AccessControlType: 'Allow' },
    ]);
  });

  it('binaryFileDataObjectFromJson takes numbers or base64; the services helpers round-trip', () => {
    expect(binaryFileDataObjectFromJson({ FileData: [1, 2, 3] }).FileData).toEqual(new Uint8Array([1, 2, 3]));
    expect(binaryFileDataObjectFromJson({ FileData: 'AQID' }).FileData).toEqual(new Uint8Array([1, 2, 3]));
    expect(servicesString(servicesToFlags(['SMTP', 'IIS', 'IMAP', 'POP']))).toBe('IMAP, POP, IIS, SMTP');
    expect(servicesStringForm(16 | 32, 7)).toBe('....SF.');
    expect(servicesStringForm(0, 6)).toBe('......');
  });
});
