/**
 * nginx's config build after a domains or ports change (the `post-domains-update` and `post-proxy-ports-update`
 * triggers → `nginx_build_config`), with what it prints for an app that has not been deployed.
 */
import { buildProxyConfig } from "../models/proxy";
import { portMapText } from "../models/ports";
import type { DokkuAppRecord } from "../models/records";
import type { DokkuOutput } from "./output";

/** Runs the build and prints what Dokku prints: the random port it picked, ignored `https` mappings, no listeners. */
export function rebuildNginxConfig(out: DokkuOutput, app: DokkuAppRecord): void {
  const build = buildProxyConfig(app);
  if (build.randomProxyPort !== undefined) {
    out.info1("No port set, setting to random open high port");
    out.info1(`Random port ${build.randomProxyPort}`);
  }
  for (const portMap of build.ignoredHttpsPortMaps) {
    out.warn(`Ignoring detected https port mapping without an accompanying ssl certificate (${portMapText(portMap)})`);
  }
  // An app with no running container has no web listeners, so the build stops before writing nginx.conf.
  out.warnQuiet(`No web listeners specified for ${app.name}`);
}
