import { ProjectEnvironment } from "@cdktf/provider-gitlab/lib/project-environment";
import { ProjectProtectedEnvironment } from "@cdktf/provider-gitlab/lib/project-protected-environment";
import { Construct } from "constructs";
import { GitlabCiVariable, GitlabCiVariableProps } from "./gitlab-ci-variable";
import { GITLAB_ENVIRONMENT_NAME } from "./private/rules";
import { isLiteral, validateAtSynth } from "./private/validation";

/** GitLab's deployment tiers. */
export type GitlabEnvironmentTier = "production" | "staging" | "testing" | "development" | "other";

const TIERS: readonly GitlabEnvironmentTier[] = ["production", "staging", "testing", "development", "other"];

/** Who may deploy to a protected environment. */
export type GitlabDeployAccessLevel = "developer" | "maintainer";

/** Properties of a {@link GitlabEnvironment}. */
export interface GitlabEnvironmentProps {
  /** The GitLab project, by numeric id or full path. */
  readonly project: string;

  /** The environment's name, as deploy jobs name it (`environment: staging`). */
  readonly name: string;

  /**
   * The deployment tier.
   *
   * @default - production for `production`, staging for `staging`, development for `review/…`, other otherwise
   */
  readonly tier?: GitlabEnvironmentTier;

  /**
   * The URL GitLab links to from deployments and merge requests, usually the Heroku app's web URL.
   *
   * @default - no link
   */
  readonly externalUrl?: string;

  /**
   * Stop the environment before deleting it. GitLab refuses to delete an environment that is not stopped, so turning
   * this off makes `cdktf destroy` fail on environments that were deployed to.
   *
   * @default true
   */
  readonly stopBeforeDestroy?: boolean;

  /**
   * Protect the environment: only the given role may run deploy jobs for it. Needs GitLab Premium or Ultimate (on Free
   * the API answers 404), so it is opt-in.
   *
   * @default - not protected
   */
  readonly protectedFor?: GitlabDeployAccessLevel;
}

/**
 * A GitLab environment (`gitlab_project_environment`), optionally protected, with {@link addVariable} to scope CI/CD
 * variables (such as a Heroku deploy key) to it.
 */
export class GitlabEnvironment extends Construct {
  public readonly project: string;
  public readonly name: string;
  public readonly tier: GitlabEnvironmentTier;

  /** The generated `gitlab_project_environment` resource. */
  public readonly resource: ProjectEnvironment;

  /** The generated `gitlab_project_protected_environment`, when `protectedFor` is set. */
  public readonly protection?: ProjectProtectedEnvironment;

  constructor(scope: Construct, id: string, props: GitlabEnvironmentProps) {
    super(scope, id);
    this.project = props.project;
    this.name = props.name;
    this.tier = props.tier ?? defaultTier(props.name);

    this.resource = new ProjectEnvironment(this, "Resource", {
      project: props.project,
      name: props.name,
      tier: this.tier,
      externalUrl: props.externalUrl,
      stopBeforeDestroy: props.stopBeforeDestroy ?? true,
    });
    if (props.protectedFor !== undefined) {
      this.protection = new ProjectProtectedEnvironment(this, "Protection", {
        project: props.project,
        environment: this.resource.name,
        deployAccessLevelsAttribute: [{ accessLevel: props.protectedFor }],
      });
    }

    validateAtSynth(this, (problems) => {
      problems.requireMatch("name", props.name, GITLAB_ENVIRONMENT_NAME.pattern, GITLAB_ENVIRONMENT_NAME.description);
      if (!TIERS.includes(this.tier)) {
        problems.add("tier", this.tier, `must be one of ${TIERS.join(", ")}`);
      }
      if (isLiteral(props.externalUrl) && !/^https?:\/\/\S+$/.test(props.externalUrl)) {
        problems.add("externalUrl", props.externalUrl, "must be an http:// or https:// URL");
      }
    });
  }

  /** A CI/CD variable visible only to jobs deploying to this environment. */
  public addVariable(
    key: string,
    value: GitlabCiVariableProps["value"],
    options: Omit<GitlabCiVariableProps, "project" | "key" | "value" | "environmentScope"> = {},
  ): GitlabCiVariable {
    return new GitlabCiVariable(this, `Variable-${key}`, {
      ...options,
      project: this.project,
      key,
      value,
      environmentScope: this.name,
    });
  }
}

function defaultTier(name: string): GitlabEnvironmentTier {
  if (name === "production" || name === "staging") return name;
  if (name.startsWith("review/")) return "development";
  return "other";
}
