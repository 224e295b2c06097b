/**
 * The Markdown and HTML helpers of the note: text from a plan (values, messages, names) is shown verbatim and can never
 * close the span, block, cell or tag it sits in.
 */
import { codeBlock, codeSpan, collapsed, escapeHtml, escapeTableCell } from "../../cli/review/markdown";

describe("codeSpan", () => {
  test("plain text in single backticks, unpadded", () => {
    expect(codeSpan("heroku_app.App")).toBe("`heroku_app.App`");
  });

  test("a fence one longer than the longest run of backticks inside", () => {
    expect(codeSpan("run `x` or ``y`` now")).toBe("```run `x` or ``y`` now```");
    expect(codeSpan("a``b")).toBe("```a``b```");
  });

  test("padded with one space when the text starts or ends with a backtick, and only then", () => {
    expect(codeSpan("`x")).toBe("`` `x ``");
    expect(codeSpan("x`")).toBe("`` x` ``");
    expect(codeSpan("a`b")).toBe("``a`b``");
  });

  test("line breaks, Unix or Windows, become one space each", () => {
    expect(codeSpan("a\nb\r\nc")).toBe("`a b c`");
  });
});

describe("codeBlock", () => {
  test("at least three backticks, with the info string, and the text's trailing line breaks dropped", () => {
    expect(codeBlock("Error: 401\n\n\n")).toBe("```text\nError: 401\n```");
    expect(codeBlock("x = 1\n", "hcl")).toBe("```hcl\nx = 1\n```");
  });

  test("a fence longer than any fence in the text; line breaks inside are kept", () => {
    expect(codeBlock("```\n</details>\n````")).toBe("`````text\n```\n</details>\n````\n`````");
    expect(codeBlock("a\n\nb")).toBe("```text\na\n\nb\n```");
  });
});

test("escapeHtml: every character that HTML reads as markup", () => {
  expect(escapeHtml(`<a href="x">&amp;</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;");
});

test("escapeTableCell: a pipe cannot end the cell, nor a line break the row", () => {
  expect(escapeTableCell("a|b\nc\r\nd")).toBe("a\\|b c d");
});

test("collapsed: a details block with blank lines around its Markdown body", () => {
  expect(collapsed("<code>staging</code>", "- one")).toBe(
    "<details>\n<summary><code>staging</code></summary>\n\n- one\n\n</details>",
  );
});
