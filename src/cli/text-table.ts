// Plain text tables for the terminal: padded columns, a header and a rule.

/**
 * Formats rows under headers, each column as wide as its widest cell.
 * @example formatTable(['Server', 'Result'], [['EX1', 'ok']]) // 'Server  Result\n------  ------\nEX1     ok\n'
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].map((l) => `${l}\n`).join('');
}
