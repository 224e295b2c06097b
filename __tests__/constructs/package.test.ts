import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");

/**
 * The construct library as another project consumes it: built to dist/ (what `npm pack` ships), resolved through
 * package.json `exports`, and used the way the README's example shows.
 */
describe("the construct library as a package", () => {
  const consumer = fs.mkdtempSync(path.join(os.tmpdir(), "consumer-"));

  /** Type-checks one file of the consumer, strictly and with node16 resolution (package.json `exports`). */
  function typeCheck(file: string) {
    fs.writeFileSync(
      path.join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "node16", moduleResolution: "node16", strict: true, noEmit: true, types: [] },
        files: [file],
      }),
    );
    execFileSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], {
      cwd: consumer,
      stdio: "pipe",
    });
  }

  beforeAll(() => {
    execFileSync("npm", ["run", "--silent", "build:lib"], { cwd: root, stdio: "pipe" });
    // What `npm install heroku-flow-cdktf cdktf constructs` gives a consumer (plus tsx to run TypeScript).
    fs.mkdirSync(path.join(consumer, "node_modules"));
    fs.symlinkSync(root, path.join(consumer, "node_modules", "heroku-flow-cdktf"));
    for (const dependency of ["cdktf", "constructs", "tsx"]) {
      fs.symlinkSync(path.join(root, "node_modules", dependency), path.join(consumer, "node_modules", dependency));
    }
  });

  test("resolves to compiled JavaScript with type declarations, and knows nothing of songlist", () => {
    const resolved = require.resolve("heroku-flow-cdktf", { paths: [consumer] });
    expect(path.relative(root, resolved)).toBe(path.join("dist", "constructs", "index.js"));
    expect(fs.existsSync(path.join(root, "dist", "constructs", "index.d.ts"))).toBe(true);
    const library = fs.readdirSync(path.join(root, "constructs"), { recursive: true }) as string[];
    for (const file of library.filter((f) => f.endsWith(".ts"))) {
      expect({
        file,
        songlist: /songlist/i.test(fs.readFileSync(path.join(root, "constructs", file), "utf8")),
      }).toEqual({
        file,
        songlist: false,
      });
    }
  });

  test("the generated Heroku bindings are a subpath export, with their types, for escape hatches", () => {
    fs.writeFileSync(
      path.join(consumer, "bindings.ts"),
      [
        'import { App, TerraformStack } from "cdktf";',
        'import { addon, app as herokuApp } from "heroku-flow-cdktf/providers/heroku";',
        'import { AddonAttachment } from "heroku-flow-cdktf/providers/heroku/addon-attachment";',
        'const stack = new TerraformStack(new App(), "s");',
        'const web = new herokuApp.App(stack, "App", { name: "acme", region: "eu" });',
        'const store = new addon.Addon(stack, "Redis", { appId: web.id, plan: "heroku-redis:mini" });',
        'new AddonAttachment(stack, "Cache", { appId: web.id, addonId: store.id, name: "CACHE" });',
        "// @ts-expect-error plan is required: the types come with the subpath",
        'new addon.Addon(stack, "Bad", { appId: web.id });',
        "",
      ].join("\n"),
    );
    typeCheck("bindings.ts");
    const resolved = require.resolve("heroku-flow-cdktf/providers/heroku/addon", { paths: [consumer] });
    expect(path.relative(root, resolved)).toBe(path.join("dist", ".gen", "providers", "heroku", "addon", "index.js"));
  });

  test("the generated Dokku bindings are a subpath export too, with their types", () => {
    fs.writeFileSync(
      path.join(consumer, "dokku.ts"),
      [
        'import { App, TerraformStack } from "cdktf";',
        'import { app as dokkuApp, provider } from "heroku-flow-cdktf/providers/dokku";',
        'import { PostgresServiceLink } from "heroku-flow-cdktf/providers/dokku/postgres-service-link";',
        'const stack = new TerraformStack(new App(), "s");',
        'new provider.DokkuProvider(stack, "dokku", { sshHost: "dokku.example.test", sshCert: "/dev/null" });',
        'const web = new dokkuApp.App(stack, "App", { name: "acme", domains: ["acme.example.test"] });',
        'new PostgresServiceLink(stack, "Db", { app: web.name, service: "acme-db" });',
        "// @ts-expect-error name is required: the types come with the subpath",
        'new dokkuApp.App(stack, "Bad", {});',
        "",
      ].join("\n"),
    );
    typeCheck("dokku.ts");
    const resolved = require.resolve("heroku-flow-cdktf/providers/dokku/app", { paths: [consumer] });
    expect(path.relative(root, resolved)).toBe(path.join("dist", ".gen", "providers", "dokku", "app", "index.js"));
  });

  test("the README's reuse example synthesizes as written", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Stacks of your own: the single constructs"));
    // The single-constructs example (doc-examples.test runs every README example; this one is also checked here).
    const example = [...section.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((match) => match[1])
      .find((code) => code.includes("new HerokuApp("));
    expect(example).toContain('from "heroku-flow-cdktf"');
    fs.writeFileSync(path.join(consumer, "main.ts"), example!);
    const outdir = path.join(consumer, "cdktf.out");
    execFileSync(process.execPath, ["--import", "tsx", "main.ts"], {
      cwd: consumer,
      stdio: "pipe",
      env: { ...process.env, CDKTF_OUTDIR: outdir },
    });
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "production", "cdk.tf.json"), "utf8"));
    expect(Object.values<any>(stack.resource.heroku_app)[0]).toMatchObject({ name: "acme-api", acm: true });
    expect(Object.values<any>(stack.resource.heroku_addon)[0].lifecycle).toEqual({ prevent_destroy: true });
    expect(Object.keys(stack.resource)).toEqual(
      expect.arrayContaining([
        "heroku_formation",
        "heroku_domain",
        "heroku_pipeline_coupling",
        "gitlab_project_variable",
      ]),
    );
  });
});
