import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const script = path.resolve(__dirname, "..", "..", "cli", "toolchain.sh");

function runToolchain(env: NodeJS.ProcessEnv, args: string[] = []) {
  const result = spawnSync("bash", [script, ...args], { env, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

/** A PATH holding only the named tools (and the basics), to simulate machines that lack Go or Terraform. */
function pathWith(tools: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bin-"));
  for (const tool of ["node", ...tools]) {
    const found = spawnSync("bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) fs.symlinkSync(found, path.join(dir, tool));
  }
  return `${dir}:/usr/bin:/bin`;
}

const goEnv = (name: string) => spawnSync("go", ["env", name], { encoding: "utf8" }).stdout.trim();

/**
 * A fresh cache and a folder of source archives, on a machine with Terraform and Go but a Go module proxy that serves
 * nothing (GOPROXY=off), as where the proxy refuses the providers' modules. The random provider is handed in as a
 * binary, so that nothing here needs the network.
 */
function freshMachine(): { cache: string; sources: string; env: NodeJS.ProcessEnv } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-"));
  const cache = path.join(root, "cache");
  const sources = path.join(root, "sources");
  fs.mkdirSync(sources);
  const random = path.join(root, "terraform-provider-random");
  fs.writeFileSync(random, "#!/bin/sh\necho fake random provider\n", { mode: 0o755 });
  const env = {
    HOME: root,
    PATH: pathWith(["terraform", "go", "tar", "gzip"]),
    HEROKU_FLOW_CACHE_DIR: cache,
    HEROKU_FLOW_PROVIDER_SOURCES: sources,
    GOPROXY: "off",
    GOFLAGS: "-mod=mod",
    // The host's build cache keeps these tiny builds at a second each.
    GOCACHE: goEnv("GOCACHE"),
    GOMODCACHE: path.join(root, "gomod"),
    RANDOM_PROVIDER_BINARY: random,
    RANDOM_PROVIDER_VERSION: "3.7.2",
  };
  return { cache, sources, env };
}

/**
 * Writes `terraform-provider-<name>-<version>.tar.gz` laid out like a release source archive, holding a tiny Go
 * program that prints `marker` (or `body` as its main.go, to make a build fail).
 */
function sourceArchive(sources: string, name: string, version: string, body?: string): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "tree-"));
  const top = path.join(tree, `terraform-provider-${name}-${version}`);
  fs.mkdirSync(top);
  fs.writeFileSync(path.join(top, "go.mod"), `module example.test/terraform-provider-${name}\n\ngo 1.20\n`);
  fs.writeFileSync(
    path.join(top, "main.go"),
    body ??
      `package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("built from the ${name} ${version} archive") }\n`,
  );
  const archive = path.join(sources, `terraform-provider-${name}-${version}.tar.gz`);
  expect(spawnSync("tar", ["-czf", archive, "-C", tree, path.basename(top)]).status).toBe(0);
  return archive;
}

const mirrored = (cache: string, source: string) =>
  path.join(cache, "mirror", "registry.terraform.io", ...source.split("/"));

/** Nothing that a later run would take as ready: no mirror entry, no env file, no scratch directory. */
function expectNothingHalfWritten(cache: string, source: string) {
  expect(fs.existsSync(mirrored(cache, source))).toBe(false);
  expect(fs.existsSync(path.join(cache, "toolchain.env"))).toBe(false);
  expect(fs.readdirSync(cache).filter((entry) => entry.startsWith(".work"))).toEqual([]);
}

