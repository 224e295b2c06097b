import { GitlabProvider } from "@cdktf/provider-gitlab/lib/provider";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { TerraformProvider, TerraformStack, TerraformVariable } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { CircleciProvider } from "../.gen/providers/circleci/provider";
import { DokkuProvider, DokkuProviderConfig } from "../.gen/providers/dokku/provider";
import { HerokuProvider } from "../.gen/providers/heroku/provider";
import { expectBoolean, expectRecord, reporterFor } from "./private/prop-types";

/** Properties of {@link FlowProviders}. */
export interface FlowProvidersProps {
  /**
   * Declare the GitLab provider now (token and URL from `GITLAB_TOKEN` and `GITLAB_BASE_URL`), e.g. for raw
   * `@cdktf/provider-gitlab` resources.
   *
   * @default - declared by the first GitLab construct of the library in the stack, so that a stack without GitLab
   * resources needs no GitLab provider (and `terraform init` needs no GitLab provider binary)
   */
  readonly gitlab?: boolean;

  /**
   * Declare the CircleCI provider now (token and API URL from `CIRCLE_TOKEN` and `CIRCLE_HOST`), e.g. for raw
   * CircleCI resources from `heroku-flow-cdktf/providers/circleci`.
   *
   * @default - declared by the first CircleCI construct of the library in the stack, so that a stack without CircleCI
   * resources needs no CircleCI provider (which is built only on request, `HEROKU_FLOW_PROVIDERS=circleci`)
   */
  readonly circleci?: boolean;

  /**
   * Configure the random provider, which generates secrets.
   *
   * @default true
   */
  readonly random?: boolean;
}

/**
 * The providers a Heroku Flow stack uses, configured from the environment only: `HEROKU_API_KEY` and `HEROKU_API_URL`
 * for Heroku, `GITLAB_TOKEN` and `GITLAB_BASE_URL` for GitLab, `CIRCLE_TOKEN` and `CIRCLE_HOST` for CircleCI,
 * `DOKKU_SSH_HOST` and `DOKKU_SSH_CERT` for Dokku. No credential or endpoint is ever synthesized.
 *
 * The Heroku provider keeps the app's and add-ons' full config var maps (which hold `DATABASE_URL` and every other
 * secret) out of Terraform state. Its post-create waits, which only exist to let the real platform settle, are
 * Terraform variables (`TF_VAR_heroku_post_app_create_delay`, `TF_VAR_heroku_post_domain_create_delay`) so that a
 * sandbox run can turn them down without changing the synthesized configuration.
 */
export class FlowProviders extends Construct {
  /**
   * The GitLab provider of `scope`'s stack: the one declared there, or a new one (under the stack's FlowProviders
   * when it has one). The library's GitLab constructs call this, so only stacks with GitLab resources require it.
   */
  public static gitlabProviderFor(scope: IConstruct): GitlabProvider {
    return providerOf(scope, "gitlab", (parent) => new GitlabProvider(parent, "gitlab"));
  }

  /**
   * The CircleCI provider of `scope`'s stack: the one declared there, or a new one (under the stack's FlowProviders
   * when it has one), configured from the environment only: the provider reads `CIRCLE_TOKEN` and `CIRCLE_HOST` (the
   * sandbox's address in a sandbox run), so no credential or endpoint is synthesized.
   */
  public static circleciProviderFor(scope: IConstruct): CircleciProvider {
    return providerOf(scope, "circleci", (parent) => new CircleciProvider(parent, "circleci"));
  }

  /** The random provider of `scope`'s stack (generated secrets), declared by the first construct that needs it. */
  public static randomProviderFor(scope: IConstruct): RandomProvider {
    return providerOf(scope, "random", (parent) => new RandomProvider(parent, "random"));
  }

  /**
   * The Dokku provider of `scope`'s stack: the one declared there, or a new one (under the stack's FlowProviders when
   * it has one), configured from the environment only. The provider reads `DOKKU_SSH_HOST`, `DOKKU_SSH_CERT` (the
   * private key itself, or a path to it), `DOKKU_SSH_USER` (default `dokku`) and `DOKKU_SSH_PORT` (default 22) when
   * its block leaves them out, so neither the server nor the key is synthesized. The library's Dokku constructs call
   * this.
   */
  public static dokkuProviderFor(scope: IConstruct): DokkuProvider {
    // The generated bindings require host and key (the schema marks them required when the environment does not set
    // them); the block is left empty on purpose, for the provider to take both from the environment.
    return providerOf(scope, "dokku", (parent) => new DokkuProvider(parent, "dokku", {} as DokkuProviderConfig));
  }

  public readonly heroku: HerokuProvider;
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
    // From JavaScript or JSON: a prop of the wrong type is reported, and its default used so that building goes on.
    const report = reporterFor(this);
    const given: FlowProvidersProps = expectRecord(report, "props", props) ? props : {};
    const gitlab = expectBoolean(report, "gitlab", given.gitlab, { optional: true }) && given.gitlab;
    const random = expectBoolean(report, "random", given.random, { optional: true }) ? given.random : true;
    const circleci = expectBoolean(report, "circleci", given.circleci, { optional: true }) && given.circleci;
    if (gitlab) FlowProviders.gitlabProviderFor(this);
    if (circleci) FlowProviders.circleciProviderFor(this);
    if (random) this.random = new RandomProvider(this, "random");
  }
}

/**
 * The provider of `type` in `scope`'s stack, or a new one made by `create` under the stack's FlowProviders (or the
 * stack): one per stack, declared only where a construct needs it.
 */
function providerOf<T extends TerraformProvider>(scope: IConstruct, type: string, create: (parent: Construct) => T): T {
  const stack = TerraformStack.of(scope);
  const existing = stack.node
    .findAll()
    .find(
      (construct): construct is T =>
        TerraformProvider.isTerraformProvider(construct) && construct.terraformResourceType === type,
    );
  if (existing) return existing;
  const providers = stack.node.findAll().find((construct) => construct instanceof FlowProviders);
  return create(providers ?? stack);
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
