import { printable, printableJson } from './printable';

/**
 * Left-aligned columns separated by two spaces, the header in capitals; the last column is not
 * padded. Every cell is printed with its control characters escaped (printable.ts).
 */
export function textTable(headers: readonly string[], cells: readonly (readonly string[])[]): string {
  const rows = cells.map((row) => row.map(printable));
  const widths = headers.map((h, column) => Math.max(h.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers.map((h) => h.toUpperCase())), ...rows.map(line)].join('\n') + '\n';
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
