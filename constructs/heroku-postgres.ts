import { Construct } from "constructs";
import { Addon } from "../.gen/providers/heroku/addon";
import { AddonAttachment } from "../.gen/providers/heroku/addon-attachment";
import type { IHerokuApp } from "./heroku-app";
import { PostgresPlan } from "./postgres-plan";
import { declaresConfigKey } from "./private/declared-config-keys";
import {
  expectBoolean,
  expectInstance,
  expectMatching,
  expectRecord,
  expectString,
  isHerokuApp,
  reporterFor,
} from "./private/prop-types";
import { ATTACHMENT_NAME, EXPECTED_TYPES, POSTGRES_PLAN, TYPE_RULES } from "./private/rules";
import { validateAtSynth } from "./private/validation";

/** Options for {@link HerokuApp.addPostgres}. */
export interface HerokuPostgresOptions {
  /**
   * The plan.
   *
   * @default PostgresPlan.ESSENTIAL_0
   */
  readonly plan?: PostgresPlan;

  /**
   * The name the database is attached to the app under; Heroku sets the app's `<NAME>_URL` config var to the
   * connection string. The default attachment of an app's first database is `DATABASE`, i.e. `DATABASE_URL`, which is
   * what most frameworks read. Another name adds a second attachment (e.g. `ANALYTICS` → `ANALYTICS_URL`).
   *
   * @default "DATABASE"
   */
  readonly attachmentName?: string;

  /**
   * Makes Terraform refuse any plan that would destroy or replace the database (`lifecycle.prevent_destroy`).
   * Turning it off on a production database is reported by the lint rules.
   *
   * @default - true when the app is production-like
   */
  readonly preventDestroy?: boolean;
}

/** Properties of a {@link HerokuPostgres}. */
export interface HerokuPostgresProps extends HerokuPostgresOptions {
  /** The app the database is provisioned for. */
  readonly app: IHerokuApp;
}

/**
 * A Heroku Postgres add-on (`heroku_addon` with a `heroku-postgresql:*` plan).
 *
 * Heroku writes the connection string to the app's config var {@link configVarName} (`DATABASE_URL` by default) and
 * rotates it on maintenance, so the app must read it from the environment on each boot and never copy it into
 * another config var. Terraform does not manage that config var: `heroku_app` only tracks the keys it declares, and
 * declaring it too (in the app's `config` or `secrets`) fails synth: Terraform would set it back on every apply, and
 * every plan would print the real database URL.
 */
export class HerokuPostgres extends Construct {
  public readonly plan: PostgresPlan;
  public readonly attachmentName: string;
  public readonly preventDestroy: boolean;
  public readonly app: IHerokuApp;

  /** The generated `heroku_addon` resource. */
  public readonly resource: Addon;

  /** The extra attachment, when `attachmentName` is not `DATABASE`. */
  public readonly attachment?: AddonAttachment;

  constructor(scope: Construct, id: string, props: HerokuPostgresProps) {
    super(scope, id);
    // Each prop of the wrong type (from JavaScript or JSON) is reported and left out, so that building goes on.
    const report = reporterFor(this);
    const given: Partial<HerokuPostgresProps> = expectRecord(report, "props", props) ? props : {};
    const optional = { optional: true };
    const app = expectMatching(report, "app", given.app, isHerokuApp, TYPE_RULES.instance(EXPECTED_TYPES.herokuApp))
      ? given.app
      : undefined;
    this.app = app ?? (given.app as IHerokuApp);
    const plan = expectInstance(report, "plan", given.plan, PostgresPlan, EXPECTED_TYPES.postgresPlan, {
      ...optional,
      hint: (value) => (typeof value === "string" ? `write PostgresPlan.custom(${JSON.stringify(value)})` : undefined),
    })
      ? given.plan
      : undefined;
    const planNamed = plan === undefined || expectString(report, "plan", plan.name);
    this.plan = plan ?? PostgresPlan.ESSENTIAL_0;
    this.attachmentName = expectString(report, "attachmentName", given.attachmentName, optional)
      ? given.attachmentName
      : "DATABASE";
    this.preventDestroy =
      (expectBoolean(report, "preventDestroy", given.preventDestroy, optional) ? given.preventDestroy : undefined) ??
      app?.productionLike ??
      false;
    const appId = app?.appId ?? "";

    this.resource = new Addon(this, "Resource", {
      appId,
      plan: this.plan.name,
      lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
    });
    if (this.attachmentName !== "DATABASE") {
      this.attachment = new AddonAttachment(this, "Attachment", {
        appId,
        addonId: this.resource.id,
        name: this.attachmentName,
      });
    }

    validateAtSynth(this, (problems) => {
      if (planNamed) problems.check("plan", this.plan.name, POSTGRES_PLAN);
      problems.check("attachmentName", this.attachmentName, ATTACHMENT_NAME);
      if (app && declaresConfigKey(app, this.configVarName)) {
        problems.add(
          "app config",
          this.configVarName,
          `is set by this Heroku Postgres add-on (${this.plan.name}, attachment ${this.attachmentName}); declared ` +
            "on the app too, every plan would set it back and print the database URL",
          `remove ${this.configVarName} from the app's config and secrets: Heroku sets it, the app reads it from the environment`,
        );
      }
    });
  }

  /** The app config var that holds the connection string, which Heroku sets. */
  public get configVarName(): string {
    return `${this.attachmentName}_URL`;
  }
}
