/**
 * CircleCI's own rules and the sandbox's choices where CircleCI documents none (each says which). The models enforce
 * them; the route schemas read the patterns from here.
 */
export const CIRCLECI_PATTERNS = {
  /** A UUID, the form of every CircleCI id (contexts, organizations, projects, restrictions). */
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  /**
   * An environment variable name. Neither the OpenAPI document nor the provider states CircleCI's rule, so the sandbox
   * takes the common shell rule: letters, digits and `_`, not starting with a digit.
   */
  variableName: /^[A-Za-z_][A-Za-z0-9_]*$/,
  /**
   * One segment of a project slug after its VCS: an organization or repository name, or the base58 / UUID id of a
   * `circleci/` slug. Slashes separate segments, so none may hold one.
   */
  slugSegment: /^[A-Za-z0-9_.-]+$/,
} as const;

/**
 * The VCS segments of a project slug, with the short form the sandbox stores: CircleCI takes `github` and `bitbucket`
 * for `gh` and `bb`, and `circleci` for projects of its own (GitLab and GitHub App) integrations.
 */
export const PROJECT_SLUG_VCS: Readonly<Record<string, string>> = {
  gh: "gh",
  github: "gh",
  bb: "bb",
  bitbucket: "bb",
  circleci: "circleci",
};

/**
 * Items per page of every paginated CircleCI list (contexts, context variables, project variables, restrictions). The
 * document does not state CircleCI's size; 20 is the sandbox's choice, small enough for tests to reach a second page.
 */
export const PAGE_SIZE = 20;

/**
 * How a project variable's value is shown: `xxxx` and the value's last four characters, as CircleCI describes it. A
 * value of four characters or fewer shows `xxxx` alone, so the sandbox never returns a whole value (CircleCI does not
 * document that case).
 */
export function maskedValue(value: string): string {
  return value.length > 4 ? `xxxx${value.slice(-4)}` : "xxxx";
}
