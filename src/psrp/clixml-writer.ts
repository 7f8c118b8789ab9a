// Plain JS values (and typed ps.* values) -> CLIXML that PSSerializer::Deserialize and PSRP peers read.
import { Secret } from '../node/secret.js';
import { encodeClixmlString } from './clixml-string.js';
import { isPsObject, isPsPrimitive, ps } from './ps-value.js';
import type { PsObject, PsValueInput } from './ps-value.js';
import { PsrpProtocolError } from './psrp-protocol-error.js';

/** Options of the writer. */
export interface ClixmlWriteOptions {
  /** The `<SS>` body of a secret (PSRP sessions encrypt it); default: hex of UTF-16LE, as PSSerializer reads it off-session. */
  readonly secureString?: (value: Secret) => string;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xml = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
const text = (s: string) => xml(encodeClixmlString(s));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A Date as a UTC DateTime with 7 fractional digits. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new PsrpProtocolError('clixml', 'cannot write an invalid Date');
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}0000Z`
  );
}

function doubleText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'INF';
  if (n === -Infinity) return '-INF';
  return String(n).replace('e+', 'E+').replace('e-', 'E-');
}

const OBJECT_ARRAY = ['System.Object[]', 'System.Array', 'System.Object'];
const HASHTABLE = ['System.Collections.Hashtable', 'System.Object'];
const CUSTOM = ['System.Management.Automation.PSCustomObject', 'System.Object'];

/** Writes values with one RefId space (one document or one PSRP message). */
export class ClixmlWriter {
  private objRef = 0;
  private readonly typeRefs = new Map<string, number>();
  private readonly seen = new Map<object, number>();
  constructor(private readonly options: ClixmlWriteOptions = {}) {}

  /** One value as an element, named by `N` when it is a property. */
  write(value: PsValueInput, name?: string): string {
    const n = name === undefined ? '' : ` N="${text(name)}"`;
    if (value === null || value === undefined) return `<Nil${n} />`;
    if (isPsPrimitive(value)) return `<${value.tag}${n}>${text(value.text)}</${value.tag}>`;
    if (isPsObject(value)) return this.object(value, n);
    switch (typeof value) {
      case 'string':
        return `<S${n}>${text(value)}</S>`;
      case 'boolean':
        return `<B${n}>${String(value)}</B>`;
      case 'bigint':
        return `<I64${n}>${value}</I64>`;
      case 'number':
        if (Number.isInteger(value) && Math.abs(value) <= 2147483647) return `<I32${n}>${value}</I32>`;
        if (Number.isSafeInteger(value)) return `<I64${n}>${value}</I64>`;
        return `<Db${n}>${doubleText(value)}</Db>`;
      case 'object':
        break;
      default:
        throw new PsrpProtocolError('clixml', `cannot write a ${typeof value} as CLIXML`);
    }
    if (value instanceof Date) return `<DT${n}>${dateText(value)}</DT>`;
    if (value instanceof Secret) {
      const body =
        this.options.secureString?.(value) ?? Buffer.from(value.reveal(), 'utf16le').toString('hex').toUpperCase();
      return `<SS${n}>${body}</SS>`;
    }
    if (value instanceof Uint8Array) return `<BA${n}>${Buffer.from(value).toString('base64')}</BA>`;
    const seen = this.seen.get(value);
    if (seen !== undefined) return `<Ref${n} RefId="${seen}" />`;
    this.seen.set(value, this.objRef);
    if (Array.isArray(value)) return this.object(ps.object({ types: OBJECT_ARRAY, list: value as unknown[] }), n);
    if (value instanceof Map)
      return this.object(ps.object({ types: HASHTABLE, dict: [...(value as Map<unknown, unknown>).entries()] }), n);
    return this.object(ps.object({ types: CUSTOM, extended: value as Record<string, unknown> }), n);
  }

  private typeNames(types: readonly string[] | undefined): string {
    if (!types || types.length === 0) return '';
    const key = types.join('\n');
    const known = this.typeRefs.get(key);
    if (known !== undefined) return `<TNRef RefId="${known}" />`;
    const id = this.typeRefs.size;
    this.typeRefs.set(key, id);
    return `<TN RefId="${id}">${types.map((t) => `<T>${text(t)}</T>`).join('')}</TN>`;
  }

  private object(o: PsObject, n: string): string {
    let out = `<Obj${n} RefId="${this.objRef++}">${this.typeNames(o.types)}`;
    if (o.display !== undefined) out += `<ToString>${text(o.display)}</ToString>`;
    if (o.value !== undefined) out += this.write(o.value);
    if (o.list) out += `<LST>${o.list.map((v) => this.write(v)).join('')}</LST>`;
    if (o.dict)
      out += `<DCT>${o.dict.map(([k, v]) => `<En>${this.write(k, 'Key')}${this.write(v, 'Value')}</En>`).join('')}</DCT>`;
    if (o.adapted)
      out += `<Props>${Object.entries(o.adapted)
        .map(([k, v]) => this.write(v, k))
        .join('')}</Props>`;
    if (o.extended)
      out += `<MS>${Object.entries(o.extended)
        .map(([k, v]) => this.write(v, k))
        .join('')}</MS>`;
    return `${out}</Obj>`;
  }
}

/**
 * A value as a CLIXML document `[PSSerializer]::Deserialize` reads: objects become PSCustomObjects, arrays object[],
 * Maps hashtables, Dates UTC DateTimes, Secrets SecureStrings.
 * @example toClixml({ Name: 'x', Count: 2 }) // '<Objs Version="1.1.0.1" ...><Obj RefId="0">...<MS><S N="Name">x</S><I32 N="Count">2</I32></MS></Obj></Objs>'
 */
export function toClixml(value: unknown, options: ClixmlWriteOptions = {}): string {
  const body = new ClixmlWriter(options).write(value);
  return `<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">${body}</Objs>`;
}
