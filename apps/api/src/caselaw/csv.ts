/**
 * A small RFC 4180 writer: fields separated by commas, records by CRLF, and any field holding
 * a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled.
 */

/** Spreadsheets run a cell that starts like a formula; a leading apostrophe keeps it text. */
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRecord = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

/** With a byte-order mark, so that spreadsheet programs read the file as UTF-8 (Arabic too). */
export const csvDocument = (header: string[], rows: string[][]) =>
  `\uFEFF${csvRecord(header)}${rows.map(csvRecord).join('')}`;
