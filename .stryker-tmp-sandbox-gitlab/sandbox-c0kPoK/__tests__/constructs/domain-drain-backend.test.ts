// @ts-nocheck
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { Domain } from "../../.gen/providers/heroku/domain";
import { Drain } from "../../.gen/providers/heroku/drain";
import { HerokuApp, Secret, StateBackend } from "../../constructs";
import { problemsOf, referenceOf, synthesize, testStack } from "../support/stacks";

describe("custom domains and log drains", () => {
  test("a domain exposes its CNAME target", () => {
    const { stack } = testStack();
    const domain = new HerokuApp(stack, "App", { name: "songlist", acm: true }).addDomain("api.songlist.dev");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Domain, { hostname: "api.songlist.dev" });
    expect(referenceOf(stack, domain.cname)).toMatch(/\.cname\}$/);
  });

  test("a drain URL is written to sensitive_url and checked by Terraform before any API call", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist" }).addLogDrain("Papertrail", Secret.fromVariable(stack, "log_url"));
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Drain, { sensitive_url: "${var.log_url}" });
    const config = synthesize(stack);
    expect(Object.values<any>(config.resource.heroku_drain)[0]).not.toHaveProperty("url");
    expect(config.variable.log_url).not.toHaveProperty("validation");
    const drain = Object.values<any>(config.resource.heroku_drain)[0];
    expect(drain.lifecycle.precondition[0].condition).toMatch(/syslog.*var\.log_url/);
  });
});

describe("StateBackend", () => {
  test("local state lives outside cdktf.out, at a path relative to the stack directory", () => {
    const { stack } = testStack();
    StateBackend.local(stack);
    expect(synthesize(stack).terraform.backend).toEqual({
      local: { path: "../../../terraform-state/test.tfstate" },
    });
  });

  test("with another output directory, state sits beside it under its name: never shared, at any depth", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "project-"));
    const stateFileOf = (outdir: string) => {
      fs.mkdirSync(outdir, { recursive: true });
      const stack = new TerraformStack(Testing.app({ outdir }), "staging");
      StateBackend.local(stack);
      const relative = synthesize(stack).terraform.backend.local.path;
      return path.relative(project, path.resolve(outdir, "stacks", "staging", relative));
    };
    expect(stateFileOf(path.join(project, "cdktf.out"))).toBe(path.join("terraform-state", "staging.tfstate"));
    expect(stateFileOf(path.join(project, "build"))).toBe(path.join("terraform-state", "build", "staging.tfstate"));
    expect(stateFileOf(path.join(project, "out", "a"))).toBe(
      path.join("out", "terraform-state", "a", "staging.tfstate"),
    );
    expect(stateFileOf(path.join(project, "out", "b"))).toBe(
      path.join("out", "terraform-state", "b", "staging.tfstate"),
    );
  });

  test("GitLab-managed state locks with POST/DELETE and never holds credentials", () => {
    const { stack } = testStack();
    StateBackend.gitlab(stack, { apiUrl: "https://gitlab.example.com/api/v4/", project: "songlist/songlist" });
    const http = synthesize(stack).terraform.backend.http;
    const address = "https://gitlab.example.com/api/v4/projects/songlist%2Fsonglist/terraform/state/test";
    expect(http).toEqual({
      address,
      lock_address: `${address}/lock`,
      unlock_address: `${address}/lock`,
      lock_method: "POST",
      unlock_method: "DELETE",
      retry_wait_min: 5,
    });
  });

  test("local state directories must stay inside the project", () => {
    const { app, stack } = testStack();
    StateBackend.local(stack, { directory: "../elsewhere" });
    expect(problemsOf(app)).toContain(
      '[test] StateBackend.local directory: "../elsewhere" must be relative to the project',
    );
  });
});
