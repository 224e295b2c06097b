import { Construct } from "constructs";
import { Drain } from "../.gen/providers/heroku/drain";
import type { IHerokuApp } from "./heroku-app";
import {
  expectBoolean,
  expectInstance,
  expectMatching,
  expectRecord,
  hiddenReporterFor,
  isHerokuApp,
  reporterFor,
} from "./private/prop-types";
import { ENCRYPTED_LOG_DRAIN_URL, EXPECTED_TYPES, LOG_DRAIN_URL, TYPE_RULES } from "./private/rules";
import { checkSecretBeforeUse } from "./private/secret-check";
import { Secret } from "./secret";

/** Options for {@link HerokuApp.addLogDrain}. */
export interface HerokuLogDrainOptions {
  /**
   * Accept a `syslog://` or `http://` URL, which sends every log line, and the drain's token, unencrypted. Only for a
   * destination that offers no TLS endpoint: Heroku recommends `syslog+tls://` or `https://` ("Log Drains").
   *
   * @default false - Terraform refuses a syslog:// or http:// URL before the drain is created
   */
  readonly allowUnencrypted?: boolean;
}

/** Properties of a {@link HerokuLogDrain}. */
export interface HerokuLogDrainProps extends HerokuLogDrainOptions {
  /** The app whose logs are drained. */
  readonly app: IHerokuApp;

  /**
   * Where the logs go (syslog+tls:// or https://; syslog:// and http:// with `allowUnencrypted`). Drain URLs usually
   * carry an ingestion token, so the URL is a secret and is written to `sensitive_url`.
   */
  readonly url: Secret;
}

/** A log drain (`heroku_drain`) whose URL never appears in `cdktf.out` or plan output. */
export class HerokuLogDrain extends Construct {
  /** The generated `heroku_drain` resource. */
  public readonly resource: Drain;

  constructor(scope: Construct, id: string, props: HerokuLogDrainProps) {
    super(scope, id);
    const report = reporterFor(this);
    const given: Partial<HerokuLogDrainProps> = expectRecord(report, "props", props) ? props : {};
    const app = expectMatching(report, "app", given.app, isHerokuApp, TYPE_RULES.instance(EXPECTED_TYPES.herokuApp))
      ? given.app
      : undefined;
    // A URL given as a string (from JavaScript) is a secret in the clear: reported without its value.
    const url = expectInstance(hiddenReporterFor(this), "url", given.url, Secret, EXPECTED_TYPES.secret)
      ? given.url
      : undefined;
    const allowUnencrypted = expectBoolean(report, "allowUnencrypted", given.allowUnencrypted, { optional: true })
      ? given.allowUnencrypted
      : false;

    this.resource = new Drain(this, "Resource", { appId: app?.appId ?? "", sensitiveUrl: url?.value });
    if (!url) return;
    // The URL is only known at deploy time: Terraform checks it before the drain is created, never printing it.
    checkSecretBeforeUse(
      this.resource,
      url,
      LOG_DRAIN_URL,
      `The log drain URL (${url.environmentVariable}) ${LOG_DRAIN_URL.description}.`,
    );
    if (!allowUnencrypted) {
      checkSecretBeforeUse(
        this.resource,
        url,
        ENCRYPTED_LOG_DRAIN_URL,
        `The log drain URL (${url.environmentVariable}) ${ENCRYPTED_LOG_DRAIN_URL.description} ` +
          "(allowUnencrypted: true accepts it).",
      );
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
