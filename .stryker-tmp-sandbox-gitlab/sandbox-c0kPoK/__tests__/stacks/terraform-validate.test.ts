// @ts-nocheck
import { mirroredGitlabProvider, prepareForValidation } from "../support/terraform";
import { songlistStacks, synthesizeApp } from "../support/songlist";

describe("songlist stacks are valid Terraform for the real providers (terraform init + validate)", () => {
  const { app } = songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42", ...mirroredGitlabProvider() });
  synthesizeApp(app);

  test.each(["pipeline", "staging", "production", "review-42"])("%s", (stackName) => {
    expect(prepareForValidation(app.outdir, stackName)).toBeValidTerraform();
  });
});
