// Computes the fixes of a runbook for a target: every rewrite's edits on the original text, applied together.
import type { Ast } from '../ast/ast.js';
import { bindScript } from '../bind/bind.js';
import { Compiler } from '../dialect/compiler.js';
import { dialectFor } from '../dialect/dialects.js';
import { walkAst } from '../parser/ast-walk.js';
import { parse } from '../parser/parser.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { commandSites, parentMap } from './command-sites.js';
import type { FixContext, LintFix } from './fix-context.js';
import { byteEncoding } from './fixes/byte-encoding.js';
import { errorActionStop } from './fixes/error-action-stop.js';
import { exportFileName } from './fixes/export-file-name.js';
import { importFileName } from './fixes/import-file-name.js';
import { plainTextSecret } from './fixes/plain-text-secret.js';
import { requestFile } from './fixes/request-file.js';
import { unattendedSwitches } from './fixes/unattended-switches.js';
import type { TextEdit } from './text-edit.js';
import { applyTextEdits, compatibleEdits, editsOverlap } from './text-edit.js';

/** Every rewrite, in the order its edits win when two would touch the same text. */
export const LINT_FIXES: readonly LintFix[] = Object.freeze([
  exportFileName,
  requestFile,
  importFileName,
  byteEncoding,
  plainTextSecret,
  unattendedSwitches,
  errorActionStop,
]);

/** What fixing needs to know about the target. */
export interface FixOptions {
  readonly exchange: ExchangeTarget | undefined;
  readonly shell: ShellVersion;
  readonly secrets: 'prompt' | 'variable';
  readonly unattended: boolean;
}

/** The fixed text and the edits (offsets into the original text) that made it. */
export interface FixResult {
  readonly text: string;
  readonly edits: readonly TextEdit[];
}

function variableNames(root: Ast): Set<string> {
  const names = new Set<string>();
  walkAst(root, (node) => {
    if (node.type === 'VariableExpressionAst') names.add(node.variablePath.toLowerCase());
  });
  return names;
}

/**
 * The edits every safe rewrite proposes for `text` on this target; a rewrite's edits apply together or not at all,
 * and a rewrite that would touch text another one already changes is left out (its finding stays).
 * @example fixRunbook("Get-Content a -Encoding Byte", { exchange: undefined, shell: '7', secrets: 'prompt', unattended: false }).text
 * // "Get-Content a -AsByteStream"
 */
export function fixRunbook(text: string, options: FixOptions): FixResult {
  const ast = parse(text, { shell: options.shell });
  const { invocations } = bindScript(ast);
  const used = variableNames(ast);
  const chosen = new Map<string, string>();
  const ctx: FixContext = {
    text,
    ast,
    sites: commandSites(ast, invocations),
    parents: parentMap(ast),
    compiler: new Compiler({
      dialect: dialectFor(options.shell),
      exchange: undefined,
      secrets: options.secrets,
      quoting: 'literal',
      dotnetBytes: false,
    }),
    dialect: dialectFor(options.shell),
    exchange: options.exchange,
    secrets: options.secrets,
    unattended: options.unattended,
    eol: /\r\n/.test(text) ? '\r\n' : '\n',
    freshVariable(base) {
      let name = chosen.get(base);
      if (name === undefined) {
        name = base;
        for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}${i}`;
        chosen.set(base, name);
      }
      return name;
    },
  };
  const groups: TextEdit[][] = [];
  const taken: TextEdit[] = [];
  for (const fix of LINT_FIXES) {
    for (const group of fix.fix(ctx)) {
      if (group.some((e) => taken.some((k) => editsOverlap(k, e)))) continue;
      groups.push(group);
      taken.push(...group);
    }
  }
  // One parse checks them all; only when the result does not parse is each group checked on its own.
  let kept = groups.flat();
  if (!parses(applyTextEdits(text, kept), options.shell)) {
    kept = [];
    for (const group of groups)
      if (parses(applyTextEdits(text, [...kept, ...group]), options.shell)) kept.push(...group);
  }
  const edits = compatibleEdits(kept);
  return Object.freeze({ text: applyTextEdits(text, edits), edits: Object.freeze(edits) });
}

function parses(text: string, shell: ShellVersion): boolean {
  try {
    parse(text, { shell });
    return true;
  } catch {
    return false;
  }
}
