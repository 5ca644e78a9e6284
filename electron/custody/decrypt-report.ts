/**
 * How decrypt results are written out: the CLI's `--json` lines (README, the command line) and the NDJSON, JSON
 * and CSV exports. Plaintext is included only when asked for, since the file then holds secrets.
 */
import type { DecryptItemResult, ExportFormat } from '../../shared/domain';

/**
 * What a batch produces: results for a person's view, or each item's line in an export format,
 * made where the item was decrypted (a worker, for a large batch).
 */
export type OutputMode = { kind: 'results' } | { kind: 'lines'; format: ExportFormat; plaintext: boolean };

export interface ReportOptions {
  plaintext: boolean;
}

/** One result as the object of a `--json` line. */
export function reportObject(result: DecryptItemResult, options: ReportOptions): Record<string, unknown> {
  const where = result.meta
    ? { ...(result.meta.url ? { url: result.meta.url } : {}), ...(result.meta.time ? { time: result.meta.time } : {}) }
    : {};
  if (!result.ok) return { source: result.source, ok: false, error: result.error, ...where };
  const plaintext = options.plaintext
    ? result.plaintext.utf8
      ? { plaintext: result.plaintext.text }
      : { plaintext: result.plaintext.base64, plaintextEncoding: 'base64' }
    : {};
  return {
    source: result.source,
    ok: true,
    ...plaintext,
    plaintextBytes: result.plaintext.byteLength,
    layout: result.layout,
    key: result.key,
    ...where,
  };
}

export function reportLine(result: DecryptItemResult, options: ReportOptions): string {
  return JSON.stringify(reportObject(result, options));
}

const CSV_COLUMNS = [
  'source',
  'ok',
  'workflow',
  'key_id',
  'key_label',
  'key_status',
  'fingerprint',
  'layout',
  'error_code',
  'error_message',
  'url',
  'time',
  'plaintext_bytes',
] as const;

/** RFC 4180 quoting, and a leading quote on anything a spreadsheet would run as a formula. */
function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(options: ReportOptions): string {
  return [...CSV_COLUMNS, ...(options.plaintext ? ['plaintext', 'plaintext_encoding'] : [])].join(',');
}

export function csvRow(result: DecryptItemResult, options: ReportOptions): string {
  const key = result.ok ? result.key : null;
  const fields = [
    result.source,
    result.ok,
    key?.workflowId,
    key?.id,
    key?.label,
    key?.status,
    key?.fingerprint,
    result.ok ? result.layout : null,
    result.ok ? null : result.error.code,
    result.ok ? null : result.error.message,
    result.meta?.url,
    result.meta?.time,
    result.ok ? result.plaintext.byteLength : null,
  ];
  if (options.plaintext) {
    fields.push(result.ok ? (result.plaintext.utf8 ? result.plaintext.text : result.plaintext.base64) : null);
    fields.push(result.ok ? (result.plaintext.utf8 ? 'utf8' : 'base64') : null);
  }
  return fields.map(csvField).join(',');
}

/** Writes results in an export format, piece by piece, so an export of any size streams. */
export function exportWriter(format: ExportFormat, options: ReportOptions) {
  let first = true;
  return {
    head: (): string => (format === 'csv' ? `${csvHeader(options)}\n` : format === 'json' ? '[\n' : ''),
    item: (result: DecryptItemResult): string => {
      if (format === 'csv') return `${csvRow(result, options)}\n`;
      if (format === 'ndjson') return `${reportLine(result, options)}\n`;
      const separator = first ? '' : ',\n';
      first = false;
      return `${separator}${reportLine(result, options)}`;
    },
    tail: (): string => (format === 'json' ? '\n]\n' : ''),
  };
}

/**
 * The same formats written from a lines-mode batch, where each chunk's NDJSON lines or CSV rows
 * were made where they were decrypted (`chunkLines`). JSON is the NDJSON lines as array members.
 */
export function linesExport(format: ExportFormat, options: ReportOptions) {
  const mode: OutputMode = { kind: 'lines', format, plaintext: options.plaintext };
  let first = true;
  return {
    mode,
    head: (): string => (format === 'csv' ? `${csvHeader(options)}\n` : format === 'json' ? '[\n' : ''),
    /** What goes into the file for a chunk's lines: JSON members after earlier ones follow a comma. */
    chunk: (lines: Uint8Array): (string | Uint8Array)[] => {
      if (format !== 'json' || lines.length === 0) return [lines];
      const separator = first ? '' : ',\n';
      first = false;
      return [separator, lines];
    },
    tail: (): string => (format === 'json' ? '\n]\n' : ''),
  };
}

/**
 * A chunk's results as UTF-8 lines: NDJSON lines and CSV rows each end with a line break; JSON
 * members have ",\n" between them and none after the last (`linesExport` joins chunks).
 */
export function chunkLines(results: readonly DecryptItemResult[], mode: Extract<OutputMode, { kind: 'lines' }>): Uint8Array {
  const lines = results.map((result) => (mode.format === 'csv' ? csvRow(result, mode) : reportLine(result, mode)));
  const text = mode.format === 'json' ? lines.join(',\n') : lines.map((line) => `${line}\n`).join('');
  // TextEncoder's bytes own their memory, so a worker can hand them over without a copy.
  return new TextEncoder().encode(text);
}
