// What the console shows for one finished statement: its warnings, its formatted output, then its errors.
import { formatForHost } from '../format/format-output.js';
import type { StatementResult } from '../spec/output/run-result.js';
import type { ShellVersion } from '../spec/shell-version.js';

/** The console text of a statement (as `exchcert run` prints it; the transcript records the same). */
export function consoleText(done: StatementResult, shell: ShellVersion): string {
  let text = '';
  for (const w of done.warnings) text += `WARNING: ${w}\n`;
  if (done.output.length > 0) {
    const formatted = formatForHost(done.output, shell);
    if (formatted !== '') text += formatted.endsWith('\n') ? formatted : `${formatted}\n`;
  }
  for (const e of done.errors) text += `${e.message}\n`;
  return text;
}
