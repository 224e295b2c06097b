import { ProjectEnvironment } from "@cdktf/provider-gitlab/lib/project-environment";
import { ProjectProtectedEnvironment } from "@cdktf/provider-gitlab/lib/project-protected-environment";
import { Construct } from "constructs";
import { FlowProviders } from "./flow-providers";
import { GitlabCiVariable, GitlabCiVariableProps } from "./gitlab-ci-variable";
import { expectBoolean, expectOneOf, expectRecord, expectString, reporterFor } from "./private/prop-types";
import { GITLAB_ENVIRONMENT_NAME, GITLAB_PROJECT, GITLAB_TIER, HTTP_URL, TYPE_RULES } from "./private/rules";
import { childIdFor, validateAtSynth } from "./private/validation";

/** GitLab's deployment tiers. */
export type GitlabEnvironmentTier = "production" | "staging" | "testing" | "development" | "other";

/** Who may deploy to a protected environment. */
export type GitlabDeployAccessLevel = "developer" | "maintainer";

/** Every {@link GitlabDeployAccessLevel}, for checking values from untyped callers. */
export const GITLAB_DEPLOY_ACCESS_LEVELS: readonly GitlabDeployAccessLevel[] = ["developer", "maintainer"];

/** Properties of a {@link GitlabEnvironment}. */
export interface GitlabEnvironmentProps {
  /** The GitLab project, by numeric id or full path. */
  readonly project: string;

  /** The environment's name, as deploy jobs name it (`environment: staging`). */
  readonly name: string;

  /**
   * The deployment tier.
   *
   * @default - production for `production`, staging for `staging` (in any case), development for `review/…`, other
   * otherwise
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

  constructor(scope: Construct, id: string, givenProps: GitlabEnvironmentProps) {
    super(scope, id);
    FlowProviders.gitlabProviderFor(this);
    const props = checkedEnvironmentProps(this, givenProps);
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
      problems.check("project", props.project, GITLAB_PROJECT);
      problems.check("name", props.name, GITLAB_ENVIRONMENT_NAME);
      problems.check("tier", this.tier, GITLAB_TIER);
      problems.check("externalUrl", props.externalUrl, HTTP_URL);
    });
  }

  /** A CI/CD variable visible only to jobs deploying to this environment. */
  public addVariable(
    key: string,
    value: GitlabCiVariableProps["value"],
    options: Omit<GitlabCiVariableProps, "project" | "key" | "value" | "environmentScope"> = {},
  ): GitlabCiVariable {
    const id = childIdFor(this, `Variable-${key}`, "addVariable()", `add ${key} once per environment`);
    return new GitlabCiVariable(this, id, {
      ...options,
      project: this.project,
      key,
      value,
      environmentScope: this.name,
    });
  }
}

/**
 * The props with each one of the wrong type (from JavaScript or JSON) reported and left out; a tier that is a string
 * is kept for the tier rule to report at synth, with the list of tiers.
 */
function checkedEnvironmentProps(scope: Construct, props: GitlabEnvironmentProps): GitlabEnvironmentProps {
  const report = reporterFor(scope);
  const given: Partial<GitlabEnvironmentProps> = expectRecord(report, "props", props) ? props : {};
  const optional = { optional: true };
  const string = (field: "project" | "name" | "externalUrl", presence = {}) =>
    expectString(report, field, given[field], presence) ? given[field] : undefined;
  const tier = typeof given.tier === "string" || given.tier === undefined ? given.tier : undefined;
  if (tier === undefined && given.tier !== undefined) report("tier", given.tier, TYPE_RULES.string);
  return {
    project: string("project") as string,
    name: string("name") as string,
    tier,
    externalUrl: string("externalUrl", optional),
    stopBeforeDestroy: expectBoolean(report, "stopBeforeDestroy", given.stopBeforeDestroy, optional)
      ? given.stopBeforeDestroy
      : undefined,
    protectedFor: expectOneOf(report, "protectedFor", given.protectedFor, GITLAB_DEPLOY_ACCESS_LEVELS, optional)
      ? given.protectedFor
      : undefined,
  };
}

/** The tier GitLab would infer from the name; "other" for a name only Terraform knows (its token matches none). */
function defaultTier(name: string | undefined): GitlabEnvironmentTier {
  if (typeof name !== "string") return "other";
  const lower = name.toLowerCase();
  if (lower === "production" || lower === "staging") return lower;
  if (lower.startsWith("review/")) return "development";
  return "other";
}
