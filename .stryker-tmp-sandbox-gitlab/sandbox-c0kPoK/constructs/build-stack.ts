/**
 * The stack an app's code is built and run on: a Heroku base image, or `container` for apps deployed as Docker images.
 *
 * Enum-like: `BuildStack.HEROKU_24`, `BuildStack.CONTAINER`, or `BuildStack.of(name)` for another one. Retired stacks
 * (cedar-14, heroku-16, heroku-18, heroku-20) fail synth with their successor named, since Heroku refuses them only
 * at apply, after the app was created.
 */
// @ts-nocheck

export class BuildStack {
  public static readonly HEROKU_22 = new BuildStack("heroku-22");
  public static readonly HEROKU_24 = new BuildStack("heroku-24");
  /** Apps released as container images (`heroku container:release`, or a registry push from CI). */
  public static readonly CONTAINER = new BuildStack("container");

  /** A stack by its API name, e.g. `"heroku-24"`. */
  public static of(name: string): BuildStack {
    return new BuildStack(name);
  }

  private constructor(public readonly name: string) {}
}
