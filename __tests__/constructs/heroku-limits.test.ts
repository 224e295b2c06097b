/**
 * Heroku's own limits, checked at synth so that an apply does not fail half-way: each with a refusing (or warning)
 * and an accepting case. Figures and articles: constructs/private/rules.ts.
 */
import { TerraformStack } from "cdktf";
import { DynoSize, FlowProblem, FlowValidation, HerokuApp, Secret } from "../../constructs";
import {
  CONFIG_VARS_MAX_BYTES,
  CONFIG_VARS_SIZE_RULE,
  DYNO_LIMIT_WARNINGS,
  ENCRYPTED_LOG_DRAIN_URL,
  LOG_DRAIN_URL,
  UNRESERVED_CONFIG_KEY,
  USER_CONFIG_KEY,
} from "../../constructs/private/rules";
import { resourcesOf, synthesize, testStack, warningsOf } from "../support/stacks";

function build(make: (stack: TerraformStack) => void): { problems: FlowProblem[]; warnings: string[] } {
  const { app, stack } = testStack();
  make(stack);
  return { problems: FlowValidation.of(app).problems(), warnings: warningsOf(stack) };
}

const api = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof HerokuApp>[2]> = {}) =>
  new HerokuApp(stack, "App", { name: "acme-api", ...props });

describe("dyno limits (Dyno Scaling and Process Limits): warned, since Heroku raises them on request", () => {
  test("more than 10 Performance dynos of one process type", () => {
    const over = build((stack) => api(stack).addFormation("web", DynoSize.PERFORMANCE_L, 11));
    expect(over.warnings).toEqual([DYNO_LIMIT_WARNINGS.perPerformanceProcessType("web", 11, "performance-l")]);
    expect(over.problems).toEqual([]);
    const at = build((stack) => api(stack).addFormation("web", DynoSize.PERFORMANCE_2XL, 10));
    expect(at.warnings).toEqual([]);
  });

  test("Standard sizes have no per-type limit below the app's 100", () => {
    expect(build((stack) => api(stack).addFormation("web", DynoSize.STANDARD_2X, 11)).warnings).toEqual([]);
  });

  test("more than 100 dynos in one app, across its process types", () => {
    const over = build((stack) => {
      const app = api(stack);
      app.addFormation("web", DynoSize.STANDARD_2X, 60);
      app.addFormation("worker", DynoSize.STANDARD_1X, 41);
    });
    expect(over.warnings).toEqual([DYNO_LIMIT_WARNINGS.perApp(101)]);
    const at = build((stack) => {
      const app = api(stack);
      app.addFormation("web", DynoSize.STANDARD_2X, 60);
      app.addFormation("worker", DynoSize.STANDARD_1X, 40);
    });
    expect(at.warnings).toEqual([]);
  });

  test("more than 2 eco dynos in one app", () => {
    const over = build((stack) => {
      const app = api(stack);
      for (const type of ["web", "worker", "clock"]) app.addFormation(type, DynoSize.ECO);
    });
    expect(over.warnings).toEqual([DYNO_LIMIT_WARNINGS.ecoPerApp(3)]);
    const at = build((stack) => {
      const app = api(stack);
      for (const type of ["web", "worker"]) app.addFormation(type, DynoSize.ECO);
    });
    expect(at.warnings).toEqual([]);
  });
});

describe("eco and basic dynos share an app with no other size (Dyno Types, Mixing dyno types)", () => {
  test.each([
    ["basic", "standard-1x"],
    ["standard-2x", "eco"],
    ["eco", "basic"],
    ["performance-m", "basic"],
  ])("%s then %s is refused, on the later formation", (first, second) => {
    const { problems } = build((stack) => {
      const app = api(stack);
      app.addFormation("web", DynoSize.of(first));
      app.addFormation("worker", DynoSize.of(second));
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: "test/App/Formation-worker",
        field: "size",
        value: JSON.stringify(second),
        rule: expect.stringMatching(
          new RegExp(
            `^cannot run in the same app as ${first} dynos: .*the formation at test/App/Formation-web runs ${first}$`,
          ),
        ),
      }),
    ]);
  });

  test.each([
    ["eco", "eco"],
    ["basic", "basic"],
    ["standard-1x", "performance-l"],
  ])("%s with %s is fine", (first, second) => {
    const { problems } = build((stack) => {
      const app = api(stack);
      app.addFormation("web", DynoSize.of(first));
      app.addFormation("worker", DynoSize.of(second));
    });
    expect(problems).toEqual([]);
  });
});

