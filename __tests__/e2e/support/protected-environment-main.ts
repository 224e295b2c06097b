/**
 * A cdktf app with one stack, `gitlab-only`: a GitLab environment protected for maintainers, through the library as a
 * user would write it. songlist protects no environment (protected environments are a GitLab Premium feature), so
 * this app is how the end-to-end tests drive the GitLab provider's protected-environment calls.
 */
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
// The GitLab provider the toolchain mirrored. Without it the stack would target the bindings' 18.6.1, which no mirror
// here holds, and `terraform init` would fail far from the cause; an unknown version fails in the aspect's constructor.
const gitlabProvider = process.env.HEROKU_FLOW_GITLAB_PROVIDER_VERSION;
if (gitlabProvider === undefined) {
  throw new Error(
    "HEROKU_FLOW_GITLAB_PROVIDER_VERSION is not set: run the end-to-end tests with `npm run test:e2e` (or `npm test`), " +
      "which builds the Terraform toolchain (cli/toolchain.sh) and exports the GitLab provider version it mirrored",
  );
}
if (gitlabProvider !== GitlabProviderCompatibility.BINDINGS_VERSION) {
  Aspects.of(stack).add(new GitlabProviderCompatibility(gitlabProvider));
}
app.synth();
