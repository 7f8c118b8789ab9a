// Test helper: a pending request made through New-ExchangeCertificate and answered by a simulated vendor CA.
import { loadVendorCa } from '../../../src/pki/index.js';
import type { VendorIssuedCertificate, VendorCa } from '../../../src/pki/index.js';
import { trustVendorRoot } from '../../../src/engine/index.js';
import { cachedVendorCa } from './key-pool.js';
import { BASE_TIME } from './test-org.js';
import type { TestOrg } from './test-org.js';

/** The cached vendor CA `name` ('Contoso Trust' by default). */
export async function vendorCa(name = 'Contoso Trust'): Promise<VendorCa> {
  return loadVendorCa(await cachedVendorCa(name));
}

/** Makes every server of the organization trust the vendor. */
export function trustVendor(org: TestOrg, ca: VendorCa): void {
  trustVendorRoot(org.store, ca);
}

/** What requestAndIssue returns. */
export interface IssuedRequest {
  readonly requestText: string;
  readonly pendingThumbprint: string;
  readonly issued: VendorIssuedCertificate;
}

/**
 * New-ExchangeCertificate -GenerateRequest on `server`, then the vendor issues it (NotBefore = BASE_TIME, 365 days).
 * @example const { issued } = await requestAndIssue(org, ca, 'AMS-EXCH01', 'CN=mail.contoso.com', ['mail.contoso.com'])
 */
export async function requestAndIssue(
  org: TestOrg,
  ca: VendorCa,
  server: string,
  subjectName: string,
  domainName: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<IssuedRequest> {
  const r = await org.run('New-ExchangeCertificate', {
    generateRequest: true,
    server,
    subjectName,
    domainName: [...domainName],
    ...extra,
  });
  if (r.errors.length > 0) throw new Error(r.errors[0]!.message);
  const requestText = r.output[0] as string;
  const pending = (await org.get({ server })).find(
    (c) => c.CertificateRequest !== null && requestText.includes(c.CertificateRequest),
  );
  if (!pending) throw new Error('pending request not listed');
  const issued = await ca.issue(requestText, { now: BASE_TIME, days: 365 });
  return { requestText, pendingThumbprint: pending.Thumbprint, issued };
}
