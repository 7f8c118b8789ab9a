// Fixes as text edits on the source: a range of the original text and what replaces it.

/** One edit: the original text's [start, end) replaced by newText (start === end inserts); `rule` made it. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  readonly rule: string;
}

/** True when two edits touch the same original characters (insertions at a boundary do not). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end)
    return (a.start > b.start && a.start < b.end) || (b.start > a.start && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}

/** A new statement inserted after a line or statement (starts with a line break or `; `) goes after other insertions. */
function rank(e: TextEdit): number {
  return /^(?:\r\n|\r|\n|; )/.test(e.newText) ? 1 : 0;
}

/**
 * The edits that can be applied together, in order of position: an edit overlapping one already kept is dropped.
 * Insertions at the same place keep the order they were given in, new statements last.
 */
export function compatibleEdits(edits: readonly TextEdit[]): TextEdit[] {
  const kept: TextEdit[] = [];
  for (const e of edits) if (!kept.some((k) => editsOverlap(k, e))) kept.push(e);
  return kept
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * Applies edits (offsets into `text`); every character outside their ranges is copied unchanged.
 * @example applyTextEdits('Get-X -A 1', [{ start: 6, end: 10, newText: '-B 2', rule: 'r' }]) // 'Get-X -B 2'
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of compatibleEdits(edits)) {
    out += text.slice(at, e.start) + e.newText;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}
