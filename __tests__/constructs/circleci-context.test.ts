/**
 * CircleciContext: the context, its variables and restrictions as synthesized, the CircleCI provider declared once
 * where a construct needs it, secrets kept out of cdktf.out, and every bad value reported through the one report.
 */
import { randomBytes } from "crypto";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { CircleciContext, CircleciContextProps, FlowProviders, FlowValidation, Secret } from "../../constructs";
import { problemsOf, resourcesOf, synthesize, testApp, testStack } from "../support/stacks";

const ORGANIZATION = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const PROJECT = "405d8375-3514-403b-8c43-83ae74cfe0e9";
const OTHER_PROJECT = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

function context(stack: TerraformStack, props: Partial<CircleciContextProps> = {}): CircleciContext {
  return new CircleciContext(stack, "Deploy", { name: "deploy", organizationId: ORGANIZATION, ...props });
}

describe("what is synthesized", () => {
  test("the context, one variable per name and one restriction per project id or expression, all on the context", () => {
    const { app, stack } = testStack();
    const deploy = context(stack, {
      variables: { HEROKU_APP: "acme-api", REGION: "eu" },
      restrictions: { projectIds: [PROJECT], expressions: ['pipeline.git.branch == "main"'] },
    });
    deploy.addVariable("EXTRA", "x");
    deploy.restrictToExpression('pipeline.git.tag starts-with "v"');
    const config = synthesize(stack);

    expect(resourcesOf(config, "circleci_context")).toEqual([
      expect.objectContaining({ name: "deploy", organization_id: ORGANIZATION }),
    ]);
    const contextId = `\${circleci_context.${deploy.resource.friendlyUniqueId}.id}`;
    expect(
      resourcesOf(config, "circleci_context_environment_variable").map(({ name, value, context_id }) => ({
        name,
        value,
        context_id,
      })),
    ).toEqual([
      { name: "EXTRA", value: "x", context_id: contextId },
      { name: "HEROKU_APP", value: "acme-api", context_id: contextId },
      { name: "REGION", value: "eu", context_id: contextId },
    ]);
    expect(
      resourcesOf(config, "circleci_context_restriction")
        .map(({ type, value }) => `${type}: ${value}`)
        .sort(),
    ).toEqual([
      'expression: pipeline.git.branch == "main"',
      'expression: pipeline.git.tag starts-with "v"',
      `project: ${PROJECT}`,
    ]);
    const restrictedContexts = resourcesOf(config, "circleci_context_restriction").map((r) => r.context_id);
    expect([...new Set(restrictedContexts)]).toEqual([contextId]);
    expect(problemsOf(app)).toBe("");
  });

  test("a project restriction is addressed by its project id, an expression by its hash: one removed leaves the others", () => {
    const { stack } = testStack();
    const both = context(stack, { restrictions: { projectIds: [PROJECT, OTHER_PROJECT], expressions: ["true"] } });
    const addresses = (c: CircleciContext) =>
      c.node.children.map((child) => child.node.id).filter((id) => id !== "Resource");
    expect(addresses(both)).toEqual([
      `Project-${PROJECT}`,
      `Project-${OTHER_PROJECT}`,
      expect.stringMatching(/^Expression-[0-9a-f]{12}$/),
    ]);
    const { stack: later } = testStack();
    const one = context(later, { restrictions: { projectIds: [OTHER_PROJECT], expressions: ["true"] } });
    expect(addresses(one)).toEqual(addresses(both).slice(1));
  });

  test("the CircleCI provider is declared once, under the stack's FlowProviders, with nothing configured", () => {
    const { stack } = testStack();
    context(stack, { variables: { A: "a" } });
    new CircleciContext(stack, "Other", { name: "other", organizationId: ORGANIZATION });
    const config = synthesize(stack);
    expect(config.provider.circleci).toEqual([{}]);
    expect(config.terraform.required_providers.circleci).toEqual({
      source: "CircleCI-Public/circleci",
      version: "0.4.2",
    });
    const providers = stack.node.children.find((child) => child instanceof FlowProviders);
    expect(providers?.node.tryFindChild("circleci")).toBeDefined();
  });

  test("FlowProviders declares it up front with circleci: true, and not at all without a CircleCI construct", () => {
    const withIt = new TerraformStack(testApp(), "raw");
    new FlowProviders(withIt, "Providers", { circleci: true, random: false });
    expect(Object.keys(synthesize(withIt).terraform.required_providers).sort()).toEqual(["circleci", "heroku"]);
    const without = new TerraformStack(testApp(), "without");
    new FlowProviders(without, "Providers", { random: false });
    expect(Object.keys(synthesize(without).terraform.required_providers)).toEqual(["heroku"]);
  });
});

