import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { GitlabProvider } from "@cdktf/provider-gitlab/lib/provider";
import { ProjectProtectedEnvironment } from "@cdktf/provider-gitlab/lib/project-protected-environment";
import { ProjectVariable } from "@cdktf/provider-gitlab/lib/project-variable";
import { GitlabEnvironment, GitlabProviderCompatibility } from "../../constructs";
import { problemsOf, synthesize, testStack } from "../support/stacks";
import { songlistStacks, synthesizeApp } from "../support/songlist";
import { toolchainSetting } from "../support/terraform";
import TARGETS from "../../constructs/gitlab-provider-differences.json";

const REVIEW = { HEROKU_FLOW_REVIEW_ID: "42" };

/** Every `<stack> <resource type> <argument>` that the 18.6.1 synth has and the 16.1.1 synth lacks. */
function removedArguments(latest: Record<string, any>, older: Record<string, any>): string[] {
  const removed: string[] = [];
  for (const [stack, config] of Object.entries(latest)) {
    for (const [type, resources] of Object.entries<any>(config.resource ?? {})) {
      for (const [id, resource] of Object.entries<any>(resources)) {
        for (const argument of Object.keys(resource)) {
          if (!(argument in older[stack].resource[type][id])) removed.push(`${stack} ${type} ${argument}`);
        }
      }
    }
  }
  return removed.sort();
}

