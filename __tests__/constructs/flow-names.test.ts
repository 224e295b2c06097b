import { createHash } from "crypto";
import { FlowNames, reviewAppNames, reviewPrefixProblem, terraformVariableEnv } from "../../constructs/flow/flow-names";
import { songlist as songlistTopology } from "../../stacks/songlist";

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
      if ("problem" in names) throw new Error(names.problem.rule);
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

  test("an id with no letter or digit, or a prefix that leaves no room, is a problem naming its setting", () => {
    expect(reviewAppNames("songlist-review", "---")).toEqual({
      problem: expect.objectContaining({
        field: "HEROKU_FLOW_REVIEW_ID",
        rule: expect.stringMatching(/at least one letter/),
      }),
    });
    expect(reviewAppNames("a-very-long-prefix-for-reviews", "1")).toEqual({
      problem: expect.objectContaining({
        field: "review.appNamePrefix",
        rule: expect.stringMatching(/at most 21 characters, so that Heroku's 30 leave room for the id/),
      }),
    });
  });
});

describe("review app names at their edges", () => {
  const names = (prefix: string, id: string) => {
    const result = reviewAppNames(prefix, id);
    if ("problem" in result) throw new Error(result.problem.rule);
    return result;
  };
  const hashOf = (slug: string) => createHash("sha256").update(slug).digest("hex").slice(0, 6);

  test("runs of other characters become one dash, and dashes at either end go", () => {
    expect(names("app", "--Fix  the__Bug!--").slug).toBe("fix-the-bug");
  });

  test("a slug that fits the room left by the prefix is kept whole, up to 30 characters", () => {
    // "songlist-review-" leaves 14 characters.
    expect(names("songlist-review", "abcdefghijklmn").appName).toBe("songlist-review-abcdefghijklmn");
  });

  test("one character more: a readable start, a dash and a hash of the whole slug, exactly filling the room", () => {
    expect(names("songlist-review", "abcdefghijklmno").appName).toBe(
      `songlist-review-abcdefg-${hashOf("abcdefghijklmno")}`,
    );
  });

  test("the readable start loses its trailing dashes", () => {
    expect(names("songlist-review", "abcdef--ghijklmno").appName).toBe(
      `songlist-review-abcdef-${hashOf("abcdef-ghijklmno")}`,
    );
  });

  test("a prefix must leave 8 characters: 21 characters do, 22 do not", () => {
    expect(names("a".repeat(21), "1").appName).toBe(`${"a".repeat(21)}-1`);
    expect(reviewAppNames("a".repeat(22), "1")).toEqual({
      problem: {
        field: "review.appNamePrefix",
        value: "a".repeat(22),
        rule:
          "must start every review app's name, <prefix>-<review id>: lowercase letters, digits and dashes, starting " +
          "with a letter, and at most 21 characters, so that Heroku's 30 leave room for the id",
        hint: `did you mean ${JSON.stringify("a".repeat(21))}?`,
      },
    });
  });
});

describe("FlowNames", () => {
  let flowNames: FlowNames;
  beforeAll(() => {
    flowNames = new FlowNames(songlistTopology);
  });
  const environments = songlistTopology.environments.map((environment) => environment.name);

  test("the long-lived stacks are the pipeline's, then each environment's in order", () => {
    expect(flowNames.longLivedStacks).toEqual(["pipeline", ...environments]);
  });

  test("deploy-key variables: one per environment (names made Terraform-safe), then the review apps' one", () => {
    expect(flowNames.deployKeyVariable("eu-west.2")).toBe("heroku_deploy_key_eu_west_2");
    expect(flowNames.deployKeyVariables).toEqual([
      ...environments.map((name) => `heroku_deploy_key_${name}`),
      "heroku_deploy_key_review",
    ]);
    expect(terraformVariableEnv("heroku_deploy_key_review")).toBe("TF_VAR_heroku_deploy_key_review");
  });

  test("a review stack by id, and the id's problem as an error when it cannot make one", () => {
    expect(flowNames.reviewStack("42")).toBe("review-42");
    expect(() => flowNames.reviewStack("!!!")).toThrow(
      /^HEROKU_FLOW_REVIEW_ID: "!!!" must contain at least one letter or digit: it names the review app \(hint: /,
    );
  });
});

describe("review app name prefixes, checked against the worst-case ids", () => {
  test.each(["songlist-review", "a", "a".repeat(21), "app-2"])("%j makes a valid name for every id", (prefix) => {
    expect(reviewPrefixProblem(prefix)).toBeUndefined();
    for (const id of ["1", "feature/a-very-long-branch-name-for-a-review-app"]) {
      const names = reviewAppNames(prefix, id);
      if ("problem" in names) throw new Error(names.problem.rule);
      expect(names.appName).toMatch(HEROKU_APP_NAME);
    }
  });

  test.each([
    ["Songlist-Review", 'did you mean "songlist-review"?'],
    ["songlist_review", 'did you mean "songlist-review"?'],
    ["1songlist", undefined],
    ["", undefined],
  ])("%j cannot start a Heroku app name", (prefix, hint) => {
    expect(reviewPrefixProblem(prefix)).toEqual({
      field: "review.appNamePrefix",
      value: prefix,
      rule: expect.stringMatching(/^must start every review app's name/),
      hint,
    });
  });
});
