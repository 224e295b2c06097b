/**
 * A command's output, written with Dokku's log formatters (`plugins/common/log.go` and the `dokku_log_*` functions of
 * `plugins/common/functions`, which print the same prefixes). The `*Quiet` ones print nothing under `--quiet`.
 */

/** What one command gives back: Dokku's output on each stream and its exit status. */
export interface DokkuCommandResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** The two streams a command writes, each kept in the order written. */
export class DokkuOutput {
  private stdoutText = "";
  private stderrText = "";

  /** @param quiet whether `--quiet` was given (Dokku's `DOKKU_QUIET_OUTPUT`). */
  public constructor(private readonly quiet: boolean) {}

  /** Whether `--quiet` was given, for output Dokku drops by testing `DOKKU_QUIET_OUTPUT` itself. */
  public get isQuiet(): boolean {
    return this.quiet;
  }

  /** Text on stdout as it is (`fmt.Print`). */
  public print(text: string): void {
    this.stdoutText += text;
  }

  /** A line on stdout (`fmt.Println`, `echo`, `common.Log`). */
  public line(text: string): void {
    this.print(`${text}\n`);
  }

  /** `-----> text` (`LogInfo1`, `dokku_log_info1`). */
  public info1(text: string): void {
    this.line(`-----> ${text}`);
  }

  /** `-----> text` unless quiet. */
  public info1Quiet(text: string): void {
    if (!this.quiet) this.info1(text);
  }

  /** `=====> text` (`LogInfo2`, `dokku_log_info2`). */
  public info2(text: string): void {
    this.line(`=====> ${text}`);
  }

  /** `=====> text` unless quiet. */
  public info2Quiet(text: string): void {
    if (!this.quiet) this.info2(text);
  }

  /** `       text`, seven spaces (`LogVerbose`, `dokku_log_verbose`). */
  public verbose(text: string): void {
    this.line(`       ${text}`);
  }

  /** `       text` unless quiet. */
  public verboseQuiet(text: string): void {
    if (!this.quiet) this.verbose(text);
  }

  /** Text on stderr as it is (`fmt.Fprint(os.Stderr, ...)`). */
  public printStderr(text: string): void {
    this.stderrText += text;
  }

  /** ` !     text` on stderr (`LogWarn`, `dokku_log_warn`; also how a failure's message is printed). */
  public warn(text: string): void {
    this.printStderr(` !     ${text}\n`);
  }

  /** ` !     text` on stderr unless quiet. */
  public warnQuiet(text: string): void {
    if (!this.quiet) this.warn(text);
  }

  /** The output so far, with the status the command exits with. */
  public result(status: number): DokkuCommandResult {
    return { stdout: this.stdoutText, stderr: this.stderrText, status };
  }
}