describe("config vars (Configuration and Config Vars)", () => {
  test("more than 32 KB of keys and literal values is refused, without showing them", () => {
    const value = "x".repeat(CONFIG_VARS_MAX_BYTES - "BIG".length + 1);
    const { problems } = build((stack) => api(stack, { config: { BIG: value } }));
    expect(problems).toEqual([
      {
        path: "test/App",
        field: "config",
        value: `${CONFIG_VARS_MAX_BYTES + 1} bytes of keys and literal values`,
        rule: CONFIG_VARS_SIZE_RULE,
        hint: expect.any(String),
      },
    ]);
  });

  test("exactly 32 KB is accepted; values only Terraform knows are not counted", () => {
    const value = "x".repeat(CONFIG_VARS_MAX_BYTES - "BIG".length - "TOKEN".length);
    const { problems } = build((stack) =>
      api(stack, { config: { BIG: value }, secrets: { TOKEN: Secret.generate(stack, "token") } }),
    );
    expect(problems).toEqual([]);
  });

  test("multi-byte characters count as their UTF-8 bytes", () => {
    const value = "é".repeat(CONFIG_VARS_MAX_BYTES / 2);
    expect(build((stack) => api(stack, { config: { A: value } })).problems.map((p) => p.field)).toEqual(["config"]);
  });

  test.each(["PORT", "DYNO"])(
    "%s, which Heroku sets on each dyno, is refused in config, secrets or the escape hatch",
    (key) => {
      const rule = { field: "config key", value: JSON.stringify(key), rule: USER_CONFIG_KEY.description };
      const inConfig = build((stack) => api(stack, { config: { [key]: "5000" } })).problems;
      expect(inConfig).toEqual([
        expect.objectContaining({ path: "test/App", ...rule, hint: USER_CONFIG_KEY.hint!(key) }),
      ]);
      const inSecrets = build((stack) =>
        api(stack, { secrets: { [key]: Secret.fromVariable(stack, "value") } }),
      ).problems;
      expect(inSecrets).toEqual([expect.objectContaining(rule)]);
      const escaped = build((stack) => {
        api(stack).resource.configVars = { [key]: "5000" };
      }).problems;
      expect(escaped).toEqual([expect.objectContaining(rule)]);
    },
  );

  test("keys that only contain PORT or DYNO are the app's own", () => {
    expect(build((stack) => api(stack, { config: { WEB_PORT: "5000", DYNO_COUNT: "2" } })).problems).toEqual([]);
  });

  test("HEROKU_ and __ keys are warned, not refused", () => {
    const { problems, warnings } = build((stack) => api(stack, { config: { HEROKU_APP_ID: "x", __SECRET: "y" } }));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      `config key "HEROKU_APP_ID" ${UNRESERVED_CONFIG_KEY.description}`,
      `config key "__SECRET" ${UNRESERVED_CONFIG_KEY.description}`,
    ]);
    expect(build((stack) => api(stack, { config: { APP_ID: "x" } })).warnings).toEqual([]);
  });
});

describe("generated secrets", () => {
  test("a length of 1 is the shortest accepted", () => {
    const { problems } = build((stack) => Secret.generate(stack, "pin", { length: 1 }));
    expect(problems).toEqual([]);
  });

  test("a length of 0 is refused, and left out (the default stands in) so that building goes on", () => {
    const { app, stack } = testStack();
    Secret.generate(stack, "pin", { length: 0 });
    expect(
      FlowValidation.of(app)
        .problems()
        .map((p) => [p.field, p.value]),
    ).toEqual([["Secret.generate options.length", "0"]]);
    expect(resourcesOf(synthesize(stack), "random_password")[0].length).toBe(48);
  });
});

describe("log drains travel encrypted (Log Drains)", () => {
  const conditionsOf = (allowUnencrypted?: boolean) => {
    const { stack } = testStack();
    api(stack).addLogDrain("Drain", Secret.fromVariable(stack, "drain_url"), { allowUnencrypted });
    const [drain] = resourcesOf(synthesize(stack), "heroku_drain");
    return drain.lifecycle.precondition.map((check: { condition: string; error_message: string }) => check);
  };

  test("by default Terraform refuses syslog:// and http:// before the drain is created, never printing the URL", () => {
    const checks = conditionsOf();
    expect(checks).toHaveLength(2);
    expect(checks[1].condition).toContain("syslog\\\\+tls|https");
    expect(checks[1].condition).toContain("var.drain_url");
    expect(checks[1].error_message).toContain("(TF_VAR_drain_url) must be a syslog+tls:// or https:// URL");
    expect(checks[1].error_message).toContain("allowUnencrypted: true");
  });

  test("allowUnencrypted keeps only the check that it is a drain URL", () => {
    const checks = conditionsOf(true);
    expect(checks).toHaveLength(1);
    expect(checks[0].error_message).toContain(LOG_DRAIN_URL.description);
  });

  test("the encrypted rule accepts syslog+tls and https only", () => {
    for (const url of ["syslog+tls://logs.example.com:6514", "https://logs.example.com/x"]) {
      expect(ENCRYPTED_LOG_DRAIN_URL.test(url)).toBe(true);
    }
    for (const url of ["syslog://logs.example.com:514", "http://logs.example.com/x", "https://", "ftp://x"]) {
      expect(ENCRYPTED_LOG_DRAIN_URL.test(url)).toBe(false);
    }
  });
});
