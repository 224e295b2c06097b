/**
 * Every command a Dokku 0.34.9 server with the Postgres plugin (1.38.0) runs: each core plugin's `subcommands/*` (a
 * `default` one is the bare plugin name) and the cases of each Go plugin's `src/subcommands/subcommands.go` and
 * `src/commands/commands.go`, the `dokku` script's own (`help`, `version`) and the plugin's `subcommands/*`; besides
 * these, every plugin answers `<plugin>:help`, and the git plugin every `git-*`. A command Dokku does not have gets
 * Dokku's "is not a dokku command"; one it has that the sandbox does not model gets the sandbox's own refusal instead,
 * so the two are never confused.
 *
 * Listed one plugin a line (derived from the v0.34.9 and 1.38.0 trees), split at blanks.
 */
const DOKKU_COMMANDS: ReadonlySet<string> = new Set(
  `
  app-json app-json:report app-json:set
  apps apps:clone apps:create apps:destroy apps:exists apps:list apps:lock apps:locked apps:rename apps:report
    apps:unlock
  builder builder:report builder:set
  builder-dockerfile builder-dockerfile:report builder-dockerfile:set
  builder-herokuish builder-herokuish:report builder-herokuish:set
  builder-lambda builder-lambda:report builder-lambda:set
  builder-nixpacks builder-nixpacks:report builder-nixpacks:set
  builder-pack builder-pack:report builder-pack:set
  buildpacks buildpacks:add buildpacks:clear buildpacks:list buildpacks:remove buildpacks:report buildpacks:set
    buildpacks:set-property
  caddy caddy:logs caddy:report caddy:set caddy:show-config caddy:start caddy:stop
  certs certs:add certs:generate certs:remove certs:report certs:show certs:update
  checks checks:disable checks:enable checks:report checks:run checks:set checks:skip
  cleanup
  config config:bundle config:clear config:export config:get config:keys config:set config:show config:unset
  cron cron:list cron:report cron:run cron:set
  deploy
  docker-options docker-options:add docker-options:clear docker-options:remove docker-options:report
  domains domains:add domains:add-global domains:clear domains:clear-global domains:disable domains:enable
    domains:remove domains:remove-global domains:report domains:set domains:set-global domains:setup
  enter
  events events:list events:off events:on
  git git:allow-host git:auth git:from-archive git:from-image git:generate-deploy-key git:initialize git:load-image
    git:public-key git:report git:set git:status git:sync git:unlock
  git-hook
  git-upload-pack
  haproxy haproxy:logs haproxy:report haproxy:set haproxy:show-config haproxy:start haproxy:stop
  help
  logs logs:failed logs:report logs:set logs:vector-logs logs:vector-start logs:vector-stop
  network network:create network:destroy network:exists network:info network:list network:rebuild network:rebuildall
    network:report network:set
  nginx nginx:access-logs nginx:error-logs nginx:report nginx:set nginx:show-conf nginx:show-config nginx:start
    nginx:stop nginx:validate nginx:validate-config
  openresty openresty:logs openresty:report openresty:set openresty:show-config openresty:start openresty:stop
  plugin plugin:disable plugin:enable plugin:install plugin:install-dependencies plugin:installed plugin:list
    plugin:trigger plugin:uninstall plugin:update
  ports ports:add ports:clear ports:list ports:remove ports:report ports:set
  postgres postgres:app-links postgres:backup postgres:backup-auth postgres:backup-deauth postgres:backup-schedule
    postgres:backup-schedule-cat postgres:backup-set-encryption postgres:backup-unschedule
    postgres:backup-unset-encryption postgres:clone postgres:connect postgres:create postgres:destroy postgres:enter
    postgres:exists postgres:export postgres:expose postgres:import postgres:info postgres:link postgres:linked
    postgres:links postgres:list postgres:logs postgres:pause postgres:promote postgres:restart postgres:set
    postgres:start postgres:stop postgres:unexpose postgres:unlink postgres:upgrade
  proxy proxy:build-config proxy:clear-config proxy:disable proxy:enable proxy:report proxy:set
  ps ps:inspect ps:rebuild ps:report ps:restart ps:restore ps:retire ps:scale ps:set ps:start ps:stop
  registry registry:login registry:report registry:set
  repo repo:gc repo:purge-cache
  report
  resource resource:limit resource:limit-clear resource:report resource:reserve resource:reserve-clear
  run run:detached run:list run:logs run:stop
  scheduler scheduler:report scheduler:set
  scheduler-docker-local scheduler-docker-local:report scheduler-docker-local:set
  scheduler-k3s scheduler-k3s:annotations:set scheduler-k3s:autoscaling-auth:report
    scheduler-k3s:autoscaling-auth:set scheduler-k3s:cluster-add scheduler-k3s:cluster-list
    scheduler-k3s:cluster-remove scheduler-k3s:initialize scheduler-k3s:labels:set scheduler-k3s:report
    scheduler-k3s:set scheduler-k3s:show-kubeconfig scheduler-k3s:uninstall
  shell
  ssh-keys ssh-keys:add ssh-keys:list ssh-keys:remove
  storage storage:ensure-directory storage:list storage:mount storage:report storage:unmount
  trace trace:off trace:on
  traefik traefik:logs traefik:report traefik:set traefik:show-config traefik:start traefik:stop
  url
  urls
  version
`
    .split(/\s+/)
    .filter((name) => name !== ""),
);

/** Whether Dokku 0.34.9 (with the Postgres plugin) has this command. */
export function isDokkuCommand(name: string): boolean {
  if (DOKKU_COMMANDS.has(name) || name.startsWith("git-")) return true;
  const plugin = name.endsWith(":help") ? name.slice(0, -":help".length) : undefined;
  return (
    plugin !== undefined && [...DOKKU_COMMANDS].some((known) => known === plugin || known.startsWith(`${plugin}:`))
  );
}
