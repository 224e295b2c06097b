// The library's validation plumbing (constructs/private/validation.ts), tested on its own: the constructs' tests go
// through it with one report format, and a mutation run showed its edges untested (docs/mutation-testing.md).
import { Construct } from "constructs";
import { App, TerraformStack, Token } from "cdktf";
import {
  childIdFor,
  formatDetail,
  isLiteral,
  Problems,
  ProblemValidation,
  problemValidationsOf,
} from "../../constructs/private/validation";
import { APP_NAME } from "../../constructs/private/rules";

test("formatDetail: field, value, rule, and the hint in brackets only when there is one", () => {
  expect(formatDetail({ field: "name", value: '"A"', rule: "must be lowercase" })).toBe('name: "A" must be lowercase');
  expect(formatDetail({ field: "name", value: '"A"', rule: "must be lowercase", hint: "use a" })).toBe(
    'name: "A" must be lowercase (hint: use a)',
  );
});

describe("Problems.check", () => {
  test("passes an undefined value, a token and a valid value without recording anything", () => {
    const problems = new Problems();
    expect(problems.check("name", undefined, APP_NAME)).toBe(true);
    expect(problems.check("name", Token.asString({ Ref: "x" }), APP_NAME)).toBe(true);
    expect(problems.check("name", "songlist", APP_NAME)).toBe(true);
    expect(problems.details).toEqual([]);
  });

  test("records an invalid value as JSON, with the rule's description and hint, and says it failed", () => {
    const problems = new Problems();
    expect(problems.check("name", "Songlist", APP_NAME)).toBe(false);
    expect(problems.details).toEqual([
      { field: "name", value: '"Songlist"', rule: APP_NAME.description, hint: 'did you mean "songlist"?' },
    ]);
  });

  test("addHidden shows the description given, never the value", () => {
    const problems = new Problems();
    problems.addHidden("secret", "a generated password", "is too short");
    expect(problems.details).toEqual([
      { field: "secret", value: "a generated password", rule: "is too short", hint: undefined },
    ]);
  });
});

test("ProblemValidation keeps its latest run in structured form beside the formatted lines", () => {
  let value = "Bad";
  const validation = new ProblemValidation((problems) => problems.check("name", value, APP_NAME));
  expect(validation.validate()).toEqual([`name: "Bad" ${APP_NAME.description} (hint: did you mean "bad"?)`]);
  expect(validation.lastProblems).toHaveLength(1);
  value = "good";
  expect(validation.validate()).toEqual([]);
  expect(validation.lastProblems).toEqual([]);
});

describe("childIdFor", () => {
  test("a free id is kept and nothing is reported", () => {
    const stack = new TerraformStack(new App(), "stack");
    expect(childIdFor(stack, "Domain", "addDomain()", "add it once")).toBe("Domain");
    expect(problemValidationsOf(stack)).toEqual([]);
  });

  test("a repeated id gets the next free suffix, and each repetition is a problem naming the call and the scope", () => {
    const stack = new TerraformStack(new App(), "stack");
    const ids = ["Drain", "Drain", "Drain"].map((id) => {
      const childId = childIdFor(stack, id, "addLogDrain()", "give each drain its own id");
      new Construct(stack, childId);
      return childId;
    });
    expect(ids).toEqual(["Drain", "Drain-2", "Drain-3"]);
    const reports = problemValidationsOf(stack).flatMap((validation) => validation.validate());
    expect(reports).toEqual([
      'addLogDrain(): "Drain" was called twice with the same id on stack (hint: give each drain its own id)',
      'addLogDrain(): "Drain" was called twice with the same id on stack (hint: give each drain its own id)',
    ]);
  });

  test("on the app itself, the scope is named as the app", () => {
    const app = new App();
    new Construct(app, "Thing");
    childIdFor(app, "Thing", "add()", "once");
    expect(problemValidationsOf(app).flatMap((validation) => validation.validate())).toEqual([
      'add(): "Thing" was called twice with the same id on the app (hint: once)',
    ]);
  });
});

test("isLiteral: a string is, a token and undefined are not", () => {
  expect(isLiteral("songlist")).toBe(true);
  expect(isLiteral("")).toBe(true);
  expect(isLiteral(Token.asString({ Ref: "x" }))).toBe(false);
  expect(isLiteral(undefined)).toBe(false);
});
