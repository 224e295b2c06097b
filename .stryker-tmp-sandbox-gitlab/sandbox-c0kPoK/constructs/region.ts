// @ts-nocheck
import { REGION } from "./private/rules";

/**
 * A Heroku Common Runtime region.
 *
 * Enum-like: `HerokuRegion.US`, `HerokuRegion.EU`, or `HerokuRegion.of(name)` for a region this list does not know yet
 * (an unknown name still fails synth with the list of known ones, so a typo never reaches the API).
 */
export class HerokuRegion {
  /** United States (Virginia). */
  public static readonly US = new HerokuRegion("us");
  /** Europe (Dublin). */
  public static readonly EU = new HerokuRegion("eu");

  /** The regions the Common Runtime offers; private-space regions need a space, which this library does not manage. */
  public static readonly KNOWN: readonly string[] = [HerokuRegion.US.name, HerokuRegion.EU.name];

  /** A region by its API name, e.g. `"eu"`. */
  public static of(name: string): HerokuRegion {
    return new HerokuRegion(name);
  }

  private constructor(public readonly name: string) {}

  /** Whether Heroku's Common Runtime offers this region. */
  public get isKnown(): boolean {
    return REGION.test(this.name);
  }
}
