// @ts-nocheck
import { reviewAppNames } from "../../constructs/flow/flow-names";

const HEROKU_APP_NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

describe("review app names", () => {
  test("a merge request iid gives review-<iid> names", () => {
    expect(reviewAppNames("songlist-review", "42")).toEqual({
      slug: "42",
      stackName: "review-42",
      appName: "songlist-review-42",
      gitlabEnvironment: "review/42",
    });
  });

  test("a branch name is made safe for every name", () => {
    expect(reviewAppNames("songlist-review", "Feature/Login_Page")).toMatchObject({
      slug: "feature-login-page",
      stackName: "review-feature-login-page",
      gitlabEnvironment: "review/feature-login-page",
    });
  });

  test.each(["feature/a-very-long-branch-name-for-a-review-app", "1234567890123456", "x".repeat(200)])(
    "a long id %s still gives a valid Heroku name of at most 30 characters",
    (id) => {
      const names = reviewAppNames("songlist-review", id);
      if ("problem" in names) throw new Error(names.problem);
      expect(names.appName).toMatch(HEROKU_APP_NAME);
      expect(names.appName.length).toBeLessThanOrEqual(30);
    },
  );

  test("two long ids that share a start get different app names", () => {
    const first = reviewAppNames("songlist-review", "feature-checkout-redesign-part-one");
    const second = reviewAppNames("songlist-review", "feature-checkout-redesign-part-two");
    if ("problem" in first || "problem" in second) throw new Error("unexpected problem");
    expect(first.appName).not.toBe(second.appName);
  });

  test("an id with no letter or digit, or a prefix that leaves no room, is a problem", () => {
    expect(reviewAppNames("songlist-review", "---")).toEqual({ problem: expect.stringMatching(/at least one letter/) });
    expect(reviewAppNames("a-very-long-prefix-for-reviews", "1")).toEqual({
      problem: expect.stringMatching(/leaves no room/),
    });
  });
});
