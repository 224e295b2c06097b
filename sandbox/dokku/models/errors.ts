/**
 * What the Dokku model refuses, as types. Each carries Dokku's own message and exit status; the model knows nothing of
 * SSH or of output: the command layer prints the message as Dokku's failure log does (` !     <message>` on stderr)
 * and exits with the status.
 */
export abstract class DokkuModelError extends Error {
  /** @param exitStatus the status Dokku exits with: 1 for `dokku_log_fail` and Go's `LogFailWithError`, unless told. */
  public constructor(
    message: string,
    public readonly exitStatus = 1,
  ) {
    super(message);
  }
}

/** An argument is missing ("Please specify an app to run the command on", "At least one env pair must be given"). */
export class UsageError extends DokkuModelError {}

/** A value breaks one of Dokku's rules: an app name, a config key, a hostname, a port mapping, a buildpack URL. */
export class InvalidError extends DokkuModelError {}

/** Something that must be unique exists already: an app name, a service, a link, an alias. */
export class ConflictError extends DokkuModelError {}

/** A service, or a link, that does not exist. */
export class NotFoundError extends DokkuModelError {}

/**
 * An app that does not exist. Dokku exits 20 for it, from Go (`common.AppDoesNotExist.ExitCode`) and from shell
 * plugins (`verify_app_name`), so a client can tell "no such app" from other failures: the provider's `apps:exists`.
 */
export class AppNotFoundError extends NotFoundError {
  public constructor(app: string) {
    super(`App ${app} does not exist`, 20);
  }
}
