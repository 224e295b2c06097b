import { Construct } from "constructs";
import { Domain } from "../.gen/providers/heroku/domain";
import type { IHerokuApp } from "./heroku-app";
import { expectMatching, expectRecord, expectString, isHerokuApp, reporterFor } from "./private/prop-types";
import { EXPECTED_TYPES, HOSTNAME, TYPE_RULES } from "./private/rules";
import { validateAtSynth } from "./private/validation";

/** Properties of a {@link HerokuDomain}. */
export interface HerokuDomainProps {
  /** The app that serves the domain. */
  readonly app: IHerokuApp;

  /** The hostname, e.g. `api.example.com`. */
  readonly hostname: string;
}

/**
 * A custom domain (`heroku_domain`). Point the domain's DNS at {@link cname}. With the app's `acm` on, Heroku issues
 * and renews its TLS certificate; without it the lint rules warn, since the domain would serve no valid certificate.
 */
export class HerokuDomain extends Construct {
  public readonly app: IHerokuApp;
  public readonly hostname: string;

  /** The generated `heroku_domain` resource. */
  public readonly resource: Domain;

  constructor(scope: Construct, id: string, givenProps: HerokuDomainProps) {
    super(scope, id);
    // Each prop of the wrong type (from JavaScript or JSON) is reported and left out, so that building goes on.
    const report = reporterFor(this);
    const given: Partial<HerokuDomainProps> = expectRecord(report, "props", givenProps) ? givenProps : {};
    const appGiven = expectMatching(
      report,
      "app",
      given.app,
      isHerokuApp,
      TYPE_RULES.instance(EXPECTED_TYPES.herokuApp),
    );
    const props = {
      app: given.app as IHerokuApp,
      hostname: expectString(report, "hostname", given.hostname) ? given.hostname : (undefined as unknown as string),
    };
    this.app = props.app;
    this.hostname = props.hostname;
    this.resource = new Domain(this, "Resource", { appId: appGiven ? props.app.appId : "", hostname: props.hostname });
    validateAtSynth(this, (problems) => problems.check("hostname", props.hostname, HOSTNAME));
  }

  /**
   * The DNS target for the hostname's CNAME (or ALIAS) record.
   *
   * @attribute
   */
  public get cname(): string {
    return this.resource.cname;
  }
}
