/**
 * GitlabEnvironment: the tier it infers from the name when none is given, and the fields it checks at synth, each
 * reported under its own name.
 */
import { TerraformStack, TerraformVariable } from "cdktf";
import { GitlabEnvironment, GitlabEnvironmentProps } from "../../constructs";
import { problemsOf, resourcesOf, synthesize, testStack } from "../support/stacks";

test.each([
  ["production", "production"],
  ["Staging", "staging"],
  ["review/42", "development"],
  ["Review/feature-x", "development"],
  ["qa", "other"],
  ["pre-production", "other"],
  ["reviews", "other"],
])("an environment named %s is synthesized in tier %s", (name, tier) => {
  const { stack } = testStack();
  new GitlabEnvironment(stack, "Env", { project: "acme/api", name });
  expect(tiersOf(stack)).toEqual({ [name]: tier });
});

test("a tier given is kept, and a name only Terraform knows is in tier other", () => {
  const { stack } = testStack();
  new GitlabEnvironment(stack, "Given", { project: "acme/api", name: "qa", tier: "testing" });
  const name = new TerraformVariable(stack, "environment_name", { type: "string" }).stringValue;
  new GitlabEnvironment(stack, "Unknown", { project: "acme/api", name });
  expect(tiersOf(stack)).toEqual({ qa: "testing", "${var.environment_name}": "other" });
});

/** The synthesized environments' tiers, by name. */
function tiersOf(stack: TerraformStack): Record<string, string> {
  const environments = resourcesOf(synthesize(stack), "gitlab_project_environment");
  return Object.fromEntries(environments.map((environment) => [environment.name, environment.tier]));
}

test.each<[string, Partial<GitlabEnvironmentProps>, string]>([
  ["tier", { tier: "live" as never }, 'tier: "live" must be one of production, staging, testing, development, other'],
  ["externalUrl", { externalUrl: "ftp://acme.example" }, 'externalUrl: "ftp://acme.example" must be an http'],
  ["project", { project: "not a project" }, 'project: "not a project" must'],
  ["name", { name: "/staging" }, 'name: "/staging" must'],
])("a bad %s is reported under that name", (_field, props, report) => {
  const { app, stack } = testStack();
  new GitlabEnvironment(stack, "Env", { project: "acme/api", name: "staging", ...props });
  expect(problemsOf(app)).toContain(`[test/Env] ${report}`);
});
