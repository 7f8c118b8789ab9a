// Services worked out at read time from what is bound (rule 29, ExchangeCertificateServer.UpdateServices).
import { serviceUsable } from '../spec/exchange-services.js';
import { ALLOWED_SERVICES } from '../spec/ps-type.js';
import type { ServerRecord, StateTransaction } from './org-state.js';
import { hasSmtpRole, roleFlags } from './server-roles.js';
import { sameThumbprint } from './thumbprint-format.js';

/** The services a certificate shows and the IIS sites (IISServices) it is bound to. */
export interface DerivedServices {
  readonly flags: number;
  readonly iisServices: readonly string[];
}

/** The facts of a certificate the derivation needs. */
export interface ServiceSubject {
  readonly thumbprint: string;
  readonly certificateDomains: readonly string[];
  readonly hasPrivateKey: boolean;
}

/**
 * The services of an installed certificate on `server`: SMTP from Network Service read access on a transport/front-end
 * server, UM/UM Call Router from the UM thumbprints, POP/IMAP when their X509CertificateName is one of the certificate's
 * domains, IIS from site bindings, Federation from the federation trust certificates.
 * @example deriveServices(tx, server, { thumbprint, certificateDomains, hasPrivateKey: true }).flags // 27 (IMAP, POP, IIS, SMTP)
 */
export function deriveServices(tx: StateTransaction, server: ServerRecord, cert: ServiceSubject): DerivedServices {
  const roles = roleFlags(server);
  const config = tx.getServerConfig(server.name);
  const org = tx.getOrgConfig();
  let flags = 0;
  const iisServices: string[] = [];
  if (
    hasSmtpRole(roles) &&
    cert.hasPrivateKey &&
    config.networkServiceAcl.some((t) => sameThumbprint(t, cert.thumbprint))
  )
    flags |= ALLOWED_SERVICES.SMTP;
  if (roles.unifiedMessaging && sameThumbprint(config.umCertificate, cert.thumbprint)) flags |= ALLOWED_SERVICES.UM;
  if (
    roles.cafe &&
    serviceUsable(server.major, 'UMCallRouter') &&
    sameThumbprint(config.umCallRouterCertificate, cert.thumbprint)
  )
    flags |= ALLOWED_SERVICES.UMCallRouter;
  if (roles.clientAccess || roles.cafe) {
    const named = (name: string | null): boolean =>
      name !== null && cert.certificateDomains.some((d) => d.toLowerCase() === name.toLowerCase());
    if (named(config.pop3CertificateName)) flags |= ALLOWED_SERVICES.POP;
    if (named(config.imap4CertificateName)) flags |= ALLOWED_SERVICES.IMAP;
    for (const site of config.iisSites) {
      if (sameThumbprint(site.sslThumbprint, cert.thumbprint)) {
        flags |= ALLOWED_SERVICES.IIS;
        iisServices.push(`IIS://${server.name}/W3SVC/${site.id}`);
      }
    }
  }
  if (
    (roles.clientAccess || roles.hubTransport || roles.mailbox) &&
    org.federationCertificates.some((t) => sameThumbprint(t, cert.thumbprint))
  ) {
    flags |= ALLOWED_SERVICES.Federation;
  }
  return { flags, iisServices };
}
