// @ts-nocheck
import { Construct } from "constructs";
import { Formation } from "../.gen/providers/heroku/formation";
import { DynoSize } from "./dyno-size";
import type { IHerokuApp } from "./heroku-app";
import { DYNO_SIZE, isDynoQuantity, PROCESS_TYPE } from "./private/rules";
import { validateAtSynth } from "./private/validation";

/** Properties of a {@link HerokuFormation}. */
export interface HerokuFormationProps {
  /** The app whose dynos are scaled. */
  readonly app: IHerokuApp;

  /**
   * The process type, as the app's Procfile (or container release) names it.
   *
   * @default "web"
   */
  readonly type?: string;

  /** The dyno size. */
  readonly size: DynoSize;

  /**
   * How many dynos run. Eco and Basic allow at most one per process type; 0 stops the process type.
   *
   * @default 1
   */
  readonly quantity?: number;
}

/**
 * The size and number of dynos of one process type (`heroku_formation`).
 *
 * Heroku only knows a process type once a release has declared it (a code push or container release, which CI does,
 * not Terraform): until then the API rejects the formation with "Couldn't find that process type". A brand-new app
 * must therefore be deployed without formation first, then scaled once its code is released: leave this construct
 * out of the first deploy (the README's "bootstrap" section shows a switch for it).
 */
export class HerokuFormation extends Construct {
  public readonly type: string;
  public readonly size: DynoSize;
  public readonly quantity: number;

  /** The generated `heroku_formation` resource. */
  public readonly resource: Formation;

  constructor(scope: Construct, id: string, props: HerokuFormationProps) {
    super(scope, id);
    this.type = props.type ?? "web";
    this.size = props.size;
    this.quantity = props.quantity ?? 1;

    this.resource = new Formation(this, "Resource", {
      appId: props.app.appId,
      type: this.type,
      size: this.size.name,
      quantity: this.quantity,
    });

    validateAtSynth(this, (problems) => {
      problems.check("type", this.type, PROCESS_TYPE);
      problems.check("size", this.size.name, DYNO_SIZE);
      if (!isDynoQuantity(this.quantity)) {
        problems.add("quantity", this.quantity, "must be a whole number >= 0");
      } else if (this.size.maxQuantity !== undefined && this.quantity > this.size.maxQuantity) {
        problems.add(
          "quantity",
          this.quantity,
          `must be at most ${this.size.maxQuantity} for ${this.size.name} dynos (Heroku runs one per process type)`,
        );
      }
    });
  }
}
