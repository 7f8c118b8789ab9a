// Rewrite: Get-Content/Set-Content byte mode in the target shell's form: `-Encoding Byte` (2.0/5.1) <-> `-AsByteStream`
// (7), and Get-Content's whole-file read with it (`-ReadCount 0` <-> `-Raw`), as the file-bytes idiom writes them.
import { isByteMode } from '../../idiom/file-bytes.js';
import type { LintFix, WrittenParameter } from '../fix-context.js';
import { renderParameters } from '../fix-render.js';
import type { TextEdit } from '../text-edit.js';

const RULE = 'byte-encoding';

/** The parameters that say "bytes" and "all at once" in each form. */
const FORMS = {
  encodingByte: { bytes: 'encoding', whole: 'readCount' },
  asByteStream: { bytes: 'asByteStream', whole: 'raw' },
} as const;

/** `-Encoding Byte [-ReadCount 0]` <-> `-AsByteStream [-Raw]` by the context's dialect. */
export const byteEncoding: LintFix = {
  rule: RULE,
  fix(ctx) {
    const groups: TextEdit[][] = [];
    const idiom = ctx.dialect.fileBytes;
    const [target, other] = idiom.encodingByte
      ? [FORMS.encodingByte, FORMS.asByteStream]
      : [FORMS.asByteStream, FORMS.encodingByte];
    const wanted = idiom.invocation('path').parameters;
    for (const site of ctx.sites) {
      const inv = site.invocation;
      if ((inv.cmdlet !== 'Get-Content' && inv.cmdlet !== 'Set-Content') || !isByteMode(inv.parameters)) continue;
      const find = (option: string): WrittenParameter | undefined => site.written.find((w) => w.option === option);
      const bytes = find(other.bytes);
      if (!bytes || (other.bytes === 'encoding' && !isByteWord(bytes))) continue;
      const render = (option: string) =>
        renderParameters(ctx, inv.cmdlet, inv.parameterSet, { [option]: wanted[option]! }).trimStart();
      const edits: TextEdit[] = [{ start: bytes.start, end: bytes.end, newText: render(target.bytes), rule: RULE }];
      const whole = inv.cmdlet === 'Get-Content' ? find(other.whole) : undefined;
      const wholeRead = whole && (other.whole === 'raw' ? inv.parameters.raw === true : inv.parameters.readCount === 0);
      if (whole && wholeRead)
        edits.push({ start: whole.start, end: whole.end, newText: render(target.whole), rule: RULE });
      groups.push(edits);
    }
    return groups;
  },
};

/** `-Encoding Byte` written with a literal (bare or quoted) 'Byte'. */
function isByteWord(w: WrittenParameter): boolean {
  return w.argument?.type === 'StringConstantExpressionAst' && w.argument.value.toLowerCase() === 'byte';
}
