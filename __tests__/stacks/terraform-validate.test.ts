import { prepareForValidation, unavailableProviders } from "../support/terraform";
import { songlistStacks, synthesizeApp } from "../support/songlist";

/** The GitLab resources each stack declares, which `terraform validate` cannot check without the GitLab provider. */
const GITLAB_RESOURCES: Record<string, RegExp[]> = {
  pipeline: [/^gitlab_tag_protection\./],
  staging: [/^gitlab_project_environment\./, /^gitlab_project_variable\./, /^gitlab_project_variable\./],
  production: [/^gitlab_project_environment\./, /^gitlab_project_variable\./, /^gitlab_project_variable\./],
  "review-42": [/^gitlab_project_environment\./, /^gitlab_project_variable\./, /^gitlab_project_variable\./],
};

describe("songlist stacks are valid Terraform for the real providers (terraform init + validate)", () => {
  const { app } = songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42" });
  synthesizeApp(app);

  test.each(Object.keys(GITLAB_RESOURCES))("%s", (stackName) => {
    const subject = prepareForValidation(app.outdir, stackName);
    expect(subject.dir).toBeValidTerraform();
    // Without a GitLab provider binary (its module is not served where this project is built), the GitLab resources
    // are left out of `terraform validate`; this keeps exactly which ones visible instead of silent.
    if (unavailableProviders().includes("gitlab")) {
      expect(subject.omittedResources).toEqual(
        GITLAB_RESOURCES[stackName].map((pattern) => expect.stringMatching(pattern)),
      );
    } else {
      expect(subject.omittedResources).toEqual([]);
    }
  });
});
