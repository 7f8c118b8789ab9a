// Writing and appending text files of the simulated file system for Out-File, Export-Csv and Add-Content.
import type { TextEncodingName } from '../../runtime/interpreter-dialect.js';
import type { CommandContext } from '../command-context.js';
import { windowsFileError } from '../file-errors.js';
import { encodeFile } from '../text-codec.js';

/** Byte-order marks encodeFile may put first. */
const BOMS: readonly (readonly number[])[] = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe, 0x00, 0x00],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

function withoutBom(data: Uint8Array): Uint8Array {
  for (const bom of BOMS) if (bom.every((b, i) => data[i] === b)) return data.subarray(bom.length);
  return data;
}

/**
 * Writes `text` to `path` (appending after the existing bytes, without a second BOM, when `append`); a file system
 * refusal is the command's non-terminating error. Returns whether it was written.
 */
export function writeTextFile(
  ctx: CommandContext,
  path: string,
  text: string,
  encoding: TextEncodingName,
  append: boolean,
): boolean {
  try {
    let data = encodeFile(text, encoding);
    if (append && ctx.env.fs.exists(path)) {
      const before = ctx.env.fs.readFile(path);
      const added = before.length > 0 ? withoutBom(data) : data;
      data = new Uint8Array(before.length + added.length);
      data.set(before);
      data.set(added, before.length);
    }
    ctx.env.fs.writeFile(path, data);
    return true;
  } catch (e) {
    const f = windowsFileError(e, path, false);
    if (f === null) throw e;
    // Add-Content fails as Set-Content does (its content writer); Out-File and Export-Csv open the file themselves.
    const content = ctx.spec.name === 'Add-Content';
    const errorId = content ? `GetContentWriter${f.kind}Error` : 'FileOpenFailure';
    ctx.writeError({
      message: f.message,
      category: content ? f.category : 'OpenError',
      errorId,
      targetObject: path,
      exceptionType: f.exceptionType,
      fullyQualifiedErrorId: `${errorId},Microsoft.PowerShell.Commands.${ctx.spec.name.replace('-', '')}Command`,
    });
    return false;
  }
}
