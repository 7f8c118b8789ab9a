import { describe, expect, it } from '@jest/globals';
import type { CertificateSummary } from '../../src/workflow/certificate-inventory.js';
import { checkCertificate } from '../../src/workflow/report.js';
import { escapeHtml, reportHtml } from '../../src/workflow/report-html.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

function cert(over: Partial<CertificateSummary> = {}): CertificateSummary {
  return {
    server: 'EX1',
    thumbprint: 'A'.repeat(40),
    subject: 'CN=mail.contoso.com',
    issuer: 'CN=CA',
    friendlyName: '',
    notBefore: new Date(NOW.getTime() - 100 * DAY),
    notAfter: new Date(NOW.getTime() + 200 * DAY),
    status: 'Valid',
    services: ['IIS'],
    keySize: 2048,
    signatureAlgorithm: 'sha256RSA',
    domains: ['mail.contoso.com'],
    isSelfSigned: false,
    hasPrivateKey: true,
    tlsCertificateName: '<I>CN=CA<S>CN=mail.contoso.com',
    ...over,
  };
}

describe('report checks', () => {
  it('puts expiry in 60/30-day bands and flags expired certificates', () => {
    expect(checkCertificate(cert(), NOW)).toMatchObject({ band: 'ok', findings: [], daysToExpiry: 200 });
    expect(checkCertificate(cert({ notAfter: new Date(NOW.getTime() + 59.5 * DAY) }), NOW)).toMatchObject({
      band: '60-days',
      findings: [{ severity: 'warning', check: 'expires-60' }],
    });
    expect(checkCertificate(cert({ notAfter: new Date(NOW.getTime() + 29.5 * DAY) }), NOW)).toMatchObject({
      band: '30-days',
      findings: [{ severity: 'error', check: 'expires-30' }],
    });
    expect(
      checkCertificate(cert({ notAfter: new Date(NOW.getTime() - 3 * DAY), status: 'DateInvalid' }), NOW).findings,
    ).toEqual([{ severity: 'error', check: 'expired', message: 'expired 3 days ago (2026-05-29)' }]);
  });
  it('flags a bad Status, keys below 2048 and SHA-1/MD5 signatures; pending requests have no expiry band', () => {
    const checks = checkCertificate(
      cert({ status: 'Untrusted', keySize: 1024, signatureAlgorithm: 'md5RSA' }),
      NOW,
    ).findings.map((f) => f.check);
    expect(checks).toEqual(['status', 'key-size', 'signature']);
    expect(checkCertificate(cert({ signatureAlgorithm: 'sha1RSA' }), NOW).findings.map((f) => f.check)).toEqual([
      'signature',
    ]);
    expect(checkCertificate(cert({ status: 'PendingRequest', services: [] }), NOW)).toMatchObject({
      band: 'pending',
      findings: [],
    });
  });
  it('renders a self-contained page with one timeline item per certificate, text escaped', () => {
    const certificates = [
      checkCertificate(cert(), NOW),
      checkCertificate(cert({ thumbprint: 'B'.repeat(40), subject: 'CN=<script>x</script>' }), NOW),
    ];
    const html = reportHtml({
      generatedAt: NOW,
      servers: [{ server: 'EX1', exchange: '2019-CU14', certificates, smtp: [], iis: ['A'.repeat(40)], error: null }],
      counts: { certificates: 2, errors: 0, warnings: 0 },
    });
    expect(html.match(/class="timeline-item"/g)).toHaveLength(2);
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<link|src=|href=/);
    expect(escapeHtml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });
});
