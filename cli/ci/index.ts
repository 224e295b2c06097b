import type { FlowManifest } from "../../constructs/flow/flow-manifest";
import { gitlabPipeline } from "./gitlab-pipeline";
import { renderYaml } from "./render-yaml";

export { CI_IMAGE, defaultCiImage, type CiImage } from "./ci-image";
export type { GitlabCiConfig, GitlabJob } from "./gitlab-ci-model";
export { gitlabPipeline } from "./gitlab-pipeline";
export { releaseTagRegex } from "./release-tag";

/** The `.gitlab-ci.yml` of the app `manifest` describes, as text. */
export function generateGitlabCi(manifest: FlowManifest): string {
  return renderYaml(gitlabPipeline(manifest));
}
