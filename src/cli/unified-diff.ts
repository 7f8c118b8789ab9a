// The unified diff `--dry-run` and `port` print, made by jsdiff (line endings shown as LF; the file keeps its own).
import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of a file's text before and after, with `a/` and `b/` headers; empty when nothing changed.
 * @example unifiedDiff('run.ps1', 'a\nx\n', 'b\nx\n') // '--- a/run.ps1\n+++ b/run.ps1\n@@ -1,2 +1,2 @@\n-a\n+b\n x\n'
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const lf = (t: string) => t.replace(/\r\n?/g, '\n');
  const name = file.replace(/^[/\\]+/, '');
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, lf(before), lf(after), undefined, undefined, {
    context: 3,
    headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
  });
  return patch;
}
