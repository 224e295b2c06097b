/**
 * `sandbox:push`, the sandbox's stand-in for `git push dokku@<host>:<app>` (not a Dokku command): the commit and the
 * process types `heroku-flow release` sends with HEROKU_FLOW_CODE_PUSH=sandbox, recorded on the app; anything else is
 * refused without a change.
 */
import { shellQuote } from "../../cli/platform/dokku-releases";
import { dokkuServer, refusedWithoutChange } from "./support/dokku-client";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";

test("records the commit and the process types, as heroku-flow release sends them (quoted)", () => {
  const server = dokkuServer();
  server.given("apps:create notes");
  const web = shellQuote("web=gunicorn notes:app --bind '0.0.0.0'");
  const result = server.run(`sandbox:push notes ${COMMIT} ${web} worker=celery`);
  expect(result).toEqual({
    stdout: "-----> Pushed 01234567 to notes (sandbox)\nProcess types: web, worker\n",
    stderr: "",
    status: 0,
  });
  expect(server.data.apps[0].release).toEqual({
    commit: COMMIT,
    processTypes: { web: "gunicorn notes:app --bind '0.0.0.0'", worker: "celery" },
    at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
});

test("without a commit (-) and without process types", () => {
  const server = dokkuServer();
  server.given("apps:create notes");
  expect(server.run("sandbox:push notes -").stdout).toBe(
    "-----> Pushed the code to notes (sandbox)\nProcess types: none\n",
  );
  expect(server.data.apps[0].release).toMatchObject({ commit: null, processTypes: {} });
});

test.each([
  ["an unknown app", `sandbox:push nope ${COMMIT}`, " !     App nope does not exist\n"],
  [
    "a short commit",
    "sandbox:push notes abc123",
    ' !     Commit must be a full commit id (40 lowercase hex digits) or -, not "abc123"\n',
  ],
  [
    "no commit",
    "sandbox:push notes",
    ' !     Commit must be a full commit id (40 lowercase hex digits) or -, not ""\n',
  ],
  ["a declaration without =", "sandbox:push notes - web", ' !     Process types are <type>=<command>, not "web"\n'],
  ["an empty command", "sandbox:push notes - web=", ' !     Process types are <type>=<command>, not "web="\n'],
  ["a bad type", "sandbox:push notes - w.b=run", ' !     Process types are <type>=<command>, not "w.b=run"\n'],
])("%s is refused without a change", (_name, line, stderr) => {
  const server = dokkuServer();
  server.given("apps:create notes");
  expect(refusedWithoutChange(server, line).stderr).toBe(stderr);
});
