import { toCsv } from '../../../lib/statistics/csv';

/**
 * Downloads what a table shows as a CSV file, written as the API's own follow-up export is
 * (RFC 4180, the same module), with a suppressed figure as the word `skyddad`.
 */
export function CsvDownload({ filename, header, rows, label }: { filename: string; header: string[]; rows: string[][]; label: string }) {
  function download() {
    const blob = new Blob([toCsv([header, ...rows])], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <button type="button" className="csv" onClick={download} data-testid={`csv-${filename}`}>
      Ladda ned {label} som CSV
    </button>
  );
}
