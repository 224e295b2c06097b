/**
 * The sandbox's Dokku SSH front on its own, with a stand-in for Dokku's commands: who may log in (user `dokku`, an
 * authorized key, proven by its signature), one command per session with its output and exit status, what is refused
 * (a shell, another user, another key), injected faults, and eight sessions at once.
 */
import { generateKeyPair } from "../../sandbox/dokku/keys";
import { Client } from "ssh2";
import { Faults } from "../../sandbox/faults";
import {
  type DokkuSshFront,
  faultPathOf,
  startDokkuSshFront,
  type SshCommandResult,
} from "../../sandbox/dokku/ssh-front";

interface KeyPair {
  readonly private: string;
  readonly public: string;
}

function keyPair(): KeyPair {
  return generateKeyPair();
}

/** What one command gave the client: output, error output, and the exit status (undefined when none came). */
interface Outcome {
  stdout: string;
  stderr: string;
  status?: number;
}

/** Connects as `username` with `key`; resolves with the connection, or rejects with the client's error. */
function connect(front: DokkuSshFront, key: string, username = "dokku"): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.once("ready", () => resolve(client));
    client.once("error", reject);
    client.connect({ host: front.host, port: front.port, username, privateKey: key });
  });
}

/** Runs `command` in a session of `client`. */
function exec(client: Client, command: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      const outcome: Outcome = { stdout: "", stderr: "" };
      channel.on("data", (chunk: Buffer) => (outcome.stdout += chunk.toString()));
      channel.stderr.on("data", (chunk: Buffer) => (outcome.stderr += chunk.toString()));
      channel.on("exit", (status: number | null) => (outcome.status = status ?? undefined));
      channel.on("close", () => resolve(outcome));
    });
  });
}

describe("the Dokku SSH front", () => {
  const user = keyPair();
  const fronts: DokkuSshFront[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.end();
    for (const front of fronts.splice(0)) await front.close();
  });

  /** A front whose commands answer with `run` (by default: the command line echoed, status 0). */
  async function front(
    run: (line: string) => SshCommandResult = (line) => ({ stdout: `ran ${line}\n`, stderr: "", status: 0 }),
    faults = new Faults(),
  ): Promise<DokkuSshFront> {
    const started = await startDokkuSshFront({
      hostKey: keyPair().private,
      authorizedKeys: [user.public],
      run,
      faults,
    });
    fronts.push(started);
    return started;
  }

  async function login(started: DokkuSshFront, key = user.private, username = "dokku"): Promise<Client> {
    const client = await connect(started, key, username);
    clients.push(client);
    return client;
  }

  test("listens on loopback and names its host key as known_hosts wants it", async () => {
    const started = await front();
    expect(started.host).toBe("127.0.0.1");
    expect(started.port).toBeGreaterThan(0);
    expect(started.hostPublicKey).toMatch(/^ssh-ed25519 [A-Za-z0-9+/=]+$/);
  });

  test("runs one command per session: its output, error output and exit status reach the client", async () => {
    const lines: string[] = [];
    const started = await front((line) => {
      lines.push(line);
      return line === "apps:exists nope"
        ? { stdout: "", stderr: " !     App nope does not exist\n", status: 20 }
        : { stdout: "dokku version 0.34.9\n", stderr: "", status: 0 };
    });
    const client = await login(started);
    expect(await exec(client, "version")).toEqual({ stdout: "dokku version 0.34.9\n", stderr: "", status: 0 });
    expect(await exec(client, "apps:exists nope")).toEqual({
      stdout: "",
      stderr: " !     App nope does not exist\n",
      status: 20,
    });
    expect(lines).toEqual(["version", "apps:exists nope"]);
  });

  test("another key or another user is refused before any command", async () => {
    const run = jest.fn(() => ({ stdout: "", stderr: "", status: 0 }));
    const started = await front(run);
    await expect(connect(started, keyPair().private)).rejects.toThrow(/authentication/i);
    await expect(connect(started, user.private, "root")).rejects.toThrow(/authentication/i);
    expect(run).not.toHaveBeenCalled();
  });

  test("a shell is refused: a Dokku server gives its dokku user commands only", async () => {
    const client = await login(await front());
    const refused = await new Promise<Error | undefined>((resolve) => client.shell((error) => resolve(error)));
    expect(refused?.message).toBe("Unable to open shell");
  });

  test("an injected error exits 1 without running the command; a drop ends the session with no exit status", async () => {
    const faults = new Faults();
    faults.add({ method: "SSH", path: "^/config:set/", action: "error" });
    faults.add({ method: "SSH", path: "^/apps:create/", action: "drop" });
    const run = jest.fn((line: string) => ({ stdout: `ran ${line}\n`, stderr: "", status: 0 }));
    const started = await front(run, faults);
    const client = await login(started);
    expect(await exec(client, "config:set songlist A=b")).toEqual({
      stdout: "",
      stderr: " !     sandbox: injected fault 1\n",
      status: 1,
    });
    expect(await exec(client, "apps:create songlist")).toEqual({ stdout: "", stderr: "" });
    expect(run).not.toHaveBeenCalled();
    // The fault fired once: the next connection's command runs.
    const again = await login(started);
    expect(await exec(again, "apps:create songlist")).toEqual({
      stdout: "ran apps:create songlist\n",
      stderr: "",
      status: 0,
    });
  });

  test("holds eight sessions at once, each on its own connection or all on one", async () => {
    const started = await front((line) => ({ stdout: `${line}\n`, stderr: "", status: 0 }));
    const connections = await Promise.all(Array.from({ length: 8 }, () => login(started)));
    const outcomes = await Promise.all(connections.map((client, index) => exec(client, `apps:exists app-${index}`)));
    expect(outcomes.map((outcome) => outcome.stdout)).toEqual(
      Array.from({ length: 8 }, (_, i) => `apps:exists app-${i}\n`),
    );
    const one = connections[0];
    const onOne = await Promise.all(Array.from({ length: 8 }, (_, index) => exec(one, `config:show app-${index}`)));
    expect(
      onOne.every((outcome, index) => outcome.stdout === `config:show app-${index}\n` && outcome.status === 0),
    ).toBe(true);
  });

  test("a fault names a command by its words", () => {
    expect(faultPathOf("config:set songlist A=b")).toBe("/config:set/songlist/A=b");
    expect(faultPathOf("  postgres:info   songlist-db ")).toBe("/postgres:info/songlist-db");
  });

  test("a host key or authorized key that is not a key is an error naming it", async () => {
    await expect(
      startDokkuSshFront({
        hostKey: "not a key",
        authorizedKeys: [],
        run: () => ({ stdout: "", stderr: "", status: 0 }),
        faults: new Faults(),
      }),
    ).rejects.toThrow(/host key cannot be read/);
    await expect(
      startDokkuSshFront({
        hostKey: keyPair().private,
        authorizedKeys: ["ssh-ed25519 nonsense"],
        run: () => ({ stdout: "", stderr: "", status: 0 }),
        faults: new Faults(),
      }),
    ).rejects.toThrow(/authorized key cannot be read/);
  });
});
