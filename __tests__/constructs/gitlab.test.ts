import { ProjectEnvironment } from "@cdktf/provider-gitlab/lib/project-environment";
import { ProjectProtectedEnvironment } from "@cdktf/provider-gitlab/lib/project-protected-environment";
import { ProjectVariable } from "@cdktf/provider-gitlab/lib/project-variable";
import { TagProtection } from "@cdktf/provider-gitlab/lib/tag-protection";
import { Testing, type TerraformStack } from "cdktf";
import { FlowValidation, GitlabCiVariable, GitlabEnvironment, GitlabProtectedTag, Secret } from "../../constructs";
import { problemsOf, resourcesOf, synthesize, testStack } from "../support/stacks";

describe("GitLab constructs", () => {
  test("a CI/CD variable always sends hidden, masked, protected, raw and its scope", () => {
    const { stack } = testStack();
    new GitlabCiVariable(stack, "Name", { project: "songlist/songlist", key: "HEROKU_APP_NAME", value: "songlist" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ProjectVariable, {
      key: "HEROKU_APP_NAME",
      value: "songlist",
      hidden: false,
      masked: false,
      protected: false,
      raw: false,
      environment_scope: "*",
    });
  });

  test("an environment links to the app, is stopped before destroy, and infers its tier", () => {
    const { stack } = testStack();
    new GitlabEnvironment(stack, "Staging", {
      project: "songlist/songlist",
      name: "staging",
      externalUrl: "https://songlist-staging.herokuapp.com/",
    });
    new GitlabEnvironment(stack, "Review", { project: "songlist/songlist", name: "review/42" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ProjectEnvironment, {
      name: "staging",
      tier: "staging",
      external_url: "https://songlist-staging.herokuapp.com/",
      stop_before_destroy: true,
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ProjectEnvironment, {
      name: "review/42",
      tier: "development",
    });
  });

  test("environment variables are scoped to the environment; secrets come from sensitive variables", () => {
    const { stack } = testStack();
    const production = new GitlabEnvironment(stack, "Production", { project: "songlist/songlist", name: "production" });
    production.addVariable("HEROKU_API_KEY", Secret.fromVariable(stack, "heroku_deploy_key_production"), {
      masked: true,
      protected: true,
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ProjectVariable, {
      key: "HEROKU_API_KEY",
      value: "${var.heroku_deploy_key_production}",
      environment_scope: "production",
      masked: true,
      protected: true,
    });
  });

  test("a masked secret from a variable is checked by Terraform before the variable is written, not by a variable validation", () => {
    const { stack } = testStack();
    new GitlabCiVariable(stack, "Key", {
      project: "songlist/songlist",
      key: "HEROKU_API_KEY",
      value: Secret.fromVariable(stack, "deploy_key"),
      masked: true,
    });
    const config = synthesize(stack);
    // A failed variable validation prints the sensitive value; a failed precondition does not (secret-checks.test).
    expect(config.variable.deploy_key).not.toHaveProperty("validation");
    const [variable] = resourcesOf(config, "gitlab_project_variable");
    expect(variable.masked).toBe(true);
    const [precondition] = variable.lifecycle.precondition;
    expect(precondition.condition).toBe('${can(regex("^[a-zA-Z0-9_+=/@:.~-]{8,}$", var.deploy_key))}');
    expect(precondition.error_message).toMatch(/TF_VAR_deploy_key \(GitLab variable HEROKU_API_KEY\) cannot be masked/);
  });

  test("a secret is masked by default: its resource is the one masked and carrying the precondition", () => {
    const { app, stack } = testStack();
    new GitlabCiVariable(stack, "Key", {
      project: "songlist/songlist",
      key: "HEROKU_API_KEY",
      value: Secret.fromVariable(stack, "deploy_key"),
    });
    new GitlabCiVariable(stack, "Name", { project: "songlist/songlist", key: "HEROKU_APP_NAME", value: "songlist" });
    const byKey = Object.fromEntries(
      resourcesOf(synthesize(stack), "gitlab_project_variable").map((variable) => [variable.key, variable]),
    );
    expect(byKey.HEROKU_API_KEY.masked).toBe(true);
    expect(byKey.HEROKU_API_KEY.lifecycle.precondition).toEqual([
      expect.objectContaining({ condition: expect.stringContaining("var.deploy_key") }),
    ]);
    // A plain value stays unmasked, unchecked.
    expect(byKey.HEROKU_APP_NAME.masked).toBe(false);
    expect(byKey.HEROKU_APP_NAME).not.toHaveProperty("lifecycle");
    expect(problemsOf(app)).toBe("");
  });

  test.each([
    ["from a variable", (stack: TerraformStack) => Secret.fromVariable(stack, "deploy_key")],
    ["generated", (stack: TerraformStack) => Secret.generate(stack, "Generated")],
  ])("a secret %s with masked: false is reported, naming the field", (_kind, secretOf) => {
    const { app, stack } = testStack();
    new GitlabCiVariable(stack, "Key", {
      project: "songlist/songlist",
      key: "HEROKU_API_KEY",
      value: secretOf(stack),
      masked: false,
    });
    expect(FlowValidation.of(app).problems()).toEqual([
      expect.objectContaining({
        path: "test/Key",
        field: "masked",
        value: "false",
        rule: expect.stringMatching(/^must be true for a Secret: GitLab prints an unmasked variable/),
      }),
    ]);
  });

  test("protected environments are opt-in", () => {
    const { stack } = testStack();
    new GitlabEnvironment(stack, "Staging", { project: "songlist/songlist", name: "staging" });
    expect(resourcesOf(synthesize(stack), "gitlab_project_protected_environment")).toHaveLength(0);
    new GitlabEnvironment(stack, "Production", {
      project: "songlist/songlist",
      name: "production",
      protectedFor: "maintainer",
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ProjectProtectedEnvironment, {
      deploy_access_levels_attribute: [{ access_level: "maintainer" }],
    });
  });

  test("release tags are protected for maintainers by default", () => {
    const { stack } = testStack();
    new GitlabProtectedTag(stack, "Tags", { project: "songlist/songlist" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(TagProtection, {
      tag: "v*",
      create_access_level: "maintainer",
    });
  });

  test("hidden requires masked", () => {
    const { app, stack } = testStack();
    new GitlabCiVariable(stack, "Var", { project: "p/q", key: "TOKEN", value: "abcdefgh12345", hidden: true });
    expect(problemsOf(app)).toMatch(/\[test\/Var\] hidden: true requires masked: true/);
  });

  test("a raw masked value only needs 8 non-space characters", () => {
    const { app, stack } = testStack();
    new GitlabCiVariable(stack, "Var", { project: "p/q", key: "TOKEN", value: "a$b!c%d^e&", masked: true, raw: true });
    expect(problemsOf(app)).toBe("");
  });
});
