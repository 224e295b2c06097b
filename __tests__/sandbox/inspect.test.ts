/**
 * `sandbox inspect` output, built in-process (the CLI test runs it as a child process, where mutation testing cannot
 * reach it): everything that exists is listed, and no secret value is printed.
 */
import { describeState } from "../../sandbox/inspect";
import { startSandbox } from "./client";

test("inspect lists apps, variables and locks, and masks every secret value", async () => {
  const t = await startSandbox({ projects: ["songlist/songlist"] });
  try {
    const app = (await t.heroku("POST", "/apps", { name: "inspect-app" })).body;
    await t.heroku("PATCH", `/apps/${app.id}/config-vars`, {
      SECRET_KEY: "config-secret-1",
      PUBLIC_FLAG: "visible-value",
      REPORTING: "postgres://user:url-secret-2@db.example:5432/d",
    });
    await t.heroku("POST", `/apps/${app.id}/log-drains`, { url: "https://drain:drain-secret-3@logs.example/x" });
    const variables = "/projects/songlist%2Fsonglist/variables";
    await t.gitlab("POST", variables, { key: "HEROKU_API_KEY", value: "masked-secret-4", masked: true });
    await t.gitlab("POST", variables, { key: "DEPLOY_TOKEN", value: "named-secret-5" });
    await t.gitlab("POST", variables, { key: "HEROKU_APP_NAME", value: "inspect-app" });

    const text = describeState((await t.heroku("GET", "/sandbox/state")).body, "http://127.0.0.1:1");
    expect(text).toContain("inspect-app  https://inspect-app-");
    expect(text).toContain("PUBLIC_FLAG=visible-value");
    expect(text).toContain("SECRET_KEY=****");
    expect(text).toContain("REPORTING=****");
    expect(text).toContain("drain https://****@logs.example/x");
    expect(text).toContain("variable HEROKU_API_KEY [*] = ****  (masked)");
    expect(text).toContain("variable DEPLOY_TOKEN [*] = ****");
    expect(text).toContain("variable HEROKU_APP_NAME [*] = inspect-app");
    for (const secret of ["config-secret-1", "url-secret-2", "drain-secret-3", "masked-secret-4", "named-secret-5"]) {
      expect(text).not.toContain(secret);
    }
  } finally {
    await t.sandbox.close();
  }
});