describe("cli/toolchain.sh", () => {
  test("a prepared toolchain is only reported ready, and its CLI config mirrors the built providers", () => {
    const first = runToolchain(process.env);
    expect(first.status).toBe(0);
    const second = runToolchain(process.env);
    expect(second.status).toBe(0);
    expect(second.output).toMatch(/heroku\/heroku 5\.3\.2 ready/);
    expect(second.output).toMatch(/hashicorp\/random 3\.7\.2 ready/);
    expect(second.output).toMatch(/gitlabhq\/gitlab (18\.6\.1|16\.1\.1) ready/);
    expect(second.output).not.toMatch(/building/);
    expect(second.output).toMatch(/export TF_CLI_CONFIG_FILE=/);

    const env = runToolchain(process.env, ["--env"]);
    const configFile = /TF_CLI_CONFIG_FILE="([^"]+)"/.exec(env.stdout)?.[1];
    expect(configFile).toBeDefined();
    const config = fs.readFileSync(configFile!, "utf8");
    expect(config).toMatch(/filesystem_mirror/);
    for (const source of ["heroku/heroku", "hashicorp/random", "gitlabhq/gitlab"]) {
      expect(config).toContain(`"registry.terraform.io/${source}"`);
    }
  });

  test("without Go or Terraform it stops at the terraform step and says what to do", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "toolchain-"));
    const result = runToolchain({ HOME: os.tmpdir(), PATH: pathWith([]), HEROKU_FLOW_CACHE_DIR: cache });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED at step "terraform"/);
    expect(result.output).toMatch(/Go is not on PATH/);
    expect(fs.existsSync(path.join(cache, "terraform.rc"))).toBe(false);
  });

  test("where go install fails, it builds each provider from its source archive, under the archive's version", () => {
    const { cache, sources, env } = freshMachine();
    sourceArchive(sources, "heroku", "5.3.2");
    sourceArchive(sources, "gitlab", "16.1.1");

    const first = runToolchain(env);
    expect(first.status).toBe(0);
    expect(first.output).toContain(
      "building heroku/heroku 5.3.2 from terraform-provider-heroku-5.3.2.tar.gz (once; about a minute)",
    );
    expect(first.output).toContain(
      "building gitlabhq/gitlab 16.1.1 from terraform-provider-gitlab-16.1.1.tar.gz (once; about a minute)",
    );
    expect(fs.readdirSync(mirrored(cache, "gitlabhq/gitlab"))).toEqual(["16.1.1"]);
    const platform = `${goEnv("GOOS")}_${goEnv("GOARCH")}`;
    const gitlab = path.join(
      mirrored(cache, "gitlabhq/gitlab"),
      "16.1.1",
      platform,
      "terraform-provider-gitlab_v16.1.1",
    );
    expect(spawnSync(gitlab, { encoding: "utf8" }).stdout).toBe("built from the gitlab 16.1.1 archive\n");
    const heroku = path.join(mirrored(cache, "heroku/heroku"), "5.3.2", platform, "terraform-provider-heroku_v5.3.2");
    expect(spawnSync(heroku, { encoding: "utf8" }).stdout).toBe("built from the heroku 5.3.2 archive\n");
    expect(fs.readFileSync(path.join(cache, "toolchain.env"), "utf8")).toContain(
      'export HEROKU_FLOW_GITLAB_PROVIDER_VERSION="16.1.1"',
    );

    const second = runToolchain(env);
    expect(second.status).toBe(0);
    expect(second.output).toMatch(/gitlabhq\/gitlab 16\.1\.1 ready/);
    expect(second.output).not.toMatch(/building/);
  });

  test("a corrupt archive stops it at the extract step, naming the archive, with nothing half-written", () => {
    const { cache, sources, env } = freshMachine();
    fs.writeFileSync(path.join(sources, "terraform-provider-heroku-5.3.2.tar.gz"), "not a tarball");
    const result = runToolchain(env);
    expect(result.status).toBe(1);
    expect(result.output).toContain('FAILED at step "heroku provider: extract terraform-provider-heroku-5.3.2.tar.gz"');
    expect(result.output).toContain(`tried: tar -xzf ${path.join(sources, "terraform-provider-heroku-5.3.2.tar.gz")}`);
    expect(result.output).toMatch(/what to do: the archive is damaged/);
    expectNothingHalfWritten(cache, "heroku/heroku");
  });

  test("a source that does not build stops it at the build step with Go's message, with nothing half-written", () => {
    const { cache, sources, env } = freshMachine();
    sourceArchive(sources, "heroku", "5.3.2", "package main\n\nfunc main() { this is not Go }\n");
    const result = runToolchain(env);
    expect(result.status).toBe(1);
    expect(result.output).toContain('FAILED at step "heroku provider: go build in terraform-provider-heroku-5.3.2"');
    expect(result.output).toMatch(/go said: .*main\.go:3/);
    expectNothingHalfWritten(cache, "heroku/heroku");
  });

  test("a missing archive stops it, saying what it tried and where to put the archive", () => {
    const { cache, sources, env } = freshMachine();
    const result = runToolchain(env);
    expect(result.status).toBe(1);
    expect(result.output).toContain('FAILED at step "heroku provider: it could not be built"');
    expect(result.output).toContain("tried: go install github.com/heroku/terraform-provider-heroku/v5@v5.3.2");
    expect(result.output).toContain(`(terraform-provider-heroku-5.3.2.tar.gz ) in ${sources}: none there`);
    expect(result.output).toMatch(/HEROKU_PROVIDER_BINARY=\/path\/to\/terraform-provider-heroku/);
    expectNothingHalfWritten(cache, "heroku/heroku");
  });

  test("a handed-in binary of a version the stacks do not accept is refused, not laid out under another name", () => {
    const { cache, sources, env } = freshMachine();
    sourceArchive(sources, "heroku", "5.3.2");
    const binary = path.join(sources, "terraform-provider-gitlab");
    fs.writeFileSync(binary, "#!/bin/sh\n", { mode: 0o755 });

    const wrong = runToolchain({ ...env, GITLAB_PROVIDER_BINARY: binary, GITLAB_PROVIDER_VERSION: "17.0.0" });
    expect(wrong.status).toBe(1);
    expect(wrong.output).toContain('FAILED at step "gitlab provider"');
    expect(wrong.output).toContain("is gitlabhq/gitlab 17.0.0, but the stacks accept only 18.6.1 16.1.1");
    expect(fs.existsSync(mirrored(cache, "gitlabhq/gitlab"))).toBe(false);

    const unknown = runToolchain({ ...env, GITLAB_PROVIDER_BINARY: binary });
    expect(unknown.status).toBe(1);
    expect(unknown.output).toMatch(/carries no version/);
    expect(unknown.output).toContain("set GITLAB_PROVIDER_VERSION to the version it was built from");
    expect(fs.existsSync(mirrored(cache, "gitlabhq/gitlab"))).toBe(false);

    const told = runToolchain({ ...env, GITLAB_PROVIDER_BINARY: binary, GITLAB_PROVIDER_VERSION: "16.1.1" });
    expect(told.status).toBe(0);
    expect(fs.readdirSync(mirrored(cache, "gitlabhq/gitlab"))).toEqual(["16.1.1"]);
  });
});