describe("secrets", () => {
  const canary = `canary-${randomBytes(12).toString("hex")}`;
  beforeEach(() => {
    process.env.TF_VAR_circleci_deploy_key = canary;
  });
  afterEach(() => {
    delete process.env.TF_VAR_circleci_deploy_key;
  });

  test("a Secret's value is a sensitive variable's reference, checked by Terraform before use, and never in the JSON", () => {
    const { app, stack } = testStack();
    const key = Secret.fromVariable(stack, "circleci_deploy_key");
    context(stack, { variables: { HEROKU_API_KEY: key, GENERATED: Secret.generate(stack, "Generated") } });
    const json = Testing.synth(stack);
    expect(json).not.toContain(canary);
    const config = JSON.parse(json);
    expect(config.variable.circleci_deploy_key).toMatchObject({ sensitive: true });
    const byName = (name: string) =>
      resourcesOf(config, "circleci_context_environment_variable").find((variable) => variable.name === name);
    const fromVariable = byName("HEROKU_API_KEY");
    const generated = byName("GENERATED");
    expect(fromVariable.value).toBe("${var.circleci_deploy_key}");
    expect(fromVariable.lifecycle.precondition).toEqual([
      {
        condition: expect.stringContaining("var.circleci_deploy_key"),
        error_message: expect.stringMatching(
          /^TF_VAR_circleci_deploy_key \(CircleCI variable HEROKU_API_KEY\) must not be empty/,
        ),
      },
    ]);
    expect(generated.value).toMatch(/^\$\{random_password\.\w+\.result\}$/);
    expect(generated).not.toHaveProperty("lifecycle");
    expect(problemsOf(app)).toBe("");
  });
});

