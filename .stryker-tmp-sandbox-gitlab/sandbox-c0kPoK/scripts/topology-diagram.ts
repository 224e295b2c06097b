/**
 * `npm run docs:topology`: draws songlist's topology as a Mermaid flowchart from the stacks themselves (the same
 * constructs `cdktf synth` would write), so the README's diagram cannot drift from the code.
 *
 *   tsx scripts/topology-diagram.ts            rewrite the block between the markers in README.md
 *   tsx scripts/topology-diagram.ts --check    exit 1 when README.md's block differs from what would be generated
 *   tsx scripts/topology-diagram.ts --print    print the Mermaid source
 *   --readme <path>                            work on another Markdown file than the project's README.md
 */
// @ts-nocheck

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { App, DefaultTokenResolver, StringConcat, TerraformStack, TerraformVariable, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import {
  FlowValidation,
  GitlabCiVariable,
  GitlabEnvironment,
  GitlabProtectedTag,
  HerokuApp,
  HerokuFlow,
  HerokuFormation,
  HerokuPipeline,
  HerokuPipelineCoupling,
  HerokuPostgres,
} from "../constructs";
import { songlist } from "../stacks/songlist";

export const START_MARKER = "<!-- topology:start -->";
export const END_MARKER = "<!-- topology:end -->";

/** The review id the diagram shows, so that a review app's stack appears next to the long-lived ones. */
const EXAMPLE_REVIEW_ID = "42";

/**
 * songlist's topology as the source of a Mermaid `flowchart`: one subgraph per stack (pipeline, staging, production,
 * review-42) with the pipeline, each app and its stage, Postgres plan, formation and config var names (secrets
 * marked, values never shown), and the GitLab side (environment and tier, CI/CD variables with their flags and scope,
 * protected release tag). Built from the construct tree, and the same on every run: node ids come from construct
 * paths, never from hashed logical ids or temporary directories.
 */
export function renderTopologyDiagram(): string {
  // The App writes its manifest directory on construction; keep it out of the project's cdktf.out.
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "topology-diagram-"));
  try {
    // The settings are given rather than read from process.env, so the caller's environment cannot change the diagram.
    const app = new App({ outdir });
    const flow = new HerokuFlow(app, songlist, { env: { HEROKU_FLOW_REVIEW_ID: EXAMPLE_REVIEW_ID } });
    FlowValidation.of(app).assertValid();
    return new DiagramBuilder().build(flow.stacks);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Collects nodes per stack and the edges between them, then writes them out in construct-tree order. */
class DiagramBuilder {
  private readonly ids = new Map<IConstruct, string>();
  private readonly usedIds = new Set<string>();
  private readonly edges: string[] = [];

  public build(stacks: TerraformStack[]): string {
    const all = stacks.flatMap((stack) => stack.node.findAll());
    const pipelines = all.filter((c): c is HerokuPipeline => c instanceof HerokuPipeline);
    const protectedTags = all.filter((c): c is GitlabProtectedTag => c instanceof GitlabProtectedTag);

    const lines = ["flowchart LR"];
    for (const stack of stacks) {
      lines.push(`  subgraph ${this.idOf(stack)}["stack: ${escape(stack.node.id)}"]`);
      lines.push(...this.stackNodes(stack, pipelines, protectedTags).map((line) => `    ${line}`));
      lines.push("  end");
    }
    lines.push(...this.edges.map((edge) => `  ${edge}`));
    return lines.join("\n");
  }

  /** The nodes of one stack; the edges they start are collected for the end of the diagram. */
  private stackNodes(
    stack: TerraformStack,
    pipelines: HerokuPipeline[],
    protectedTags: GitlabProtectedTag[],
  ): string[] {
    const constructs = stack.node.findAll();
    const nodes: string[] = [];

    for (const pipeline of constructs.filter((c): c is HerokuPipeline => c instanceof HerokuPipeline)) {
      nodes.push(`${this.idOf(pipeline)}[["Heroku pipeline<br/>${escape(pipeline.name)}"]]`);
    }
    for (const tag of constructs.filter((c): c is GitlabProtectedTag => c instanceof GitlabProtectedTag)) {
      nodes.push(`${this.idOf(tag)}>"GitLab protected tag<br/>${escape(tag.tag)}"]`);
    }

    for (const app of constructs.filter((c): c is HerokuApp => c instanceof HerokuApp)) {
      const couplings = constructs.filter(
        (c): c is HerokuPipelineCoupling => c instanceof HerokuPipelineCoupling && c.resource.appIdInput === app.appId,
      );
      const appLines = [
        `Heroku app<br/>${escape(app.resource.nameInput ?? app.node.id)}`,
        ...couplings.map((coupling) => `stage: ${escape(coupling.stage)}`),
        `region: ${escape(app.region.name)}`,
        ...(app.preventDestroy ? ["prevent_destroy"] : []),
      ];
      nodes.push(`${this.idOf(app)}["${appLines.join("<br/>")}"]`);
      for (const coupling of couplings) {
        // Environment stacks reach the pipeline through a cross-stack reference to its id.
        const pipeline = pipelines.find((p) => p.pipelineId === coupling.resource.pipelineInput);
        if (pipeline) this.edges.push(`${this.idOf(pipeline)} -->|${escape(coupling.stage)}| ${this.idOf(app)}`);
      }

      const databases = constructs.filter((c): c is HerokuPostgres => c instanceof HerokuPostgres && c.app === app);
      for (const database of databases) {
        nodes.push(
          `${this.idOf(database)}[("Heroku Postgres<br/>${escape(database.plan.name)}` +
            `${database.preventDestroy ? "<br/>prevent_destroy" : ""}")]`,
        );
        this.edges.push(`${this.idOf(app)} --> ${this.idOf(database)}`);
      }

      const formations = constructs.filter(
        (c): c is HerokuFormation => c instanceof HerokuFormation && c.resource.appIdInput === app.appId,
      );
      if (formations.length > 0) {
        const processes = formations.map((f) => `${escape(f.type)}: ${f.quantity} × ${escape(f.size.name)}`);
        const formationId = this.idOf(app, "formation");
        nodes.push(`${formationId}["formation<br/>${processes.join("<br/>")}"]`);
        this.edges.push(`${this.idOf(app)} --> ${formationId}`);
      }

      // Names only: values stay in Terraform (and secret ones out of cdktf.out altogether).
      const configNames = [
        ...app.plainConfigKeys.map(escape),
        ...Object.keys(app.resource.sensitiveConfigVarsInput ?? {}).map((key) => `${escape(key)} (secret)`),
        ...databases.map((d) => `${escape(d.configVarName)} (secret, set by Postgres)`),
      ];
      if (configNames.length > 0) {
        const configId = this.idOf(app, "config");
        nodes.push(`${configId}["config vars<br/>${configNames.join("<br/>")}"]`);
        this.edges.push(`${this.idOf(app)} --> ${configId}`);
      }
    }

    for (const environment of constructs.filter((c): c is GitlabEnvironment => c instanceof GitlabEnvironment)) {
      const environmentLines = [
        `GitLab environment<br/>${escape(environment.name)}`,
        `tier: ${escape(environment.tier)}`,
        ...(environment.protection ? ["protected"] : []),
      ];
      nodes.push(`${this.idOf(environment)}{{"${environmentLines.join("<br/>")}"}}`);
      // The environment links to the app it deploys to through the app's web URL.
      const target = constructs.find(
        (c): c is HerokuApp => c instanceof HerokuApp && c.webUrl === environment.resource.externalUrlInput,
      );
      if (target) this.edges.push(`${this.idOf(environment)} -.->|deploys to| ${this.idOf(target)}`);
    }

    for (const variable of constructs.filter((c): c is GitlabCiVariable => c instanceof GitlabCiVariable)) {
      const source = secretSource(stack, variable);
      const variableLines = [
        `CI/CD variable<br/>${escape(variable.key)}`,
        `${variable.masked ? "masked" : "not masked"}, ${variable.protected ? "protected" : "not protected"}`,
        `scope: ${escape(variable.environmentScope)}`,
        ...(source ? [`value: ${escape(source)}`] : []),
      ];
      nodes.push(`${this.idOf(variable)}[/"${variableLines.join("<br/>")}"/]`);
      const environment = constructs.find(
        (c): c is GitlabEnvironment => c instanceof GitlabEnvironment && c.name === variable.environmentScope,
      );
      if (environment) this.edges.push(`${this.idOf(environment)} --> ${this.idOf(variable)}`);
      if (variable.protected) {
        // Protected variables reach only pipelines of protected refs: for releases, the protected tags.
        for (const tag of protectedTags) {
          this.edges.push(`${this.idOf(tag)} -.->|only protected refs| ${this.idOf(variable)}`);
        }
      }
    }
    return nodes;
  }

  /**
   * A Mermaid node id for a construct (or for one of its aspects, with `suffix`): its path with every character
   * Mermaid could misread replaced, and a counter in the unlikely case two paths come to the same id.
   */
  private idOf(construct: IConstruct, suffix?: string): string {
    if (suffix === undefined && this.ids.has(construct)) return this.ids.get(construct)!;
    const base = [construct.node.path, suffix]
      .filter(Boolean)
      .join("_")
      .replace(/[^A-Za-z0-9]+/g, "_");
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}_${n}`;
    this.usedIds.add(id);
    if (suffix === undefined) this.ids.set(construct, id);
    return id;
  }
}

/**
 * Where a secret CI/CD variable's value comes from, e.g. `secret, TF_VAR_heroku_deploy_key_staging`; undefined for
 * variables whose value is not secret (the value itself is never shown).
 */
function secretSource(stack: TerraformStack, variable: GitlabCiVariable): string | undefined {
  if (variable.literalValue !== undefined) return undefined;
  const reference = String(
    Tokenization.resolve(variable.resource.valueInput, {
      scope: stack,
      preparing: false,
      resolver: new DefaultTokenResolver(new StringConcat()),
    }),
  );
  const match = /^\$\{var\.([A-Za-z0-9_]+)\}$/.exec(reference);
  const source = match
    ? stack.node
        .findAll()
        .find((c): c is TerraformVariable => c instanceof TerraformVariable && c.friendlyUniqueId === match[1])
    : undefined;
  return source ? `secret, TF_VAR_${source.friendlyUniqueId}` : "secret";
}

/** Text made safe inside a quoted Mermaid label. */
function escape(text: string): string {
  return text.replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

/** The Markdown that goes between the markers: a blank line either side, as Prettier formats it. */
function diagramBlock(mermaid: string): string {
  return `${START_MARKER}\n\n\`\`\`mermaid\n${mermaid}\n\`\`\`\n\n${END_MARKER}`;
}

/** The start and end offsets of the marked block in `markdown`, markers included, or undefined when it has none. */
function findBlock(markdown: string): { start: number; end: number } | undefined {
  const start = markdown.indexOf(START_MARKER);
  const endMarker = start === -1 ? -1 : markdown.indexOf(END_MARKER, start);
  return endMarker === -1 ? undefined : { start, end: endMarker + END_MARKER.length };
}

/**
 * `markdown` with the marked block replaced by the diagram; undefined when the markers are missing. Whitespace
 * around the diagram does not count as a difference, so Prettier reformatting the README never makes `--check` fail.
 */
export function withDiagram(markdown: string, mermaid: string): string | undefined {
  const block = findBlock(markdown);
  if (!block) return undefined;
  return markdown.slice(0, block.start) + diagramBlock(mermaid) + markdown.slice(block.end);
}

/** Whether the marked block of `markdown` holds exactly `mermaid` (surrounding whitespace aside). */
export function isUpToDate(markdown: string, mermaid: string): boolean {
  const block = findBlock(markdown);
  if (!block) return false;
  const normalize = (text: string) =>
    text
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{2,}/g, "\n\n")
      .trim();
  return normalize(markdown.slice(block.start, block.end)) === normalize(diagramBlock(mermaid));
}

