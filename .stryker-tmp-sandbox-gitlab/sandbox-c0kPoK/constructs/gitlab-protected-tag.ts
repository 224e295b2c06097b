// @ts-nocheck
import { TagProtection } from "@cdktf/provider-gitlab/lib/tag-protection";
import { Construct } from "constructs";
import { FlowProviders } from "./flow-providers";
import type { GitlabDeployAccessLevel } from "./gitlab-environment";
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
    this.tag = props.tag ?? "v*";
    this.resource = new TagProtection(this, "Resource", {
      project: props.project,
      tag: this.tag,
      createAccessLevel: props.createAccessLevel ?? "maintainer",
    });
    validateAtSynth(this, (problems) => {
      problems.check("project", props.project, GITLAB_PROJECT);
      problems.check("tag", this.tag, GITLAB_TAG);
    });
  }
}
