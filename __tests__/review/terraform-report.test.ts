import { failedStack, summarizeStack, terraformReport } from "../../cli/review";
import { herokuApp, plan, resourceChange } from "./plan-fixtures";

const reportOf = (...changes: ReturnType<typeof resourceChange>[]) =>
  terraformReport(summarizeStack({ stack: "staging", plan: plan({ resource_changes: changes }) }));

test("exactly create, update, delete, in that order, as GitLab's widget reads them", () => {
  const report = reportOf(resourceChange("heroku_app.a", ["create"], { after: herokuApp() }));
  expect(JSON.stringify(report)).toBe('{"create":1,"update":0,"delete":0}');
});

test("a replace counts as one create and one delete, like GitLab's own count", () => {
  expect(
    reportOf(
      resourceChange("heroku_app.a", ["delete", "create"], { before: herokuApp(), after: herokuApp() }),
      resourceChange("heroku_app.b", ["create", "delete"], { before: herokuApp(), after: herokuApp() }),
      resourceChange("heroku_app.c", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
    ),
  ).toEqual({ create: 2, update: 1, delete: 2 });
});

test("imports and moves without another action, forgets and reads count nothing", () => {
  expect(
    reportOf(
      resourceChange("heroku_app.imported", ["no-op"], { importing: { id: "x" } }),
      resourceChange("heroku_app.moved", ["no-op"], { previous_address: "heroku_app.old" }),
      resourceChange("heroku_app.forgotten", ["forget"], { before: herokuApp() }),
      resourceChange("data.heroku_app.read", ["read"], { after: herokuApp() }),
    ),
  ).toEqual({ create: 0, update: 0, delete: 0 });
});

test("an import with an update counts the update", () => {
  expect(
    reportOf(
      resourceChange("heroku_app.imported", ["update"], {
        importing: { id: "x" },
        before: herokuApp(),
        after: herokuApp({ region: "eu" }),
      }),
    ),
  ).toEqual({ create: 0, update: 1, delete: 0 });
});

test("a failed stack reports zeros", () => {
  expect(terraformReport(failedStack("production", "boom"))).toEqual({ create: 0, update: 0, delete: 0 });
});