describe("GitlabProviderCompatibility (GitLab provider 16.1.1 for offline machines)", () => {
  // In beforeAll, so that a synth that throws fails these tests rather than the loading of the file.
  let latest: Record<string, any>;
  let older: Record<string, any>;
  beforeAll(() => {
    latest = synthesizeApp(songlistStacks(REVIEW).app);
    older = synthesizeApp(songlistStacks({ ...REVIEW, HEROKU_FLOW_GITLAB_PROVIDER_VERSION: "16.1.1" }).app);
  });

  test("a default synth targets the bindings' GitLab provider 18.6.1 and keeps every argument", () => {
    expect(GitlabProviderCompatibility.BINDINGS_VERSION).toBe("18.6.1");
    for (const config of Object.values(latest)) {
      expect(config.terraform.required_providers.gitlab).toEqual({ source: "gitlabhq/gitlab", version: "18.6.1" });
    }
    for (const stack of ["staging", "production", "review-42"]) {
      const environment = Object.values<any>(latest[stack].resource.gitlab_project_environment)[0];
      expect(environment.tier).toEqual(expect.any(String));
      for (const variable of Object.values<any>(latest[stack].resource.gitlab_project_variable)) {
        expect([typeof variable.hidden, typeof variable.description]).toEqual(["boolean", "string"]);
      }
    }
  });

  test("with 16.1.1 it removes exactly tier, description and hidden, and pins the provider to 16.1.1", () => {
    expect(removedArguments(latest, older)).toEqual(
      ["staging", "production", "review-42"]
        .flatMap((stack) => [
          `${stack} gitlab_project_environment tier`,
          `${stack} gitlab_project_variable description`,
          `${stack} gitlab_project_variable description`,
          `${stack} gitlab_project_variable hidden`,
          `${stack} gitlab_project_variable hidden`,
        ])
        .sort(),
    );
    for (const config of Object.values(older)) {
      expect(config.terraform.required_providers.gitlab).toEqual({ source: "gitlabhq/gitlab", version: "16.1.1" });
    }
  });

  test("nothing else differs between the two synths", () => {
    const strip = (configs: Record<string, any>) => {
      const copy = JSON.parse(JSON.stringify(configs));
      for (const config of Object.values<any>(copy)) {
        // cdktf notes every override in the stack's metadata comment; Terraform ignores it.
        delete config["//"].metadata.overrides;
        delete config.terraform.required_providers.gitlab.version;
        for (const resources of Object.values<any>(config.resource ?? {})) {
          for (const resource of Object.values<any>(resources)) {
            for (const argument of ["tier", "description", "hidden"]) delete resource[argument];
          }
        }
      }
      return copy;
    };
    expect(strip(older)).toEqual(strip(latest));
  });

  test("a protected environment's deploy access levels move to the block 16.1.1 knows", () => {
    const { stack } = testStack();
    new GitlabEnvironment(stack, "Production", {
      project: "songlist/songlist",
      name: "production",
      protectedFor: "maintainer",
    });
    Aspects.of(stack).add(new GitlabProviderCompatibility("16.1.1"));
    const protection = Object.values<any>(synthesize(stack).resource.gitlab_project_protected_environment)[0];
    expect(protection.deploy_access_levels).toEqual([{ access_level: "maintainer" }]);
    expect(protection).not.toHaveProperty("deploy_access_levels_attribute");
    expect(Testing.fullSynth(stack)).toBeValidTerraform();
  });

  test("an unknown provider version is a synth problem naming the versions it can target", () => {
    expect(problemsOf(songlistStacks({ HEROKU_FLOW_GITLAB_PROVIDER_VERSION: "17.0.0" }).app)).toContain(
      'HEROKU_FLOW_GITLAB_PROVIDER_VERSION: "17.0.0" must be one of 18.6.1, 16.1.1',
    );
    expect(() => new GitlabProviderCompatibility("17.0.0")).toThrow(/must be one of 16\.1\.1/);
  });

  test("what it removes or renames is really absent from the mirrored 16.1.1 provider's schema", () => {
    toolchainSetting("TF_CLI_CONFIG_FILE");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-schema-"));
    fs.writeFileSync(
      path.join(dir, "main.tf.json"),
      JSON.stringify({
        terraform: { required_providers: { gitlab: { source: "gitlabhq/gitlab", version: "16.1.1" } } },
      }),
    );
    const terraform = process.env.TERRAFORM_BINARY_NAME ?? "terraform";
    expect(spawnSync(terraform, ["init", "-input=false"], { cwd: dir, encoding: "utf8" }).status).toBe(0);
    const printed = spawnSync(terraform, ["providers", "schema", "-json"], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(printed.status).toBe(0);
    const schema = JSON.parse(printed.stdout).provider_schemas["registry.terraform.io/gitlabhq/gitlab"];
    const has = (block: any, name: string): boolean => {
      const [head, field] = name.split(".");
      if (field === undefined) return head in (block.attributes ?? {}) || head in (block.block_types ?? {});
      const nested = block.block_types?.[head]?.block;
      return nested !== undefined && has(nested, field);
    };

    const target = TARGETS["16.1.1"];
    const present = [
      ...target.provider.filter((name) => has(schema.provider.block, name)).map((name) => `provider ${name}`),
      ...Object.entries(target.resources).flatMap(([type, names]) =>
        names.filter((name) => has(schema.resource_schemas[type].block, name)).map((name) => `${type} ${name}`),
      ),
    ];
    expect(present).toEqual([]);
    for (const [type, renames] of Object.entries(target.renamed)) {
      for (const [current, previous] of Object.entries(renames)) {
        expect({ type, current, has: has(schema.resource_schemas[type].block, current) }).toEqual({
          type,
          current,
          has: false,
        });
        expect({ type, previous, has: has(schema.resource_schemas[type].block, previous) }).toEqual({
          type,
          previous,
          has: true,
        });
      }
    }
  });
});

describe("GitlabProviderCompatibility on arguments the library itself does not set", () => {
  /** Synthesizes what `build` adds to a test stack, with the 16.1.1 aspect on the stack. */
  function with1611(build: (stack: TerraformStack) => void) {
    const { stack } = testStack();
    build(stack);
    Aspects.of(stack).add(new GitlabProviderCompatibility("16.1.1"));
    return synthesize(stack);
  }

  test("provider arguments 16.1.1 lacks are removed; the others stay", () => {
    const config = with1611(
      (stack) =>
        new GitlabProvider(stack, "gitlab", { retries: 3, configFile: "x.yml", baseUrl: "http://127.0.0.1:1/" }),
    );
    expect(config.provider.gitlab).toEqual([{ base_url: "http://127.0.0.1:1/" }]);
    expect(config.terraform.required_providers.gitlab.version).toBe("16.1.1");
  });

  /** The deploy access levels 16.1.1 synthesizes for a protected environment that sets them under `block`. */
  function deployAccessLevelsUnder(block: "deployAccessLevelsAttribute" | "deployAccessLevels") {
    const config = with1611(
      (stack) =>
        new ProjectProtectedEnvironment(stack, "Protected", {
          project: "acme/api",
          environment: "production",
          [block]: [
            { accessLevel: "maintainer", groupInheritanceType: 1 },
            { groupId: 7, groupInheritanceType: 0 },
          ],
        }),
    );
    return Object.values<any>(config.resource.gitlab_project_protected_environment)[0];
  }

  test("a renamed block keeps its entries, without the fields 16.1.1 lacks", () => {
    const protection = deployAccessLevelsUnder("deployAccessLevelsAttribute");
    expect(protection.deploy_access_levels).toEqual([{ access_level: "maintainer" }, { group_id: 7 }]);
    expect(protection).not.toHaveProperty("deploy_access_levels_attribute");
  });

  test("a block under its old name loses the fields 16.1.1 lacks in every entry", () => {
    expect(deployAccessLevelsUnder("deployAccessLevels").deploy_access_levels).toEqual([
      { access_level: "maintainer" },
      { group_id: 7 },
    ]);
  });

  test("resources that use no argument 16.1.1 lacks are left as they are", () => {
    const config = with1611((stack) => {
      new ProjectVariable(stack, "Plain", { project: "acme/api", key: "A", value: "b" });
      new ProjectProtectedEnvironment(stack, "Protected", { project: "acme/api", environment: "production" });
    });
    expect(Object.values<any>(config.resource.gitlab_project_variable)[0]).toEqual({
      project: "acme/api",
      key: "A",
      value: "b",
    });
    expect(Object.values<any>(config.resource.gitlab_project_protected_environment)[0]).toEqual({
      project: "acme/api",
      environment: "production",
    });
  });
});
