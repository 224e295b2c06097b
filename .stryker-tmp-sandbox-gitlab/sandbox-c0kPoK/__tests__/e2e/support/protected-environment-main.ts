/**
 * A cdktf app with one stack, `gitlab-only`: a GitLab environment protected for maintainers, through the library as a
 * user would write it. songlist protects no environment (protected environments are a GitLab Premium feature), so
 * this app is how the end-to-end tests drive the GitLab provider's protected-environment calls.
 */
// @ts-nocheck

import { App, Aspects, TerraformStack } from "cdktf";
import { FlowProviders, GitlabEnvironment, GitlabProviderCompatibility, StateBackend } from "../../../constructs";

const app = new App();
const stack = new TerraformStack(app, "gitlab-only");
StateBackend.local(stack);
new FlowProviders(stack, "Providers", { random: false });
new GitlabEnvironment(stack, "Production", {
  project: "songlist/songlist",
  name: "production",
  protectedFor: "maintainer",
});
const gitlabProvider = process.env.HEROKU_FLOW_GITLAB_PROVIDER_VERSION;
if (gitlabProvider !== undefined && GitlabProviderCompatibility.VERSIONS.includes(gitlabProvider)) {
  Aspects.of(stack).add(new GitlabProviderCompatibility(gitlabProvider));
}
app.synth();
