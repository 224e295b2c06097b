import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { readTree } from "../support/files";

const root = path.resolve(__dirname, "..", "..");

describe("secrets never reach cdktf.out", () => {
  test("no secret from the environment appears in any synthesized file", () => {
    const secrets: Record<string, string> = {
      HEROKU_API_KEY: "hrku-test-0b9f7e46-2d6c-4d1b-9a51-1f0c3a7e9d21",
      GITLAB_TOKEN: "test-gitlab-token-5d0e3c9a7b",
      TF_HTTP_PASSWORD: "test-state-password-8c1f2e",
      TF_VAR_heroku_deploy_key_staging: "staging-deploy-key-4a7d9e1c",
      TF_VAR_heroku_deploy_key_production: "production-deploy-key-6b2e8f3d",
      TF_VAR_heroku_deploy_key_review: "review-deploy-key-9c3a7e5b",
    };
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-out-"));
    execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["main.ts"], {
      cwd: root,
      stdio: "pipe",
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CDKTF_OUTDIR: outdir,
        HEROKU_FLOW_REVIEW_ID: "42",
        HEROKU_FLOW_STATE_BACKEND: "gitlab",
        GITLAB_BASE_URL: "http://127.0.0.1:9/api/v4/",
        ...secrets,
      },
    });
    const files = readTree(outdir);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(["manifest.json", "stacks/staging/cdk.tf.json", "stacks/review-42/cdk.tf.json"]),
    );
    for (const [name, value] of Object.entries(secrets)) {
      const leaks = [...files].filter(([, text]) => text.includes(value)).map(([file]) => file);
      expect({ name, leaks }).toEqual({ name, leaks: [] });
    }
  });

  test("secret config vars and deploy keys are references, never literals", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-out-"));
    execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["main.ts"], {
      cwd: root,
      stdio: "pipe",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CDKTF_OUTDIR: outdir },
    });
    for (const stack of ["staging", "production"]) {
      const config = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
      for (const app of Object.values<any>(config.resource.heroku_app)) {
        for (const value of Object.values<string>(app.sensitive_config_vars)) {
          expect(value).toMatch(/^\$\{(random_password\.[\w-]+\.result|var\.\w+)\}$/);
        }
      }
      const apiKey = Object.values<any>(config.resource.gitlab_project_variable).find(
        (v) => v.key === "HEROKU_API_KEY",
      );
      expect(apiKey.value).toBe(`\${var.heroku_deploy_key_${stack}}`);
      expect(config.variable[`heroku_deploy_key_${stack}`].sensitive).toBe(true);
    }
  });
});
