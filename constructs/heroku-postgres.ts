import { Construct } from "constructs";
import { Addon } from "../.gen/providers/heroku/addon";
import { AddonAttachment } from "../.gen/providers/heroku/addon-attachment";
import type { IHerokuApp } from "./heroku-app";
import { POSTGRES_PLAN_NAME, PostgresPlan } from "./postgres-plan";
import { ATTACHMENT_NAME } from "./private/rules";
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
 * another config var. Terraform does not manage that config var: `heroku_app` only tracks the keys it declares.
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
    this.app = props.app;
    this.plan = props.plan ?? PostgresPlan.ESSENTIAL_0;
    this.attachmentName = props.attachmentName ?? "DATABASE";
    this.preventDestroy = props.preventDestroy ?? props.app.productionLike;

    this.resource = new Addon(this, "Resource", {
      appId: props.app.appId,
      plan: this.plan.name,
      lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
    });
    if (this.attachmentName !== "DATABASE") {
      this.attachment = new AddonAttachment(this, "Attachment", {
        appId: props.app.appId,
        addonId: this.resource.id,
        name: this.attachmentName,
      });
    }

    validateAtSynth(this, (problems) => {
      if (!POSTGRES_PLAN_NAME.test(this.plan.name)) {
        problems.add(
          "plan",
          this.plan.name,
          "must be heroku-postgresql:<plan>, e.g. heroku-postgresql:essential-0 or heroku-postgresql:standard-0",
        );
      }
      problems.requireMatch(
        "attachmentName",
        this.attachmentName,
        ATTACHMENT_NAME.pattern,
        ATTACHMENT_NAME.description,
      );
    });
  }

  /** The app config var that holds the connection string. */
  public get configVarName(): string {
    return `${this.attachmentName}_URL`;
  }
}
