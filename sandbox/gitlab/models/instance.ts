/**
 * The GitLab instance the sandbox answers as (`GET /version`, `GET /metadata`, `GET /application/settings`).
 *
 * Enterprise Edition, because the sandbox serves Premium features (protected environments with approval rules, users
 * and groups allowed to create protected tags): clients that ask which edition they talk to — the GitLab provider's
 * own acceptance tests skip EE-only tests on CE and CE-only ones on EE — then expect what the sandbox does. Version
 * 18.6, the GitLab of the provider this project builds against (gitlabhq/gitlab 18.6.1), whose API the sandbox
 * follows (hidden variables, environments' `auto_stop_setting`); older providers only ask "at least x.y".
 */
export const INSTANCE = {
  version: "18.6.0-ee",
  revision: "5a1b2c3d4e5",
  enterprise: true,
} as const;

/**
 * The instance-wide default branch protection (`Gitlab::Access::PROTECTION_FULL`): a new project's default branch is
 * protected against pushes and force pushes by developers.
 */
export const DEFAULT_BRANCH_PROTECTION = 2;
