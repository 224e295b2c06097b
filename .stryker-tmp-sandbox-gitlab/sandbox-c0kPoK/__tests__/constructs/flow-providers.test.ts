// @ts-nocheck
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { FlowProviders, GitlabCiVariable, HerokuApp, StateBackend } from "../../constructs";
import { synthesize, testApp } from "../support/stacks";
import { toolchainSetting } from "../support/terraform";

describe("FlowProviders", () => {
  test("a stack without GitLab resources requires no GitLab provider", () => {
    const stack = new TerraformStack(testApp(), "heroku-only");
    new FlowProviders(stack, "Providers", { random: false });
    new HerokuApp(stack, "App", { name: "acme-api" });
    const config = synthesize(stack);
    expect(Object.keys(config.terraform.required_providers)).toEqual(["heroku"]);
    expect(Object.keys(config.provider)).toEqual(["heroku"]);
  });

  test("the first GitLab construct declares the GitLab provider once, under the stack's FlowProviders", () => {
    const stack = new TerraformStack(testApp(), "with-gitlab");
    const providers = new FlowProviders(stack, "Providers", { random: false });
    new GitlabCiVariable(stack, "A", { project: "acme/api", key: "A", value: "a" });
    new GitlabCiVariable(stack, "B", { project: "acme/api", key: "B", value: "b" });
    expect(providers.node.tryFindChild("gitlab")).toBeDefined();
    const config = synthesize(stack);
    expect(Object.keys(config.terraform.required_providers).sort()).toEqual(["gitlab", "heroku"]);
    expect(config.provider.gitlab).toEqual([{}]);
  });

  test("gitlab: true declares it up front, for raw GitLab resources", () => {
    const stack = new TerraformStack(testApp(), "raw");
    new FlowProviders(stack, "Providers", { gitlab: true, random: false });
    expect(Object.keys(synthesize(stack).terraform.required_providers).sort()).toEqual(["gitlab", "heroku"]);
  });

  test("a Heroku-only stack initializes offline from a mirror that holds only the Heroku provider", () => {
    const mirror = path.join(path.dirname(toolchainSetting("TF_CLI_CONFIG_FILE")), "mirror");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-only-"));
    const cliConfig = path.join(dir, "terraform.rc");
    fs.writeFileSync(
      cliConfig,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n` +
        '    include = ["registry.terraform.io/heroku/heroku"]\n  }\n}\n',
    );
    const app = Testing.app({ outdir: path.join(dir, "cdktf.out") });
    const stack = new TerraformStack(app, "heroku-only");
    StateBackend.local(stack);
    new FlowProviders(stack, "Providers", { random: false });
    new HerokuApp(stack, "App", { name: "acme-api" });
    app.synth();
    const init = spawnSync(process.env.TERRAFORM_BINARY_NAME ?? "terraform", ["init", "-input=false", "-no-color"], {
      cwd: path.join(dir, "cdktf.out", "stacks", "heroku-only"),
      env: { ...process.env, TF_CLI_CONFIG_FILE: cliConfig },
      encoding: "utf8",
    });
    expect({ status: init.status, output: init.status === 0 ? "" : init.stdout + init.stderr }).toEqual({
      status: 0,
      output: "",
    });
  });
});
