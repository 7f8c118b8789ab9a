// CLIXML -> plain JS values (objects by property name, arrays, Date, numbers, enums as { value, text }, Secret).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Secret } from '../node/secret.js';
import { decodeClixmlString } from './clixml-string.js';
import { PsrpProtocolError } from './psrp-protocol-error.js';

/** Non-enumerable key on decoded objects holding their .NET type names (most derived first). */
export const CLIXML_TYPE_NAMES = Symbol.for('exchcert.clixml.typeNames');

/** An enum value as CLIXML carries it. */
export interface ClixmlEnum {
  readonly value: number;
  readonly text: string;
}

/** Options of the reader. */
export interface ClixmlReadOptions {
  /** Turns an `<SS>` body into a Secret (PSRP sessions encrypt it); default: hex of UTF-16LE, as PSSerializer writes it off-session. */
  readonly secureString?: (body: string) => Secret;
}

/** One element of the parsed tree. */
interface XNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XNode[];
  readonly text: string;
}

const MAX_DEPTH = 256;
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded below (XML's five and character references): the parser's entity pass costs ~5x its parse.
  processEntities: false,
  htmlEntities: false,
});

const fail = (message: string, cause?: unknown): never => {
  throw new PsrpProtocolError('clixml', message, cause === undefined ? undefined : { cause });
};

const ENTITY = /&([^&;]*);/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's predefined entities and character references; anything else is not well-formed. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (m, name: string) => {
    const named = NAMED[name];
    if (named !== undefined) return named;
    const code = /^#x[0-9A-Fa-f]{1,6}$/.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]{1,7}$/.test(name)
        ? Number(name.slice(1))
        : -1;
    if (code < 0 || code > 0x10ffff) return fail(`'${m.slice(0, 20)}' is not an XML entity or character reference`);
    return String.fromCodePoint(code);
  });
}

function decodeAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = decodeEntities(String(v));
  return out;
}

function toTree(items: unknown, depth: number): XNode[] {
  if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
  if (!Array.isArray(items)) return fail('unexpected parser output');
  const out: XNode[] = [];
  for (const item of items as Record<string, unknown>[]) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const raw = item[name] as unknown[];
    const attrs = item[':@'] ? decodeAttrs(item[':@'] as Record<string, string>) : {};
    const children = toTree(raw, depth + 1);
    const text = decodeEntities(
      (raw as Record<string, unknown>[]).map((c) => ('#text' in c ? String(c['#text']) : '')).join(''),
    );
    out.push({ name, attrs, children, text });
  }
  return out;
}

const PLAIN_ELEMENT = /^<(S|B|I32|I64|U32|U64|Db)>([^<>&]*)<\/\1>$/;

/** Parses XML text into elements (typed error for anything not well-formed). */
function parseXml(text: string): XNode[] {
  if (typeof text !== 'string') fail('input is not a string');
  let valid: true | { err: { msg: string; line: number } };
  try {
    valid = XMLValidator.validate(text) as true | { err: { msg: string; line: number } };
  } catch (e) {
    return fail('the XML could not be checked', e);
  }
  if (valid !== true) fail(`not well-formed XML (line ${valid.err.line}): ${valid.err.msg}`);
  try {
    return toTree(parser.parse(text), 0);
  } catch (e) {
    if (e instanceof PsrpProtocolError) throw e;
    return fail('the XML could not be parsed', e);
  }
}

const INT = /^[+-]?\d+$/;
const RANGES: Record<string, [number, number]> = {
  By: [0, 255],
  SB: [-128, 127],
  U16: [0, 65535],
  I16: [-32768, 32767],
  U32: [0, 4294967295],
  I32: [-2147483648, 2147483647],
};

