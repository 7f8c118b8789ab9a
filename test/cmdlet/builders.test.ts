import { describe, expect, it } from '@jest/globals';
import { enableExchangeCertificate } from '../../src/cmdlet/enable-exchange-certificate.js';
import { exportExchangeCertificate } from '../../src/cmdlet/export-exchange-certificate.js';
import { getExchangeCertificate } from '../../src/cmdlet/get-exchange-certificate.js';
import { importExchangeCertificate } from '../../src/cmdlet/import-exchange-certificate.js';
import { newExchangeCertificate } from '../../src/cmdlet/new-exchange-certificate.js';
import { removeExchangeCertificate } from '../../src/cmdlet/remove-exchange-certificate.js';
import { BindingError } from '../../src/errors/binding-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { fileBytes, variable } from '../../src/node/expression.js';
import { secret } from '../../src/node/secret.js';

const T = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('builders', () => {
  it('resolve the parameter set from the options', () => {
    expect(newExchangeCertificate({ generateRequest: true, subjectName: 'CN=mail.contoso.com' }).parameterSet).toBe(
      'Request',
    );
    expect(newExchangeCertificate({}).parameterSet).toBe('Certificate');
    expect(newExchangeCertificate({ services: 'SMTP' }).parameterSet).toBe('Certificate');
    expect(importExchangeCertificate({ fileData: fileBytes('C:\\a.pfx') }).parameterSet).toBe('FileData');
    expect(importExchangeCertificate({ fileName: '\\\\fs\\a.pfx' }).parameterSet).toBe('FileName');
    expect(getExchangeCertificate({ identity: `EXCH1\\${T}` }).parameterSet).toBe('Identity');
    expect(getExchangeCertificate({}).parameterSet).toBe('Thumbprint');
    expect(exportExchangeCertificate({ thumbprint: T }).parameterSet).toBe('Thumbprint');
  });

  it('name the clashing parameters and their sets', () => {
    const e = errorOf(() => newExchangeCertificate({ generateRequest: true, services: 'IIS' }));
    expect(e).toBeInstanceOf(BindingError);
    expect(e.message).toContain('Parameter set cannot be resolved');
    expect(e.message).toContain('-GenerateRequest (set Request)');
    expect(e.message).toContain('-Services (set Certificate)');
    const f = errorOf(() => enableExchangeCertificate({ identity: T, server: 'X', services: 'IIS' }));
    expect(f.message).toMatch(/-Identity \(set Identity\).*-Server \(set Thumbprint\)/);
  });

  it('refuse missing mandatory parameters when rendered alone', () => {
    const e = errorOf(() => {
      const standalone = importExchangeCertificate({ server: 'EXCH1' }).standaloneError;
      if (standalone) throw standalone;
    });
    expect(e.message).toContain('missing mandatory parameters: FileData');
  });

  it('validate values with the parameter, the value and what is allowed', () => {
    const e = errorOf(() => newExchangeCertificate({ keySize: 3000 })) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.parameter).toBe('KeySize');
    expect(e.value).toBe('3000');
    expect(e.allowed).toBe('1024, 2048, 4096');
    expect(errorOf(() => enableExchangeCertificate({ thumbprint: 'xyz', services: 'IIS' })).message).toContain(
      '40 hexadecimal digits',
    );
    expect(errorOf(() => enableExchangeCertificate({ thumbprint: T, services: 'Web' })).message).toContain(
      "'Web' is not a service name",
    );
    expect(errorOf(() => newExchangeCertificate({ domainName: ['ok.contoso.com', 'bad name'] })).message).toContain(
      'DNS',
    );
    expect(errorOf(() => newExchangeCertificate({ subjectName: 'O=Contoso' })).message).toContain('CN=');
    expect(errorOf(() => newExchangeCertificate({ subjectName: 'C=Netherlands, CN=x.nl' })).message).toContain(
      'two-letter',
    );
    expect(errorOf(() => newExchangeCertificate({ bogus: 1 } as never)).message).toContain("no option 'bogus'");
  });

  it('accept thumbprints with byte-pair spaces, any case, and Microsoft S= subjects', () => {
    const spaced = T.match(/../g)!.join(' ').toLowerCase();
    expect(enableExchangeCertificate({ thumbprint: spaced, services: 'IIS' }).parameters.thumbprint).toBe(spaced);
    expect(
      newExchangeCertificate({
        subjectName: 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl',
      }).parameters.subjectName,
    ).toContain('S=Flevoland');
    expect(newExchangeCertificate({ domainName: '*.contoso.com' }).parameters.domainName).toEqual(['*.contoso.com']);
  });

  it('normalise services and lists', () => {
    expect(enableExchangeCertificate({ thumbprint: T, services: 'iis, smtp' }).parameters.services).toEqual([
      'IIS',
      'SMTP',
    ]);
    expect(enableExchangeCertificate({ thumbprint: T, services: ['POP', 'imap', 'POP'] }).parameters.services).toEqual([
      'POP',
      'IMAP',
    ]);
  });

  it('keep any string for server-enforced limits (FriendlyName of 64+ characters builds)', () => {
    const long = 'x'.repeat(200);
    expect(newExchangeCertificate({ friendlyName: long }).parameters.friendlyName).toBe(long);
  });

  it('refuse plain-string passwords and redact secrets in errors', () => {
    const e = errorOf(() => exportExchangeCertificate({ thumbprint: T, password: 'Pass1word' as never }));
    expect(e.message).toContain('Secret');
    const f = errorOf(() =>
      importExchangeCertificate({ fileData: fileBytes('C:\\a'), password: secret('Pass1word'), keySize: 1 } as never),
    );
    expect(f.message).not.toContain('Pass1word');
  });

  it('are immutable: with() returns a new builder', () => {
    const a = removeExchangeCertificate({ thumbprint: T });
    const b = a.with({ confirm: false });
    expect(a.parameters.confirm).toBeUndefined();
    expect(b.parameters.confirm).toBe(false);
    expect(Object.isFrozen(a.parameters)).toBe(true);
    expect(() => {
      (a.parameters as Record<string, unknown>).x = 1;
    }).toThrow();
  });

  it('take computed values for any parameter', () => {
    const b = exportExchangeCertificate({ thumbprint: variable('cert', 'Thumbprint'), password: variable('pw') });
    expect(b.parameters.thumbprint).toEqual({ kind: 'variable', name: 'cert', path: ['Thumbprint'] });
  });
});
