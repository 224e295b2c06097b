/**
 * StateBackend.gitlab: the address GitLab's state API is reached at, and the state name and project checked at synth
 * with the field, the value and the rule.
 */
import { StateBackend } from "../../constructs";
import { problemsOf, synthesize, testStack } from "../support/stacks";

test("trailing slashes of the API URL are dropped; the project and the state name are URL-encoded", () => {
  const { stack } = testStack();
  StateBackend.gitlab(stack, {
    apiUrl: "https://gitlab.example.com/api/v4//",
    project: "acme/api",
    stateName: "eu west",
  });
  expect(synthesize(stack).terraform.backend.http.address).toBe(
    "https://gitlab.example.com/api/v4/projects/acme%2Fapi/terraform/state/eu%20west",
  );
});

test("an API URL without a trailing slash is used as it is, and the state is named after the stack", () => {
  const { stack } = testStack();
  StateBackend.gitlab(stack, { apiUrl: "http://127.0.0.1:8080/api/v4", project: "42" });
  expect(synthesize(stack).terraform.backend.http.address).toBe(
    "http://127.0.0.1:8080/api/v4/projects/42/terraform/state/test",
  );
});

test("a valid project and state name make no problem", () => {
  const { app, stack } = testStack();
  StateBackend.gitlab(stack, { apiUrl: "https://gitlab.example.com/api/v4", project: "acme/api", stateName: "prod" });
  expect(problemsOf(app)).toBe("");
});

test("a bad state name and a bad project are each reported with the field and the value", () => {
  const { app, stack } = testStack();
  StateBackend.gitlab(stack, {
    apiUrl: "https://gitlab.example.com/api/v4",
    project: "not a project",
    stateName: "a/b",
  });
  const problems = problemsOf(app);
  expect(problems).toContain('[test] StateBackend.gitlab stateName: "a/b" must');
  expect(problems).toContain('[test] StateBackend.gitlab project: "not a project" must');
});
