import {
  failedStack,
  NOTE_MARKER,
  renderNote,
  summarizeStack,
  type NoteContext,
  type StackSummary,
} from "../../cli/review";
import { herokuApp, plan, resourceChange, stackConfig } from "./plan-fixtures";

const context: NoteContext = {
  headSha: "0123456789abcdef0123",
  pipelineUrl: "https://gitlab.example/songlist/-/pipelines/42",
  onMerge: "`staging` is deployed by `deploy:staging`.",
  onTag: "`production` is deployed by `deploy:production`.",
  reviewApp: { url: "https://songlist-review-7.herokuapp.com", expiresIn: "3 days" },
};

/** A stack with one change of every kind, so the grouping order shows. */
function everyKindStack(stack = "staging"): StackSummary {
  return summarizeStack({
    stack,
    plan: plan({
      resource_changes: [
        resourceChange("heroku_app.created", ["create"], { after: herokuApp({ name: "new-app" }) }),
        resourceChange("heroku_app.imported", ["no-op"], { importing: { id: "legacy-app" } }),
        resourceChange("heroku_app.updated", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
        resourceChange("heroku_app.replaced", ["delete", "create"], { before: herokuApp(), after: herokuApp() }),
        resourceChange("heroku_app.deleted", ["delete"], { before: herokuApp() }),
        resourceChange("heroku_app.forgotten", ["forget"], { before: herokuApp() }),
        resourceChange("heroku_app.moved", ["no-op"], { previous_address: "heroku_app.old" }),
      ],
      output_changes: { web_url: { actions: ["update"], before: "a", after: "b" } },
    }),
    config: stackConfig({ "heroku_app.updated": `${stack}/Updated/Resource` }),
  });
}

function driftStack(stack: string): StackSummary {
  return summarizeStack({
    stack,
    plan: plan({
      resource_drift: [
        resourceChange("heroku_app.App", ["update"], {
          before: herokuApp(),
          after: herokuApp({ config_vars: { APP_SETTINGS: "edited-by-hand" } }),
        }),
      ],
    }),
  });
}

describe("layout", () => {
  // Built inside each test, not when the file loads: a mutation run credits code only to the tests that run it.
  const summaries = () => [
    everyKindStack(),
    driftStack("pipeline"),
    failedStack("production", "Error: 401 Unauthorized"),
  ];
  const layoutNote = () => renderNote(summaries(), context);

  test("the marker is the first line", () => {
    const note = layoutNote();
    expect(note.split("\n")[0]).toBe(NOTE_MARKER);
    expect(NOTE_MARKER).toMatch(/^<!--.*-->$/);
  });

  test("the status line has the short head SHA, the pipeline link and the stacks' outcome", () => {
    const note = layoutNote();
    const status = note.split("\n")[2];
    expect(status).toContain("`01234567`");
    expect(status).not.toContain("012345678");
    expect(status).toContain("[pipeline](https://gitlab.example/songlist/-/pipelines/42)");
    expect(status).toContain("3 stacks: 1 changed, 1 no changes, 1 failed");
  });

  test("without a pipeline URL there is no link", () => {
    const withoutPipeline = { ...context, pipelineUrl: undefined };
    expect(renderNote(summaries(), withoutPipeline)).not.toContain("](");
  });

  test("a table has one row per stack, in the order given, with status, counts and drift", () => {
    const note = layoutNote();
    const rows = note.split("\n").filter((line) => line.startsWith("| `"));
    expect(rows).toEqual([
      "| `staging` | changed | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 0 |",
      "| `pipeline` | no changes | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |",
      "| `production` | failed | – | – | – | – | – | – | – | – | – |",
    ]);
    expect(note).toContain(
      "| Stack | Status | Create | Update | Replace | Delete | Forget | Import | Move | Outputs | Drift |",
    );
  });

  test("a changed stack's details are collapsed, summed up, and grouped delete → replace → update → create → import/move", () => {
    const note = layoutNote();
    const details = note.slice(note.indexOf("<summary><code>staging</code>"));
    const body = details.slice(0, details.indexOf("</details>"));
    expect(body).toMatch(
      /^<summary><code>staging<\/code>: 1 to delete, 1 to forget, 1 to replace, 1 to update, 1 to create, 1 to import, 1 to move, 1 output<\/summary>/,
    );
    const order = [
      "**Delete**",
      "**Forget**",
      "**Replace**",
      "**Update**",
      "**Create**",
      "**Import / move**",
      "**Outputs**",
    ];
    const positions = order.map((title) => body.indexOf(title));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("an entry gives address, construct path and attributes with values", () => {
    const note = layoutNote();
    expect(note).toContain('- `~` `heroku_app.updated` — `staging/Updated/Resource`\n  - `region`: `"us"` → `"eu"`');
    expect(note).toContain("- `heroku_app.imported` — imported from id `legacy-app`");
    expect(note).toContain("- `heroku_app.moved` — moved from `heroku_app.old`");
    expect(note).toContain("- `web_url` (update)");
  });

  test("a stack without changes gets no details", () => {
    const note = layoutNote();
    expect(note).not.toContain("<summary><code>pipeline</code>");
  });

  test("a failed stack shows its message, as given, in a collapsed block", () => {
    const note = layoutNote();
    expect(note).toContain(
      "<details>\n<summary><code>production</code>: failed</summary>\n\n```text\nError: 401 Unauthorized\n```\n\n</details>",
    );
  });

  test("drift has its own collapsed section, outside the stacks' details", () => {
    const note = layoutNote();
    const drift = note.indexOf("<summary>Changed outside Terraform: 1 resource in 1 stack</summary>");
    expect(drift).toBeGreaterThan(note.lastIndexOf("<summary><code>"));
    expect(note.slice(drift)).toContain("**`pipeline`**\n\n- `~` `heroku_app.App`\n  - `config_vars.APP_SETTINGS`:");
  });

  test("what happens next: on merge, on a v* tag, and the review app", () => {
    const note = layoutNote();
    const next = note.slice(note.indexOf("What happens next"));
    expect(next).toContain("- **On merge:** `staging` is deployed by `deploy:staging`.");
    expect(next).toContain("- **On a `v*` tag:** `production` is deployed by `deploy:production`.");
    expect(next).toContain("<https://songlist-review-7.herokuapp.com> (expires in 3 days)");
  });

  test("the same summaries give the same note, byte for byte", () => {
    const again = [everyKindStack(), driftStack("pipeline"), failedStack("production", "Error: 401 Unauthorized")];
    expect(renderNote(again, context)).toBe(layoutNote());
  });
});

describe("the head and its edges", () => {
  const risky = (stack: string, ...addresses: string[]) =>
    summarizeStack({
      stack,
      plan: plan({
        resource_changes: addresses.map((address) => resourceChange(address, ["delete"], { before: herokuApp() })),
      }),
    });

  test("marker, status, banner and table, then the details; no cost lines without prices; one line break at the end", () => {
    const blocks = renderNote([risky("staging", "heroku_app.App")], { ...context, pipelineUrl: undefined }).split(
      "\n\n",
    );
    expect(blocks.slice(0, 2)).toEqual([
      NOTE_MARKER,
      "**Terraform plan** for `01234567` · 1 stack: 1 changed, 0 no changes, 0 failed",
    ]);
    expect(blocks[2]).toMatch(/^> \[!warning\]\n/);
    expect(blocks[3]).toMatch(/^\| Stack \|/);
    expect(blocks[4]).toMatch(/^<details>\n<summary><code>staging<\/code>/);
    expect(blocks.at(-1)).toMatch(/[^\n]\n$/);
  });

  test("the status line counts the stacks with drift, and only those", () => {
    const status = (summaries: StackSummary[]) => renderNote(summaries, context).split("\n")[2];
    expect(status([driftStack("pipeline"), risky("staging", "heroku_app.App"), driftStack("qa")])).toBe(
      "**Terraform plan** for `01234567` · [pipeline](https://gitlab.example/songlist/-/pipelines/42) · " +
        "3 stacks: 1 changed, 2 no changes, 0 failed · 2 with changes made outside Terraform",
    );
    expect(status([risky("staging", "heroku_app.App")])).not.toContain("outside Terraform");
  });

  test("the banner counts one deletion, or several", () => {
    expect(renderNote([risky("staging", "heroku_app.A")], context)).toContain(
      "> **1 deletion or replacement** — check before merging:",
    );
    expect(
      renderNote([risky("staging", "heroku_app.A"), risky("qa", "heroku_app.B", "heroku_app.C")], context),
    ).toContain("> **3 deletions or replacements** — check before merging:");
  });

  test("a value removed by the change shows (none) after it", () => {
    const note = renderNote(
      [
        summarizeStack({
          stack: "staging",
          plan: plan({
            resource_changes: [
              resourceChange("heroku_app.App", ["update"], {
                before: herokuApp({ config_vars: { OLD: "1" } }),
                after: herokuApp({ config_vars: {} }),
              }),
            ],
          }),
        }),
      ],
      context,
    );
    expect(note).toContain('  - `config_vars.OLD`: `"1"` → (none)');
  });

  test("drift the plan does not depend on is counted in the drift section", () => {
    const note = renderNote([{ ...driftStack("pipeline"), ignoredDrift: 2 }], context);
    expect(note).toContain(
      "applying it undoes them. 2 more changed outside Terraform in ways this plan does not depend on.",
    );
    expect(renderNote([driftStack("pipeline")], context)).not.toContain("more changed outside Terraform");
  });

  test("a failed stack without a message gets an empty block", () => {
    const failed = { ...failedStack("production", "unused"), message: undefined };
    expect(renderNote([failed], context)).toContain(
      "<summary><code>production</code>: failed</summary>\n\n```text\n\n```",
    );
  });
});

describe("exact text", () => {
  const short = { headSha: "0123456789abcdef", onMerge: "m", onTag: "t" };
  const replaced = () =>
    summarizeStack({
      stack: "staging",
      plan: plan({
        resource_changes: [
          resourceChange("heroku_app.App", ["delete", "create"], {
            before: herokuApp({ name: "a" }),
            after: herokuApp({ name: "b", region: "eu" }),
            replace_paths: [["name"], ["region"]],
            action_reason: "replace_because_cannot_update",
          }),
          resourceChange("heroku_formation.Web", ["update"], { before: { quantity: 1 }, after: { quantity: 2 } }),
          resourceChange("heroku_app.New", ["create"], { after: { name: "new" } }),
        ],
        output_changes: {
          web_url: {
            actions: ["update"],
            before: "a",
            after: "b",
            after_unknown: {},
            before_sensitive: {},
            after_sensitive: {},
          },
        },
      }),
      config: stackConfig({ "heroku_app.App": "staging/App/Resource" }),
    });

  test("a stack's details: only the groups it has, each entry with its facts and attributes, then the next steps", () => {
    const note = renderNote([replaced()], short);
    expect(note.slice(note.indexOf("<details>"))).toBe(
      [
        "<details>",
        "<summary><code>staging</code>: 1 to replace, 1 to update, 1 to create, 1 output</summary>",
        "",
        "**Replace**",
        "",
        "- `-/+` `heroku_app.App` — `staging/App/Resource`; reason `replace_because_cannot_update`",
        '  - `name`: `"a"` → `"b"` (forces replacement)',
        '  - `region`: `"us"` → `"eu"` (forces replacement)',
        "",
        "**Update**",
        "",
        "- `~` `heroku_formation.Web`",
        "  - `quantity`: `1` → `2`",
        "",
        "**Create**",
        "",
        "- `+` `heroku_app.New`",
        '  - `name`: `"new"`',
        "",
        "**Outputs**",
        "",
        "- `web_url` (update)",
        "",
        "</details>",
        "",
        "#### What happens next",
        "",
        "- **On merge:** m",
        "- **On a `v*` tag:** t",
        "",
      ].join("\n"),
    );
  });

  test("the banner in full, and shortened to the symbols", () => {
    expect(renderNote([replaced()], short).split("\n\n")[2]).toBe(
      "> [!warning]\n> **1 deletion or replacement** — check before merging:\n>\n" +
        "> - `staging` `heroku_app.App` `-/+` replace, destroying first; reason `replace_because_cannot_update`; " +
        "forced by `name`, `region`; construct `staging/App/Resource` — **destroys the app and its releases; a new, " +
        "empty app takes its name**",
    );
    expect(renderNote([replaced()], short, { limit: 700 }).split("\n\n")[2]).toBe(
      "> [!warning]\n> **1 deletion or replacement** — check before merging:\n>\n> - `staging` `heroku_app.App` `-/+`\n>\n" +
        "> _Details shortened to fit GitLab's note limit._",
    );
  });

  test("the table with its alignment row; the drift section with its intro and each stack's entries", () => {
    const drifted = summarizeStack({
      stack: "pipeline",
      plan: plan({
        resource_drift: [
          resourceChange("heroku_app.App", ["update"], {
            before: herokuApp(),
            after: herokuApp({ acm: true, region: "eu" }),
          }),
          resourceChange("heroku_formation.Web", ["delete"], { before: { quantity: 1 } }),
        ],
      }),
    });
    const note = renderNote([drifted], short);
    expect(note.split("\n\n")[3]).toBe(
      "| Stack | Status | Create | Update | Replace | Delete | Forget | Import | Move | Outputs | Drift |\n" +
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
        "| `pipeline` | no changes | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |",
    );
    expect(note.slice(note.indexOf("<details>"), note.indexOf("</details>"))).toBe(
      "<details>\n<summary>Changed outside Terraform: 2 resources in 1 stack</summary>\n\n" +
        "Terraform found these objects changed since the last apply. The plan does not cause these changes; where it " +
        "updates the same attributes, applying it undoes them.\n\n" +
        "**`pipeline`**\n\n- `~` `heroku_app.App`\n  - `acm`: `true`\n" +
        '  - `region`: `"us"` → `"eu"`\n- `-` `heroku_formation.Web`\n\n',
    );
  });
});

describe("text from plans cannot break the Markdown", () => {
  test("backticks in a value and fences in a failure message stay inside their code", () => {
    const summary = summarizeStack({
      stack: "staging",
      plan: plan({
        resource_changes: [
          resourceChange("heroku_app.App", ["update"], {
            before: herokuApp({ config_vars: { CMD: "run `x`" } }),
            after: herokuApp({ config_vars: { CMD: "run ``y``" } }),
          }),
        ],
      }),
    });
    const note = renderNote([summary, failedStack("production", "```\n</details>\n```")], context);
    expect(note).toContain('`config_vars.CMD`: ``"run `x`"`` → ```"run ``y``"```');
    expect(note).toContain("````text\n```\n</details>\n```\n````");
  });

  test("a stack name with a pipe keeps the table's columns", () => {
    const note = renderNote([failedStack("a|b", "x")], context);
    expect(note).toContain("| `a\\|b` | failed |");
  });
});

describe("length limit", () => {
  const summaries = [
    everyKindStack("staging"),
    everyKindStack("review-7"),
    driftStack("pipeline"),
    failedStack("production", "Error: ".padEnd(400, "x")),
  ];
  const full = renderNote(summaries, context);
  const riskyAddresses = summaries.flatMap((summary) => summary.risks.map((change) => change.address));

  const isBalanced = (note: string) =>
    note.split("<details>").length === note.split("</details>").length &&
    note.split("\n").filter((line) => /^`{3,}/.test(line)).length % 2 === 0;

  test("a note under the limit is whole", () => {
    expect(renderNote(summaries, context, { limit: full.length })).toBe(full);
    expect(full).not.toContain("Cut to fit");
  });

  test("the last stack's details go first, and a line says so and where the full plan is", () => {
    const note = renderNote(summaries, context, { limit: full.length - 1 });
    expect(note.length).toBeLessThanOrEqual(full.length - 1);
    expect(note).not.toContain("<summary><code>production</code>");
    expect(note).toContain("<summary><code>review-7</code>");
    expect(note).toContain(
      "_Cut to fit GitLab's note limit: details of `production`. The full plans are in the " +
        "[pipeline](https://gitlab.example/songlist/-/pipelines/42)._",
    );
  });

  test("at every limit: within it, balanced, head kept, and sections cut in order", () => {
    const head = full.slice(0, full.indexOf("\n\n<details>"));
    const longestNotice = 300;
    for (let limit = full.length; limit >= head.length + longestNotice; limit -= 37) {
      const note = renderNote(summaries, context, { limit });
      expect(note.length).toBeLessThanOrEqual(limit);
      expect(isBalanced(note)).toBe(true);
      expect(note.startsWith(head)).toBe(true);
      const detailsKept = ["staging", "review-7", "production"].map((stack) => note.includes(`<code>${stack}</code>:`));
      const driftKept = note.includes("Changed outside Terraform:");
      const nextKept = note.includes("What happens next");
      // Details go from the last stack up, then the drift, then the next steps.
      const firstCut = detailsKept.indexOf(false);
      if (firstCut >= 0) expect(detailsKept.slice(firstCut).some(Boolean)).toBe(false);
      if (detailsKept.some(Boolean)) expect(driftKept).toBe(true);
      if (driftKept) expect(nextKept).toBe(true);
      expect(note.includes("_Cut to fit GitLab's note limit:")).toBe(note !== full);
    }
  });

  test("the next steps go only after every details block and the drift, and the banner stays whole", () => {
    let previous = full;
    for (let limit = full.length; limit > 0; limit -= 1) {
      const note = renderNote(summaries, context, { limit });
      if (!note.includes("What happens next")) {
        expect(previous).not.toContain("<details>");
        expect(note).toContain("**destroys the app and its releases");
        expect(note).toContain("changes made outside Terraform, what happens next. The full plans are in");
        return;
      }
      previous = note;
    }
    throw new Error("the next steps were never cut");
  });

  test("when marker, status, banner and table alone pass the limit, the banner is shortened but names every risky address", () => {
    const note = renderNote(summaries, context, { limit: 100 });
    expect(note.split("\n")[0]).toBe(NOTE_MARKER);
    expect(note).toContain("| `production` | failed |");
    expect(note).not.toContain("destroys the app");
    expect(isBalanced(note)).toBe(true);
    for (const stack of ["staging", "review-7"]) {
      for (const address of riskyAddresses) expect(note).toContain(`\`${stack}\` \`${address}\``);
    }
  });

  test("a note exactly as long as the limit is kept, at every stage of cutting", () => {
    // Each stage is the longest note within the limit; one character less than a stage gives the next one.
    const stages: string[] = [];
    for (let limit = full.length; ; ) {
      const note = renderNote(summaries, context, { limit });
      if (note.length > limit) break;
      stages.push(note);
      expect(renderNote(summaries, context, { limit: note.length })).toBe(note);
      limit = note.length - 1;
    }
    expect(stages.length).toBeGreaterThan(4);
    expect(stages.some((note) => note.includes("_Details shortened"))).toBe(true);
  });

  test("without a pipeline URL, the cut notice points at the pipeline that made the note", () => {
    const withoutUrl = { ...context, pipelineUrl: undefined };
    const note = renderNote(summaries, withoutUrl, { limit: renderNote(summaries, withoutUrl).length - 1 });
    expect(note).toContain("The full plans are in the pipeline that made this note._");
  });

  test("the shortened banner keeps each change's symbol while that fits", () => {
    const cutEverything = renderNote(summaries, context, { limit: 100 });
    const withSymbols = renderNote(summaries, context, { limit: cutEverything.length + 400 });
    expect(withSymbols).toContain("_Details shortened to fit GitLab's note limit._");
    expect(withSymbols).toContain("> - `staging` `heroku_app.replaced` `-/+`");
    expect(withSymbols).not.toContain("destroying first");
  });
});
