import image from "./image.json";

/**
 * Where a command a job runs comes from: the base image, a Debian package, HashiCorp's release server, or the project
 * itself (the package's bin, linked by `npm ci`, a Node.js script the image's `node` runs).
 */
export type CiImageCommandSource = "base" | "apt" | "hashicorp-release" | "project";

/** What the CI image holds (`image.json`, the one declaration the Dockerfile, the tests and the generator share). */
export interface CiImage {
  /** The image's name under the project's container registry. */
  readonly name: string;
  /** The public image it is built `FROM`. */
  readonly base: string;
  readonly nodeMajor: number;
  readonly terraformVersion: string;
  /** Every command a job may run, and where the image gets it. */
  readonly commands: Readonly<Record<string, CiImageCommandSource>>;
}

/** The CI image, as declared. */
export const CI_IMAGE: CiImage = image as CiImage;

/**
 * The image the generated pipeline runs in unless the project sets `HEROKU_FLOW_CI_IMAGE`: the Dockerfile's image in
 * the project's own container registry, tagged by what is in it, so that a change of Node or Terraform is a new tag
 * to build rather than a silent change under an old one.
 */
export function defaultCiImage(declared: CiImage = CI_IMAGE): string {
  return `$CI_REGISTRY_IMAGE/${ciImageReference(declared)}`;
}

/**
 * The image's name and tag within a registry path, e.g. `heroku-flow-ci:node22-terraform1.11.4`: tagged by what is in
 * it, so that a change of Node or Terraform is a new tag to build rather than a silent change under an old one.
 */
export function ciImageReference(declared: CiImage = CI_IMAGE): string {
  return `${declared.name}:node${declared.nodeMajor}-terraform${declared.terraformVersion}`;
}
