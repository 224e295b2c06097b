import type { FlowManifest } from "../../../constructs/flow/flow-manifest";
import { circleciPipeline, type CircleciPipelineOptions, DEFAULT_BRANCH } from "./circleci-pipeline";
import { circleciHeader } from "./header";

export { circleciPipeline, circleciSideOf, type CircleciPipelineOptions } from "./circleci-pipeline";
export { releaseTagFilter } from "./filters";

/**
 * The `.circleci/config.yml` of the app `manifest` describes, as text: the header, then the config CircleCI's config
 * library writes. The same manifest always gives the same text, so `--check` can hold a committed file to it.
 */
export function generateCircleciConfig(manifest: FlowManifest, options: CircleciPipelineOptions = {}): string {
  const header = circleciHeader(manifest, options.defaultBranch ?? DEFAULT_BRANCH)
    .map((line) => (line === "" ? "#" : `# ${line}`))
    .join("\n");
  return `${header}\n\n${circleciPipeline(manifest, options).stringify()}`;
}
