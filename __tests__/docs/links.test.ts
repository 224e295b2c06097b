import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../cli/bin";
import { FIXED_SETTINGS, TOOLCHAIN_SETTINGS } from "../e2e/support/consumer-env";

/**
 * The README is the package's door and docs/ holds this repository's chapters: every relative link between them (and
 * in the folder READMEs of cli/) must lead somewhere, also inside the npm package, where only package.json `files`
 * travels; and the README must keep up with the `heroku-flow` command it documents.
 */
const ROOT = path.resolve(__dirname, "..", "..");

/** The Markdown files checked, relative to the root: README.md, docs/*.md and every README.md under cli/. */
function markdownFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((file) => file.endsWith(".md"))
    .map((file) => `docs/${file}`);
  const cli = (fs.readdirSync(path.join(ROOT, "cli"), { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "README.md")
    .map((file) => `cli/${file.split(path.sep).join("/")}`);
  return ["README.md", ...docs, ...cli.sort()];
}

/** A relative link: where it is, and the path and fragment it names. */
interface Link {
  readonly from: string;
  readonly line: number;
  readonly target: string;
  /** Relative to the root, or the linking file itself for `#fragment`. */
  readonly file: string;
  readonly fragment?: string;
}

/** The relative links of a Markdown file: inline links and images, and reference definitions, outside code. */
function relativeLinks(from: string): Link[] {
  const links: Link[] = [];
  let fence: string | undefined;
  fs.readFileSync(path.join(ROOT, from), "utf8")
    .split("\n")
    .forEach((text, index) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
      if (marker && (fence === undefined || marker.startsWith(fence))) {
        fence = fence === undefined ? marker : undefined;
        return;
      }
      if (fence !== undefined) return;
      const prose = text.replace(/(`+)[^`][\s\S]*?\1/g, "");
      const targets = [
        ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]),
        ...[...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/g)].map((match) => match[1]),
      ];
      for (const target of targets) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
        const [pathPart, fragment] = target.split("#", 2);
        const file =
          pathPart === ""
            ? from
            : path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(pathPart)));
        links.push({ from, line: index + 1, target, file: file.replace(/\/$/, ""), fragment });
      }
    });
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fence = false;
  for (const line of fs.readFileSync(path.join(ROOT, file), "utf8").split("\n")) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fence = !fence;
    const heading = fence ? undefined : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** package.json `files`, and what npm packs whatever they say. */
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[] };

/** Whether npm pack would include `file` (relative to the root; `files` here lists plain paths, no globs). */
function packed(file: string): boolean {
  if (file === "package.json" || /^(README|LICEN[CS]E)(\.[^/]*)?$/i.test(file)) return true;
  return packageJson.files.some((entry) => {
    const prefix = entry.replace(/\/$/, "");
    return file === prefix || file.startsWith(`${prefix}/`);
  });
}

const where = (link: Link) => `${link.from}:${link.line} → ${link.target}`;

describe("documentation links", () => {
  const files = markdownFiles();
  const links = files.flatMap(relativeLinks);

  test("the README and the docs link to each other", () => {
    expect(files).toEqual(expect.arrayContaining(["README.md", "docs/development.md", "cli/README.md"]));
    expect(links.filter((link) => link.from === "README.md" && link.file.startsWith("docs/")).length).toBeGreaterThan(
      0,
    );
  });

  test("every relative link leads to a file that exists", () => {
    const dead = links.filter((link) => !fs.existsSync(path.join(ROOT, link.file))).map(where);
    expect(dead).toEqual([]);
  });

  test("every heading a link names exists in the file it links to", () => {
    const missing = links
      .filter((link) => link.fragment !== undefined && link.file.endsWith(".md"))
      .filter((link) => fs.existsSync(path.join(ROOT, link.file)))
      .filter((link) => !anchors(link.file).has(link.fragment!))
      .map(where);
    expect(missing).toEqual([]);
  });

  test("the README and the docs name no command that is gone", () => {
    const gone = ["npm run flow", "scripts/flow.ts", "scripts/lib/", "FLOW_ON_MERGE_STACKS", "npm run sandbox"];
    const found = files
      .filter((file) => file === "README.md" || file.startsWith("docs/"))
      .flatMap((file) => {
        const text = fs.readFileSync(path.join(ROOT, file), "utf8");
        return gone.filter((stale) => text.includes(stale)).map((stale) => `${file}: ${stale}`);
      });
    expect(found).toEqual([]);
  });

  test('a Markdown file the package ships links only to files it ships (package.json "files")', () => {
    const outside = links
      .filter((link) => packed(link.from) && !packed(link.file))
      .map((link) => `${where(link)}: ${link.file} is not in package.json "files"`);
    expect(outside).toEqual([]);
  });
});

describe("the README and the heroku-flow command", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  let help = "";

  beforeAll(async () => {
    const lines: string[] = [];
    const code = await main(["--help"], { dir: ROOT, env: {}, print: (line) => lines.push(line) });
    expect(code).toBe(0);
    help = lines.join("\n");
  });

  /** The command names of `heroku-flow --help`'s "Commands:" block. */
  const listedCommands = () => {
    const block = /^Commands:\n((?: {2}\S.*\n)+)/m.exec(`${help}\n`)?.[1] ?? "";
    return [...block.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]);
  };

  test("the commands table has a row for every command the bin lists", () => {
    const commands = listedCommands();
    expect(commands).toEqual(expect.arrayContaining(["init", "plan", "drift", "sandbox", "toolchain"]));
    const rows = readme.split("\n").filter((line) => line.startsWith("| `heroku-flow "));
    const missing = commands.filter((name) => !rows.some((row) => row.startsWith(`| \`heroku-flow ${name}`)));
    expect(missing).toEqual([]);
  });

  test("the README states the exit codes and points at --help", () => {
    expect(readme).toMatch(/exits 0 when done, 1 when it failed[\s\S]*2 on a usage error; `drift` exits 3/);
    expect(readme).toContain("npx heroku-flow <command> --help");
  });

  test("every setting --help names, and every one a consumer's commands get, is in the README", () => {
    const settingsBlock = help.slice(help.indexOf("Settings"));
    const named = [...settingsBlock.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].map((match) => match[0]);
    const settings = [...new Set([...named, ...TOOLCHAIN_SETTINGS, ...Object.keys(FIXED_SETTINGS)])];
    expect(settings).toEqual(expect.arrayContaining(["HEROKU_FLOW_CODE_PUSH", "HEROKU_FLOW_OFFLINE"]));
    expect(settings.filter((name) => !readme.includes(name))).toEqual([]);
  });
});
