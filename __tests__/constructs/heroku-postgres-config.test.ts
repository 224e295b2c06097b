/**
 * HerokuPostgres and the app's own config vars: the var the attachment sets must not be declared on the app as well,
 * wherever it is declared; apps that declare nothing, and apps Terraform does not manage, are fine.
 */
import { HerokuApp, HerokuPostgres, Secret } from "../../constructs";
import { problemsOf, testStack } from "../support/stacks";

const DECLARED_TWICE = /\[test\/App\/Postgres\] app config: "DATABASE_URL" is set by this Heroku Postgres add-on/;

test("an app without config or secrets takes a database without a problem", () => {
  const { app, stack } = testStack();
  new HerokuApp(stack, "App", { name: "acme-web" }).addPostgres();
  expect(problemsOf(app)).toBe("");
});

test("an app Terraform does not manage takes a database without a problem", () => {
  const { app, stack } = testStack();
  new HerokuPostgres(stack, "Db", { app: HerokuApp.fromName(stack, "Existing", "acme-legacy") });
  expect(problemsOf(app)).toBe("");
});

test("the var declared among the secrets is reported", () => {
  const { app, stack } = testStack();
  const web = new HerokuApp(stack, "App", {
    name: "acme-web",
    config: { LOG_LEVEL: "info" },
    secrets: { DATABASE_URL: Secret.fromVariable(stack, "database_url") },
  });
  web.addPostgres();
  expect(problemsOf(app)).toMatch(DECLARED_TWICE);
});

test("the var set on the resource through the escape hatch is reported", () => {
  const { app, stack } = testStack();
  const web = new HerokuApp(stack, "App", { name: "acme-web" });
  web.resource.configVars = { DATABASE_URL: "postgres://elsewhere.example/db" };
  web.addPostgres();
  expect(problemsOf(app)).toMatch(DECLARED_TWICE);
});

test("another attachment's var is not this database's", () => {
  const { app, stack } = testStack();
  const web = new HerokuApp(stack, "App", { name: "acme-web", config: { DATABASE_URL: "postgres://x.example/db" } });
  web.addPostgres("Analytics", { attachmentName: "ANALYTICS" });
  expect(problemsOf(app)).toBe("");
});

test("a bad attachment name is reported under attachmentName", () => {
  const { app, stack } = testStack();
  new HerokuApp(stack, "App", { name: "acme-web" }).addPostgres("Db", { attachmentName: "analytics" });
  expect(problemsOf(app)).toMatch(/\[test\/App\/Db\] attachmentName: "analytics" must match/);
});
