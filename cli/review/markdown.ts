/** Inline code that shows `text` verbatim whatever backticks it holds (CommonMark: a longer fence, padded). */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, " ");
  const fence = "`".repeat(longestRun(flat, "`") + 1);
  const padding = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${padding}${flat}${padding}${fence}`;
}

/** A fenced code block that `text` cannot close early, whatever fences it holds. */
export function codeBlock(text: string, info = "text"): string {
  const fence = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  return `${fence}${info}\n${text.replace(/\n+$/, "")}\n${fence}`;
}

/** Text for HTML such as `<summary>`, where Markdown is not rendered and `<` would open a tag. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text for a table cell: a `|` would end the cell and a line break the row. */
export function escapeTableCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A collapsed `<details>` block; the blank lines let GitLab render the Markdown inside. */
export function collapsed(summaryHtml: string, body: string): string {
  return `<details>\n<summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`;
}

function longestRun(text: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const each of text) {
    current = each === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
