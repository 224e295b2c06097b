/**
 * How each failure goes over the wire, in-process: every model error, schema rejection and stray HTTP error as the
 * Heroku Platform API and GitLab's REST API answer it (status, id, body). The providers branch on these (heroku-go's
 * `id`, the GitLab provider's 404 and field errors, Terraform's lock info), so each mapping is held on its own.
 */
import type { FastifyError } from "fastify";
import * as gitlab from "../../sandbox/gitlab/models/errors";
import { GitlabError, toGitlabError } from "../../sandbox/gitlab/routes/exceptions";
import * as heroku from "../../sandbox/heroku/models/errors";
import { badRequest, HerokuError, toHerokuError } from "../../sandbox/heroku/routes/exceptions";

/** An error as Fastify raises it: a status code, or the schema validation that failed. */
function fastifyError(fields: Partial<FastifyError>, message = "boom"): FastifyError {
  return Object.assign(new Error(message), fields) as FastifyError;
}

/** A schema rejection of one value, as ajv reports it with `verbose`. */
function rejected(error: Record<string, unknown>): FastifyError {
  return fastifyError({
    validation: [{ instancePath: "", schemaPath: "", params: {}, parentSchema: {}, ...error }] as never,
  });
}

const herokuAnswer = (error: Error) => {
  const answer = toHerokuError(error);
  return [answer.status, answer.toJSON()];
};

describe("Heroku", () => {
  test.each([
    [heroku.NotFoundError.of("app"), 404, "not_found", "Couldn't find that app."],
    [new heroku.UnknownPlanError("no plan"), 422, "not_found", "no plan"],
    [new heroku.InvalidParamsError("taken"), 422, "invalid_params", "taken"],
    [new (class Unmapped extends heroku.HerokuModelError {})("odd"), 422, "invalid_params", "odd"],
  ])("the model's %p", (error, status, id, message) => {
    expect(herokuAnswer(error)).toEqual([status, { id, message }]);
  });

  test("a body that is not an object is a 400 bad_request", () => {
    expect(herokuAnswer(rejected({ keyword: "type", message: "must be object" }))).toEqual([
      400,
      { id: "bad_request", message: "Request body must be a JSON object." },
    ]);
    expect(herokuAnswer(fastifyError({ validation: [] as never }, "no detail"))).toEqual([
      400,
      { id: "bad_request", message: "no detail" },
    ]);
    expect(badRequest("x")).toMatchObject({ status: 400, id: "bad_request", message: "x" });
  });

  test("a rule broken: 422 invalid_params, in the schema's words with the field, else the field and ajv's words", () => {
    const own = rejected({
      keyword: "pattern",
      instancePath: "/name",
      message: "must match pattern",
      parentSchema: { "x-invalid-message": "Name {field} is invalid." },
    });
    expect(herokuAnswer(own)).toEqual([422, { id: "invalid_params", message: "Name name is invalid." }]);
    const generic = rejected({ keyword: "maximum", instancePath: "/quantity", message: "must be <= 100" });
    expect(herokuAnswer(generic)).toEqual([422, { id: "invalid_params", message: "quantity must be <= 100." }]);
    const silent = rejected({ keyword: "maximum", instancePath: "/quantity", message: undefined });
    expect(herokuAnswer(silent)[1]).toMatchObject({ message: "quantity is invalid." });
    const key = rejected({
      keyword: "pattern",
      propertyName: "bad-key",
      message: "must match",
      parentSchema: { "x-invalid-message": "{field} is not a valid name." },
    });
    expect(herokuAnswer(key)[1]).toMatchObject({ message: "bad-key is not a valid name." });
  });

  test.each([
    [400, "bad_request"],
    [404, "invalid_params"],
    [413, "invalid_params"],
    [499, "invalid_params"],
  ])("a stray %i keeps its status", (statusCode, id) => {
    expect(herokuAnswer(fastifyError({ statusCode }, "stray"))).toEqual([statusCode, { id, message: "stray" }]);
  });

  test.each([302, 429, 500, 503, undefined])("a %p is a 500: Heroku's clients retry a 429 forever", (statusCode) => {
    expect(herokuAnswer(fastifyError({ statusCode }, "crash"))).toEqual([
      500,
      { id: "internal_server_error", message: "crash" },
    ]);
  });

  test("an answer already made passes through; a 429 can never be made", () => {
    const made = new HerokuError(403, "forbidden", "no");
    expect(toHerokuError(made)).toBe(made);
    expect(() => new HerokuError(429, "rate_limit", "slow down")).toThrow("the sandbox never answers 429");
  });
});

