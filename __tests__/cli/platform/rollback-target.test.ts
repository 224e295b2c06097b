/**
 * `rollbackTarget`: which release `heroku-flow rollback` goes back to. Only releases Heroku ran ("succeeded") count,
 * in version order whatever order the API gave; the refusals name the app and say why, since they are what a user sees.
 */
import type { HerokuRelease } from "../../../cli/platform/heroku-api";
import { rollbackTarget } from "../../../cli/platform/rollback-target";

const release = (version: number, status = "succeeded"): HerokuRelease => ({
  id: `release-${version}`,
  version,
  description: `Deploy ${version}`,
  status,
});

describe("refusals", () => {
  test("no release at all: nothing to roll back, naming the app", () => {
    expect(rollbackTarget("shop-production", [])).toEqual({
      ok: false,
      reason: "shop-production has no successful release; there is nothing to roll back",
    });
  });

  test("only failed and pending releases: nothing to roll back", () => {
    expect(rollbackTarget("shop-production", [release(2, "failed"), release(3, "pending")])).toEqual({
      ok: false,
      reason: "shop-production has no successful release; there is nothing to roll back",
    });
  });

  test("one successful release among failed ones: no earlier release, naming its version", () => {
    expect(rollbackTarget("shop-staging", [release(1, "failed"), release(4), release(6, "failed")])).toEqual({
      ok: false,
      reason: "shop-staging has only v4; there is no earlier release to go back to",
    });
  });
});

describe("the target", () => {
  test("releases newest first (as Heroku's Range order=desc gives them)", () => {
    expect(rollbackTarget("shop", [release(9), release(8), release(7)])).toEqual({
      ok: true,
      current: release(9),
      previous: release(8),
    });
  });

  test("releases oldest first: still from the newest to the one before it", () => {
    expect(rollbackTarget("shop", [release(7), release(8), release(9)])).toEqual({
      ok: true,
      current: release(9),
      previous: release(8),
    });
  });

  test("releases in no order", () => {
    expect(rollbackTarget("shop", [release(8), release(10), release(2), release(9)])).toEqual({
      ok: true,
      current: release(10),
      previous: release(9),
    });
  });

  test("a newer failed release is neither the current one nor the target; an older failed one is skipped", () => {
    const releases = [release(5), release(6, "failed"), release(4, "failed"), release(3), release(7, "pending")];
    expect(rollbackTarget("shop", releases)).toEqual({ ok: true, current: release(5), previous: release(3) });
  });

  test("the caller's list is left as given", () => {
    const releases = [release(1), release(3), release(2)];
    rollbackTarget("shop", releases);
    expect(releases.map((r) => r.version)).toEqual([1, 3, 2]);
  });
});
