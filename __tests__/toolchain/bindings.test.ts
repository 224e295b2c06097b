import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { declaredProviders } from "../support/declared-providers";
import { readTree } from "../support/files";

const root = path.resolve(__dirname, "..", "..");
const schemaFile = path.join(root, "schemas", "heroku.schema.json");
const circleciSchemaFile = path.join(root, "schemas", "circleci.schema.json");
const dokkuSchemaFile = path.join(root, "schemas", "dokku.schema.json");

const providers = declaredProviders(root);

function expectSameTree(actualDir: string, expectedDir: string) {
  const actual = readTree(actualDir);
  const expected = readTree(expectedDir);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected.keys()].filter((file) => actual.get(file) !== expected.get(file));
  expect(differing).toEqual([]);
}

describe("provider schemas and bindings (Heroku's, CircleCI's, Dokku's)", () => {
  test("the committed Heroku schema is the real provider's, with the version it was read from", () => {
    const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
    expect(schema.provider_versions).toEqual({ "registry.terraform.io/heroku/heroku": "5.3.2" });
    const heroku = schema.provider_schemas["registry.terraform.io/heroku/heroku"];
    expect(Object.keys(heroku.resource_schemas)).toHaveLength(29);
    expect(Object.keys(heroku.data_source_schemas)).toHaveLength(7);
    // Facts only a real binary gives: the provider's own validation-relevant flags.
    expect(heroku.resource_schemas.heroku_app.block.attributes.sensitive_config_vars.sensitive).toBe(true);
    expect(heroku.resource_schemas.heroku_app.block.attributes.region.required).toBe(true);
  });

  test("the committed CircleCI schema is the real provider's 0.4.2, under the lower-cased namespace Terraform uses", () => {
    const schema = JSON.parse(fs.readFileSync(circleciSchemaFile, "utf8"));
    expect(schema.provider_versions).toEqual({ "registry.terraform.io/circleci-public/circleci": "0.4.2" });
    const circleci = schema.provider_schemas["registry.terraform.io/circleci-public/circleci"];
    expect(Object.keys(circleci.resource_schemas)).toHaveLength(11);
    expect(Object.keys(circleci.data_source_schemas)).toHaveLength(10);
    // Facts only a real binary gives: the attributes the CI side relies on, with their flags.
    const variable = circleci.resource_schemas.circleci_context_environment_variable.block.attributes;
    expect(variable.value).toMatchObject({ required: true, sensitive: true });
    expect(circleci.resource_schemas.circleci_context_restriction.block.attributes.type.required).toBe(true);
    expect(Object.keys(circleci.provider.block.attributes).sort()).toEqual(["host", "key", "runner_host"]);
  });

  test("the committed Dokku schema is the real provider's 0.5.2 (aaronstillwell/dokku)", () => {
    const schema = JSON.parse(fs.readFileSync(dokkuSchemaFile, "utf8"));
    expect(schema.provider_versions).toEqual({ "registry.terraform.io/aaronstillwell/dokku": "0.5.2" });
    const dokku = schema.provider_schemas["registry.terraform.io/aaronstillwell/dokku"];
    expect(Object.keys(dokku.resource_schemas)).toHaveLength(9);
    expect(dokku.data_source_schemas).toBeUndefined();
    // Facts only a real binary gives: the whole config_vars map is sensitive, and the key is the provider's to hold.
    const app = dokku.resource_schemas.dokku_app.block.attributes;
    expect(app.config_vars).toMatchObject({ optional: true, sensitive: true });
    expect(app.name.required).toBe(true);
    const link = dokku.resource_schemas.dokku_postgres_service_link.block.attributes;
    expect([link.app.required, link.service.required]).toEqual([true, true]);
    const provider = dokku.provider.block.attributes;
    expect([provider.ssh_host.required, provider.ssh_cert.required]).toEqual([true, true]);
  });

  test("every provider cdktf.json declares has its committed schema and its generated bindings", () => {
    for (const { name } of providers) {
      expect({ name, schema: fs.existsSync(path.join(root, "schemas", `${name}.schema.json`)) }).toEqual({
        name,
        schema: true,
      });
    }
    expect(fs.readdirSync(path.join(root, ".gen", "providers")).sort()).toEqual(
      providers.map(({ name }) => name).sort(),
    );
  });

  test(".gen (every provider's bindings, versions.json, constraints.json) is exactly what the generator makes from the committed schemas", () => {
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
    for (const { name, constraint } of providers) {
      fs.copyFileSync(
        path.join(root, "schemas", `${name}.schema.json`),
        path.join(cache, `${name}@${encodeURIComponent(constraint)}.json`),
      );
    }
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
