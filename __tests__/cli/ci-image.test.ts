import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { CI_IMAGE, type CiImage, defaultCiImage, generateGitlabCi } from "../../cli/ci";
import { songlistWithEnvironment, synthesizedManifest } from "./support/manifests";

const DOCKERFILE = fs.readFileSync(path.resolve(__dirname, "..", "..", "cli", "ci", "Dockerfile"), "utf8");

/** The commands a shell line runs: the first word of the line and of each part after `&&`, `||`, `|` or `;`. */
function commandWords(line: string): string[] {
  return line
    .split(/&&|\|\||\||;/)
    .map((part) => part.trim().split(/\s+/))
    .map((words) => words.find((word) => !/^\w+=/.test(word)) ?? "")
    .filter((word) => word !== "");
}

/** Each `job: command` of a parsed `.gitlab-ci.yml` whose command the image does not declare. */
function commandsMissingFrom(image: CiImage, config: Record<string, any>): string[] {
  const jobs = Object.entries(config).filter(([, job]) => job && typeof job === "object" && "script" in job);
  return [["default", config.default] as const, ...jobs].flatMap(([name, job]) =>
    [...(job.before_script ?? []), ...(job.script ?? [])]
      .flatMap(commandWords)
      .filter((word) => !(word in image.commands))
      .map((word) => `${name}: ${word}`),
  );
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
function instructions(dockerfile: string): Array<{ keyword: string; args: string }> {
  return dockerfile
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [keyword, ...args] = line.trim().split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: args.join(" ") };
    });
}

/** The Debian packages the Dockerfile installs. */
function aptPackages(dockerfile: string): string[] {
  return instructions(dockerfile)
    .filter((instruction) => instruction.keyword === "RUN")
    .flatMap((run) => [...run.args.matchAll(/apt-get install ([^&;]*)/g)])
    .flatMap((match) => match[1].split(/\s+/).filter((word) => word !== "" && !word.startsWith("-")));
}

/**
 * What is wrong with the Dockerfile against the image's declaration: its base, its versions, and for each declared
 * command the base image lacks, how it gets in (a Debian package, or a release download checked against the release's
 * checksums before it is unpacked onto PATH).
 */
function dockerfileProblems(image: CiImage, dockerfile: string): string[] {
  const problems: string[] = [];
  const all = instructions(dockerfile);
  const runs = all.filter((instruction) => instruction.keyword === "RUN").map((run) => run.args);
  const from = all.filter((instruction) => instruction.keyword === "FROM").map((instruction) => instruction.args);
  if (from.join() !== image.base) problems.push(`FROM ${from.join()}, declared ${image.base}`);
  if (!image.base.startsWith(`node:${image.nodeMajor}-`)) problems.push(`${image.base} is not Node ${image.nodeMajor}`);
  const packages = aptPackages(dockerfile);
  for (const [command, source] of Object.entries(image.commands)) {
    if (source === "apt" && !packages.includes(command)) problems.push(`${command}: no apt-get install`);
    if (source !== "hashicorp-release") continue;
    const versionArg = `${command.toUpperCase()}_VERSION`;
    const declared = all.find(
      (instruction) => instruction.keyword === "ARG" && instruction.args.startsWith(versionArg),
    );
    if (declared?.args !== `${versionArg}=${image.terraformVersion}`) {
      problems.push(`${command}: ARG ${declared?.args}, declared ${image.terraformVersion}`);
    }
    const download = runs.find((run) => run.includes(`https://releases.hashicorp.com/${command}/`));
    if (!download) {
      problems.push(`${command}: not downloaded from releases.hashicorp.com`);
      continue;
    }
    const checked = download.search(/sha256sum (--check|-c)\b/);
    const unpacked = download.search(new RegExp(`unzip .*\\b${command}\\b.* -d /usr/local/bin`));
    if (!download.includes("_SHA256SUMS")) problems.push(`${command}: the release's SHA256SUMS is not fetched`);
    if (checked < 0) problems.push(`${command}: no sha256sum --check`);
    if (unpacked < 0) problems.push(`${command}: not unpacked into /usr/local/bin`);
    if (checked >= 0 && unpacked >= 0 && unpacked < checked) problems.push(`${command}: unpacked before the check`);
    for (const tool of ["curl", "unzip"]) {
      if (download.includes(`${tool} `) && !packages.includes(tool)) problems.push(`${tool}: used, not installed`);
    }
  }
  return problems;
}

