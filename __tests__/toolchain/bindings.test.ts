import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { readTree } from "../support/files";

const root = path.resolve(__dirname, "..", "..");
const schemaFile = path.join(root, "schemas", "heroku.schema.json");

function expectSameTree(actualDir: string, expectedDir: string) {
  const actual = readTree(actualDir);
  const expected = readTree(expectedDir);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected.keys()].filter((file) => actual.get(file) !== expected.get(file));
  expect(differing).toEqual([]);
}

describe("Heroku provider schema and bindings", () => {
  test("the committed schema is the real provider's, with the version it was read from", () => {
    const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
    expect(schema.provider_versions).toEqual({ "registry.terraform.io/heroku/heroku": "5.3.2" });
    const heroku = schema.provider_schemas["registry.terraform.io/heroku/heroku"];
    expect(Object.keys(heroku.resource_schemas)).toHaveLength(29);
    expect(Object.keys(heroku.data_source_schemas)).toHaveLength(7);
    // Facts only a real binary gives: the provider's own validation-relevant flags.
    expect(heroku.resource_schemas.heroku_app.block.attributes.sensitive_config_vars.sensitive).toBe(true);
    expect(heroku.resource_schemas.heroku_app.block.attributes.region.required).toBe(true);
  });

  test(".gen/providers/heroku is exactly what the generator makes from the committed schema", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "gen-"));
    execFileSync("node", [path.join(root, "scripts", "generate-bindings.js"), out], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, TERRAFORM_BINARY_NAME: "/nonexistent/terraform" },
    });
    expectSameTree(out, path.join(root, ".gen"));
  });

  test("npm run gen writes what `cdktf get` writes from the same schema", () => {
    // `cdktf get` reads a cached schema instead of running Terraform when given an experimental schema cache; its
    // cache key for "heroku/heroku@~> 5.3" is the bare provider name plus the URI-encoded constraint.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-get-"));
    fs.copyFileSync(path.join(root, "cdktf.json"), path.join(project, "cdktf.json"));
    fs.copyFileSync(path.join(root, "package.json"), path.join(project, "package.json"));
    fs.symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"));
    const cache = path.join(project, "schema-cache");
    fs.mkdirSync(cache);
    fs.copyFileSync(schemaFile, path.join(cache, `heroku@${encodeURIComponent("~> 5.3")}.json`));
    execFileSync(path.join(root, "node_modules", ".bin", "cdktf"), ["get"], {
      cwd: project,
      stdio: "pipe",
      env: {
        ...process.env,
        CI: "true",
        CHECKPOINT_DISABLE: "1",
        CDKTF_EXPERIMENTAL_PROVIDER_SCHEMA_CACHE_PATH: cache,
        TERRAFORM_BINARY_NAME: "/nonexistent/terraform",
      },
    });
    expectSameTree(path.join(project, ".gen"), path.join(root, ".gen"));
  });
});
