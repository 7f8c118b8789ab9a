// Rewrite: Import-ExchangeCertificate -FileName on a target without it -> -FileData with the file's bytes, read as the
// dialect reads them (the builders' file-bytes idiom).
import { byteCast } from '../../idiom/file-bytes.js';
import { fileBytes, verbatim } from '../../node/expression.js';
import { createInvocation } from '../../node/invocation.js';
import { isAvailable } from '../../spec/exchange-target.js';
import { findCmdlet } from '../../spec/registry.js';
import type { LintFix } from '../fix-context.js';
import { expressionText, literalString, renderParameters } from '../fix-render.js';
import type { TextEdit } from '../text-edit.js';

const RULE = 'import-file-name';

/** `-FileName path` -> `-FileData ([Byte[]]$(Get-Content -LiteralPath path <byte mode>))`. */
export const importFileName: LintFix = {
  rule: RULE,
  fix(ctx) {
    const groups: TextEdit[][] = [];
    const spec = findCmdlet('Import-ExchangeCertificate')?.parameters.find((p) => p.name === 'FileName');
    if (!ctx.exchange || !spec || isAvailable(spec.exchange, ctx.exchange)) return groups;
    for (const site of ctx.sites) {
      const inv = site.invocation;
      if (inv.cmdlet !== 'Import-ExchangeCertificate' || inv.parameters.fileData !== undefined) continue;
      const file = site.written.find((w) => w.option === 'fileName');
      if (!file?.argument) continue;
      const literal = literalString(file.argument);
      let text: string;
      if (literal !== null) {
        text = renderParameters(ctx, inv.cmdlet, null, { fileData: fileBytes(literal) }).trimStart();
      } else {
        const pathText = expressionText(ctx, file.argument);
        if (pathText === null) continue;
        const read = ctx.dialect.fileBytes.invocation('path');
        const withPath = createInvocation(read.cmdlet, read.parameterSet, {
          ...read.parameters,
          literalPath: [verbatim(pathText)],
        });
        const readText = ctx.compiler.invocation(withPath, undefined, false).text;
        text = `${renderParameters(ctx, inv.cmdlet, null, { fileData: verbatim(`(${byteCast(readText)})`) }).trimStart()}`;
      }
      groups.push([{ start: file.start, end: file.end, newText: text, rule: RULE }]);
    }
    return groups;
  },
};
