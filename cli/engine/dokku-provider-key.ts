/**
 * The environment with `DOKKU_SSH_CERT` (what the Dokku provider reads) decoded from `DOKKU_SSH_PRIVATE_KEY_BASE64`
 * when only the latter is set, as in a deploy job of a Dokku topology: one masked variable serves Terraform and the
 * push. Every command's session starts from it.
 */
export function withDokkuProviderKey(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.DOKKU_SSH_CERT || !env.DOKKU_SSH_PRIVATE_KEY_BASE64) return env;
  return { ...env, DOKKU_SSH_CERT: Buffer.from(env.DOKKU_SSH_PRIVATE_KEY_BASE64, "base64").toString("utf8") };
}
