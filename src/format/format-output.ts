// PowerShell's formatting of objects as text for every backend: Exchange's certificate views, generic tables and lists, Out-Default.
import { Secret } from '../node/secret.js';
import { servicesFromString, servicesStringForm } from '../spec/output/allowed-services.js';
import {
  EXCHANGE_CERTIFICATE_LIST_VIEW,
  EXCHANGE_CERTIFICATE_TABLE_VIEW,
} from '../spec/output/exchange-certificate.js';
import { EXCHANGE_TABLE_VIEWS } from '../spec/output/exchange-object-views.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { interpreterDialect } from '../runtime/interpreter-dialect.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { PsErrorRecord } from '../runtime/ps-error-record.js';
import { formatDate } from '../runtime/ps-format.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { wildcardRegex } from '../runtime/ps-operators.js';
import {
  elements,
  findProperty,
  isArrayLike,
  isCertificateObject,
  isCustomObject,
  isPlainObject,
  normalize,
  propertyNames,
  toStr,
} from '../runtime/ps-values.js';

export { isCertificateObject };

/** $FormatEnumerationLimit. */
const ENUMERATION_LIMIT = 4;

/** The Services column letters (ServicesStringForm, else derived from Services). */
export function servicesLetters(cert: Record<string, unknown>): string {
  const form = cert.ServicesStringForm;
  if (typeof form === 'string') return form;
  const services = cert.Services;
  try {
    if (typeof services === 'number' || typeof services === 'string')
      return servicesStringForm(servicesFromString(services));
    if (Array.isArray(services)) return servicesStringForm(servicesFromString(services.map((s) => toStr(s)).join(',')));
  } catch {
    /* fall through */
  }
  return toStr(services);
}

/** .NET types of an ExchangeCertificate's object-valued properties: the console shows their type names (their ToString()). */
const CERTIFICATE_OBJECT_TYPES: Readonly<Record<string, string>> = {
  accessrules: 'System.Security.AccessControl.CryptoKeyAccessRule',
  extensions: 'System.Security.Cryptography.X509Certificates.X509Extension',
  issuername: 'System.Security.Cryptography.X509Certificates.X500DistinguishedName',
  subjectname: 'System.Security.Cryptography.X509Certificates.X500DistinguishedName',
  publickey: 'System.Security.Cryptography.X509Certificates.PublicKey',
  signaturealgorithm: 'System.Security.Cryptography.Oid',
  privatekey: 'System.Security.Cryptography.RSACryptoServiceProvider',
};

/** A certificate property as Exchange's objects show it (Services as the enum string, nested objects as type names). */
function certificateCell(name: string, v: unknown, ellipsis: string): string {
  const lower = name.toLowerCase();
  if (lower === 'services' && Array.isArray(v)) return v.map((x) => toStr(x)).join(', ');
  const type = CERTIFICATE_OBJECT_TYPES[lower];
  if (type !== undefined && v !== null && v !== undefined) {
    if (Array.isArray(v))
      return formatCell(
        v.map(() => type),
        ellipsis,
      );
    if (typeof v === 'object') return type;
  }
  return formatCell(v, ellipsis);
}

/** A value as a table cell or list entry shows it (`ellipsis` ends an enumeration cut at $FormatEnumerationLimit). */
export function formatCell(v: unknown, ellipsis = '...'): string {
  v = normalize(v);
  if (v === null) return '';
  if (v instanceof Date) return formatDate(v, 'G');
  if (isArrayLike(v)) {
    const items = elements(v);
    const shown = items.slice(0, ENUMERATION_LIMIT).map((x) => formatCell(x, ellipsis));
    return `{${shown.join(', ')}${items.length > ENUMERATION_LIMIT ? ellipsis : ''}}`;
  }
  if (v instanceof Secret) return 'System.Security.SecureString';
  if (v instanceof PsErrorRecord) return v.record.message;
  return toStr(v);
}

function cut(text: string, width: number, dialect: InterpreterDialect): string {
  if (text.length <= width) return text;
  if (width <= dialect.ellipsis.length) return dialect.ellipsis.slice(0, width);
  return text.slice(0, width - dialect.ellipsis.length) + dialect.ellipsis;
}

/** Exchange's default table view: Thumbprint (42 wide), Services letters (11 wide), Subject cut at the console width. */
function certificateTable(certs: readonly Record<string, unknown>[], dialect: InterpreterDialect): string[] {
  const [t, s, subj] = EXCHANGE_CERTIFICATE_TABLE_VIEW;
  const subjectWidth = Math.max(10, dialect.consoleWidth - 53);
  const lines = [
    '',
    `${t.padEnd(42)}${s.padEnd(11)}${subj}`,
    `${'-'.repeat(t.length).padEnd(42)}${'-'.repeat(s.length).padEnd(11)}${'-'.repeat(subj.length)}`,
  ];
  for (const c of certs) {
    lines.push(
      `${formatCell(c.Thumbprint).padEnd(42)}${servicesLetters(c).padEnd(11)}${cut(formatCell(c.Subject), subjectWidth, dialect)}`.trimEnd(),
    );
  }
  lines.push('');
  return lines;
}

