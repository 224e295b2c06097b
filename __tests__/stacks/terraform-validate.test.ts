import { DokkuFlow } from "../../constructs";
import { songlistOnDokku } from "../../stacks/songlist-on-dokku";
import { mirroredGitlabProvider, prepareForValidation } from "../support/terraform";
import { songlistStacks, synthesizeApp } from "../support/songlist";
import { testApp } from "../support/stacks";

describe("songlist stacks are valid Terraform for the real providers (terraform init + validate)", () => {
  const { app } = songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42", ...mirroredGitlabProvider() });
  synthesizeApp(app);

  test.each(["pipeline", "staging", "production", "review-42"])("%s", (stackName) => {
    expect(prepareForValidation(app.outdir, stackName)).toBeValidTerraform();
  });
});

// The Dokku provider, built on request, is asked for by `npm test` (scripts/test.sh).
describe("songlist's stacks on Dokku are valid Terraform for the real Dokku provider", () => {
  const app = testApp();
  new DokkuFlow(app, songlistOnDokku, { env: { HEROKU_FLOW_REVIEW_ID: "42", ...mirroredGitlabProvider() } });
  synthesizeApp(app);

  test.each(["pipeline", "staging", "production", "review-42"])("%s", (stackName) => {
    expect(prepareForValidation(app.outdir, stackName)).toBeValidTerraform();
  });
});
