// A Stryker ignore-plugin: reports the mutants listed in stryker.config.mjs (`equivalentMutants`) as ignored, with the
// reason given there, so that an equivalent mutant is documented in one place rather than counted as a survivor.
import path from "node:path";
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";
import { equivalentMutants } from "../../stryker.config.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

/** The source text of a Babel node, whitespace collapsed so the config can quote it on one line. */
function sourceOf(nodePath) {
  const { start, end } = nodePath.node;
  const code = nodePath.hub?.file?.code;
  return code === undefined || start == null ? undefined : code.slice(start, end).replace(/\s+/g, " ");
}

const ignorer = {
  shouldIgnore(nodePath) {
    const filename = nodePath.hub?.file?.opts?.filename;
    if (!filename) return undefined;
    const file = path.relative(root, filename).split(path.sep).join("/");
    const candidates = equivalentMutants.filter((mutant) => file.endsWith(mutant.file));
    if (candidates.length === 0) return undefined;
    const code = sourceOf(nodePath);
    const listed = candidates.find((mutant) => mutant.code === code);
    return listed && `Equivalent: ${listed.reason}`;
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, "equivalent-mutants", ignorer)];
