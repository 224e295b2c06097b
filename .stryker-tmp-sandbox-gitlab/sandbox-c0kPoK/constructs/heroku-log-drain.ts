// @ts-nocheck
import { Construct } from "constructs";
import { Drain } from "../.gen/providers/heroku/drain";
import type { IHerokuApp } from "./heroku-app";
import { LOG_DRAIN_URL } from "./private/rules";
import { checkSecretBeforeUse } from "./private/secret-check";
import { Secret } from "./secret";

/** Properties of a {@link HerokuLogDrain}. */
export interface HerokuLogDrainProps {
  /** The app whose logs are drained. */
  readonly app: IHerokuApp;

  /**
   * Where the logs go (syslog://, syslog+tls://, http:// or https://). Drain URLs usually carry an ingestion token, so
   * the URL is a secret and is written to `sensitive_url`.
   */
  readonly url: Secret;
}

/** A log drain (`heroku_drain`) whose URL never appears in `cdktf.out` or plan output. */
export class HerokuLogDrain extends Construct {
  /** The generated `heroku_drain` resource. */
  public readonly resource: Drain;

  constructor(scope: Construct, id: string, props: HerokuLogDrainProps) {
    super(scope, id);
    this.resource = new Drain(this, "Resource", { appId: props.app.appId, sensitiveUrl: props.url.value });
    // The URL is only known at deploy time: Terraform checks its scheme before the drain is created.
    checkSecretBeforeUse(
      this.resource,
      props.url,
      LOG_DRAIN_URL,
      `The log drain URL (${props.url.environmentVariable}) ${LOG_DRAIN_URL.description}.`,
    );
  }

  /**
   * The drain's token, which Heroku adds to each log line it sends.
   *
   * @attribute
   */
  public get token(): string {
    return this.resource.token;
  }
}