describe("cli/toolchain.sh: the CircleCI and Dokku providers, built only on demand", () => {
  /**
   * A fresh machine whose always-built providers are handed in as binaries, so that only the on-demand ones could be
   * built, and that holds CircleCI's and Dokku's source archives.
   */
  function machineWithOnDemandArchives() {
    const machine = freshMachine();
    for (const [name, version] of [
      ["heroku", "5.3.2"],
      ["gitlab", "16.1.1"],
    ]) {
      const binary = path.join(machine.sources, `terraform-provider-${name}`);
      fs.writeFileSync(binary, `#!/bin/sh\necho fake ${name} provider\n`, { mode: 0o755 });
      Object.assign(machine.env, {
        [`${name.toUpperCase()}_PROVIDER_BINARY`]: binary,
        [`${name.toUpperCase()}_PROVIDER_VERSION`]: version,
      });
    }
    sourceArchive(machine.sources, "circleci", "0.4.2");
    sourceArchive(machine.sources, "dokku", "0.5.2");
    return machine;
  }

  const cliConfig = (cache: string) => fs.readFileSync(path.join(cache, "terraform.rc"), "utf8");

  test("not asked for, it is not built nor configured; asked for, it is built from its archive under 0.4.2", () => {
    const { cache, env } = machineWithOnDemandArchives();

    const without = runToolchain(env);
    expect(without.status).toBe(0);
    expect(without.output).not.toMatch(/circleci|dokku/i);
    expect(fs.existsSync(mirrored(cache, "circleci-public/circleci"))).toBe(false);
    expect(fs.existsSync(mirrored(cache, "aaronstillwell/dokku"))).toBe(false);
    expect(cliConfig(cache)).not.toMatch(/circleci|dokku/);

    const asked = runToolchain({ ...env, HEROKU_FLOW_PROVIDERS: "circleci" });
    expect(asked.status).toBe(0);
    expect(asked.output).toContain(
      "building circleci-public/circleci 0.4.2 from terraform-provider-circleci-0.4.2.tar.gz (once; about a minute)",
    );
    // Its module path is not one the proxy serves: the archive is the only route, not a fallback after go install.
    expect(asked.output).not.toMatch(/circleci\S* 0\.4\.2: trying go install/);
    // Terraform lower-cases the registry's CircleCI-Public namespace in mirror paths and addresses.
    expect(fs.readdirSync(mirrored(cache, "circleci-public/circleci"))).toEqual(["0.4.2"]);
    const binary = path.join(
      mirrored(cache, "circleci-public/circleci"),
      "0.4.2",
      `${goEnv("GOOS")}_${goEnv("GOARCH")}`,
      "terraform-provider-circleci_v0.4.2",
    );
    expect(spawnSync(binary, { encoding: "utf8" }).stdout).toBe("built from the circleci 0.4.2 archive\n");
    expect(cliConfig(cache)).toContain('"registry.terraform.io/circleci-public/circleci"');
    expect(fs.readFileSync(path.join(cache, "providers.tsv"), "utf8")).toContain(
      "circleci\tcircleci-public/circleci\t0.4.2\tavailable",
    );

    // Once mirrored it stays configured, at no cost, for runs that do not name it.
    const later = runToolchain(env);
    expect(later.status).toBe(0);
    expect(later.output).toContain("circleci-public/circleci 0.4.2 ready");
    expect(later.output).not.toMatch(/building/);
    expect(cliConfig(cache)).toContain('"registry.terraform.io/circleci-public/circleci"');
  });

  test("dokku asked for is built from its archive under 0.5.2, beside CircleCI when both are named, and nothing else", () => {
    const { cache, env } = machineWithOnDemandArchives();
    const asked = runToolchain({ ...env, HEROKU_FLOW_PROVIDERS: "dokku" });
    expect(asked.status).toBe(0);
    expect(asked.output).toContain(
      "building aaronstillwell/dokku 0.5.2 from terraform-provider-dokku-0.5.2.tar.gz (once; about a minute)",
    );
    expect(asked.output).not.toMatch(/dokku\S* 0\.5\.2: trying go install/);
    expect(asked.output).not.toMatch(/circleci/i);
    const binary = path.join(
      mirrored(cache, "aaronstillwell/dokku"),
      "0.5.2",
      `${goEnv("GOOS")}_${goEnv("GOARCH")}`,
      "terraform-provider-dokku_v0.5.2",
    );
    expect(spawnSync(binary, { encoding: "utf8" }).stdout).toBe("built from the dokku 0.5.2 archive\n");
    expect(cliConfig(cache)).toContain('"registry.terraform.io/aaronstillwell/dokku"');
    expect(cliConfig(cache)).not.toContain("circleci");

    const both = runToolchain({ ...env, HEROKU_FLOW_PROVIDERS: "dokku,circleci" });
    expect(both.status).toBe(0);
    expect(both.output).toContain("aaronstillwell/dokku 0.5.2 ready");
    expect(both.output).toContain("building circleci-public/circleci 0.4.2");
    expect(fs.readFileSync(path.join(cache, "providers.tsv"), "utf8")).toContain(
      "dokku\taaronstillwell/dokku\t0.5.2\tavailable",
    );
  });

  test("asked for without its archive, it stops saying go install cannot serve it and where the archive goes", () => {
    const { cache, sources, env } = machineWithOnDemandArchives();
    fs.rmSync(path.join(sources, "terraform-provider-circleci-0.4.2.tar.gz"));
    const result = runToolchain({ ...env, HEROKU_FLOW_PROVIDERS: "heroku, circleci" });
    expect(result.status).toBe(1);
    expect(result.output).toContain('FAILED at step "circleci provider: it could not be built"');
    expect(result.output).toContain(
      "not tried: go install (the Go module proxy cannot serve circleci-public/circleci's module path)",
    );
    expect(result.output).toContain(`(terraform-provider-circleci-0.4.2.tar.gz ) in ${sources}: none there`);
    expect(result.output).toContain("CIRCLECI_PROVIDER_BINARY=/path/to/terraform-provider-circleci");
    expectNothingHalfWritten(cache, "circleci-public/circleci");
  });

  test("a provider name it does not know is refused, naming the value and the names it knows", () => {
    const { cache, env } = machineWithOnDemandArchives();
    const result = runToolchain({ ...env, HEROKU_FLOW_PROVIDERS: "circle-ci" });
    expect(result.status).toBe(1);
    expect(result.output).toContain('FAILED at step "providers asked for"');
    expect(result.output).toContain('HEROKU_FLOW_PROVIDERS=circle-ci names "circle-ci"');
    expect(result.output).toContain(
      "name only these, separated by spaces or commas: heroku random gitlab circleci dokku.",
    );
    expectNothingHalfWritten(cache, "circleci-public/circleci");
  });
});
