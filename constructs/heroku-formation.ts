import { Annotations, Aspects, IAspect, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { Formation } from "../.gen/providers/heroku/formation";
import { DynoSize } from "./dyno-size";
import type { IHerokuApp } from "./heroku-app";
import {
  expectInstance,
  expectMatching,
  expectNumber,
  expectRecord,
  expectString,
  isHerokuApp,
  reporterFor,
} from "./private/prop-types";
import {
  DYNO_LIMIT_WARNINGS,
  DYNO_LIMITS,
  DYNO_SIZE,
  dynoQuantityProblem,
  dynoTierConflict,
  EXPECTED_TYPES,
  factoryHint,
  PROCESS_TYPE,
  TYPE_RULES,
} from "./private/rules";
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
 *
 * Heroku's limits are checked across the app's formations: eco or basic dynos never share an app with another size
 * (a synth problem), and its default dyno limits (100 per app, 10 Performance dynos per process type, 2 eco dynos per
 * app), which Heroku raises on request, are warnings.
 */
export class HerokuFormation extends Construct {
  public readonly type: string;
  public readonly size: DynoSize;
  public readonly quantity: number;

  /** The generated `heroku_formation` resource. */
  public readonly resource: Formation;

  constructor(scope: Construct, id: string, props: HerokuFormationProps) {
    super(scope, id);
    const report = reporterFor(this);
    const given: Partial<HerokuFormationProps> = expectRecord(report, "props", props) ? props : {};
    const app = expectMatching(report, "app", given.app, isHerokuApp, TYPE_RULES.instance(EXPECTED_TYPES.herokuApp))
      ? given.app
      : undefined;
    this.type = expectString(report, "type", given.type, { optional: true }) ? given.type : "web";
    const sizeGiven = expectInstance(report, "size", given.size, DynoSize, EXPECTED_TYPES.dynoSize, {
      hint: factoryHint("DynoSize.of"),
    });
    const sizeNamed = sizeGiven && expectString(report, "size", given.size!.name);
    this.size = sizeGiven ? given.size! : UNKNOWN_SIZE;
    this.quantity = expectNumber(report, "quantity", given.quantity, { optional: true }) ? given.quantity : 1;

    this.resource = new Formation(this, "Resource", {
      appId: app?.appId ?? "",
      type: this.type,
      size: this.size.name,
      quantity: this.quantity,
    });

    const formations = app ? formationsOf(app, this) : [this];
    const performance = typeof this.size.name === "string" && this.size.name.startsWith("performance-");
    if (performance && isLiteralNumber(this.quantity) && this.quantity > DYNO_LIMITS.perPerformanceProcessType) {
      Annotations.of(this).addWarning(
        DYNO_LIMIT_WARNINGS.perPerformanceProcessType(this.type, this.quantity, this.size.name),
      );
    }

    validateAtSynth(this, (problems) => {
      problems.check("type", this.type, PROCESS_TYPE);
      if (!sizeNamed) return;
      problems.check("size", this.size.name, DYNO_SIZE);
      const quantityProblem = isLiteralNumber(this.quantity)
        ? dynoQuantityProblem(this.quantity, this.size.name, this.size.maxQuantity)
        : undefined;
      if (quantityProblem !== undefined) problems.add("quantity", this.quantity, quantityProblem);
      // Each later formation is reported against the first one it repeats or cannot share the app with.
      const earlier = formations.slice(0, formations.indexOf(this));
      // Not when addFormation() already reported the repetition (it gave this one the id `<id>-2`, beside the other).
      const reportedByAdd = (other: HerokuFormation) =>
        other.node.scope === this.node.scope && this.node.id.startsWith(`${other.node.id}-`);
      const sameType = earlier.find((other) => other.type === this.type && !reportedByAdd(other));
      if (sameType) {
        problems.add(
          "type",
          this.type,
          `is also scaled by the formation at ${sameType.node.path}; an app has one formation per process type`,
          "scale each process type once, with the size and quantity it should have",
        );
      }
      for (const other of earlier) {
        const conflict = dynoTierConflict(this.size.name, other.size.name);
        if (conflict === undefined) continue;
        problems.add(
          "size",
          this.size.name,
          `${conflict}; the formation at ${other.node.path} runs ${other.size.name}`,
          "run every process type of the app on one of eco or basic, or all of them on standard or performance sizes",
        );
        break;
      }
    });
  }
}

/** The size of a formation given none, or one of the wrong type (reported): it synthesizes no size. */
const UNKNOWN_SIZE = DynoSize.of(undefined as unknown as string);

/** A number known at synth (not a token that only Terraform resolves). */
function isLiteralNumber(value: number): boolean {
  return typeof value === "number" && !Token.isUnresolved(value);
}

const formationsByApp = new WeakMap<IConstruct, HerokuFormation[]>();

/**
 * The formations of `app` so far, `formation` added last. The first one registers the app-wide limits, checked once
 * every formation is known (at synth).
 */
function formationsOf(app: IHerokuApp, formation: HerokuFormation): readonly HerokuFormation[] {
  let formations = formationsByApp.get(app);
  if (!formations) {
    formations = [];
    formationsByApp.set(app, formations);
    Aspects.of(app).add(new AppDynoLimits(app, formations));
  }
  formations.push(formation);
  return formations;
}

/**
 * Warns, once, when an app's formations together pass Heroku's default per-app limits. An aspect rather than a
 * validation, so that the warning is part of every synth (cdktf shows warnings of the synthesized tree only).
 */
class AppDynoLimits implements IAspect {
  private warned = false;

  constructor(
    private readonly app: IConstruct,
    private readonly formations: readonly HerokuFormation[],
  ) {}

  public visit(node: IConstruct): void {
    if (node !== this.app || this.warned) return;
    this.warned = true;
    const counted = this.formations.filter((formation) => isLiteralNumber(formation.quantity));
    const total = counted.reduce((sum, formation) => sum + formation.quantity, 0);
    if (total > DYNO_LIMITS.perApp) Annotations.of(this.app).addWarning(DYNO_LIMIT_WARNINGS.perApp(total));
    const eco = counted.filter((formation) => formation.size.name === "eco");
    const ecoTotal = eco.reduce((sum, formation) => sum + formation.quantity, 0);
    if (ecoTotal > DYNO_LIMITS.ecoPerApp) Annotations.of(this.app).addWarning(DYNO_LIMIT_WARNINGS.ecoPerApp(ecoTotal));
  }
}
