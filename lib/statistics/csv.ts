/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break. The follow-up reports export with it.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
