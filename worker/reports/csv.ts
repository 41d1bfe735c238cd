/**
 * CSV writing (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break). Text cells that a spreadsheet would run as a formula — starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return — get a leading single quote (OWASP's
 * advice against CSV injection). Numbers are written as numbers and are never altered.
 */

export type CsvValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * A streamed CSV body: the header, then each batch of rows from `pages` as it arrives, so a
 * large export never sits whole in the Worker's memory. Starts with a UTF-8 byte order mark so
 * spreadsheets read names in Urdu or Russian correctly. A database error part-way aborts the
 * body (never a clean end), so a client cannot mistake a cut-off export for a whole one.
 */
export function csvStream(
  header: readonly string[],
  pages: AsyncIterable<readonly (readonly CsvValue[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        return;
      }
      let next: IteratorResult<readonly (readonly CsvValue[])[]>;
      try {
        next = await iterator.next();
      } catch (err) {
        // Headers (200) are already sent: erroring the stream aborts the response, so the
        // download fails instead of ending cleanly as a file that looks complete but is not.
        console.error("CSV export failed part-way", err);
        controller.error(err);
        return;
      }
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
