import { GitlabProvider } from "@cdktf/provider-gitlab/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { HerokuProvider } from "../.gen/providers/heroku/provider";

/** Properties of {@link FlowProviders}. */
export interface FlowProvidersProps {
  /**
   * Configure the GitLab provider (token and URL from `GITLAB_TOKEN` and `GITLAB_BASE_URL`).
   *
   * @default true
   */
  readonly gitlab?: boolean;

  /**
   * Configure the random provider, which generates secrets.
   *
   * @default true
   */
  readonly random?: boolean;
}

/**
 * The providers a Heroku Flow stack uses, configured from the environment only: `HEROKU_API_KEY` and `HEROKU_API_URL`
 * for Heroku, `GITLAB_TOKEN` and `GITLAB_BASE_URL` for GitLab. No credential or endpoint is ever synthesized.
 *
 * The Heroku provider keeps the app's and add-ons' full config var maps (which hold `DATABASE_URL` and every other
 * secret) out of Terraform state. Its post-create waits, which only exist to let the real platform settle, are
 * Terraform variables (`TF_VAR_heroku_post_app_create_delay`, `TF_VAR_heroku_post_domain_create_delay`) so that a
 * sandbox run can turn them down without changing the synthesized configuration.
 */
export class FlowProviders extends Construct {
  public readonly heroku: HerokuProvider;
  public readonly gitlab?: GitlabProvider;
  public readonly random?: RandomProvider;

  constructor(scope: Construct, id: string, props: FlowProvidersProps = {}) {
    super(scope, id);
    const postAppCreateDelay = secondsVariable(this, "heroku_post_app_create_delay", 10, "after creating an app");
    const postDomainCreateDelay = secondsVariable(this, "heroku_post_domain_create_delay", 5, "after adding a domain");

    this.heroku = new HerokuProvider(this, "heroku", {
      customizations: [{ setAppAllConfigVarsInState: false, setAddonConfigVarsInState: false }],
      delays: {
        postAppCreateDelay: postAppCreateDelay.numberValue,
        postDomainCreateDelay: postDomainCreateDelay.numberValue,
      },
    });
    if (props.gitlab ?? true) this.gitlab = new GitlabProvider(this, "gitlab");
    if (props.random ?? true) this.random = new RandomProvider(this, "random");
  }
}

function secondsVariable(scope: Construct, name: string, fallback: number, when: string): TerraformVariable {
  const variable = new TerraformVariable(scope, name, {
    type: "number",
    default: fallback,
    description: `Seconds the Heroku provider waits ${when}, for the platform to settle.`,
  });
  variable.overrideLogicalId(name);
  return variable;
}