/** The default table view of an Exchange configuration object (by its hidden PSTypeNames), if its type has one. */
function tableViewOf(o: unknown): readonly string[] | undefined {
  if (!isPlainObject(o) || isCustomObject(o) || !Array.isArray(o.PSTypeNames)) return undefined;
  const first: unknown = o.PSTypeNames[0];
  return typeof first === 'string' ? EXCHANGE_TABLE_VIEWS[first] : undefined;
}

/** Property names an object shows. */
function allProperties(o: unknown): string[] {
  if (isPlainObject(o)) return propertyNames(o);
  return [];
}

function propertyValue(o: unknown, name: string): unknown {
  if (isPlainObject(o)) {
    const k = findProperty(o, name);
    return k === undefined ? null : o[k];
  }
  if (o instanceof PsHashtable) return o.get(name);
  return null;
}

/** Expands `*` and wildcards in -Property against an object's properties. */
function expandProperties(o: unknown, requested: readonly string[]): string[] {
  const names = allProperties(o);
  const out: string[] = [];
  for (const r of requested) {
    if (/[*?[]/.test(r)) {
      const re = wildcardRegex(r, false);
      for (const n of names) if (re.test(n) && !out.includes(n)) out.push(n);
    } else out.push(findProperty(isPlainObject(o) ? o : {}, r) ?? r);
  }
  return out;
}

/** A generic table: columns as wide as their widest cell, numbers right-aligned, columns that do not fit dropped. */
function genericTable(
  objects: readonly unknown[],
  columns: readonly string[],
  dialect: InterpreterDialect,
  onDropped?: (count: number) => void,
): string[] {
  const cells = objects.map((o) =>
    columns.map((c) =>
      isCertificateObject(o)
        ? certificateCell(c, propertyValue(o, c), dialect.ellipsis)
        : formatCell(propertyValue(o, c), dialect.ellipsis),
    ),
  );
  const numeric = columns.map((c) =>
    objects.every((o) => {
      const v = propertyValue(o, c);
      return v === null || v === undefined || typeof v === 'number';
    }),
  );
  let widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  let keep = columns.length;
  let total = 0;
  for (let i = 0; i < columns.length; i++) {
    total += widths[i]! + (i > 0 ? 1 : 0);
    if (total > dialect.consoleWidth && i > 0) {
      keep = i;
      break;
    }
  }
  widths = widths.slice(0, keep);
  if (keep < columns.length) onDropped?.(columns.length - keep);
  if (keep > 0) {
    const before = widths.slice(0, -1).reduce((a, w) => a + w + 1, 0);
    widths[keep - 1] = Math.min(widths[keep - 1]!, Math.max(1, dialect.consoleWidth - before));
  }
  const row = (values: readonly string[]) =>
    values
      .slice(0, keep)
      .map((v, i) => {
        const text = cut(v, widths[i]!, dialect);
        return numeric[i] ? text.padStart(widths[i]!) : i === keep - 1 ? text : text.padEnd(widths[i]!);
      })
      .join(' ')
      .trimEnd();
  const header = row(columns.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c)));
  const dashes = row(
    columns.map((c, i) => (numeric[i] ? '-'.repeat(c.length).padStart(widths[i] ?? 0) : '-'.repeat(c.length))),
  );
  return ['', header, dashes, ...cells.map(row), ''];
}

function hashtableTable(t: PsHashtable, dialect: InterpreterDialect): string[] {
  const rows = t.entries().map(([k, v]) => ({ Name: toStr(k), Value: formatCell(v, dialect.ellipsis) }));
  const nameWidth = Math.max(30, ...rows.map((r) => r.Name.length));
  const lines = ['', `${'Name'.padEnd(nameWidth)} Value`, `${'----'.padEnd(nameWidth)} -----`];
  for (const r of rows)
    lines.push(
      `${r.Name.padEnd(nameWidth)} ${cut(r.Value, Math.max(10, dialect.consoleWidth - nameWidth - 1), dialect)}`.trimEnd(),
    );
  lines.push('');
  return lines;
}

/**
 * Format-Table: ExchangeCertificate objects use Exchange's view unless -Property is given; other objects get a
 * column per property (of the first object, or -Property).
 */
export function formatTableLines(
  objects: readonly unknown[],
  properties: readonly string[] | null,
  shell: ShellVersion,
  onDropped?: (count: number) => void,
): string[] {
  const dialect = interpreterDialect(shell);
  const items = objects.map(normalize).filter((o) => o !== null);
  if (items.length === 0) return [];
  if (!properties && items.every(isCertificateObject))
    return certificateTable(items as Record<string, unknown>[], dialect);
  if (!properties && items.length === 1 && items[0] instanceof PsHashtable) return hashtableTable(items[0], dialect);
  const view = properties ? undefined : tableViewOf(items[0]);
  if (view && items.every((o) => tableViewOf(o) === view)) return genericTable(items, view, dialect, onDropped);
  if (!properties && items.every((o) => !isPlainObject(o))) return items.map((o) => formatCell(o, dialect.ellipsis));
  const columns = properties ? expandProperties(items[0], properties) : allProperties(items[0]);
  return genericTable(items, columns, dialect, onDropped);
}

