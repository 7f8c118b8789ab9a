// Rewrite: New-ExchangeCertificate -GenerateRequest -RequestFile on a target without it -> the request text kept in a
// variable and written with Set-Content (the builders' writeFile idiom).
import { createInvocation } from '../../node/invocation.js';
import { variable as variableRef, verbatim } from '../../node/expression.js';
import { isAvailable } from '../../spec/exchange-target.js';
import { findCmdlet } from '../../spec/registry.js';
import type { LintFix } from '../fix-context.js';
import { expressionText, insertAfter, literalString, standingStatement, withLeadingSpace } from '../fix-render.js';
import type { TextEdit } from '../text-edit.js';

const RULE = 'request-file';

/** `-RequestFile path` removed, `$RequestData = ` before, `Set-Content -LiteralPath path -Value $RequestData` after. */
export const requestFile: LintFix = {
  rule: RULE,
  fix(ctx) {
    const groups: TextEdit[][] = [];
    const spec = findCmdlet('New-ExchangeCertificate')?.parameters.find((p) => p.name === 'RequestFile');
    if (!ctx.exchange || !spec || isAvailable(spec.exchange, ctx.exchange)) return groups;
    for (const site of ctx.sites) {
      const inv = site.invocation;
      if (inv.cmdlet !== 'New-ExchangeCertificate' || inv.parameters.binaryEncoded === true) continue;
      const file = site.written.find((w) => w.option === 'requestFile');
      const standing = standingStatement(ctx, site.command);
      if (!file?.argument || !standing || standing.otherAssignment) continue;
      const literal = literalString(file.argument);
      const pathText = literal === null ? expressionText(ctx, file.argument) : null;
      if (literal === null && pathText === null) continue;
      const name = standing.assignedTo ?? ctx.freshVariable('RequestData');
      const write = ctx.compiler.invocation(
        createInvocation('Set-Content', 'LiteralPath', {
          literalPath: [literal ?? verbatim(pathText!)],
          value: variableRef(name),
        }),
        undefined,
        false,
      ).text;
      const at = standing.statement.extent.startOffset;
      groups.push([
        ...(standing.assignedTo === null ? [{ start: at, end: at, newText: `$${name} = `, rule: RULE }] : []),
        { ...withLeadingSpace(ctx.text, file.start, file.end), newText: '', rule: RULE },
        { ...insertAfter(ctx, standing.statement, write), rule: RULE },
      ]);
    }
    return groups;
  },
};