const USAGE = "usage: tsx scripts/topology-diagram.ts [--check | --print] [--readme <path>]";

function main(argv: string[]): number {
  let options: { check: boolean; print: boolean; readme: string };
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        check: { type: "boolean", default: false },
        print: { type: "boolean", default: false },
        readme: { type: "string", default: path.join(__dirname, "..", "README.md") },
      },
      strict: true,
    });
    options = { check: values.check!, print: values.print!, readme: values.readme! };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const mermaid = renderTopologyDiagram();
  if (options.print) {
    console.log(mermaid);
    return 0;
  }

  const markdown = fs.readFileSync(options.readme, "utf8");
  const updated = withDiagram(markdown, mermaid);
  const relative = path.relative(process.cwd(), options.readme);
  const shown = relative === "" || relative.startsWith("..") ? options.readme : relative;
  if (updated === undefined) {
    console.error(
      `${shown} has no place for the topology diagram: add a line ${START_MARKER} and, below it, a line ` +
        `${END_MARKER} where the diagram belongs, then run npm run docs:topology.`,
    );
    return 1;
  }
  if (options.check) {
    if (!isUpToDate(markdown, mermaid)) {
      console.error(
        `${shown}: the topology diagram is out of date with the stacks; run npm run docs:topology and commit the result.`,
      );
      return 1;
    }
    console.log(`${shown}: the topology diagram is up to date.`);
    return 0;
  }
  fs.writeFileSync(options.readme, updated);
  console.log(`${shown}: topology diagram written.`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
