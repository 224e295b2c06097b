/**
 * A parser for CircleCI's expressions, as a context's expression restriction takes them, e.g.
 * `pipeline.git.branch == "main" and not job.ssh.enabled`. It only decides whether CircleCI could read an expression,
 * and where it could not; it evaluates nothing.
 *
 * The grammar is the one of CircleCI's `expr` library (CircleCI-Public/expr, which CircleCI evaluates expressions
 * with), weakest binding first:
 *
 * ```
 * expression -> or
 * or         -> and ( "or" and )*
 * and        -> equality ( "and" equality )*
 * equality   -> comparison ( ( "==" | "!=" | "starts-with" | "matches" | "contains" ) comparison )*
 * comparison -> unary ( ( ">=" | ">" | "<=" | "<" ) unary )*
 * unary      -> ( "not" | "!" ) unary | primary
 * primary    -> "true" | "false" | NUMBER | STRING | PATTERN | VARIABLE | "(" expression ")"
 * ```
 *
 * `contains` is an operator word of the library's current scanner, next to `starts-with` and `matches`.
 * Keywords and operator words are written in lowercase or uppercase (`and`, `AND`); strings are in double quotes
 * with `\"` and `\\` escapes; patterns are RE2 regular expressions between slashes, `/^v[0-9]+/`, at most 256
 * characters of ASCII and Latin-1; numbers are whole and below 2^63; variables are dotted names such as
 * `pipeline.git.tag`. Tabs and newlines are whitespace.
 */

/** Where an expression fails, and what the parser expected there. */
export interface ExpressionFailure {
  /** The failure's offset in the expression, from 0. */
  readonly offset: number;
  /** What stands there: a token such as `"and"`, a character, or `the end of the expression`. */
  readonly found: string;
  /** What the parser expected, e.g. `a value (…)` or `) to close the ( at character 1`. */
  readonly expected: string;
}

/** A variable an expression reads, and where. */
export interface ExpressionVariable {
  readonly name: string;
  readonly offset: number;
}

/** An expression that parses, and the variables it reads; or where it fails. */
export type ExpressionParse =
  | { readonly ok: true; readonly variables: readonly ExpressionVariable[] }
  | { readonly ok: false; readonly failure: ExpressionFailure };

type TokenKind =
  | "("
  | ")"
  | "not"
  | "and"
  | "or"
  | "boolean"
  | "equality"
  | "comparison"
  | "number"
  | "string"
  | "pattern"
  | "variable"
  | "end";

interface Token {
  readonly kind: TokenKind;
  /** The token as written (for `end`, empty). */
  readonly text: string;
  readonly offset: number;
}

/** What a value may be, as the sentence after "expected". */
const A_VALUE =
  'a value (a variable such as pipeline.git.branch, a "string", a /pattern/, a number, true or false), not or (';

/** The longest pattern CircleCI's scanner takes. */
const MAX_PATTERN_LENGTH = 256;

/** Words that are keywords or operators rather than variables, in both of the cases the scanner knows. */
function keywordKind(word: string): TokenKind | undefined {
  const lower = word.toLowerCase();
  if (word !== lower && word !== word.toUpperCase()) return undefined;
  if (lower === "and" || lower === "or" || lower === "not") return lower;
  if (lower === "true" || lower === "false") return "boolean";
  if (lower === "starts-with" || lower === "matches" || lower === "contains") return "equality";
  return undefined;
}

class ScanFailure extends Error {
  constructor(public readonly failure: ExpressionFailure) {
    super(failure.expected);
  }
}

function fail(offset: number, found: string, expected: string): never {
  throw new ScanFailure({ offset, found, expected });
}

function isLetter(char: string): boolean {
  return /^[A-Za-z]$/.test(char);
}

/** A character that may follow the first of a variable's name (CircleCI's scanner also takes `?`). */
function isNameTail(char: string): boolean {
  return /^[A-Za-z0-9_?-]$/.test(char);
}