function readInt(tag: string, text: string): number | bigint {
  const t = text.trim();
  if (!INT.test(t)) return fail(`<${tag}> holds '${t.slice(0, 40)}', not an integer`);
  const range = RANGES[tag];
  if (range) {
    const n = Number(t);
    if (n < range[0] || n > range[1]) fail(`<${tag}> value ${t} is out of range`);
    return n;
  }
  const big = BigInt(t);
  if (tag === 'U64' && (big < 0n || big > 18446744073709551615n)) fail(`<U64> value ${t} is out of range`);
  if (tag === 'I64' && (big < -9223372036854775808n || big > 9223372036854775807n))
    fail(`<I64> value ${t} is out of range`);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function readFloat(tag: string, text: string): number {
  const t = text.trim();
  if (t === 'INF' || t === 'Infinity') return Infinity;
  if (t === '-INF' || t === '-Infinity') return -Infinity;
  if (t === 'NaN') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) fail(`<${tag}> holds '${t.slice(0, 40)}', not a number`);
  return Number(t);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** DateTime text; no zone (DateTimeKind.Unspecified) is read as UTC. */
function readDate(text: string): Date {
  const m = DATE.exec(text.trim());
  if (!m) return fail(`<DT> holds '${text.slice(0, 40)}', not a date`);
  const frac = m[7] ? m[7].slice(0, 4).padEnd(4, '0') : '.000';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${frac}${m[8] ?? 'Z'}`);
  if (Number.isNaN(d.getTime())) fail(`<DT> holds '${text.slice(0, 40)}', not a valid date`);
  return d;
}

function readBytes(text: string): Uint8Array {
  const t = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) fail('<BA> is not base64');
  return new Uint8Array(Buffer.from(t, 'base64'));
}

function hexSecret(body: string): Secret {
  const t = body.trim();
  if (!/^([0-9A-Fa-f]{4})*$/.test(t))
    fail('<SS> is not hex of UTF-16 text (an encrypted SecureString needs the session key)');
  return new Secret(Buffer.from(t, 'hex').toString('utf16le'));
}

/** Reads CLIXML elements with one RefId table, as one document or PSRP message does. */
class Reader {
  private readonly objects = new Map<string, unknown>();
  private readonly typeNames = new Map<string, readonly string[]>();
  constructor(private readonly options: ClixmlReadOptions) {}

  value(node: XNode): unknown {
    const { name, text } = node;
    switch (name) {
      case 'Nil':
        return null;
      case 'S':
      case 'URI':
      case 'Version':
      case 'XD':
      case 'SBK':
      case 'ToString':
        return decodeClixmlString(text);
      case 'C': {
        const n = readInt('U16', text) as number;
        return String.fromCharCode(n);
      }
      case 'B':
        if (text.trim() !== 'true' && text.trim() !== 'false') fail(`<B> holds '${text.slice(0, 40)}'`);
        return text.trim() === 'true';
      case 'DT':
        return readDate(text);
      case 'TS':
      case 'G':
        return text.trim();
      case 'By':
      case 'SB':
      case 'U16':
      case 'I16':
      case 'U32':
      case 'I32':
      case 'U64':
      case 'I64':
        return readInt(name, text);
      case 'Sg':
      case 'Db':
      case 'D':
        return readFloat(name, text);
      case 'BA':
        return readBytes(text);
      case 'SS':
        return (this.options.secureString ?? hexSecret)(text);
      case 'Ref': {
        const id = node.attrs.RefId;
        if (id === undefined || !this.objects.has(id))
          return fail(`<Ref RefId="${String(id)}"> names no earlier object`);
        return this.objects.get(id);
      }
      case 'PR':
        return this.properties(node.children, {});
      case 'Obj':
        return this.object(node);
      default:
        return fail(`unknown element <${name}>`);
    }
  }

  private types(node: XNode): readonly string[] {
    const tn = node.children.find((c) => c.name === 'TN');
    if (tn) {
      const names = tn.children.filter((c) => c.name === 'T').map((c) => decodeClixmlString(c.text));
      if (tn.attrs.RefId !== undefined) this.typeNames.set(tn.attrs.RefId, names);
      return names;
    }
    const ref = node.children.find((c) => c.name === 'TNRef');
    if (!ref) return [];
    const names = this.typeNames.get(ref.attrs.RefId ?? '');
    return names ?? fail(`<TNRef RefId="${String(ref.attrs.RefId)}"> names no earlier type list`);
  }

  private properties(children: readonly XNode[], into: Record<string, unknown>): Record<string, unknown> {
    for (const c of children) {
      const key = c.attrs.N;
      if (key === undefined) fail(`property <${c.name}> has no N attribute`);
      else into[decodeClixmlString(key)] = this.value(c);
    }
    return into;
  }

  private object(node: XNode): unknown {
    const types = this.types(node);
    const names = new Set(node.children.map((c) => c.name));
    const textNode = node.children.find((c) => c.name === 'ToString');
    const text = textNode ? decodeClixmlString(textNode.text) : undefined;
    const inner = node.children.find((c) => !CONTAINER_PARTS.has(c.name));
    const id = node.attrs.RefId;
    // Containers are registered before their contents are read, so a <Ref> inside may point back at them.
    let result: unknown;
    if (names.has('LST') || names.has('IE') || names.has('STK') || names.has('QUE')) result = [];
    else if (names.has('DCT') || !inner) result = {};
    if (result !== undefined) {
      if (types.length > 0) Object.defineProperty(result, CLIXML_TYPE_NAMES, { value: types, enumerable: false });
      if (id !== undefined) this.objects.set(id, result);
    }
    for (const c of node.children) {
      switch (c.name) {
        case 'LST':
        case 'IE':
        case 'STK':
        case 'QUE':
          if (Array.isArray(result)) for (const x of c.children) result.push(this.value(x));
          break;
        case 'DCT':
          if (result !== undefined && !Array.isArray(result)) this.entries(c, result as Record<string, unknown>);
          break;
        case 'Props':
        case 'MS':
          if (result !== undefined && !Array.isArray(result))
            this.properties(c.children, result as Record<string, unknown>);
          break;
      }
    }
    if (result === undefined) {
      const v = this.value(inner!);
      if (types.includes('System.Enum')) {
        result = { value: v, text: text ?? String(v) } as ClixmlEnum;
        Object.defineProperty(result, CLIXML_TYPE_NAMES, { value: types, enumerable: false });
      } else result = v;
      if (id !== undefined) this.objects.set(id, result);
    } else if (!Array.isArray(result) && Object.keys(result as object).length === 0 && !names.has('DCT')) {
      if (!names.has('MS') && !names.has('Props') && text !== undefined) {
        result = text;
        if (id !== undefined) this.objects.set(id, result);
      }
    }
    return result;
  }

  private entries(dct: XNode, into: Record<string, unknown>): void {
    for (const en of dct.children) {
      if (en.name !== 'En') fail(`<DCT> holds <${en.name}>, not <En>`);
      const k = en.children.find((x) => x.attrs.N === 'Key');
      const v = en.children.find((x) => x.attrs.N === 'Value');
      if (!k || !v) fail('a dictionary entry lacks its Key or Value');
      else into[String(this.value(k))] = this.value(v);
    }
  }
}

const CONTAINER_PARTS = new Set(['TN', 'TNRef', 'ToString', 'LST', 'IE', 'STK', 'QUE', 'DCT', 'Props', 'MS']);

/** Reads one element's value (a PSRP message body is one `<Obj>`); typed PsrpProtocolError for anything malformed. */
export function readClixmlElement(text: string, options: ClixmlReadOptions = {}): unknown {
  // One string, number or boolean with nothing to decode as XML (most pipeline output): no XML parser needed.
  const plain = typeof text === 'string' ? PLAIN_ELEMENT.exec(text) : null;
  if (plain) return new Reader(options).value({ name: plain[1]!, attrs: {}, children: [], text: plain[2]! });
  const nodes = parseXml(text);
  if (nodes.length !== 1) fail(`expected one root element, found ${nodes.length}`);
  return new Reader(options).value(nodes[0]!);
}

/**
 * CLIXML as `[PSSerializer]::Serialize` (or `Export-Clixml`) writes it -> plain JS values; several objects -> an array.
 * @example parseClixml('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><I32>5</I32></Objs>') // 5
 */
export function parseClixml(text: string, options: ClixmlReadOptions = {}): unknown {
  if (typeof text !== 'string') fail('input is not a string');
  const body = text.startsWith('#< CLIXML') ? text.slice(text.indexOf('\n') + 1) : text;
  const nodes = parseXml(body);
  if (nodes.length !== 1 || nodes[0]!.name !== 'Objs') return fail('the document is not one <Objs> element');
  const reader = new Reader(options);
  const values = nodes[0]!.children.map((n) => reader.value(n));
  return values.length === 1 ? values[0] : values;
}
