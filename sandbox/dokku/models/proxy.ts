/**
 * What nginx's config build (`nginx_build_config` in plugins/nginx-vhosts/functions at v0.34.9) does to an app that has
 * never been deployed, which is every app on the sandbox. Dokku runs it after every domains and ports change
 * (`post-domains-update`, `post-proxy-ports-update`): it picks the port nginx will listen on and checks the mappings,
 * then stops, having no container to route to.
 */
import { randomInt } from "node:crypto";
import { configValue, setConfigVars } from "./config";
import { isVhostEnabled } from "./domains";
import { goAtoi } from "./go-text";
import type { DokkuAppRecord, DokkuPortMapRecord } from "./records";

/** What the build did that Dokku reports. */
export interface ProxyBuild {
  /** The random port given to an app with no proxy port and vhost support off ("Random port N"); else undefined. */
  randomProxyPort?: number;
  /** `https` mappings nginx ignores, the app having no TLS certificate (each one is warned about). */
  ignoredHttpsPortMaps: DokkuPortMapRecord[];
}

/**
 * Linux's default ephemeral port range, where the free port Dokku asks the OS for (`getAvailablePort`, a listen on
 * port 0) comes from; the sandbox binds nothing, so it draws one from the same range.
 */
const EPHEMERAL_PORTS = { from: 32768, to: 60999 };

/** An int config value as the ports plugin reads it (`strconv.Atoi`, 0 when unset or not a number). */
function configPort(app: DokkuAppRecord, key: string): number {
  const parsed = goAtoi(configValue(app, key) ?? "");
  return parsed.ok ? Number(parsed.value) : 0;
}

/**
 * Runs the build: `ports-configure` gives the app a `DOKKU_PROXY_PORT` when it has none (80 with vhost support on, the
 * server having no global proxy port; a random free port with it off), then the mappings nginx would serve (the app's,
 * else the default `http:<proxy port>:5000`) are checked for `https` ones, which need a certificate the sandbox's apps
 * never have.
 */
export function buildProxyConfig(app: DokkuAppRecord): ProxyBuild {
  const build: ProxyBuild = { ignoredHttpsPortMaps: [] };
  if (configPort(app, "DOKKU_PROXY_PORT") === 0) {
    let port = 80;
    if (!isVhostEnabled(app)) {
      port = randomInt(EPHEMERAL_PORTS.from, EPHEMERAL_PORTS.to + 1);
      build.randomProxyPort = port;
    }
    setConfigVars(app, new Map([["DOKKU_PROXY_PORT", String(port)]]));
  }
  const served =
    app.ports.length > 0
      ? app.ports
      : [{ scheme: "http", hostPort: configPort(app, "DOKKU_PROXY_PORT"), containerPort: 5000 }];
  build.ignoredHttpsPortMaps = served.filter((portMap) => portMap.scheme === "https");
  return build;
}