/** The tokens of `source`, ending with an `end` token. */
function scan(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, start: number) => tokens.push({ kind, text: source.slice(start, at), offset: start });
  while (at < source.length) {
    const start = at;
    const char = source[at++];
    if (char === " " || char === "\t" || char === "\r" || char === "\n") continue;
    if (char === "(" || char === ")") push(char, start);
    else if (char === "!") {
      if (source[at] === "=") at++;
      push(source[start + 1] === "=" ? "equality" : "not", start);
    } else if (char === "=") {
      if (source[at] !== "=") fail(at, describeChar(source, at), '"==" (a single = is not an operator)');
      at++;
      push("equality", start);
    } else if (char === ">" || char === "<") {
      if (source[at] === "=") at++;
      push("comparison", start);
    } else if (char === '"') {
      at = scanString(source, start);
      push("string", start);
    } else if (char === "/") {
      at = scanPattern(source, start);
      push("pattern", start);
    } else if (/^[0-9]$/.test(char)) {
      while (/^[0-9]$/.test(source[at] ?? "")) at++;
      if (BigInt(source.slice(start, at)) >= 2n ** 63n) {
        fail(start, JSON.stringify(source.slice(start, at)), "a whole number below 2^63");
      }
      push("number", start);
    } else if (isLetter(char)) {
      while (isNameTail(source[at] ?? "") || (source[at] === "." && isNameTail(source[at + 1] ?? ""))) at++;
      push(keywordKind(source.slice(start, at)) ?? "variable", start);
    } else {
      fail(start, describeChar(source, start), unexpectedCharExpectation(char));
    }
  }
  tokens.push({ kind: "end", text: "", offset: source.length });
  return tokens;
}

/** What to write instead of a character no token starts with, for the slips people make most. */
function unexpectedCharExpectation(char: string): string {
  if (char === "&" || char === "|") return "and or or: CircleCI writes them as words";
  if (char === "'") return 'a "string" in double quotes: CircleCI has no single-quoted strings';
  return `${A_VALUE}, or an operator (==, !=, starts-with, matches, and, or, …)`;
}

/** The offset after the string that starts at `start` (its opening quote). */
function scanString(source: string, start: number): number {
  let at = start + 1;
  while (at < source.length && source[at] !== '"') {
    if (source[at] === "\\" && (source[at + 1] === '"' || source[at + 1] === "\\")) at++;
    at++;
  }
  if (at >= source.length) fail(start, JSON.stringify('"'), 'a closing " for the string that starts here');
  return at + 1;
}

