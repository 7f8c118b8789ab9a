// Builders of the neighbouring cmdlets: rendered lines, parameter sets, value checks, and the lines parse back.
import { describe, expect, it } from '@jest/globals';
import { bind } from '../../src/bind/bind.js';
import { getExchangeServer } from '../../src/cmdlet/get-exchange-server.js';
import { getPopSettings } from '../../src/cmdlet/get-pop-settings.js';
import { setAuthConfig } from '../../src/cmdlet/set-auth-config.js';
import { setImapSettings } from '../../src/cmdlet/set-imap-settings.js';
import { setReceiveConnector } from '../../src/cmdlet/set-receive-connector.js';
import { setSendConnector } from '../../src/cmdlet/set-send-connector.js';
import { render } from '../../src/dialect/render.js';
import { lint } from '../../src/lint/lint.js';
import { verbatim } from '../../src/node/expression.js';

const T = 'DB821B4FCA2A5DA9593B9DE00C86BC5EA35D0FC0';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('neighbour builders', () => {
  it('render the documented Auth certificate renewal, each line in its own parameter set', () => {
    const next = setAuthConfig({ newCertificateThumbprint: T, newCertificateEffectiveDate: verbatim('(Get-Date)') });
    expect(next.parameterSet).toBe('NewCertificateParameter');
    expect(render(next, { shell: '5.1', exchange: '2019' })).toBe(
      `Set-AuthConfig -NewCertificateThumbprint '${T}' -NewCertificateEffectiveDate (Get-Date)`,
    );
    expect(render(setAuthConfig({ publishCertificate: true }))).toBe('Set-AuthConfig -PublishCertificate');
    expect(setAuthConfig({ clearPreviousCertificate: true }).parameterSet).toBe('PublishAuthCertificateParameter');
    expect(errorOf(() => setAuthConfig({ publishCertificate: true, newCertificateThumbprint: T })).message).toMatch(
      /PublishCertificate.*NewCertificateThumbprint|NewCertificateThumbprint.*PublishCertificate/,
    );
    expect(errorOf(() => setAuthConfig({ newCertificateThumbprint: 'abc' })).message).toMatch(/40 hexadecimal digits/);
  });

  it('check TlsCertificateName and render connector and POP/IMAP lines that bind back', () => {
    const name = "<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com";
    const send = render(setSendConnector({ identity: 'Internet', tlsCertificateName: name }));
    expect(send).toBe(
      "Set-SendConnector -Identity 'Internet' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=mail.contoso.com'",
    );
    expect(bind(send)[0]!.parameters).toEqual({ identity: 'Internet', tlsCertificateName: name });
    expect(
      errorOf(() => setReceiveConnector({ identity: 'EX01\\Default EX01', tlsCertificateName: 'CN=x' })).message,
    ).toMatch(/must be '<I>issuer<S>subject'/);
    expect(render(setImapSettings({ server: 'EX01', x509CertificateName: 'mail.contoso.com' }))).toBe(
      "Set-ImapSettings -Server 'EX01' -X509CertificateName 'mail.contoso.com'",
    );
    expect(render(getPopSettings({ server: 'EX01' }))).toBe("Get-PopSettings -Server 'EX01'");
    expect(render(getExchangeServer())).toBe('Get-ExchangeServer');
  });

  it('lint flags a malformed TlsCertificateName and a parameter the target lacks', () => {
    const text = "Set-SendConnector Internet -TlsCertificateName 'CN=mail.contoso.com'";
    expect(lint(text, { exchange: '2019' }).map((d) => d.rule)).toEqual(['value-format']);
    expect(lint(text, { exchange: '2010' }).map((d) => d.rule)).toEqual(['parameter-not-on-target']);
  });
});
