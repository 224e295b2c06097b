/** The width the generated file's lines keep to, as the repository's other files do (prettier's printWidth). */
export const LINE_WIDTH = 120;

/** `text` cut into lines of at most `width` characters, at spaces (a longer word stays whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}
