// A small synchronous line editor for the interactive shell: history, Tab completion, Ctrl+C and Ctrl+D, secure input.

/** Reads single bytes from the terminal in raw mode and writes to it. */
export interface ByteTerminal {
  /** The next input byte, or null at end of input. */
  readByte(): number | null;
  write(text: string): void;
}

/** Candidates for the word around the cursor: replace `line.slice(start, cursor)` by one of `candidates`. */
export interface Completion {
  readonly start: number;
  readonly candidates: readonly string[];
}

/** Options of editLine. */
export interface EditOptions {
  /** Earlier lines, oldest first (Up/Down walk them); not changed by editLine. */
  readonly history?: readonly string[];
  readonly complete?: (line: string, cursor: number) => Completion;
  /** Echo `*` for each character (Read-Host -AsSecureString). */
  readonly secure?: boolean;
}

/** Ctrl+C while a line was being edited: the caller drops the line (or the command waiting for it). */
export class LineCancelled extends Error {
  constructor() {
    super('The line was cancelled.');
    this.name = 'LineCancelled';
  }
}

/**
 * True for a LineCancelled from any copy of this module (the terminal may be loaded apart from a command's bundle).
 * @example if (isLineCancelled(e)) return { skip: true };
 */
export function isLineCancelled(e: unknown): boolean {
  return e instanceof Error && e.name === 'LineCancelled';
}

/** Length in bytes of a UTF-8 sequence from its first byte. */
function sequenceLength(first: number): number {
  if (first >= 0xf0) return 4;
  if (first >= 0xe0) return 3;
  if (first >= 0xc0) return 2;
  return 1;
}

/**
 * Reads one line: printable text, Backspace/Delete, Left/Right/Home/End (also Ctrl+A/E), Ctrl+U, Up/Down through
 * history, Tab/Shift+Tab cycling through completions; Enter returns the line, Ctrl+D on an empty line returns null,
 * Ctrl+C throws LineCancelled. The terminal must be in raw mode.
 * @example const line = editLine(term, 'PS> ', { history: ['Get-Date'] })
 */
export function editLine(term: ByteTerminal, prompt: string, options: EditOptions = {}): string | null {
  const history = [...(options.history ?? [])];
  let chars: string[] = [];
  let cursor = 0;
  let historyIndex = history.length;
  let draft: string[] = [];
  type Cycle = { start: number; candidates: readonly string[]; index: number };
  let cycle: Cycle | null = null;

  const shown = (): string => (options.secure ? '*'.repeat(chars.length) : chars.join(''));
  const redraw = (): void => {
    const back = chars.length - cursor;
    term.write(`\r${prompt}${shown()}\u001b[K${back > 0 ? `\u001b[${back}D` : ''}`);
  };
  const setLine = (next: string[]): void => {
    chars = next;
    cursor = chars.length;
    redraw();
  };
  const complete = (step: 1 | -1): void => {
    if (!options.complete || options.secure) return;
    if (cycle === null) {
      const found = options.complete(chars.join(''), cursor);
      if (found.candidates.length === 0) return;
      cycle = { start: found.start, candidates: found.candidates, index: step === 1 ? 0 : found.candidates.length - 1 };
    } else {
      cycle.index = (cycle.index + step + cycle.candidates.length) % cycle.candidates.length;
    }
    const word = [...cycle.candidates[cycle.index]!];
    const end = cursor;
    // The first Tab replaces the typed prefix; later ones replace the previous candidate, which ends at the cursor.
    chars = [...chars.slice(0, cycle.start), ...word, ...chars.slice(end)];
    cursor = cycle.start + word.length;
    redraw();
  };

  term.write(prompt);
  for (;;) {
    const byte = term.readByte();
    if (byte === null) {
      if (chars.length === 0) return null;
      term.write('\r\n');
      return chars.join('');
    }
    const wasCycling: Cycle | null = cycle;
    cycle = null;
    if (byte === 0x0d || byte === 0x0a) {
      term.write('\r\n');
      return chars.join('');
    }
    if (byte === 0x03) {
      term.write('\r\n');
      throw new LineCancelled();
    }
    if (byte === 0x04) {
      if (chars.length === 0) {
        term.write('\r\n');
        return null;
      }
      if (cursor < chars.length) {
        chars.splice(cursor, 1);
        redraw();
      }
      continue;
    }
    if (byte === 0x09) {
      cycle = wasCycling;
      complete(1);
      continue;
    }
    if (byte === 0x7f || byte === 0x08) {
      if (cursor > 0) {
        chars.splice(cursor - 1, 1);
        cursor -= 1;
        redraw();
      }
      continue;
    }
    if (byte === 0x01) {
      cursor = 0;
      redraw();
      continue;
    }
    if (byte === 0x05) {
      cursor = chars.length;
      redraw();
      continue;
    }
    if (byte === 0x15) {
      chars = chars.slice(cursor);
      cursor = 0;
      redraw();
      continue;
    }
    if (byte === 0x1b) {
      const next = term.readByte();
      if (next !== 0x5b && next !== 0x4f) continue;
      let code = term.readByte();
      let param = '';
      while (code !== null && code >= 0x30 && code <= 0x39) {
        param += String.fromCharCode(code);
        code = term.readByte();
      }
      const key = code === null ? '' : String.fromCharCode(code);
      if (key === 'A' && historyIndex > 0) {
        if (historyIndex === history.length) draft = chars;
        historyIndex -= 1;
        setLine([...history[historyIndex]!]);
      } else if (key === 'B' && historyIndex < history.length) {
        historyIndex += 1;
        setLine(historyIndex === history.length ? draft : [...history[historyIndex]!]);
      } else if (key === 'C' && cursor < chars.length) {
        cursor += 1;
        redraw();
      } else if (key === 'D' && cursor > 0) {
        cursor -= 1;
        redraw();
      } else if (key === 'H' || (key === '~' && param === '1')) {
        cursor = 0;
        redraw();
      } else if (key === 'F' || (key === '~' && param === '4')) {
        cursor = chars.length;
        redraw();
      } else if (key === '~' && param === '3' && cursor < chars.length) {
        chars.splice(cursor, 1);
        redraw();
      } else if (key === 'Z') {
        cycle = wasCycling;
        complete(-1);
      }
      continue;
    }
    if (byte < 0x20) continue; // other control keys do nothing
    const bytes = [byte];
    for (let n = sequenceLength(byte); bytes.length < n;) {
      const more = term.readByte();
      if (more === null) break;
      bytes.push(more);
    }
    const text = Buffer.from(bytes).toString('utf8');
    const atEnd = cursor === chars.length;
    chars.splice(cursor, 0, ...text);
    cursor += [...text].length;
    if (atEnd)
      term.write(options.secure ? '*'.repeat([...text].length) : text); // typing at the end needs no redraw
    else redraw();
  }
}
