/**
 * The CircleCI expression that lets only release-tag pipelines use a context, derived from the topology's `releaseTag`
 * (the one source of the pattern; GitLab's protected tags and both generated pipelines read the same field). The
 * pattern is GitLab's protected-tag wildcard: `*` matches any run of characters, everything else is literal.
 *
 * - `v*` (a literal start, then `*`): `pipeline.git.tag starts-with "v"`, the form CircleCI's docs use;
 * - `v1` (no `*`): `pipeline.git.tag == "v1"`;
 * - any other pattern (`release-*-eu`, `*`): `pipeline.git.tag matches /^release-.*-eu$/`, whole-tag, with at least
 *   one character, so that a branch pipeline (whose tag is empty) never matches.
 *
 * A pipeline of a branch has an empty `pipeline.git.tag`, so none of these let a branch use the context.
 */
export function releaseTagRestriction(releaseTag: string): string {
  const TAG = "pipeline.git.tag";
  const literals = releaseTag.split("*");
  if (literals.length === 1) return `${TAG} == ${quoted(releaseTag)}`;
  if (literals.length === 2 && literals[0] !== "" && literals[1] === "")
    return `${TAG} starts-with ${quoted(literals[0])}`;
  const body = literals.every((literal) => literal === "") ? ".+" : literals.map(escapePattern).join(".*");
  return `${TAG} matches /^${body}$/`;
}

/** `text` as a string of CircleCI's expressions: double quotes, with `\"` and `\\` escapes. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

/** `text` matched literally in an RE2 pattern between slashes: every metacharacter escaped, and `/`. */
function escapePattern(text: string): string {
  return text.replace(/[.+?()|{}[\]^$\\/]/g, "\\$&");
}
