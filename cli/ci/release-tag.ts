/**
 * The release tag pattern of the manifest (`releaseTag`, e.g. `v*`) as the regular expression a GitLab rule matches
 * `$CI_COMMIT_TAG` against, e.g. `/^v/`. The pattern is GitLab's protected-tag wildcard (the pipeline stack protects
 * tags with it): `*` matches any run of characters, everything else is literal, and the whole tag must match.
 *
 * A pattern no tag could match the same way is refused rather than guessed at: characters git forbids in tag names
 * (`?`, `[`, `\`, `~`, `^`, `:`, spaces) would be glob syntax elsewhere, and the rule would not say what the protected
 * tag says.
 */
export function releaseTagRegex(pattern: string): string {
  const problem = patternProblem(pattern);
  if (problem) {
    throw new Error(
      `releaseTag ${JSON.stringify(pattern)} cannot become a GitLab rule: ${problem}. Use a tag name with * as the ` +
        'only wildcard (e.g. "v*"), as GitLab\'s protected tags do',
    );
  }
  const literals = pattern.split("*").map(escapeRegex);
  // A trailing `*` accepts any ending: an unanchored end says the same, shorter (`v*` → `/^v/`, as people write it).
  const openEnded = pattern.endsWith("*");
  const body = (openEnded ? literals.slice(0, -1) : literals).join(".*");
  return `/^${body}${openEnded ? "" : "$"}/`;
}

/** What is wrong with `pattern` as a release tag wildcard, or undefined when nothing is. */
function patternProblem(pattern: string): string | undefined {
  if (pattern === "") return "it is empty";
  // git check-ref-format: no control characters, spaces, ~ ^ : ? [ \ anywhere; no "..", "@{", "//".
  const forbidden = /[\x00-\x20\x7f~^:?[\\]/.exec(pattern);
  if (forbidden) return `${JSON.stringify(forbidden[0])} is not allowed in a git tag name`;
  const sequence = ["..", "@{", "//"].find((bad) => pattern.includes(bad));
  if (sequence) return `"${sequence}" is not allowed in a git tag name`;
  return undefined;
}

/**
 * `text` matched literally in a GitLab rule's regular expression (RE2 syntax inside `/…/`): every metacharacter
 * escaped, and `/`, which would end the literal.
 */
function escapeRegex(text: string): string {
  return text.replace(/[.+()|{}\]$/]/g, "\\$&");
}