describe("the CI image", () => {
  test("declares the commands the pipeline needs, with the Node.js major of an LTS line", () => {
    expect(Object.keys(CI_IMAGE.commands).sort()).toEqual([
      "bash",
      "git",
      "node",
      "node_modules/.bin/heroku-flow",
      "npm",
      "npx",
      "sh",
      "terraform",
    ]);
    expect(CI_IMAGE.nodeMajor % 2).toBe(0);
    expect(CI_IMAGE.nodeMajor).toBeGreaterThanOrEqual(22);
    expect(CI_IMAGE.terraformVersion).toMatch(/^1\.11\.\d+$/);
  });

  test.each([
    ["songlist", () => synthesizedManifest()],
    ["songlist without the GitLab side", () => synthesizedManifest({ HEROKU_FLOW_GITLAB: "false" })],
    ["songlist with a qa environment", () => synthesizedManifest({}, songlistWithEnvironment({ name: "qa" }))],
  ])("holds every command every job runs: %s", (_name, manifest) => {
    const config = parse(generateGitlabCi(manifest()));
    expect(commandsMissingFrom(CI_IMAGE, config)).toEqual([]);
    const lines = Object.values(config).flatMap((job: any) => [...(job?.before_script ?? []), ...(job?.script ?? [])]);
    expect(lines.length).toBeGreaterThanOrEqual(10);
  });

  test("a job running a command the image lacks is reported, after && and | too", () => {
    expect(commandWords("npm ci && FOO=1 curl -s x | jq .")).toEqual(["npm", "curl", "jq"]);
    const config = {
      default: { before_script: ["npm ci"] },
      deploy: { script: ["node_modules/.bin/heroku-flow apply x | tee log"] },
    };
    expect(commandsMissingFrom(CI_IMAGE, config)).toEqual(["deploy: tee"]);
  });

  test("the Dockerfile installs every declared command its base lacks, and checks Terraform's checksum", () => {
    expect(dockerfileProblems(CI_IMAGE, DOCKERFILE)).toEqual([]);
  });

  test.each([
    ["no checksum check", DOCKERFILE.replace(/sha256sum --check --strict -/, "cat"), /no sha256sum --check/],
    ["git not installed", DOCKERFILE.replace(/curl git unzip/, "curl unzip"), /git: no apt-get install/],
    ["another Terraform", DOCKERFILE.replace(/TERRAFORM_VERSION=\S+/, "TERRAFORM_VERSION=1.5.7"), /ARG TERRAFORM/],
    ["another base", DOCKERFILE.replace(/^FROM .*/m, "FROM node:24-bookworm-slim"), /^FROM node:24/],
    ["no download", DOCKERFILE.replace(/releases\.hashicorp\.com/g, "example.com"), /not downloaded/],
  ])("a Dockerfile with %s is reported", (_name, broken, problem) => {
    expect(broken).not.toBe(DOCKERFILE);
    expect(dockerfileProblems(CI_IMAGE, broken)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test("the pipeline's default image is the declared one, tagged by its Node.js and Terraform versions", () => {
    const config = parse(generateGitlabCi(synthesizedManifest()));
    expect(config.default.image).toBe("$HEROKU_FLOW_CI_IMAGE");
    expect(config.variables.HEROKU_FLOW_CI_IMAGE).toBe(defaultCiImage());
    expect(defaultCiImage()).toBe(
      `$CI_REGISTRY_IMAGE/heroku-flow-ci:node${CI_IMAGE.nodeMajor}-terraform${CI_IMAGE.terraformVersion}`,
    );
  });
});
