// Comment-based help of functions, as PowerShell finds and reads it (HelpCommentsParser: GetHelpContent()).
import type { FunctionDefinitionAst, ScriptBlockAst } from '../ast/ast.js';
import { parseScript } from './parser.js';

/** The sections of a comment-based help block (PowerShell's CommentHelpInfo); texts end with `\n` per line. */
export interface HelpContent {
  readonly synopsis: string | null;
  readonly description: string | null;
  /** Keyed by the parameter name in upper case, as PowerShell keys them. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly examples: readonly string[];
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly links: readonly string[];
  readonly notes: string | null;
  readonly component: string | null;
  readonly role: string | null;
  readonly functionality: string | null;
  readonly forwardHelpTargetName: string | null;
  readonly forwardHelpCategory: string | null;
  readonly remoteHelpRunspace: string | null;
  readonly mamlHelpFile: string | null;
}

const SECTION = /^\s*\.(\w+)(\s+(\S.*))?\s*$/;
const KEYWORDS: ReadonlySet<string> = new Set([
  'SYNOPSIS',
  'DESCRIPTION',
  'PARAMETER',
  'EXAMPLE',
  'INPUTS',
  'OUTPUTS',
  'NOTES',
  'LINK',
  'COMPONENT',
  'ROLE',
  'FUNCTIONALITY',
  'FORWARDHELPTARGETNAME',
  'FORWARDHELPCATEGORY',
  'REMOTEHELPRUNSPACE',
  'EXTERNALHELP',
]);

interface Comment {
  readonly start: number;
  readonly end: number;
  readonly startLine: number;
  readonly endLine: number;
}

/** The lines of a comment block: inside `<# #>`, or after `#`. */
function commentLines(text: string, block: readonly Comment[]): string[] {
  const lines: string[] = [];
  for (const c of block) {
    const t = text.slice(c.start, c.end);
    if (t.startsWith('<#')) lines.push(...t.slice(2, -2).split(/\r\n|\r|\n/));
    else lines.push(t.slice(1));
  }
  return lines;
}

/** The text of a section after line `i` (HelpCommentsParser.GetSection); advances `at.i` to its last line. */
function section(lines: readonly string[], at: { i: number }): string {
  let capturing = false;
  let indent = 0;
  let out = '';
  for (at.i++; at.i < lines.length; at.i++) {
    const line = lines[at.i]!;
    if (!capturing && /^\s*$/.test(line)) continue;
    if (SECTION.test(line)) {
      at.i--;
      break;
    }
    if (!capturing) {
      while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t' || line[indent] === '\u00a0'))
        indent++;
      capturing = true;
    }
    let j = 0;
    while (j < line.length && j < indent && (line[j] === ' ' || line[j] === '\t' || line[j] === '\u00a0')) j++;
    out += line.slice(j) + '\n';
  }
  return out;
}

/** Reads the help sections; null when the lines are not comment-based help (text outside a known section). */
function readHelp(lines: readonly string[]): HelpContent | null {
  const help = {
    synopsis: null as string | null,
    description: null as string | null,
    parameters: {} as Record<string, string>,
    examples: [] as string[],
    inputs: [] as string[],
    outputs: [] as string[],
    links: [] as string[],
    notes: null as string | null,
    component: null as string | null,
    role: null as string | null,
    functionality: null as string | null,
    forwardHelpTargetName: null as string | null,
    forwardHelpCategory: null as string | null,
    remoteHelpRunspace: null as string | null,
    mamlHelpFile: null as string | null,
  };
  let found = false;
  const at = { i: 0 };
  for (at.i = 0; at.i < lines.length; at.i++) {
    const line = lines[at.i]!;
    const m = SECTION.exec(line);
    if (m === null) {
      if (/^\s*$/.test(line)) continue;
      return null;
    }
    const keyword = m[1]!.toUpperCase();
    const arg = m[3]?.trim() ?? '';
    if (!KEYWORDS.has(keyword)) return null;
    found = true;
    switch (keyword) {
      case 'SYNOPSIS':
        help.synopsis = section(lines, at);
        break;
      case 'DESCRIPTION':
        help.description = section(lines, at);
        break;
      case 'PARAMETER':
        if (arg === '') return null;
        help.parameters[arg.toUpperCase()] = section(lines, at);
        break;
      case 'EXAMPLE':
        help.examples.push(section(lines, at));
        break;
      case 'INPUTS':
        help.inputs.push(section(lines, at));
        break;
      case 'OUTPUTS':
        help.outputs.push(section(lines, at));
        break;
      case 'NOTES':
        help.notes = section(lines, at);
        break;
      case 'LINK':
        help.links.push(section(lines, at));
        break;
      case 'COMPONENT':
        help.component = section(lines, at);
        break;
      case 'ROLE':
        help.role = section(lines, at);
        break;
      case 'FUNCTIONALITY':
        help.functionality = section(lines, at);
        break;
      case 'FORWARDHELPTARGETNAME':
        help.forwardHelpTargetName = arg;
        break;
      case 'FORWARDHELPCATEGORY':
        help.forwardHelpCategory = arg;
        break;
      case 'REMOTEHELPRUNSPACE':
        help.remoteHelpRunspace = arg;
        break;
      default:
        help.mamlHelpFile = arg;
    }
  }
  return found ? help : null;
}

/** Comments with their lines, and a check that only whitespace (no token) lies between two offsets. */
class CommentIndex {
  readonly comments: Comment[];
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    spans: Map<number, number>,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.lineStarts.push(i + 1);
    }
    this.comments = [...spans]
      .sort((a, b) => a[0] - b[0])
      .map(([start, end]) => ({
        start,
        end,
        startLine: this.line(start),
        endLine: this.line(Math.max(start, end - 1)),
      }));
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  blank(from: number, to: number): boolean {
    return /^[\s`]*$/.test(this.text.slice(from, to));
  }

  /** GetPrecedingCommentBlock: comments right before `offset`, the last ending at or after `minEndLine`. */
  preceding(offset: number, minEndLine: number): Comment[] {
    const block: Comment[] = [];
    let anchor = offset;
    let min = minEndLine;
    for (let k = this.comments.length - 1; k >= 0; k--) {
      const c = this.comments[k]!;
      if (c.end > anchor) continue;
      if (!this.blank(c.end, anchor) || c.endLine < min) break;
      block.unshift(c);
      anchor = c.start;
      min = c.startLine - 1;
    }
    return block;
  }

  /** GetCommentBlock: comments right after `offset`, each starting on the line after the previous one. */
  following(offset: number): Comment[] {
    const block: Comment[] = [];
    let anchor = offset;
    let nextLine = Number.MAX_SAFE_INTEGER;
    for (const c of this.comments) {
      if (c.start < anchor) continue;
      if (!this.blank(anchor, c.start) || c.startLine > nextLine) break;
      block.push(c);
      anchor = c.end;
      nextLine = c.endLine + 1;
    }
    return block;
  }
}

const indexes = new WeakMap<ScriptBlockAst, CommentIndex>();

function indexOf(root: ScriptBlockAst): CommentIndex {
  let index = indexes.get(root);
  if (index === undefined) {
    const spans = new Map<number, number>();
    parseScript(root.extent.text, {}, spans);
    index = new CommentIndex(root.extent.text, spans);
    indexes.set(root, index);
  }
  return index;
}

/**
 * The comment-based help of a function of `root` (the script `parse` returned), found where PowerShell looks:
 * right before `function` (at most one blank line between), at the start of its body, or at its end.
 * @example getHelpContent(ast, fn)?.synopsis // 'Creates a certificate request.\n'
 */
export function getHelpContent(root: ScriptBlockAst, fn: FunctionDefinitionAst): HelpContent | null {
  const index = indexOf(root);
  const text = index.text;
  const start = fn.extent.startOffset;
  const candidates = [index.preceding(start, index.line(start) - 2), index.following(fn.body.extent.startOffset + 1)];
  candidates.push(index.preceding(fn.body.extent.endOffset - 1, 0));
  for (const block of candidates) {
    if (block.length === 0) continue;
    const help = readHelp(commentLines(text, block));
    if (help !== null) return help;
  }
  return null;
}
