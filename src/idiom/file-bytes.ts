// The file-bytes idiom: how each shell reads a whole file as bytes (`Get-Content -Encoding Byte -ReadCount 0`,
// `Get-Content -AsByteStream -Raw`, `[System.IO.File]::ReadAllBytes(...)`), and how those forms are recognised.
import type { ExpressionAst } from '../ast/ast.js';
import type { Invocation } from '../node/invocation.js';
import { createInvocation } from '../node/invocation.js';
import type { BoundLike } from './secure-string-from-text.js';

/** Get-Content's byte mode as one shell writes it; the read is cast with `[Byte[]]$(...)`. */
export interface GetContentBytesIdiom {
  readonly name: 'getContentEncodingByte' | 'getContentAsByteStream';
  /** `-Encoding Byte` is an encoding this shell knows (2.0/5.1); PowerShell 7 refuses it. */
  readonly encodingByte: boolean;
  /** The Get-Content invocation that reads the whole file at `path` as bytes. */
  invocation(path: string): Invocation;
  /** What to tell a user who wrote the other shell's byte mode. */
  readonly hint: string;
}

function getContent(
  name: GetContentBytesIdiom['name'],
  byteMode: Record<string, string | number | boolean>,
  hint: string,
): GetContentBytesIdiom {
  return Object.freeze({
    name,
    encodingByte: name === 'getContentEncodingByte',
    invocation: (path: string): Invocation =>
      createInvocation('Get-Content', 'LiteralPath', { literalPath: [path], ...byteMode }),
    hint,
  });
}

/** Windows PowerShell 2.0 and 5.1: `Get-Content -LiteralPath '...' -Encoding Byte -ReadCount 0`. */
export const GET_CONTENT_ENCODING_BYTE: GetContentBytesIdiom = getContent(
  'getContentEncodingByte',
  { encoding: 'Byte', readCount: 0 },
  '(Windows PowerShell reads bytes with -Encoding Byte.)',
);
/** PowerShell 6 and later: `Get-Content -LiteralPath '...' -AsByteStream -Raw`. */
export const GET_CONTENT_AS_BYTE_STREAM: GetContentBytesIdiom = getContent(
  'getContentAsByteStream',
  { asByteStream: true, raw: true },
  '(PowerShell 7 reads bytes with -AsByteStream.)',
);

/**
 * `[Byte[]]$(<read>)` around a rendered Get-Content read.
 * @example byteCast("Get-Content -LiteralPath 'a.cer' -Encoding Byte -ReadCount 0") // "[Byte[]]$(Get-Content ...)"
 */
export function byteCast(readText: string): string {
  return `[Byte[]]$(${readText})`;
}

/**
 * Every shell's .NET read, given the already quoted path.
 * @example readAllBytesCall("'C:\\a.cer'") // "[System.IO.File]::ReadAllBytes('C:\\a.cer')"
 */
export function readAllBytesCall(quotedPath: string): string {
  return `[System.IO.File]::ReadAllBytes(${quotedPath})`;
}

/** True when bound Get-Content/Set-Content parameters ask for bytes (`-Encoding Byte` on 2.0/5.1, `-AsByteStream`). */
export function isByteMode(parameters: Readonly<Record<string, unknown>>): boolean {
  const encoding = parameters.encoding;
  return (typeof encoding === 'string' && encoding.toLowerCase() === 'byte') || parameters.asByteStream === true;
}

const READ_PARAMETERS = new Set(['encoding', 'asByteStream', 'readCount', 'raw', 'literalPath', 'path']);

/**
 * The literal path a bound Get-Content reads whole as bytes (either shell's form), or null when it is not the idiom.
 * @example
 * const parameters = { literalPath: ['a'], asByteStream: true, raw: true };
 * fileBytesPathOf({ cmdlet: 'Get-Content', parameterSet: 'LiteralPath', parameters }) // 'a'
 */
export function fileBytesPathOf(bound: BoundLike): string | null {
  if (bound.cmdlet !== 'Get-Content') return null;
  const p = bound.parameters;
  const whole = p.readCount === 0 || p.raw === true;
  const paths = p.literalPath ?? p.path;
  if (!isByteMode(p) || !whole || Object.keys(p).some((k) => !READ_PARAMETERS.has(k))) return null;
  return Array.isArray(paths) && paths.length === 1 && typeof paths[0] === 'string' ? paths[0] : null;
}

/** A parsed `[System.IO.File]::Method(args)` call: the method name as written and its argument expressions. */
export interface DotnetFileCall {
  readonly method: string;
  readonly arguments: readonly ExpressionAst[];
}

/** `[System.IO.File]::Method(...)` (or `[IO.File]`), else null. */
export function dotnetFileCall(e: ExpressionAst): DotnetFileCall | null {
  if (e.type !== 'InvokeMemberExpressionAst' || !e.static || e.expression.type !== 'TypeExpressionAst') return null;
  if (!/^(system\.)?io\.file$/i.test(e.expression.typeName) || e.member.type !== 'StringConstantExpressionAst')
    return null;
  return { method: e.member.value, arguments: e.arguments };
}

/** The path argument of a parsed `[System.IO.File]::ReadAllBytes(path)`, else null. */
export function readAllBytesArgument(e: ExpressionAst): ExpressionAst | null {
  const call = dotnetFileCall(e);
  return call && call.method.toLowerCase() === 'readallbytes' && call.arguments.length === 1
    ? call.arguments[0]!
    : null;
}
