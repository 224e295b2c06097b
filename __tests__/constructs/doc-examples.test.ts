import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "..", "..");

/** A TypeScript example from the docs, as a file of its own. */
interface Example {
  readonly source: string;
  readonly code: string;
}

/** The ```ts blocks of the TSDoc comments in constructs/ (their lines without the leading ` * `). */
function tsdocExamples(): Example[] {
  const files = (fs.readdirSync(path.join(root, "constructs"), { recursive: true }) as string[]).filter((file) =>
    file.endsWith(".ts"),
  );
  return files.flatMap((file) => {
    const text = fs.readFileSync(path.join(root, "constructs", file), "utf8");
    return [...text.matchAll(/^ \* ```ts\n([\s\S]*?)^ \* ```$/gm)].map((match, index) => ({
      source: `constructs/${file} example ${index + 1}`,
      code: match[1].replace(/^ \*( |$)/gm, ""),
    }));
  });
}

/** The Markdown the examples are read from: the README and this repository's chapters in docs/. */
function markdownFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(root, "docs"))
    .filter((file) => file.endsWith(".md"))
    .map((file) => `docs/${file}`);
  return ["README.md", ...docs];
}

/** The ```ts blocks of README.md and docs/*.md that import the package. */
function readmeExamples(): Example[] {
  return markdownFiles().flatMap((file) => {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)]
      .map((match, index) => ({ source: `${file} example ${index + 1}`, code: match[1] }))
      .filter((example) => example.code.includes('from "heroku-flow-cdktf"'));
  });
}

/**
 * Every example that shows the package's API — in the README, docs/ and the TSDoc of constructs/ — type-checks against
 * the library (strict, as a consumer's project would) and runs to a synthesized app, so that docs cannot drift from
 * the code.
 */
describe("documentation examples", () => {
  const examples = [...readmeExamples(), ...tsdocExamples()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doc-examples-"));
  // What a consumer's project has installed beside the package: cdktf, constructs, the providers' bindings.
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  const files = examples.map((example, index) => {
    const file = path.join(dir, `example-${index}.ts`);
    fs.writeFileSync(file, example.code);
    return file;
  });

  test("there are examples in the README and in the TSDoc", () => {
    expect(readmeExamples().filter((example) => example.source.startsWith("README.md")).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(tsdocExamples().length).toBeGreaterThanOrEqual(2);
  });

  test("each type-checks against the library", () => {
    const program = ts.createProgram(files, {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      typeRoots: [path.join(root, "node_modules", "@types")],
      baseUrl: root,
      paths: { "heroku-flow-cdktf": ["constructs/index.ts"], "*": ["node_modules/*"] },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file === undefined || files.includes(diagnostic.file.fileName))
      .map((diagnostic) => {
        const where = diagnostic.file ? examples[files.indexOf(diagnostic.file.fileName)].source : "program";
        return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      });
    expect(problems).toEqual([]);
  });

  test.each(examples.map((example, index) => [example.source, index] as const))("%s runs", (_source, index) => {
    const outdir = path.join(dir, `out-${index}`);
    const runner = path.join(dir, `run-${index}.ts`);
    fs.writeFileSync(
      runner,
      examples[index].code.replaceAll('"heroku-flow-cdktf"', JSON.stringify(path.join(root, "constructs"))),
    );
    execFileSync(process.execPath, ["--import", "tsx", runner], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, CDKTF_OUTDIR: outdir },
    });
    expect(fs.readdirSync(path.join(outdir, "stacks")).length).toBeGreaterThanOrEqual(1);
  });
});
