// Exchange's own value types as runbooks see them: the AllowedServices flags enum and SmtpDomainWithSubdomains.
import { servicesFromString, servicesString } from '../spec/output/allowed-services.js';

/**
 * `ExchangeCertificate.Services` inside a runbook: a [Flags] enum whose text is `IMAP, POP, IIS, SMTP` and whose value
 * works with `-band` and `[int]`. JSON shows its text, as `--json` and typed results always did.
 * @example String(new AllowedServicesValue(27)) // 'IMAP, POP, IIS, SMTP'
 */
export class AllowedServicesValue {
  readonly value: number;
  readonly psTypeName = 'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices';

  constructor(value: number) {
    this.value = value;
  }

  /** `-eq`: a number compares by value; a string is read as enum names (PowerShell converts it to the enum). */
  psEquals(other: unknown): boolean {
    if (other instanceof AllowedServicesValue) return other.value === this.value;
    if (typeof other === 'number') return other === this.value;
    if (typeof other !== 'string') return false;
    try {
      return servicesFromString(other) === this.value;
    } catch {
      return false;
    }
  }

  psGet(name: string): unknown {
    return name.toLowerCase() === 'value__' ? this.value : undefined;
  }

  toString(): string {
    return servicesString(this.value);
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * One item of `ExchangeCertificate.CertificateDomains` inside a runbook: `Address` (as written, `*.contoso.com`),
 * `Domain` (without the wildcard) and `IncludeSubDomains`; its text is the address.
 * @example new SmtpDomainValue('*.contoso.com').psGet('Domain') // 'contoso.com'
 */
export class SmtpDomainValue {
  readonly address: string;
  readonly psTypeName = 'Microsoft.Exchange.Data.SmtpDomainWithSubdomains';

  constructor(address: string) {
    this.address = address;
  }

  /** `-eq` / `-contains` with a name compare the address, case-insensitively. */
  psEquals(other: unknown): boolean {
    const text = other instanceof SmtpDomainValue ? other.address : typeof other === 'string' ? other : null;
    return text !== null && text.toLowerCase() === this.address.toLowerCase();
  }

  psGet(name: string): unknown {
    const wildcard = this.address.startsWith('*.');
    switch (name.toLowerCase()) {
      case 'address':
        return this.address;
      case 'domain':
        return wildcard ? this.address.slice(2) : this.address;
      case 'includesubdomains':
        return wildcard;
      default:
        return undefined;
    }
  }

  toString(): string {
    return this.address;
  }

  toJSON(): string {
    return this.address;
  }
}
