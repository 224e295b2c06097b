/**
 * `heroku-flow release` on a Dokku topology, against an SSH server on loopback that records the commands it gets: the
 * server's host key must be pinned (known_hosts, or DOKKU_SSH_KNOWN_HOSTS), the key comes from DOKKU_SSH_CERT or the
 * deploy job's DOKKU_SSH_PRIVATE_KEY_BASE64, the code is pushed (here: the sandbox's simulated push) and the processes
 * scaled to the topology's; what the server refuses is an error with what Dokku said.
 */
import { generateKeyPair } from "../../../sandbox/dokku/keys";
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DokkuReleases, shellQuote } from "../../../cli/platform/dokku-releases";
import { withDokkuProviderKey } from "../../../cli/engine/dokku-provider-key";
import { DokkuSsh, dokkuSshSettings } from "../../../cli/platform/dokku-ssh";
import { knownHostsPin } from "../../../cli/platform/known-hosts";
import { Faults } from "../../../sandbox/faults";
import { type DokkuSshFront, type SshCommandResult, startDokkuSshFront } from "../../../sandbox/dokku/ssh-front";

const user = generateKeyPair();
const fronts: DokkuSshFront[] = [];
afterEach(async () => {
  for (const front of fronts.splice(0)) await front.close();
});

/** A server that answers every command with `answer` (by default: status 0), noting the command lines. */
async function server(answer: (line: string) => SshCommandResult = () => ({ stdout: "", stderr: "", status: 0 })) {
  const lines: string[] = [];
  const front = await startDokkuSshFront({
    hostKey: generateKeyPair().private,
    authorizedKeys: [user.public],
    faults: new Faults(),
    run: (line) => {
      lines.push(line);
      return answer(line);
    },
  });
  fronts.push(front);
  const env = {
    DOKKU_SSH_HOST: front.host,
    DOKKU_SSH_PORT: String(front.port),
    DOKKU_SSH_CERT: user.private,
    DOKKU_SSH_KNOWN_HOSTS: `[${front.host}]:${front.port} ${front.hostPublicKey}\n`,
    HEROKU_FLOW_CODE_PUSH: "sandbox",
  };
  return { front, lines, env };
}

const PROCESS_TYPES = { web: "gunicorn app:app", worker: "python worker.py --queue 'default'" };