describe("problems, each through the one report", () => {
  test.each<[string, Partial<CircleciContextProps>, object]>([
    [
      "an empty name",
      { name: "" },
      { field: "name", value: '""', rule: expect.stringMatching(/^must be 1-255 characters/) },
    ],
    [
      "a name with surrounding spaces",
      { name: " deploy " },
      { field: "name", value: '" deploy "', hint: 'did you mean "deploy"?' },
    ],
    [
      "an organization id that is no UUID",
      { organizationId: "acme" },
      { field: "organizationId", value: '"acme"', rule: expect.stringMatching(/^must be a UUID/) },
    ],
    [
      "a variable name CircleCI refuses",
      { variables: { "1ST-KEY": "x" } },
      { field: "variable name", value: '"1ST-KEY"', hint: 'did you mean "_1ST_KEY"?' },
    ],
    [
      "an empty deploy key literal, not shown",
      { variables: { HEROKU_API_KEY: "" } },
      { field: "variables.HEROKU_API_KEY", value: "(0 characters)", rule: expect.stringMatching(/^must not be empty/) },
    ],
    [
      "a restriction expression that does not parse, with where it fails",
      { restrictions: { expressions: ["pipeline.git.tag starts-with"] } },
      {
        field: "restrictions.expressions",
        value: '"pipeline.git.tag starts-with"',
        rule: expect.stringMatching(/^must be a CircleCI expression/),
        hint: expect.stringMatching(/^at character 29 \(the end of the expression\): expected a value/),
      },
    ],
    [
      "a restriction reading a pipeline parameter",
      { restrictions: { expressions: ["pipeline.parameters.deploy"] } },
      { field: "restrictions.expressions", hint: expect.stringContaining("pipeline parameters are set by whoever") },
    ],
    [
      "a project restriction that is no UUID",
      { restrictions: { projectIds: ["gh/acme/api"] } },
      { field: "restrictions.projectIds", value: '"gh/acme/api"', rule: expect.stringMatching(/^must be a UUID/) },
    ],
  ])("%s", (_case, props, problem) => {
    const { app, stack } = testStack();
    context(stack, props);
    expect(FlowValidation.of(app).problems()).toEqual([expect.objectContaining({ path: "test/Deploy", ...problem })]);
  });

  test("a variable added twice is reported once, and the first value kept", () => {
    const { app, stack } = testStack();
    const deploy = context(stack, { variables: { HEROKU_API_KEY: "first" } });
    const first = deploy.node.findChild("Variable-HEROKU_API_KEY");
    expect(deploy.addVariable("HEROKU_API_KEY", "second")).toBe(first);
    expect(FlowValidation.of(app).problems()).toEqual([
      expect.objectContaining({
        field: "variable name",
        value: '"HEROKU_API_KEY"',
        rule: "is already a variable of this context; a context holds one value per name",
      }),
    ]);
    expect(resourcesOf(synthesize(stack), "circleci_context_environment_variable").map((v) => v.value)).toEqual([
      "first",
    ]);
  });

  test("the same restriction twice is reported (CircleCI refuses it), a different one is not", () => {
    const { app, stack } = testStack();
    const deploy = context(stack, { restrictions: { projectIds: [PROJECT] } });
    deploy.restrictToProject(OTHER_PROJECT);
    deploy.restrictToProject(PROJECT);
    expect(FlowValidation.of(app).problems()).toEqual([
      expect.objectContaining({
        field: "restrictions.projectIds",
        value: JSON.stringify(PROJECT),
        rule: expect.stringMatching(/^already restricts this context/),
      }),
    ]);
  });

  test("values of the wrong type (from JavaScript) are reported, not thrown; a value is described, never shown", () => {
    const { app, stack } = testStack();
    const deploy = new CircleciContext(stack, "Deploy", {
      name: 42,
      organizationId: ORGANIZATION,
      variables: { TOKEN: 12345678 },
      restrictions: { projectIds: "not a list", expressions: [7] },
    } as never);
    deploy.addVariable(null as never, "x");
    deploy.addVariable(null as never, "y");
    const problems = FlowValidation.of(app)
      .problems()
      .map(({ field, value, rule }) => ({ field, value, rule }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: "name", value: "42", rule: "must be a string" },
        {
          field: "variables.TOKEN",
          value: "a number (hidden)",
          rule: expect.stringMatching(/^must be a string or a Secret/),
        },
        { field: "restrictions.projectIds", value: '"not a list"', rule: "must be an array" },
        { field: "restrictions.expressions", value: "7", rule: "must be a string" },
        { field: "variable name", value: "null", rule: "must be a string" },
      ]),
    );
    // Each null name once, and neither read as a name taken twice nor as a repeated call.
    expect(problems.filter((problem) => problem.field === "variable name")).toHaveLength(2);
    expect(problems).toHaveLength(6);
    expect(JSON.stringify(problems)).not.toContain("12345678");
  });

  test("values only Terraform knows are skipped at synth", () => {
    const { app, stack } = testStack();
    const name = new TerraformVariable(stack, "context_name", { type: "string" }).stringValue;
    const project = new TerraformVariable(stack, "project_id", { type: "string" }).stringValue;
    context(stack, { name, restrictions: { projectIds: [project] } });
    expect(problemsOf(app)).toBe("");
    expect(resourcesOf(synthesize(stack), "circleci_context_restriction")).toEqual([
      expect.objectContaining({ type: "project", value: "${var.project_id}" }),
    ]);
  });
});
