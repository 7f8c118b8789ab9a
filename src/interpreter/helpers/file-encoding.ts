// -Encoding of the file cmdlets: the names each shell accepts, and byte mode.
import type { CommandContext } from '../command-context.js';
import type { TextEncodingName } from '../../runtime/interpreter-dialect.js';
import { toStr } from '../../runtime/ps-values.js';
import { isByteMode } from '../../idiom/file-bytes.js';

const CODE_PAGES: Readonly<Record<string, TextEncodingName>> = {
  '65001': 'utf8NoBOM',
  '1252': 'ansi',
  '1200': 'unicode',
  '1201': 'bigendianunicode',
  '20127': 'ascii',
  '12000': 'utf32',
  '28591': 'ansi',
};

/** The encoding -Encoding names (undefined when not given); a name the shell does not know fails as its binder would. */
export function fileEncoding(ctx: CommandContext): TextEncodingName | undefined {
  const raw = ctx.params.encoding;
  if (raw === undefined || raw === null) return undefined;
  const text = toStr(raw);
  const lower = text.trim().toLowerCase();
  const named = ctx.dialect.encodingNames[lower] ?? (ctx.dialect.codePageEncodings ? CODE_PAGES[lower] : undefined);
  if (named === undefined) {
    ctx.fail({
      message: ctx.dialect.badEncoding('Encoding', text),
      category: 'InvalidArgument',
      errorId: ctx.dialect.fileBytes.encodingByte
        ? 'CannotConvertArgumentNoMessage'
        : 'ParameterArgumentTransformationError',
      exceptionType: 'System.Management.Automation.ParameterBindingException',
    });
  }
  if (named === 'utf7') ctx.unsupported(`${ctx.spec.name} -Encoding UTF7`);
  return named;
}

/** True when the command reads or writes bytes (-Encoding Byte on 2.0/5.1, -AsByteStream on 7). */
export function byteMode(ctx: CommandContext, encoding: TextEncodingName | undefined): boolean {
  return isByteMode({ encoding, asByteStream: ctx.params.asByteStream });
}

/** Parameters the interpreter does not implement for the file cmdlets. */
export function refuseFileParameters(ctx: CommandContext, names: readonly string[]): void {
  for (const n of names)
    if (ctx.params[n] !== undefined && ctx.params[n] !== false)
      ctx.unsupported(`${ctx.spec.name} -${n.charAt(0).toUpperCase()}${n.slice(1)}`);
}

/** A -Path value with wildcards the interpreter cannot expand (it has no directory listing). */
export function hasWildcard(path: string): boolean {
  return /[*?]/.test(path);
}
