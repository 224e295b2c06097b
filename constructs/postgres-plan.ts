/**
 * A Heroku Postgres plan.
 *
 * Enum-like: `PostgresPlan.ESSENTIAL_0`, `PostgresPlan.STANDARD_0`, … and `PostgresPlan.custom("heroku-postgresql:…")`
 * as an escape hatch for plans this list does not know. Retired plans (hobby-dev, hobby-basic, mini, basic) fail
 * synth with their successor named, since Heroku refuses them only at apply.
 */
export class PostgresPlan {
  /** Essential tier: shared hardware, no follower or fork, 1 GB (essential-0), for development and review apps. */
  public static readonly ESSENTIAL_0 = PostgresPlan.named("essential-0");
  public static readonly ESSENTIAL_1 = PostgresPlan.named("essential-1");
  public static readonly ESSENTIAL_2 = PostgresPlan.named("essential-2");
  /** Standard tier: dedicated, with point-in-time recovery; the usual production plan. */
  public static readonly STANDARD_0 = PostgresPlan.named("standard-0");
  public static readonly STANDARD_2 = PostgresPlan.named("standard-2");
  public static readonly STANDARD_3 = PostgresPlan.named("standard-3");
  public static readonly STANDARD_4 = PostgresPlan.named("standard-4");
  public static readonly STANDARD_5 = PostgresPlan.named("standard-5");
  public static readonly STANDARD_6 = PostgresPlan.named("standard-6");
  public static readonly STANDARD_7 = PostgresPlan.named("standard-7");
  public static readonly STANDARD_8 = PostgresPlan.named("standard-8");
  public static readonly STANDARD_9 = PostgresPlan.named("standard-9");
  /** Premium tier: standard plus high availability. */
  public static readonly PREMIUM_0 = PostgresPlan.named("premium-0");
  public static readonly PREMIUM_2 = PostgresPlan.named("premium-2");
  public static readonly PREMIUM_3 = PostgresPlan.named("premium-3");
  public static readonly PREMIUM_4 = PostgresPlan.named("premium-4");
  public static readonly PREMIUM_5 = PostgresPlan.named("premium-5");
  public static readonly PREMIUM_6 = PostgresPlan.named("premium-6");
  public static readonly PREMIUM_7 = PostgresPlan.named("premium-7");
  public static readonly PREMIUM_8 = PostgresPlan.named("premium-8");
  public static readonly PREMIUM_9 = PostgresPlan.named("premium-9");

  /**
   * Any `heroku-postgresql:<plan>` plan, e.g. one released after this library.
   *
   * @param plan the full plan name, e.g. `"heroku-postgresql:private-0"`
   */
  public static custom(plan: string): PostgresPlan {
    return new PostgresPlan(plan);
  }

  private static named(size: string): PostgresPlan {
    return new PostgresPlan(`heroku-postgresql:${size}`);
  }

  private constructor(
    /** The plan as the add-on API takes it, e.g. `heroku-postgresql:standard-0`. */
    public readonly name: string,
  ) {}

  /** The part after the colon, e.g. `standard-0`. */
  public get size(): string {
    // A name of another type (from JavaScript) has no size; the database reports it.
    return typeof this.name === "string" ? (this.name.split(":")[1] ?? "") : "";
  }

  /** Essential plans run on shared infrastructure without point-in-time recovery. */
  public get isEssential(): boolean {
    return this.size.startsWith("essential-");
  }
}