/** Format-List: one `Name : Value` block per object (certificates: Exchange's list view; `*` for all properties). */
export function formatListLines(
  objects: readonly unknown[],
  properties: readonly string[] | null,
  shell: ShellVersion,
): string[] {
  const { ellipsis } = interpreterDialect(shell);
  const lines: string[] = [];
  for (const raw of objects) {
    const o = normalize(raw);
    if (o === null) continue;
    if (!isPlainObject(o) && !(o instanceof PsHashtable)) {
      if (lines.length === 0) lines.push('');
      lines.push(formatCell(o, ellipsis));
      continue;
    }
    let names: string[];
    if (o instanceof PsHashtable) names = properties ? properties.slice() : ['Name', 'Value'];
    else if (properties) names = expandProperties(o, properties);
    else if (isCertificateObject(o)) names = [...EXCHANGE_CERTIFICATE_LIST_VIEW];
    else names = allProperties(o);
    if (o instanceof PsHashtable && !properties) {
      for (const [k, v] of o.entries()) lines.push('', `Name  : ${toStr(k)}`, `Value : ${formatCell(v, ellipsis)}`);
      continue;
    }
    const width = Math.max(0, ...names.map((n) => n.length));
    lines.push('');
    for (const n of names) {
      const v = propertyValue(o, n);
      const text = isCertificateObject(o) ? certificateCell(n, v, ellipsis) : formatCell(v, ellipsis);
      lines.push(`${n.padEnd(width)} : ${text}`.trimEnd() + (text === '' ? ' ' : ''));
    }
  }
  if (lines.length > 0) lines.push('');
  return lines;
}

function isScalarLike(v: unknown): boolean {
  return !isPlainObject(v) && !(v instanceof PsHashtable);
}

/**
 * What the console shows for a statement's output when no Format-* ends the pipeline (Out-Default): strings and other
 * scalars as text, ExchangeCertificate objects as Exchange's table, hashtables as Name/Value tables, other objects as a
 * table (up to 4 properties) or a list. Consecutive objects of one shape share a table.
 */
export function formatForHost(objects: readonly unknown[], shell: ShellVersion): string {
  return formatLinesForHost(objects, shell).join('\n');
}

/** Get-Member's view: a `TypeName:` heading per type, then Name, MemberType and Definition. */
function memberLines(group: readonly unknown[], shell: ShellVersion): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < group.length) {
    const type = (group[start] as Record<string, unknown>).TypeName;
    let end = start + 1;
    while (end < group.length && (group[end] as Record<string, unknown>).TypeName === type) end++;
    lines.push('', `   TypeName: ${toStr(type)}`);
    lines.push(...formatTableLines(group.slice(start, end), ['Name', 'MemberType', 'Definition'], shell));
    start = end;
  }
  return lines;
}

/** The lines formatForHost joins (Out-String joins them with CRLF, the simulated Windows' newline). */
export function formatLinesForHost(objects: readonly unknown[], shell: ShellVersion): string[] {
  const flat: unknown[] = [];
  for (const o of objects) {
    const v = normalize(o);
    if (isArrayLike(v)) flat.push(...elements(v).map(normalize));
    else flat.push(v);
  }
  const lines: string[] = [];
  let i = 0;
  while (i < flat.length) {
    const v = flat[i];
    if (v === null) {
      i++;
      continue;
    }
    if (isScalarLike(v)) {
      lines.push(
        v instanceof Date
          ? formatDate(v, 'dddd, MMMM d, yyyy h:mm:ss tt')
          : formatCell(v, interpreterDialect(shell).ellipsis),
      );
      i++;
      continue;
    }
    if (v instanceof PsHashtable) {
      lines.push(...hashtableTable(v, interpreterDialect(shell)));
      i++;
      continue;
    }
    // A run of objects shaped like the first.
    const cert = isCertificateObject(v);
    const shape = allProperties(v).join('\u0000');
    let j = i + 1;
    while (
      j < flat.length &&
      isPlainObject(flat[j]) &&
      (cert
        ? isCertificateObject(flat[j])
        : !isCertificateObject(flat[j]) && allProperties(flat[j]).join('\u0000') === shape)
    )
      j++;
    const group = flat.slice(i, j);
    const memberType = (v as { PSTypeName?: unknown }).PSTypeName === 'Microsoft.PowerShell.Commands.MemberDefinition';
    if (memberType) lines.push(...memberLines(group, shell));
    else if (cert || tableViewOf(v)) lines.push(...formatTableLines(group, null, shell));
    else if (allProperties(v).length <= 4) lines.push(...formatTableLines(group, null, shell));
    else lines.push(...formatListLines(group, null, shell));
    i = j;
  }
  return lines;
}
