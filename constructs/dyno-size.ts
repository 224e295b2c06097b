import { DYNO_SIZE, DYNO_SIZES } from "./private/rules";

/**
 * A dyno size (the formation's `size`).
 *
 * Enum-like: `DynoSize.BASIC`, `DynoSize.STANDARD_1X`, … or `DynoSize.of("performance-l-ram")`. Names are
 * case-insensitive, as in the API (which answers "Standard-1X"); an unknown name fails synth, and a retired one
 * (free, hobby) names its successor.
 */
export class DynoSize {
  public static readonly ECO = new DynoSize("eco");
  public static readonly BASIC = new DynoSize("basic");
  public static readonly STANDARD_1X = new DynoSize("standard-1x");
  public static readonly STANDARD_2X = new DynoSize("standard-2x");
  public static readonly PERFORMANCE_M = new DynoSize("performance-m");
  public static readonly PERFORMANCE_L = new DynoSize("performance-l");
  public static readonly PERFORMANCE_L_RAM = new DynoSize("performance-l-ram");
  public static readonly PERFORMANCE_XL = new DynoSize("performance-xl");
  public static readonly PERFORMANCE_2XL = new DynoSize("performance-2xl");

  /** Every size the Common Runtime offers (Private and Shield Space sizes need a space, which this library does not manage). */
  public static readonly KNOWN: readonly string[] = DYNO_SIZES;

  /** A size by name, e.g. `"performance-l-ram"`. */
  public static of(name: string): DynoSize {
    // A name of another type (from JavaScript) is kept as it is, for the formation to report it.
    return new DynoSize(typeof name === "string" ? name.toLowerCase() : name);
  }

  private constructor(public readonly name: string) {}

  public get isKnown(): boolean {
    return DYNO_SIZE.test(this.name);
  }

  /** Eco and Basic dynos run at most one dyno per process type. */
  public get maxQuantity(): number | undefined {
    return this.name === "eco" || this.name === "basic" ? 1 : undefined;
  }
}
