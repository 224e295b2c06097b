import { Construct } from "constructs";
import { Addon } from "../.gen/providers/heroku/addon";
import { AddonAttachment } from "../.gen/providers/heroku/addon-attachment";
import type { IHerokuApp } from "./heroku-app";
import { HerokuPostgres } from "./heroku-postgres";
import { addonServiceOf, configVarsSetBy, isDataStore, serviceOf } from "./private/addon-services";
import { declaresConfigKey } from "./private/declared-config-keys";
import { expectBoolean, expectString, reporterFor } from "./private/prop-types";
import { ADDON_AND_SECRET_RULES, ADDON_PLAN, ATTACHMENT_NAME, POSTGRES_PLAN } from "./private/rules";
import { isLiteral, validateAtSynth } from "./private/validation";

/** Options for {@link IHerokuApp.addAddon}. */
export interface HerokuAddonOptions {
  /**
   * The plan, as `<service>:<plan>`: `heroku-redis:premium-0`, `scheduler:standard`, `papertrail:choklad`, … (the
   * add-on's page in Heroku Elements lists its plans).
   */
  readonly plan: string;

  /**
   * The name the add-on is attached to the app under. Heroku prefixes the config vars an add-on sets with it:
   * heroku-redis attached as `CACHE` sets `CACHE_URL` instead of `REDIS_URL`. A name other than the service's default
   * adds a second attachment, as {@link HerokuPostgresOptions.attachmentName} does.
   *
   * @default - the service's own attachment name (`REDIS`, `PAPERTRAIL`, …), chosen by Heroku
   */
  readonly attachmentName?: string;

  /**
   * Makes Terraform refuse any plan that would destroy or replace the add-on (`lifecycle.prevent_destroy`).
   *
   * @default - true for a data store (heroku-postgresql, heroku-redis, heroku-kafka) of a production-like app
   */
  readonly preventDestroy?: boolean;
}

/** Properties of a {@link HerokuAddon}. */
export interface HerokuAddonProps extends HerokuAddonOptions {
  /** The app the add-on is provisioned for, and billed to. */
  readonly app: IHerokuApp;
}

/**
 * Any Heroku add-on, by `service:plan` (`heroku_addon`): Heroku Key-Value Store (`heroku-redis`), Scheduler,
 * Papertrail, … For Postgres, {@link HerokuApp.addPostgres} knows the plans by name.
 *
 * Heroku sets the add-on's config vars on the app ({@link configVarNames}: `REDIS_URL` for heroku-redis) and may
 * rotate them, so the app reads them from its environment. Declaring one of them in the app's `config` or `secrets`
 * too fails synth, as `DATABASE_URL` does for Postgres. Data stores of production-like apps get `prevent_destroy`.
 */
export class HerokuAddon extends Construct {
  public readonly plan: string;
  public readonly app: IHerokuApp;
  public readonly preventDestroy: boolean;

  /** The attachment name asked for, else the service's default when this library knows the service. */
  public readonly attachmentName?: string;

  /**
   * The config vars Heroku sets on the app for this add-on, e.g. `["REDIS_URL", "REDIS_TLS_URL"]`; empty for a
   * service this library does not know (see `constructs/private/addon-services.ts`).
   */
  public readonly configVarNames: readonly string[];

  /** The generated `heroku_addon` resource. */
  public readonly resource: Addon;

  /** The extra attachment, when `attachmentName` is not the service's default. */
  public readonly attachment?: AddonAttachment;

  constructor(scope: Construct, id: string, props: HerokuAddonProps) {
    super(scope, id);
    const report = reporterFor(this);
    this.app = props.app;
    this.plan = expectString(report, "plan", props.plan) ? props.plan : "";
    const attachmentName = expectString(report, "attachmentName", props.attachmentName, { optional: true })
      ? props.attachmentName
      : undefined;
    const preventDestroy = expectBoolean(report, "preventDestroy", props.preventDestroy, { optional: true })
      ? props.preventDestroy
      : undefined;
    const service = isLiteral(this.plan) ? addonServiceOf(this.plan) : undefined;
    this.attachmentName = attachmentName ?? service?.defaultAttachmentName;
    this.configVarNames = isLiteral(this.plan) ? configVarsSetBy(this.plan, this.attachmentName) : [];
    // A store's data outlives any one deploy of a production-like app; losing it must take a decision.
    this.preventDestroy =
      preventDestroy ?? (isLiteral(this.plan) && isDataStore(this.plan) && props.app.productionLike);

    this.resource = new Addon(this, "Resource", {
      appId: props.app.appId,
      plan: this.plan,
      lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
    });
    // Heroku always attaches a new add-on under the service's default name; another name is a second attachment.
    if (attachmentName !== undefined && attachmentName !== service?.defaultAttachmentName) {
      this.attachment = new AddonAttachment(this, "Attachment", {
        appId: props.app.appId,
        addonId: this.resource.id,
        name: attachmentName,
      });
    }

    validateAtSynth(this, (problems) => {
      if (problems.check("plan", this.plan, ADDON_PLAN) && serviceOf(this.plan) === "heroku-postgresql") {
        problems.check("plan", this.plan, POSTGRES_PLAN);
      }
      problems.check("attachmentName", attachmentName, ATTACHMENT_NAME);
      const sameAttachment = this.earlierAddonAttachedAs(this.attachmentName);
      if (sameAttachment) {
        problems.add(
          "attachmentName",
          this.attachmentName,
          ADDON_AND_SECRET_RULES.attachmentNameTaken(sameAttachment.node.path),
          "give each add-on of the app its own attachmentName",
        );
      }
      for (const key of this.configVarNames.filter((name) => declaresConfigKey(props.app, name))) {
        problems.add(
          "app config",
          key,
          ADDON_AND_SECRET_RULES.setByAddon(this.plan, this.attachmentName),
          ADDON_AND_SECRET_RULES.setByAddonHint(key),
        );
      }
    });
  }

  /** The add-on or database added to the same app before this one under `name`, if any. */
  private earlierAddonAttachedAs(name: string | undefined): Construct | undefined {
    if (name === undefined) return undefined;
    const siblings = this.app.node.children;
    // An add-on made with `new HerokuAddon(otherScope, …)` is not among the app's children: all of them came first.
    const position = siblings.indexOf(this);
    return siblings
      .slice(0, position < 0 ? siblings.length : position)
      .find(
        (sibling): sibling is HerokuAddon | HerokuPostgres =>
          (sibling instanceof HerokuAddon || sibling instanceof HerokuPostgres) && sibling.attachmentName === name,
      );
  }
}
