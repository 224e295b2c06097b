/**
 * Dokku's two ways of lining text up: `github.com/ryanuber/columnize` (v2.1.2) in its Go plugins, and `printf "%-Ns"`
 * in its shell plugins' reports. They pad differently, so each is reproduced as it is.
 */

/** How a columnize call is configured (`columnize.Config`); what Dokku leaves unset is the library's default. */
export interface ColumnizeConfig {
  /** What splits a line into columns. */
  delimiter: string;
  /**
   * Written before every line.
   *
   * @default ""
   */
  prefix?: string;
}

/** Go's `%-Ns` pads to N runes (code points), not UTF-16 units. */
function padRunes(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

/**
 * `columnize.Format`: each line split at the delimiter, every field trimmed, each column but a line's last padded to
 * the widest field in that column and followed by two spaces (the glue), the last column as it is; lines joined by
 * newlines, without a newline after the last. A field's own spaces at either end are lost.
 */
export function columnize(lines: string[], config: ColumnizeConfig): string {
  const rows = lines.map((line) => line.split(config.delimiter).map((field) => field.trim()));
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((field, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...field].length);
    });
  }
  return rows
    .map((row) => {
      const padded = row.map((field, column) =>
        column === row.length - 1 ? field : `${padRunes(field, widths[column])}  `,
      );
      return (config.prefix ?? "") + padded.join("");
    })
    .join("\n");
}

/** Bash's `printf "%-Ns"`: pads to N bytes of UTF-8, as bash counts them. */
export function padBytes(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - Buffer.byteLength(text, "utf8")));
}