describe("DokkuReleases", () => {
  test("pushes the code (the sandbox's simulated push: commit and process types), then scales the processes", async () => {
    const { lines, env } = await server();
    const releases = new DokkuReleases(dokkuSshSettings(env), env);
    await releases.release({ name: "songlist", formation: ["web"], scale: { web: 2 } }, PROCESS_TYPES, "a".repeat(40));
    expect(lines).toEqual([
      `sandbox:push songlist ${"a".repeat(40)} 'web=gunicorn app:app' 'worker=python worker.py --queue '"'"'default'"'"''`,
      "ps:scale songlist web=2",
    ]);
  });

  test("without a scale, nothing is scaled; without a commit, the push names none", async () => {
    const { lines, env } = await server();
    await new DokkuReleases(dokkuSshSettings(env), env).release({ name: "songlist", formation: [] }, { web: "x" });
    expect(lines).toEqual(["sandbox:push songlist - web=x"]);
  });

  test("a container release deploys the job's image; without one it says which variable is missing", async () => {
    const { lines, env } = await server();
    const container = {
      ...env,
      HEROKU_FLOW_CODE_PUSH: "container",
      HEROKU_FLOW_IMAGE: "registry.example/songlist:abc",
    };
    await new DokkuReleases(dokkuSshSettings(container), container).release({ name: "songlist", formation: [] }, {});
    expect(lines).toEqual(["git:from-image songlist registry.example/songlist:abc"]);
    const noImage = { ...env, HEROKU_FLOW_CODE_PUSH: "container" };
    await expect(
      new DokkuReleases(dokkuSshSettings(noImage), noImage).release({ name: "songlist", formation: [] }, {}),
    ).rejects.toThrow("HEROKU_FLOW_IMAGE is not set (the image a container release deploys)");
  });

  test("a command Dokku refuses is an error naming it, its exit status and what Dokku said; nothing runs after", async () => {
    const { lines, env } = await server((line) =>
      line.startsWith("sandbox:push")
        ? { stdout: "", stderr: " !     App songlist does not exist\n", status: 1 }
        : { stdout: "", stderr: "", status: 0 },
    );
    await expect(
      new DokkuReleases(dokkuSshSettings(env), env).release(
        { name: "songlist", formation: [], scale: { web: 1 } },
        PROCESS_TYPES,
      ),
    ).rejects.toThrow("dokku sandbox:push songlist failed (exit 1): !     App songlist does not exist");
    expect(lines).toHaveLength(1);
  });

  test("the git push goes to dokku@<host>:<app> with the key and the pinned host key only; a failure says so", async () => {
    const { env, lines } = await server();
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "dokku-push-"));
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo });
    git("init", "-q");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "first");
    const gitEnv = { ...env, HEROKU_FLOW_CODE_PUSH: "git" };
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      // The stand-in server runs no git-receive-pack: the push reaches it (authenticated, host key pinned) and fails.
      await expect(
        new DokkuReleases(dokkuSshSettings(gitEnv), gitEnv).release({ name: "songlist", formation: [] }, {}),
      ).rejects.toThrow(new RegExp(`^git push to dokku@127\\.0\\.0\\.1:songlist failed \\(exit 128\\)`));
      // It got as far as the server: the key was taken and the host key pinned.
      expect(lines).toEqual(["git-receive-pack 'songlist'"]);
    } finally {
      process.chdir(cwd);
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe("DokkuSsh", () => {
  test("an unknown server, or one showing another host key, is refused before any command", async () => {
    const { lines, env, front } = await server();
    const unknown = { ...env, DOKKU_SSH_KNOWN_HOSTS: "" };
    await expect(new DokkuSsh(dokkuSshSettings(unknown)).run("version")).rejects.toThrow(
      `the Dokku server [127.0.0.1]:${front.port} is not in known_hosts: set DOKKU_SSH_KNOWN_HOSTS to its line ` +
        `(ssh-keyscan -p ${front.port} 127.0.0.1)`,
    );
    const otherKey = generateKeyPair().public.split(" ").slice(0, 2).join(" ");
    const other = { ...env, DOKKU_SSH_KNOWN_HOSTS: `[127.0.0.1]:${front.port} ${otherKey}\n` };
    await expect(new DokkuSsh(dokkuSshSettings(other)).run("version")).rejects.toThrow(
      `the Dokku server [127.0.0.1]:${front.port} shows a host key other than the one known_hosts pins for it: refused`,
    );
    expect(lines).toEqual([]);
  });

  test("a refused key is an error naming the server", async () => {
    const { env, front } = await server();
    const ssh = new DokkuSsh(dokkuSshSettings({ ...env, DOKKU_SSH_CERT: generateKeyPair().private }));
    await expect(ssh.run("version")).rejects.toThrow(
      new RegExp(
        `^cannot reach the Dokku server \\[127\\.0\\.0\\.1\\]:${front.port}: All configured authentication methods failed`,
      ),
    );
  });

  test("an unreachable server is an error naming it", async () => {
    const { env, front } = await server();
    await front.close();
    await expect(new DokkuSsh(dokkuSshSettings(env)).run("version")).rejects.toThrow(
      new RegExp(`^cannot reach the Dokku server \\[127\\.0\\.0\\.1\\]:${front.port}: connect ECONNREFUSED`),
    );
  });

  test("a session that ends without an exit status is an error naming the command only", async () => {
    const faults = new Faults();
    faults.add({ method: "SSH", path: "^/config:set/", action: "drop" });
    const front = await startDokkuSshFront({
      hostKey: generateKeyPair().private,
      authorizedKeys: [user.public],
      faults,
      run: () => ({ stdout: "", stderr: "", status: 0 }),
    });
    fronts.push(front);
    const settings = dokkuSshSettings({
      DOKKU_SSH_HOST: front.host,
      DOKKU_SSH_PORT: String(front.port),
      DOKKU_SSH_CERT: user.private,
      DOKKU_SSH_KNOWN_HOSTS: `[${front.host}]:${front.port} ${front.hostPublicKey}`,
    });
    const ssh = new DokkuSsh(settings);
    await expect(ssh.run("config:set songlist SECRET=hunter22")).rejects.toThrow(
      "the Dokku server ended the session of `config:set` without an exit status",
    );
    await ssh.close();
  });
});

describe("the settings", () => {
  test("each missing or bad one is named", () => {
    expect(() => dokkuSshSettings({})).toThrow("DOKKU_SSH_HOST is not set");
    expect(() => dokkuSshSettings({ DOKKU_SSH_HOST: "h", DOKKU_SSH_PORT: "70000" })).toThrow(
      'DOKKU_SSH_PORT: "70000" must be a port number from 1 to 65535',
    );
    expect(() => dokkuSshSettings({ DOKKU_SSH_HOST: "h" })).toThrow(
      "DOKKU_SSH_CERT is not set, nor DOKKU_SSH_PRIVATE_KEY_BASE64",
    );
  });

  test("the key: inline, a path to it, or the deploy job's base64 variable; user and port default as the provider's", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dokku-key-"));
    const file = path.join(dir, "id_ed25519");
    fs.writeFileSync(file, user.private);
    const base = { DOKKU_SSH_HOST: "dokku.example", DOKKU_SSH_KNOWN_HOSTS: "" };
    expect(dokkuSshSettings({ ...base, DOKKU_SSH_CERT: user.private })).toMatchObject({
      privateKey: user.private,
      port: 22,
      user: "dokku",
    });
    expect(dokkuSshSettings({ ...base, DOKKU_SSH_CERT: file }).privateKey).toBe(user.private);
    const encoded = Buffer.from(user.private).toString("base64");
    expect(dokkuSshSettings({ ...base, DOKKU_SSH_PRIVATE_KEY_BASE64: encoded }).privateKey).toBe(user.private);
    expect(withDokkuProviderKey({ DOKKU_SSH_PRIVATE_KEY_BASE64: encoded }).DOKKU_SSH_CERT).toBe(user.private);
    const given = { DOKKU_SSH_CERT: "mine", DOKKU_SSH_PRIVATE_KEY_BASE64: encoded };
    expect(withDokkuProviderKey(given)).toBe(given);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("known_hosts pins by plain or hashed name, and tells another key from no entry", () => {
    const key = Buffer.from("key-blob");
    const line = (hosts: string, blob = key) => `${hosts} ssh-ed25519 ${blob.toString("base64")}`;
    expect(knownHostsPin(line("[127.0.0.1]:2222"), "127.0.0.1", 2222, key)).toBe("pinned");
    expect(knownHostsPin(line("other,dokku.example"), "dokku.example", 22, key)).toBe("pinned");
    expect(knownHostsPin(line("dokku.example"), "dokku.example", 2222, key)).toBe("unknown");
    expect(knownHostsPin(line("dokku.example", Buffer.from("other")), "dokku.example", 22, key)).toBe("other-key");
    expect(knownHostsPin(`# dokku.example ssh-ed25519 ${key.toString("base64")}`, "dokku.example", 22, key)).toBe(
      "unknown",
    );
    const salt = Buffer.from("0123456789abcdefghij");
    const hash = createHmac("sha1", salt).update("dokku.example").digest("base64");
    expect(knownHostsPin(line(`|1|${salt.toString("base64")}|${hash}`), "dokku.example", 22, key)).toBe("pinned");
  });

  test("shell words are quoted only when they need it", () => {
    expect(shellQuote("web=2")).toBe("web=2");
    expect(shellQuote("web=gunicorn app:app")).toBe("'web=gunicorn app:app'");
    expect(shellQuote("it's")).toBe(`'it'"'"'s'`);
  });
});
