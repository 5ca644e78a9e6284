import { printable, printableJson } from './printable';

/**
 * Left-aligned columns separated by two spaces, the header in capitals; the last column is not
 * padded. Each row has exactly one cell per header, which the type of `rows` holds callers to, and
 * every cell is printed with its control characters escaped (printable.ts).
 */
export function textTable<const Headers extends readonly string[]>(
  headers: Headers,
  rows: readonly { readonly [Column in keyof Headers]: string }[],
): string {
  const table: readonly (readonly string[])[] = [headers.map((h) => h.toUpperCase()), ...rows.map((row) => row.map(printable))];
  // Every line of the table has as many cells as `headers`, so `column` indexes each of them.
  const widths = headers.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return table.map(line).join('\n') + '\n';
}

/** ISO times to the minute, in UTC as stored: enough to tell keys apart at a glance. */
export function shortTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '-';
}

export function jsonLine(value: unknown): string {
  return `${printableJson(JSON.stringify(value))}\n`;
}

export function jsonDocument(value: unknown): string {
  return `${printableJson(JSON.stringify(value, null, 2))}\n`;
}
