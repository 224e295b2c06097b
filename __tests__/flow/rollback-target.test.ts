import type { HerokuRelease } from "../../cli/platform/heroku-api";
import { rollbackTarget } from "../../cli/platform/rollback-target";

const release = (version: number, status = "succeeded"): HerokuRelease => ({
  id: `release-${version}`,
  version,
  description: `v${version}`,
  status,
});

describe("rollbackTarget", () => {
  test("goes from the newest successful release to the one before it, whatever the order given", () => {
    expect(rollbackTarget("songlist", [release(3), release(5), release(4)])).toEqual({
      ok: true,
      current: release(5),
      previous: release(4),
    });
  });

  test("skips failed and pending releases on both sides", () => {
    const releases = [release(2), release(3, "failed"), release(4), release(5, "pending")];
    expect(rollbackTarget("songlist", releases)).toEqual({ ok: true, current: release(4), previous: release(2) });
  });

  test("refuses with one release, naming the app and the version", () => {
    expect(rollbackTarget("songlist", [release(1)])).toEqual({
      ok: false,
      reason: "songlist has only v1; there is no earlier release to go back to",
    });
  });

  test("refuses with no successful release", () => {
    expect(rollbackTarget("songlist", [release(1, "failed")])).toEqual({
      ok: false,
      reason: "songlist has no successful release; there is nothing to roll back",
    });
  });
});
