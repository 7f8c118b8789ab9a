// Typed CLIXML values for the writer where a plain JS value cannot say which .NET type to send.
const TYPED = Symbol.for('exchcert.psrp.typed');

/** A primitive element written as is: `<I32>5</I32>`, `<Version>2.3</Version>`, `<G>...</G>`. */
export interface PsPrimitive {
  readonly [TYPED]: true;
  readonly kind: 'primitive';
  readonly tag: string;
  readonly text: string;
}

/** A complex object: type names, `<ToString>`, an optional wrapped value, list, dictionary and properties. */
export interface PsObject {
  readonly [TYPED]: true;
  readonly kind: 'object';
  readonly types?: readonly string[];
  /** The `<ToString>` text. */
  readonly display?: string;
  readonly value?: PsValueInput;
  readonly list?: readonly PsValueInput[];
  readonly dict?: readonly (readonly [PsValueInput, PsValueInput])[];
  /** Adapted properties (`<Props>`). */
  readonly adapted?: Readonly<Record<string, PsValueInput>>;
  /** Extended properties (`<MS>`). */
  readonly extended?: Readonly<Record<string, PsValueInput>>;
}

/** Anything the writer takes: plain JS values or the typed forms above. */
export type PsValueInput = PsPrimitive | PsObject | unknown;

/** Builders for typed values. @example ps.i32(5) // { kind: 'primitive', tag: 'I32', text: '5' } */
export const ps = {
  primitive: (tag: string, text: string): PsPrimitive => ({ [TYPED]: true, kind: 'primitive', tag, text }),
  i32: (n: number): PsPrimitive => ps.primitive('I32', String(Math.trunc(n))),
  i64: (n: number | bigint): PsPrimitive => ps.primitive('I64', String(n)),
  version: (v: string): PsPrimitive => ps.primitive('Version', v),
  guid: (g: string): PsPrimitive => ps.primitive('G', g),
  /** An enum: its type names (most derived first), name and number. */
  enumValue: (type: string, text: string, value: number): PsObject => ({
    [TYPED]: true,
    kind: 'object',
    types: [type, 'System.Enum', 'System.ValueType', 'System.Object'],
    display: text,
    value: ps.i32(value),
  }),
  object: (fields: Omit<PsObject, 'kind' | typeof TYPED>): PsObject => ({ [TYPED]: true, kind: 'object', ...fields }),
};

/** True for a typed primitive. */
export function isPsPrimitive(v: unknown): v is PsPrimitive {
  return typeof v === 'object' && v !== null && TYPED in v && (v as PsPrimitive).kind === 'primitive';
}

/** True for a typed object. */
export function isPsObject(v: unknown): v is PsObject {
  return typeof v === 'object' && v !== null && TYPED in v && (v as PsObject).kind === 'object';
}
