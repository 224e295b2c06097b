/**
 * CircleciProjectVariable: the variable as synthesized, a secret value kept out of cdktf.out and checked by Terraform
 * before use, and each bad value reported through the one report under its own field.
 */
import { randomBytes } from "crypto";
import { Testing } from "cdktf";
import { CircleciProjectVariable, CircleciProjectVariableProps, FlowValidation, Secret } from "../../constructs";
import { problemsOf, resourcesOf, synthesize, testStack } from "../support/stacks";

function variable(props: Partial<CircleciProjectVariableProps> = {}) {
  const { app, stack } = testStack();
  const construct = new CircleciProjectVariable(stack, "Key", {
    projectSlug: "gh/acme/api",
    name: "HEROKU_APP",
    value: "acme-api",
    ...props,
  });
  return { app, stack, construct };
}

test("a plain value is synthesized as given, on the project's slug", () => {
  const { app, stack, construct } = variable();
  expect(resourcesOf(synthesize(stack), "circleci_project_environment_variable")).toEqual([
    { project_slug: "gh/acme/api", name: "HEROKU_APP", value: "acme-api" },
  ]);
  expect(construct.literalValue).toBe("acme-api");
  expect(problemsOf(app)).toBe("");
});

test.each(["github/acme/api", "bitbucket/acme/api", "circleci/8fTsUgUbhRzfUWCRcuEvnx/7sJGGzKR3C9mHafmNKdSjW"])(
  "the slug %s is accepted",
  (projectSlug) => {
    expect(problemsOf(variable({ projectSlug }).app)).toBe("");
  },
);

test("a Secret's value is a sensitive variable's reference, checked by Terraform before use, and never in the JSON", () => {
  const canary = `canary-${randomBytes(12).toString("hex")}`;
  process.env.TF_VAR_circleci_project_key = canary;
  try {
    const { app, stack } = testStack();
    const construct = new CircleciProjectVariable(stack, "Key", {
      projectSlug: "gh/acme/api",
      name: "HEROKU_API_KEY",
      value: Secret.fromVariable(stack, "circleci_project_key"),
    });
    const json = Testing.synth(stack);
    expect(json).not.toContain(canary);
    const [synthesized] = resourcesOf(JSON.parse(json), "circleci_project_environment_variable");
    expect(synthesized.value).toBe("${var.circleci_project_key}");
    expect(synthesized.lifecycle.precondition).toEqual([
      {
        condition: expect.stringContaining("var.circleci_project_key"),
        error_message: expect.stringMatching(
          /^TF_VAR_circleci_project_key \(CircleCI variable HEROKU_API_KEY\) must not be empty nor start or end/,
        ),
      },
    ]);
    expect(construct.literalValue).toBeUndefined();
    expect(problemsOf(app)).toBe("");
  } finally {
    delete process.env.TF_VAR_circleci_project_key;
  }
});

test.each<[string, Partial<CircleciProjectVariableProps>, object]>([
  [
    "a slug without its VCS",
    { projectSlug: "acme/api" },
    {
      field: "projectSlug",
      value: '"acme/api"',
      rule: expect.stringMatching(/^must be a CircleCI project slug/),
      hint: "name the VCS too, e.g. gh/acme/api",
    },
  ],
  [
    "a repository URL for a slug",
    { projectSlug: "https://github.com/acme/api.git" },
    { field: "projectSlug", hint: 'did you mean "gh/acme/api"?' },
  ],
  ["a slug of an unknown VCS", { projectSlug: "gl/acme/api" }, { field: "projectSlug", value: '"gl/acme/api"' }],
  [
    "a name CircleCI refuses",
    { name: "HEROKU-APP" },
    { field: "name", value: '"HEROKU-APP"', hint: 'did you mean "HEROKU_APP"?' },
  ],
  ["an empty name", { name: "" }, { field: "name", value: '""' }],
  [
    "an empty literal value, not shown",
    { value: "" },
    { field: "value", value: "(0 characters)", rule: expect.stringMatching(/^must not be empty/) },
  ],
  [
    "a pasted value with a trailing newline, not shown",
    { value: "token\n" },
    { field: "value", value: "(6 characters)" },
  ],
])("%s is reported under its field", (_case, props, problem) => {
  const { app } = variable(props);
  expect(FlowValidation.of(app).problems()).toEqual([expect.objectContaining({ path: "test/Key", ...problem })]);
});

test("values of the wrong type (from JavaScript) are reported, not thrown; a value is described, never shown", () => {
  const { app } = variable({ projectSlug: 7, name: undefined, value: 12345678 } as never);
  const problems = FlowValidation.of(app)
    .problems()
    .map(({ field, value, rule }) => ({ field, value, rule }));
  expect(problems).toEqual([
    { field: "projectSlug", value: "7", rule: "must be a string" },
    { field: "name", value: "undefined", rule: "is required" },
    { field: "value", value: "a number (hidden)", rule: expect.stringMatching(/^must be a string or a Secret/) },
  ]);
});
