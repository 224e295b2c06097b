import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as path from "node:path";
import { applyArgs, SandboxProject } from "../../scripts/lib/sandbox-project";

/** An app created by hand is adopted with `HerokuApp.adopt`: imported, never re-created. */
describe("adopting an app made by hand", () => {
  let project: SandboxProject;
  let handMadeId: string;
  beforeAll(async () => {
    project = await SandboxProject.create({ main: path.join(__dirname, "support", "adopt-main.ts") });
    const created = await project.client.heroku("POST", "/apps", { name: "made-by-hand", region: "us" });
    expect(created.status).toBe(201);
    handMadeId = created.body.id;
  });
  afterAll(() => project?.close());

  /**
   * The plan of `stack` as Terraform's JSON. Terraform runs asynchronously: the sandbox it calls is served from this
   * process, whose event loop a synchronous child would block.
   */
  async function planJson(stack: string): Promise<any> {
    await project.cdktfOk(["synth"]);
    const terraform = (...args: string[]) =>
      promisify(execFile)(process.env.TERRAFORM_BINARY_NAME ?? "terraform", args, {
        cwd: path.join(project.dir, "cdktf.out", "stacks", stack),
        env: { ...process.env, ...project.env() },
        maxBuffer: 64 * 1024 * 1024,
      });
    await terraform("init", "-input=false");
    await terraform("plan", "-input=false", "-out=plan.tfplan");
    return JSON.parse((await terraform("show", "-json", "plan.tfplan")).stdout);
  }

  test("the plan imports the app and neither creates nor replaces anything", async () => {
    const plan = await planJson("adopted");
    const changes = plan.resource_changes.map((change: any) => ({
      type: change.type,
      actions: change.change.actions,
      importing: change.change.importing?.id,
    }));
    expect(changes).toEqual([{ type: "heroku_app", actions: ["update"], importing: "made-by-hand" }]);
  });

  test("after the apply the app keeps its id, has its config, and a re-plan is empty", async () => {
    await project.cdktfOk(applyArgs("deploy", ["adopted"]));
    const app = (await project.state()).apps.find((a) => a.name === "made-by-hand")!;
    expect(app.id).toBe(handMadeId);
    expect(app.configVars.LOG_LEVEL).toBe("info");
    expect((await project.diff("adopted")).noChanges).toBe(true);
  });
});
