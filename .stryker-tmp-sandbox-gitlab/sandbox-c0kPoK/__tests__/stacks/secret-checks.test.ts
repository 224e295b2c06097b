// @ts-nocheck
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GitlabCiVariable, HerokuApp, Secret } from "../../constructs";
import { synthesize, testStack } from "../support/stacks";
import { songlistStacks, synthesizeApp } from "../support/songlist";

/**
 * The checks Terraform runs on secrets (GitLab's masking rules, the log drain's scheme) must fail without printing
 * the secret: Terraform 1.11 prints a sensitive variable's value when its `validation` fails, so the library puts the
 * checks in `lifecycle.precondition` blocks of the resources that consume the secrets.
 *
 * Planning those resources needs their providers, which this machine may not have; the check does not. So each
 * synthesized precondition is planned, unchanged, on a `terraform_data` (built into Terraform) with the stack's own
 * variables, by the real `terraform`, offline, with canary values that break each check.
 */
function offlineChecks(config: any): { variable: any; resource: any } {
  const checks: Record<string, any> = {};
  for (const [type, resources] of Object.entries<any>(config.resource ?? {})) {
    for (const [name, resource] of Object.entries<any>(resources)) {
      if (resource.lifecycle?.precondition) {
        checks[`${type}_${name}`] = { lifecycle: { precondition: resource.lifecycle.precondition } };
      }
    }
  }
  return { variable: config.variable, resource: { terraform_data: checks } };
}

function terraformPlan(config: object, secrets: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-checks-"));
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(config, null, 2));
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", ...secrets };
  const run = (args: string[]) => spawnSync("terraform", args, { cwd: dir, env, encoding: "utf8" });
  const init = run(["init", "-input=false", "-no-color"]);
  expect({ init: init.status, output: init.stderr }).toEqual({ init: 0, output: expect.any(String) });
  const plan = run(["plan", "-input=false", "-no-color"]);
  // Terraform wraps long messages; one space per gap keeps them searchable.
  return { status: plan.status, output: `${plan.stdout}${plan.stderr}`.replace(/\s+/g, " ") };
}

describe("secret checks fail in Terraform without printing the secret", () => {
  test("masked deploy keys (expanded and raw) and a log drain URL, each breaking its rule", () => {
    const { stack } = testStack();
    for (const [id, raw] of [
      ["Expanded", false],
      ["Raw", true],
    ] as const) {
      new GitlabCiVariable(stack, id, {
        project: "acme/api",
        key: "HEROKU_API_KEY",
        value: Secret.fromVariable(stack, `${id.toLowerCase()}_key`),
        masked: true,
        raw,
      });
    }
    new HerokuApp(stack, "App", { name: "acme-api" }).addLogDrain("Drain", Secret.fromVariable(stack, "drain_url"));
    const config = offlineChecks(synthesize(stack));
    expect(Object.keys(config.resource.terraform_data)).toHaveLength(3);

    const canaries = {
      TF_VAR_expanded_key: "CANARY expanded key with spaces",
      TF_VAR_raw_key: "CANARY7",
      TF_VAR_drain_url: "ftp://CANARY-drain-token@logs.example.com",
    };
    const { status, output } = terraformPlan(config, canaries);
    expect(status).not.toBe(0);
    expect(output).toContain("The value of TF_VAR_expanded_key (GitLab variable HEROKU_API_KEY) cannot be masked");
    expect(output).toContain("The value of TF_VAR_raw_key (GitLab variable HEROKU_API_KEY) cannot be masked");
    expect(output).toContain("The log drain URL (TF_VAR_drain_url) must be a syslog://");
    expect(output).not.toMatch(/CANARY/);
  });

  test("the same values that satisfy the rules pass", () => {
    const { stack } = testStack();
    new GitlabCiVariable(stack, "Key", {
      project: "acme/api",
      key: "HEROKU_API_KEY",
      value: Secret.fromVariable(stack, "deploy_key"),
      masked: true,
    });
    const { status, output } = terraformPlan(offlineChecks(synthesize(stack)), {
      TF_VAR_deploy_key: "0b9f7e46-2d6c-4d1b-9a51-1f0c3a7e9d21",
    });
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining("terraform_data") });
  });

  test("songlist's staging deploy key: a bad key fails the plan and never appears in its output", () => {
    const staging = synthesizeApp(songlistStacks().app).staging;
    const { status, output } = terraformPlan(offlineChecks(staging), {
      TF_VAR_heroku_deploy_key_staging: "HRKU my real CANARY key",
    });
    expect(status).not.toBe(0);
    expect(output).toContain("TF_VAR_heroku_deploy_key_staging (GitLab variable HEROKU_API_KEY) cannot be masked");
    expect(output).not.toMatch(/CANARY/);
  });
});
