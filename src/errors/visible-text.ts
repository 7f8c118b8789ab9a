// Control characters made visible, so source text shown in errors and listings cannot drive the terminal.

/** C0 (but tab and line feed), DEL, C1, bidirectional overrides/isolates and Unicode line separators. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** The visible form of one invisible character: a control picture (`␛`) for C0 and DEL, else `<U+XXXX>`. */
function pictureOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * `text` with every control character a terminal would act on shown as a visible picture (tab and line feed kept).
 * @example visibleText('a\u001b[31mb') // 'a␛[31mb'
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, pictureOf);
}

/**
 * A source line made visible and the caret line under `column` (1-based, in UTF-16 units of the original line):
 * each replaced character widens the pad by its picture's width, tabs stay tabs.
 * @example visibleExcerpt('\u001b[2Jx', 5) // '␛[2Jx\n    ^'
 */
export function visibleExcerpt(sourceLine: string, column: number): string {
  const before = sourceLine.slice(0, Math.max(0, column - 1));
  let pad = '';
  for (const ch of before) pad += ch === '\t' ? '\t' : ' '.repeat([...visibleText(ch)].length);
  return `${visibleText(sourceLine)}\n${pad}^`;
}
