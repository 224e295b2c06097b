import { TagProtection } from "@cdktf/provider-gitlab/lib/tag-protection";
import { Construct } from "constructs";
import { FlowProviders } from "./flow-providers";
import { GITLAB_DEPLOY_ACCESS_LEVELS, GitlabDeployAccessLevel } from "./gitlab-environment";
import { expectOneOf, expectRecord, expectString, reporterFor } from "./private/prop-types";
import { GITLAB_PROJECT, GITLAB_TAG } from "./private/rules";
import { validateAtSynth } from "./private/validation";

/** Properties of a {@link GitlabProtectedTag}. */
export interface GitlabProtectedTagProps {
  /** The GitLab project, by numeric id or full path. */
  readonly project: string;

  /**
   * The tag name or wildcard.
   *
   * @default "v*"
   */
  readonly tag?: string;

  /**
   * Who may create matching tags.
   *
   * @default "maintainer"
   */
  readonly createAccessLevel?: GitlabDeployAccessLevel;
}

/**
 * Protects release tags (`gitlab_tag_protection`). Together with protected CI/CD variables, this makes production
 * deployable only from `v*` tags that maintainers create: protected variables are exposed only to pipelines of
 * protected branches and tags.
 */
export class GitlabProtectedTag extends Construct {
  public readonly tag: string;

  /** The generated `gitlab_tag_protection` resource. */
  public readonly resource: TagProtection;

  constructor(scope: Construct, id: string, props: GitlabProtectedTagProps) {
    super(scope, id);
    FlowProviders.gitlabProviderFor(this);
    // Each prop of the wrong type (from JavaScript or JSON) is reported and left out, so that building goes on.
    const report = reporterFor(this);
    const given: Partial<GitlabProtectedTagProps> = expectRecord(report, "props", props) ? props : {};
    const optional = { optional: true };
    const project = expectString(report, "project", given.project) ? given.project : undefined;
    this.tag = expectString(report, "tag", given.tag, optional) ? given.tag : "v*";
    const level = "createAccessLevel";
    const createAccessLevel = expectOneOf(report, level, given.createAccessLevel, GITLAB_DEPLOY_ACCESS_LEVELS, optional)
      ? given.createAccessLevel
      : "maintainer";
    this.resource = new TagProtection(this, "Resource", {
      project: project ?? "",
      tag: this.tag,
      createAccessLevel,
    });
    validateAtSynth(this, (problems) => {
      problems.check("project", project, GITLAB_PROJECT);
      problems.check("tag", this.tag, GITLAB_TAG);
    });
  }
}
