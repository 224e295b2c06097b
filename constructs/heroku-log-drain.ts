import { Construct } from "constructs";
import { Drain } from "../.gen/providers/heroku/drain";
import type { IHerokuApp } from "./heroku-app";
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
    if (props.url.variable) {
      // The URL is only known at deploy time: Terraform checks its scheme before any API call.
      props.url.variable.addValidation({
        condition: `\${can(regex("^(syslog|syslog\\\\+tls|https?)://\\\\S+$", var.${props.url.variable.friendlyUniqueId}))}`,
        errorMessage: "The log drain URL must be a syslog://, syslog+tls://, http:// or https:// URL.",
      });
    }
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
