import { createHash } from "crypto";

/** The names a review app gets from its merge request's id. */
export interface ReviewAppNames {
  /** The id made safe for names: lowercase letters, digits and dashes, e.g. `42` or `feature-login`. */
  readonly slug: string;
  /** The cdktf stack, `review-<slug>`. */
  readonly stackName: string;
  /** The Heroku app, `<prefix>-<slug>`, shortened with a hash to fit Heroku's 30 characters. */
  readonly appName: string;
  /** The GitLab environment, `review/<slug>`. */
  readonly gitlabEnvironment: string;
}

const HEROKU_MAX_NAME = 30;
const HASH_LENGTH = 6;

/**
 * Derives a review app's names from a review id (a merge request iid, or a branch name). Returns the problem instead
 * when the id cannot make a valid name.
 */
export function reviewAppNames(prefix: string, reviewId: string): ReviewAppNames | { problem: string } {
  const slug = reviewId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug === "") {
    return {
      problem:
        `review id: ${JSON.stringify(reviewId)} cannot make a review app name: ` +
        "it must contain at least one letter or digit (e.g. the merge request's iid)",
    };
  }
  const room = HEROKU_MAX_NAME - prefix.length - 1;
  if (room < HASH_LENGTH + 2) {
    return {
      problem: `review.appNamePrefix: ${JSON.stringify(prefix)} leaves no room for a review id within 30 characters`,
    };
  }
  let suffix = slug;
  if (suffix.length > room) {
    // Keep the names of different long ids apart: a readable start plus a hash of the whole slug.
    const hash = createHash("sha256").update(slug).digest("hex").slice(0, HASH_LENGTH);
    suffix = `${slug.slice(0, room - HASH_LENGTH - 1).replace(/-+$/, "")}-${hash}`;
  }
  return {
    slug,
    stackName: `review-${slug}`,
    appName: `${prefix}-${suffix}`,
    gitlabEnvironment: `review/${slug}`,
  };
}
