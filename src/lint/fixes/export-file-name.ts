// Rewrite: Export-ExchangeCertificate -FileName on a target without it -> -BinaryEncoded into a variable whose
// .FileData the client writes with [System.IO.File]::WriteAllBytes (the builders' exportToFile idiom).
import { exportsOnServer, fileDataOf, writeAllBytesCall } from '../../idiom/pfx-to-file.js';
import type { TextEdit } from '../text-edit.js';
import type { LintFix } from '../fix-context.js';
import {
  expressionText,
  insertAfter,
  literalString,
  renderParameters,
  standingStatement,
  withLeadingSpace,
} from '../fix-render.js';
import { isAbsolutePath } from './absolute-path.js';

const RULE = 'export-file-name';

/** `-FileName path` -> `-BinaryEncoded`, `$ExportResult = ` before and the client-side write after. */
export const exportFileName: LintFix = {
  rule: RULE,
  fix(ctx) {
    const groups: TextEdit[][] = [];
    if (!ctx.exchange) return groups;
    for (const site of ctx.sites) {
      const inv = site.invocation;
      if (inv.cmdlet !== 'Export-ExchangeCertificate' || exportsOnServer(inv.cmdlet, ctx.exchange)) continue;
      const file = site.written.find((w) => w.option === 'fileName');
      if (!file?.argument || inv.parameters.binaryEncoded === false) continue;
      const literal = literalString(file.argument);
      if (literal !== null && !isAbsolutePath(literal)) continue;
      const pathText = expressionText(ctx, file.argument);
      const standing = standingStatement(ctx, site.command);
      if (pathText === null || !standing || standing.otherAssignment) continue;
      const variable = standing.assignedTo ?? ctx.freshVariable('ExportResult');
      const edits: TextEdit[] = [];
      if (standing.assignedTo === null)
        edits.push({
          start: standing.statement.extent.startOffset,
          end: standing.statement.extent.startOffset,
          newText: `$${variable} = `,
          rule: RULE,
        });
      if (site.written.some((w) => w.option === 'binaryEncoded')) {
        edits.push({ ...withLeadingSpace(ctx.text, file.start, file.end), newText: '', rule: RULE });
      } else {
        const binary = renderParameters(ctx, inv.cmdlet, inv.parameterSet, { binaryEncoded: true }).trimStart();
        edits.push({ start: file.start, end: file.end, newText: binary, rule: RULE });
      }
      const bytes = ctx.compiler.value(undefined, fileDataOf(variable), true).text;
      const write = writeAllBytesCall(pathText, bytes);
      edits.push({ ...insertAfter(ctx, standing.statement, write), rule: RULE });
      groups.push(edits);
    }
    return groups;
  },
};