const gitlabAnswer = (error: Error) => {
  const answer = toGitlabError(error);
  return [answer.status, answer.body];
};

describe("GitLab", () => {
  test.each([
    [new gitlab.RecordNotFoundError("issue"), 404, { message: "404 Not found" }],
    [new gitlab.NotAllowedError("merged"), 405, { message: "405 Method Not Allowed" }],
    [new gitlab.BranchConflictError(["a", "b"]), 409, { message: ["a", "b"] }],
    [new gitlab.NotFoundError("Project"), 404, { message: "404 Project Not Found" }],
    [new gitlab.NotFoundError(""), 404, { message: "404 Not Found" }],
    [new gitlab.ValidationError({ key: ["is invalid"] }), 400, { message: { key: ["is invalid"] } }],
    [new gitlab.ConflictError("ambiguous"), 409, { message: "ambiguous" }],
    [new gitlab.ForbiddenError("stop first"), 403, { message: "403 Forbidden - stop first" }],
    [new gitlab.UnprocessableError("No serial"), 422, { message: "422 Unprocessable Entity - No serial" }],
    [new gitlab.BadRequestError("too long"), 400, { message: "400 Bad request - too long" }],
  ])("the model's %p", (error, status, body) => {
    expect(gitlabAnswer(error)).toEqual([status, body]);
  });

  test("a note refused is worded as Ruby prints the errors hash", () => {
    const error = new gitlab.InvalidNoteError({ note: ["can't be blank", 'has "quotes"'], body: ["x"] });
    expect(gitlabAnswer(error)).toEqual([
      400,
      { message: '400 Bad request - Note {:note=>["can\'t be blank", "has \\"quotes\\""], :body=>["x"]}' },
    ]);
  });

  test("a model error of a kind without its own answer is a 400 in its own words", () => {
    class Unmapped extends gitlab.GitlabModelError {}
    expect(gitlabAnswer(new Unmapped("odd"))).toEqual([400, { message: "odd" }]);
  });

  test("a held lock answers with the holder's lock info itself, which Terraform prints", () => {
    const lock = { ID: "l-1", Who: "ci", Operation: "OperationTypeApply" };
    expect(gitlabAnswer(new gitlab.LockHeldError(lock))).toEqual([409, lock]);
  });

  test("a parameter refused is Grape's: missing, not a valid value, or invalid; the body when no field", () => {
    const missing = rejected({ keyword: "required", params: { missingProperty: "name" } });
    expect(gitlabAnswer(missing)).toEqual([400, { error: "name is missing" }]);
    const notAllowed = rejected({ keyword: "enum", instancePath: "/state_event" });
    expect(gitlabAnswer(notAllowed)).toEqual([400, { error: "state_event does not have a valid value" }]);
    const wrongType = rejected({ keyword: "type", instancePath: "/labels/0" });
    expect(gitlabAnswer(wrongType)).toEqual([400, { error: "labels.0 is invalid" }]);
    expect(gitlabAnswer(rejected({ keyword: "type" }))).toEqual([400, { error: "body is invalid" }]);
    expect(gitlabAnswer(fastifyError({ validation: [] as never }, "no detail"))).toEqual([
      400,
      { message: "400 Bad request - no detail" },
    ]);
  });

  test("a stray 4xx keeps its status, worded like GitLab; anything else is a 500", () => {
    expect(gitlabAnswer(fastifyError({ statusCode: 400 }, "Body is not JSON"))).toEqual([
      400,
      { message: "400 Bad request - Body is not JSON" },
    ]);
    expect(gitlabAnswer(fastifyError({ statusCode: 415 }, "Unsupported"))).toEqual([
      415,
      { message: "415 Unsupported" },
    ]);
    for (const statusCode of [302, 429, 500, undefined]) {
      expect(gitlabAnswer(fastifyError({ statusCode }, "crash"))).toEqual([
        500,
        { message: "500 Internal Server Error" },
      ]);
    }
    const made = new GitlabError(418, { message: "teapot" });
    expect(toGitlabError(made)).toBe(made);
  });
});
