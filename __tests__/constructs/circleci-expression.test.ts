/**
 * The parser of CircleCI's expressions (context restrictions): what CircleCI's grammar reads, and for what it does
 * not, the offset where it fails, what stands there and what was expected.
 */
import {
  describeFailure,
  parseCircleciExpression,
  restrictionExpressionProblem,
} from "../../constructs/private/circleci-expression";
import { CIRCLECI_RESTRICTION_EXPRESSION } from "../../constructs/private/rules";

describe("expressions that parse", () => {
  test.each([
    'pipeline.git.branch == "main"',
    'pipeline.git.tag starts-with "v"',
    'pipeline.git.branch == "main" and not job.ssh.enabled and not (pipeline.config_source starts-with "api")',
    'pipeline.git.branch == "main"\n\tand not job.ssh.enabled',
    "pipeline.git.tag matches /^v[0-9]+\\.[0-9]+\\.[0-9]+$/",
    'pipeline.git.branch == "main" or pipeline.git.branch starts-with "release/"',
    "pipeline.number >= 100 and pipeline.number < 9223372036854775807",
    '!job.ssh.enabled AND pipeline.git.branch != "dev"',
    'NOT (pipeline.git.branch == "a" OR pipeline.git.branch == "b")',
    "true",
    "((true))",
    '"say \\"hi\\" \\\\ bye" == pipeline.git.branch',
    "pipeline.git.tag matches /a\\/b/",
    'pipeline.git.branch contains "feature"',
    "not not false",
    "pipeline.git.branch.is_default",
  ])("%s", (expression) => {
    expect(parseCircleciExpression(expression)).toMatchObject({ ok: true });
    expect(CIRCLECI_RESTRICTION_EXPRESSION.test(expression)).toBe(true);
  });

  test("the variables read are listed with their offsets", () => {
    expect(parseCircleciExpression('pipeline.git.branch == "main" and not job.ssh.enabled')).toEqual({
      ok: true,
      variables: [
        { name: "pipeline.git.branch", offset: 0 },
        { name: "job.ssh.enabled", offset: 38 },
      ],
    });
  });

  test("keywords and operator words are variables in mixed case (CircleCI knows lower and upper case only)", () => {
    expect(parseCircleciExpression("And")).toEqual({ ok: true, variables: [{ name: "And", offset: 0 }] });
  });
});

describe("expressions that do not parse: where, what stands there, what was expected", () => {
  test.each<[string, number, string, RegExp]>([
    ["", 0, "the end of the expression", /^a value \(a variable/],
    ["   ", 3, "the end of the expression", /^a value/],
    ["pipeline.git.tag starts-with", 28, "the end of the expression", /^a value/],
    ["and", 0, '"and"', /^a value/],
    ['pipeline.git.branch = "main"', 21, '" "', /^"==" \(a single = is not an operator\)/],
    ['pipeline.git.branch == "main', 23, '"\\""', /^a closing " for the string/],
    ["pipeline.git.tag matches /^v", 25, '"/"', /^a closing \/ for the pattern/],
    ['(pipeline.git.branch == "main"', 30, "the end of the expression", /^\) to close the \( at character 1$/],
    ['pipeline.git.branch == "main")', 29, '")"', /^an operator .* or the end$/],
    ['pipeline.git.branch == "a" && job.ssh.enabled', 27, '"&"', /^and or or: CircleCI writes them as words$/],
    ["pipeline.git.branch == 'main'", 23, '"\'"', /^a "string" in double quotes/],
    ['pipeline.git.tag matches "^v"', 25, '"\\"^v\\""', /^a \/pattern\/ after matches/],
    ["pipeline.number > 9223372036854775808", 18, '"9223372036854775808"', /^a whole number below 2\^63$/],
    ["pipeline.git.tag matches /(?=v)/", 26, '"(?="', /^a pattern without lookaround/],
    ["pipeline.git.tag matches /\\u0041/", 26, '"\\\\u"', /^a pattern without \\u or \\x escapes/],
    ["pipeline.git.tag matches /é€/", 27, '"€"', /^a pattern of ASCII and Latin-1 characters only$/],
    [
      `pipeline.git.tag matches /${"a".repeat(257)}/`,
      25,
      '"/"',
      /^a pattern of at most 256 characters \(this one has 257\)$/,
    ],
    ["pipeline.git.branch pipeline.git.tag", 20, '"pipeline.git.tag"', /^an operator/],
    ["_private == 1", 0, '"_"', /^a value/],
    ["not", 3, "the end of the expression", /^a value/],
    ["()", 1, '")"', /^a value/],
  ])("%j fails at offset %d", (expression, offset, found, expected) => {
    const parsed = parseCircleciExpression(expression);
    expect(parsed).toEqual({ ok: false, failure: { offset, found, expected: expect.stringMatching(expected) } });
  });

  test("a failure reads as where (counted from 1), what stands there and what was expected", () => {
    expect(describeFailure({ offset: 28, found: "the end of the expression", expected: "a value" })).toBe(
      "at character 29 (the end of the expression): expected a value",
    );
  });
});

describe("what a context restriction may read", () => {
  test.each([
    ["pipeline.parameters.deploy == true", 0, "pipeline parameters are set by whoever triggers the pipeline"],
    ['pipeline.git.branch == "main" and pipeline.trigger_parameters.x == "y"', 34, "pipeline parameters"],
    ['job.name == "deploy"', 0, "a pipeline value (pipeline.git.branch"],
    ['branch == "main"', 0, "or job.ssh.enabled"],
  ])("%s is refused at character %d+1", (expression, offset, expected) => {
    const problem = restrictionExpressionProblem(expression);
    expect(problem).toMatch(new RegExp(`^at character ${offset + 1} \\("`));
    expect(problem).toContain(expected);
    expect(CIRCLECI_RESTRICTION_EXPRESSION.test(expression)).toBe(false);
    expect(CIRCLECI_RESTRICTION_EXPRESSION.hint?.(expression)).toBe(problem);
  });

  test("pipeline values and job.ssh.enabled pass", () => {
    expect(restrictionExpressionProblem('pipeline.trigger.type starts-with "api" or job.ssh.enabled')).toBeUndefined();
  });

  test("a syntax error is reported before any variable", () => {
    expect(restrictionExpressionProblem("pipeline.parameters.x ==")).toBe(
      "at character 25 (the end of the expression): expected a value (a variable such as pipeline.git.branch, " +
        'a "string", a /pattern/, a number, true or false), not or (',
    );
  });
});
