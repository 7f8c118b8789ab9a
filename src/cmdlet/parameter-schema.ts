import * as z from 'zod/mini';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import { ALLOWED_SERVICE_NAMES } from '../spec/ps-type.js';
import { PS_TYPE_INFO } from '../spec/ps-type-info.js';
import type { Expression } from '../node/expression.js';
import { isExpression } from '../node/expression.js';
import { Secret } from '../node/secret.js';
import { isCertificateIdentity, isDnsName, isSmtpX509Identifier, isThumbprint, x500Problem } from './value-formats.js';

type Kinds = readonly Expression['kind'][];
const REFERENCES: Kinds = ['variable', 'expression'];

/** An expression object of the given kinds (pipeline input only where the parameter takes it). */
function expressionOf(kinds: Kinds, p: ParameterSpec) {
  const allowed = p.pipeline ? [...kinds, 'pipelineInput'] : kinds;
  return z.custom<Expression>((v) => isExpression(v) && allowed.includes(v.kind), {
    error: `a computed value here must be one of: ${allowed.join(', ')}`,
  });
}

/** Refines a string with a message. */
function stringWhere(test: (s: string) => boolean, message: string) {
  return z.string().check(z.refine(test, { error: message }));
}

const INT32 = (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;

/** Canonical enum name for a case-insensitive input, or undefined. */
function canonical(names: readonly (string | number)[], input: string): string | undefined {
  const lower = input.trim().toLowerCase();
  return names.find((n) => String(n).toLowerCase() === lower) as string | undefined;
}

/** Splits and canonicalises -Services input (`'IIS,SMTP'`, `['iis','smtp']`). */
function normalizeServices(value: string | string[], ctx: z.core.ParsePayload<unknown>): readonly string[] {
  const parts = (typeof value === 'string' ? [value] : value).flatMap((s) => s.split(','));
  const out: string[] = [];
  for (const part of parts) {
    const name = canonical(ALLOWED_SERVICE_NAMES, part);
    if (name === undefined) {
      ctx.issues.push({ code: 'custom', input: value, message: `'${part.trim()}' is not a service name` });
      return [];
    }
    if (!out.includes(name)) out.push(name);
  }
  if (out.length === 0) ctx.issues.push({ code: 'custom', input: value, message: 'no service given' });
  return Object.freeze(out);
}

/** Turns a scalar or array input into a frozen array. */
function toArray<T>(value: T | readonly T[]): readonly T[] {
  return Object.freeze(Array.isArray(value) ? [...(value as readonly T[])] : [value as T]);
}

/** The zod schema of one parameter's value, derived from its table line; transforms normalise arrays and enums. */
export function parameterSchema(p: ParameterSpec): z.ZodMiniType {
  const refs = expressionOf(REFERENCES, p);
  switch (p.type) {
    case 'SwitchParameter':
    case 'Boolean':
      return z.union([z.boolean(), refs]);
    case 'Int32':
    case 'Int64': {
      const accepted = p.accepted;
      const num = z.number().check(
        z.refine((n) => (p.type === 'Int32' ? INT32(n) : Number.isSafeInteger(n)), {
          error: `must be a whole number${p.type === 'Int32' ? ' (Int32)' : ''}`,
        }),
        z.refine((n) => accepted === undefined || accepted.includes(n), {
          error: `must be one of ${accepted?.join(', ')}`,
        }),
      );
      return z.union([num, refs]);
    }
    case 'AllowedServices': {
      const list = z.union([z.string(), z.array(z.string())]);
      return z.union([z.pipe(list, z.transform(normalizeServices)), refs]);
    }
    case 'MultiValuedProperty':
    case 'String[]':
    case 'Object[]': {
      const item =
        p.format === 'dnsName'
          ? stringWhere((s) => isDnsName(s), 'each name must be a DNS host name, FQDN or wildcard name (*.contoso.com)')
          : p.type === 'Object[]'
            ? z.union([z.string(), z.number(), z.boolean(), refs])
            : z.string();
      const list = z.union([item, z.array(item)]);
      return z.union([
        z.pipe(
          list,
          z.transform((v) => toArray(v as string)),
        ),
        refs,
      ]);
    }
    case 'Byte[]':
      return z.union([z.instanceof(Uint8Array), expressionOf(['variable', 'fileBytes', 'expression'], p)]);
    case 'SecureString':
      return z.union([
        z.instanceof(Secret, { error: `a password must be a Secret (secret('...')), never a plain string` }),
        expressionOf(['variable', 'secretPrompt', 'expression'], p),
      ]);
    case 'X509Certificate2':
    case 'ScriptBlock':
    case 'Hashtable[]':
      return refs;
    case 'Object':
      return z.union([z.string(), z.number(), z.boolean(), refs]);
    case 'X500DistinguishedName':
      return z.union([
        z.string().check(
          z.superRefine((s, ctx) => {
            const problem = x500Problem(s);
            if (problem) ctx.issues.push({ code: 'custom', input: s, message: `not an X.500 name: ${problem}` });
          }),
        ),
        refs,
      ]);
    case 'Fqdn':
      return z.union([
        stringWhere((s) => isDnsName(s, { wildcard: false }), 'must be a fully qualified domain name'),
        refs,
      ]);
    case 'ExchangeCertificateIdParameter':
      return z.union([
        stringWhere(isCertificateIdentity, 'must be Server\\Thumbprint or a thumbprint of 40 hexadecimal digits'),
        refs,
      ]);
    case 'SmtpX509Identifier':
      return z.union([
        stringWhere(isSmtpX509Identifier, "must be '<I>issuer<S>subject' (the certificate's Issuer and Subject)"),
        refs,
      ]);
    case 'DateTime':
      return z.union([stringWhere((s) => s.trim().length > 0, 'must be a date and time such as 4/17/2026'), refs]);
    case 'SendConnectorIdParameter':
    case 'ReceiveConnectorIdParameter':
    case 'ClientAccessServerIdParameter':
    case 'ServerIdParameter':
      return z.union([
        stringWhere(
          (s) => s.trim().length > 0 && !/[\u0000-\u001f]/.test(s),
          'must be a server name, FQDN or distinguished name',
        ),
        refs,
      ]);
    case 'ActionPreference':
    case 'Encoding':
    case 'String': {
      let str: z.ZodMiniType = z.string();
      if (p.format === 'thumbprint')
        str = stringWhere(isThumbprint, 'must be 40 hexadecimal digits (spaces between byte pairs are tolerated)');
      if (p.accepted) {
        const accepted = p.accepted;
        str = z.pipe(
          z.string(),
          z.transform((s: string, ctx) => {
            const name = canonical(accepted, s);
            if (name === undefined)
              ctx.issues.push({ code: 'custom', input: s, message: `must be one of ${accepted.join(', ')}` });
            return name ?? s;
          }),
        );
      }
      return z.union([str, refs]);
    }
  }
}

/** What a parameter accepts, in words (for error messages and CLI help). */
export function describeAllowed(p: ParameterSpec): string {
  if (p.accepted) return p.accepted.join(', ');
  if (p.format === 'dnsName') return 'one or more DNS names (a-z, 0-9, hyphen; *.domain for wildcards)';
  if (p.format === 'thumbprint') return '40 hexadecimal digits';
  return PS_TYPE_INFO[p.type].allowed;
}
