import { ProjectVariable } from "@cdktf/provider-gitlab/lib/project-variable";
import { GitlabProvider } from "@cdktf/provider-gitlab/lib/provider";
import { Password } from "@cdktf/provider-random/lib/password";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { App as HerokuAppResource } from "../.gen/providers/heroku/app";
import { HerokuProvider } from "../.gen/providers/heroku/provider";

/**
 * A stack that touches each provider once: one Heroku app, one GitLab CI/CD variable and one generated secret.
 *
 * It proves that the generated Heroku bindings, the prebuilt GitLab and random bindings and the locally built provider
 * binaries fit together. The songlist stacks replace it.
 */
export class SmokeStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Credentials and endpoints come from the environment (HEROKU_API_KEY, HEROKU_API_URL, GITLAB_TOKEN,
    // GITLAB_BASE_URL), never from code.
    new HerokuProvider(this, "heroku");
    new GitlabProvider(this, "gitlab");
    new RandomProvider(this, "random");

    const secretKey = new Password(this, "secret_key", { length: 48, special: false });

    new HerokuAppResource(this, "app", {
      name: "songlist-smoke",
      region: "us",
      sensitiveConfigVars: { SECRET_KEY: secretKey.result },
    });

    new ProjectVariable(this, "app_name", {
      project: "songlist/songlist",
      key: "HEROKU_APP_NAME",
      value: "songlist-smoke",
      environmentScope: "smoke",
      hidden: false,
    });
  }
}
