import { Document, isPair, isScalar, isSeq, Scalar, visit } from "yaml";
import { LINE_WIDTH, wrapText } from "./comment-text";
import type { GitlabCiConfig } from "./gitlab-ci-model";

/** Lists short enough to read on one line, as people write them (`stages: [test, plan]`). */
const FLOW_LISTS = new Set(["stages", "paths", "files", "exit_codes"]);

/**
 * `config` as the text of `.gitlab-ci.yml`: its header and the comments of variables and jobs as YAML comments, a blank
 * line before each top-level key, no line folding. The same model always gives the same text, so a file can be held
 * to it byte for byte.
 */
export function renderYaml(config: GitlabCiConfig): string {
  const variableComments = new Map(
    Object.entries(config.variables).flatMap(([name, variable]) =>
      variable.comment ? [[name, variable.comment] as const] : [],
    ),
  );
  const jobComments = new Map(config.jobs.flatMap((job) => (job.comment ? [[job.name, job.comment] as const] : [])));
  const document = new Document(
    {
      workflow: config.workflow,
      stages: config.stages,
      variables: Object.fromEntries(Object.entries(config.variables).map(([name, variable]) => [name, variable.value])),
      default: config.default,
      ...Object.fromEntries(config.jobs.map((job) => [job.name, job.job])),
    },
    // Jobs built from one object stay two plain copies: anchors would make a reader chase them.
    { aliasDuplicateObjects: false },
  );
  document.commentBefore = commentLines(config.header);

  visit(document, {
    Pair(_key, pair, path) {
      if (!isScalar(pair.key)) return;
      const name = String(pair.key.value);
      const depth = path.filter(isPair).length;
      if (depth === 0) {
        pair.key.spaceBefore = true;
        const comment = jobComments.get(name);
        if (comment) pair.key.commentBefore = commentLines(wrapText(comment, LINE_WIDTH - 2));
      }
      if (depth === 1 && path.some((node) => isPair(node) && isScalar(node.key) && node.key.value === "variables")) {
        const comment = variableComments.get(name);
        if (comment) pair.key.commentBefore = commentLines(wrapText(comment, LINE_WIDTH - 4));
      }
      if (FLOW_LISTS.has(name) && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  // The first key follows the header: the header's own blank line separates them.
  const first = document.contents && "items" in document.contents ? document.contents.items[0] : undefined;
  if (isPair(first) && first.key instanceof Scalar) first.key.spaceBefore = false;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Comment text for the yaml library: each line after a space, blank lines bare. */
function commentLines(lines: readonly string[]): string {
  return lines.map((line) => (line === "" ? "" : ` ${line}`)).join("\n");
}