/** The offset after the pattern that starts at `start` (its opening slash). */
function scanPattern(source: string, start: number): number {
  let at = start + 1;
  while (at < source.length && source[at] !== "/") {
    const next = source[at + 1];
    if (source[at] === "\\" && next === "/") at++;
    else if (source[at] === "\\" && (next === "u" || next === "x")) {
      // CircleCI refuses \u and \x escapes: they could name characters its RE2 build does not know.
      fail(at, JSON.stringify(`\\${next}`), "a pattern without \\u or \\x escapes (only ASCII and Latin-1 characters)");
    } else if (source.charCodeAt(at) > 0xff) {
      fail(at, describeChar(source, at), "a pattern of ASCII and Latin-1 characters only");
    }
    at++;
  }
  if (at >= source.length) fail(start, JSON.stringify("/"), "a closing / for the pattern that starts here");
  const body = source.slice(start + 1, at).replace(/\\\//g, "/");
  if (body.length > MAX_PATTERN_LENGTH) {
    fail(
      start,
      JSON.stringify("/"),
      `a pattern of at most ${MAX_PATTERN_LENGTH} characters (this one has ${body.length})`,
    );
  }
  // RE2 has no lookaround: CircleCI refuses the pattern when it compiles it.
  const lookaround = /\(\?<?[=!]/.exec(body);
  if (lookaround)
    fail(start + 1 + lookaround.index, JSON.stringify(lookaround[0]), "a pattern without lookaround (RE2 has none)");
  return at + 1;
}

/** A character as a report shows it. */
function describeChar(source: string, offset: number): string {
  if (offset >= source.length) return "the end of the expression";
  return JSON.stringify(String.fromCodePoint(source.codePointAt(offset) ?? 0));
}

function describeToken(token: Token): string {
  return token.kind === "end" ? "the end of the expression" : JSON.stringify(token.text);
}

/** A recursive-descent parser over the tokens, one method per rule of the grammar. */
class Parser {
  private next = 0;
  public readonly variables: ExpressionVariable[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  public expressionToEnd(): void {
    this.or();
    const token = this.peek();
    if (token.kind !== "end") {
      fail(token.offset, describeToken(token), "an operator (==, !=, starts-with, matches, and, or, …) or the end");
    }
  }

  private or(): void {
    this.and();
    while (this.accept("or")) this.and();
  }

  private and(): void {
    this.equality();
    while (this.accept("and")) this.equality();
  }

  private equality(): void {
    this.comparison();
    for (let operator = this.accept("equality"); operator; operator = this.accept("equality")) {
      const operand = this.peek();
      this.comparison();
      // A pattern is the only value `matches` takes, and only a literal makes one (variables are strings,
      // numbers or booleans): anything else fails every time CircleCI evaluates it.
      if (operator.text.toLowerCase() === "matches" && operand.kind !== "pattern") {
        fail(operand.offset, describeToken(operand), "a /pattern/ after matches, e.g. matches /^v[0-9]+/");
      }
    }
  }

  private comparison(): void {
    this.unary();
    while (this.accept("comparison")) this.unary();
  }

  private unary(): void {
    if (this.accept("not")) this.unary();
    else this.primary();
  }

  private primary(): void {
    const token = this.peek();
    if (token.kind === "(") {
      this.next++;
      this.or();
      const closing = this.peek();
      if (closing.kind !== ")") {
        fail(closing.offset, describeToken(closing), `) to close the ( at character ${token.offset + 1}`);
      }
      this.next++;
      return;
    }
    if (!["boolean", "number", "string", "pattern", "variable"].includes(token.kind)) {
      fail(token.offset, describeToken(token), A_VALUE);
    }
    if (token.kind === "variable") this.variables.push({ name: token.text, offset: token.offset });
    this.next++;
  }

  private peek(): Token {
    return this.tokens[this.next];
  }

  private accept(kind: TokenKind): Token | undefined {
    const token = this.peek();
    if (token.kind !== kind) return undefined;
    this.next++;
    return token;
  }
}

/** Parses `source` as a CircleCI expression: the variables it reads, or where and why it fails. */
export function parseCircleciExpression(source: string): ExpressionParse {
  try {
    const parser = new Parser(scan(source));
    parser.expressionToEnd();
    return { ok: true, variables: parser.variables };
  } catch (error) {
    if (error instanceof ScanFailure) return { ok: false, failure: error.failure };
    throw error;
  }
}

/**
 * The variables a context restriction may read: pipeline values and `job.ssh.enabled`. Not pipeline parameters
 * (`pipeline.parameters.*`, and the deprecated `pipeline.trigger_parameters.*`): whoever triggers a pipeline sets
 * them, so they must not decide whether a context is available (CircleCI's expressions reference). CircleCI fails the
 * job on an expression that reads any other variable.
 */
function restrictionVariableProblem(name: string): string | undefined {
  if (name.startsWith("pipeline.parameters.") || name.startsWith("pipeline.trigger_parameters.")) {
    return "a pipeline value or job.ssh.enabled: pipeline parameters are set by whoever triggers the pipeline, so a context restriction cannot read them";
  }
  if (name === "job.ssh.enabled" || /^pipeline\.\S/.test(name)) return undefined;
  return "a pipeline value (pipeline.git.branch, pipeline.git.tag, pipeline.trigger.type, …) or job.ssh.enabled";
}

/**
 * Why CircleCI would refuse `expression` as a context restriction, as "at character N (found): expected …", or
 * undefined when it parses and reads only variables a restriction may read.
 */
export function restrictionExpressionProblem(expression: string): string | undefined {
  const parsed = parseCircleciExpression(expression);
  if (!parsed.ok) return describeFailure(parsed.failure);
  for (const variable of parsed.variables) {
    const expected = restrictionVariableProblem(variable.name);
    if (expected) return describeFailure({ offset: variable.offset, found: JSON.stringify(variable.name), expected });
  }
  return undefined;
}

/** A failure as one phrase; characters are counted from 1, as an editor's columns are. */
export function describeFailure(failure: ExpressionFailure): string {
  return `at character ${failure.offset + 1} (${failure.found}): expected ${failure.expected}`;
}
