/**
 * The sandbox's Dokku server: `ps:scale`, the deploy job's step after a push, against Dokku 0.34.9's ps plugin
 * (plugins/ps/subcommands.go CommandScale, functions.go scaleReport, parseProcessTuples, updateScale).
 */
import { dokkuServer, refusedWithoutChange } from "./support/dokku-client";

describe("ps:scale", () => {
  // scaleReport: LogInfo1Quiet("Scaling for <app>"), then "proctype=qty", "--------=---" and each type, every line
  // split at "=" and printed as RightPad("<left>:", 5) + " " + right.
  test("without arguments prints the scale: a new app runs one web process", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(server.run("ps:scale app")).toEqual({
      stdout: "-----> Scaling for app\nproctype: qty\n--------: ---\nweb:  1\n",
      stderr: "",
      status: 0,
    });
  });

  // CommandScale: LogInfo1("Scaling <app> processes: <tuples>"); the app is not deployed, so nothing is restarted.
  test("with type=quantity records the scale and says so; the listing is sorted by type", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(server.run("ps:scale app worker=1 web=2")).toEqual({
      stdout: "-----> Scaling app processes: worker=1 web=2\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.apps[0].scale).toEqual({ worker: 1, web: 2 });
    expect(server.run("ps:scale app").stdout).toBe(
      "-----> Scaling for app\nproctype: qty\n--------: ---\nweb:  2\nworker: 1\n",
    );
  });

  // updateScale: types not named keep their quantity; a type scaled to 0 goes to scale.old, which the next scale
  // rewrites, so it is listed once and then forgotten.
  test("other types keep their quantity; a zero is listed until the next scale", () => {
    const server = dokkuServer();
    server.given("apps:create app", "ps:scale app web=2 worker=1", "ps:scale app worker=0");
    expect(server.data.apps[0].scale).toEqual({ worker: 0, web: 2 });
    expect(server.run("ps:scale app").stdout).toContain("web:  2\nworker: 0\n");
    server.given("ps:scale app clock=1");
    expect(server.data.apps[0].scale).toEqual({ clock: 1, web: 2 });
  });

  // parseProcessTuples: both sides trimmed, the count an integer (a negative one too), the first of a type kept.
  test("tuples are trimmed, signed counts taken, and a repeated type keeps its first count", () => {
    const server = dokkuServer();
    server.given("apps:create app", "ps:scale app ' web = 3 ' web=5 release=-1");
    expect(server.data.apps[0].scale).toEqual({ web: 3, release: -1 });
  });

  // functions.go scaleReport: the two header rows are only added when DOKKU_QUIET_OUTPUT is empty.
  test("--quiet drops the report's header lines", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(server.run("--quiet ps:scale app").stdout).toBe("web:  1\n");
  });

  // The announcement comes before parseProcessTuples, so a refused tuple still prints it.
  test.each([
    ["ps:scale app web=2 worker", " !     Missing count for process type worker\n"],
    ["ps:scale app web=two", " !     Invalid count for process type web\n"],
    ["ps:scale app ' web =x'", " !     Invalid count for process type  web \n"],
  ])("%j is refused after the announcement, changing nothing", (line, stderr) => {
    const server = dokkuServer();
    server.given("apps:create app");
    const result = refusedWithoutChange(server, line);
    expect(result.stdout).toMatch(/^-----> Scaling app processes: /);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(1);
  });

  // subcommands.go CommandScale → common.VerifyAppName: exit 20.
  test("an absent app exits 20", () => {
    expect(refusedWithoutChange(dokkuServer(), "ps:scale nothing web=1")).toEqual({
      stdout: "",
      stderr: " !     App nothing does not exist\n",
      status: 20,
    });
  });
});
