// Start-Transcript / Stop-Transcript: what the console shows, recorded to a file of the simulated file system.
import type { VirtualFs } from '../engine/org-state.js';
import type { TextEncodingName } from '../runtime/interpreter-dialect.js';
import { encodeFile, decodeFile } from './text-codec.js';

/** The session's transcript: inactive until started; every console line is appended while active. */
export class Transcript {
  #path: string | null = null;
  #text = '';
  #fs: VirtualFs | null = null;
  #encoding: TextEncodingName = 'utf8BOM';

  get path(): string | null {
    return this.#path;
  }

  /** Starts recording to `path` (appending to its text with `append`), writing `header` first. */
  start(fs: VirtualFs, path: string, header: string, append: boolean, encoding: TextEncodingName): void {
    this.#fs = fs;
    this.#path = path;
    this.#encoding = encoding;
    const before = append && fs.exists(path) ? decodeFile(fs.readFile(path), 'utf8') : '';
    this.#text = before + header;
    this.#flush();
  }

  /** Records console text (lines end with `\n`; the file gets CRLF). */
  note(text: string): void {
    if (this.#path === null || text === '') return;
    this.#text += text.replace(/\r?\n/g, '\r\n');
    this.#flush();
  }

  /** Stops recording with the footer; the path the transcript went to. */
  stop(footer: string): string | null {
    const path = this.#path;
    if (path === null) return null;
    this.#text += footer;
    this.#flush();
    this.#path = null;
    return path;
  }

  #flush(): void {
    if (this.#path !== null && this.#fs) this.#fs.writeFile(this.#path, encodeFile(this.#text, this.#encoding));
  }
}
