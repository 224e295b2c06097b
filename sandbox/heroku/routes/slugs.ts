import type { FastifyInstance } from "fastify";
import { timingSafeEqual } from "node:crypto";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import { createSlug, findAppSlug, findSlug, recordUpload } from "../models/slugs";
import { HerokuError } from "./exceptions";
import { renderSlug, SLUG_BLOB_PREFIX, slugBlob } from "./render";
import { body, nullableString, processType, string } from "./schemas";

type SlugBody = {
  process_types: Record<string, string>;
  buildpack_provided_description?: string | null;
  checksum?: string | null;
  commit?: string | null;
  commit_description?: string | null;
  stack?: string;
};

/** `definitions.slug`'s create schema: process types by Heroku's pattern, the rest optional strings. */
const createSchema = body(
  {
    process_types: {
      type: "object",
      propertyNames: { pattern: processType },
      additionalProperties: { type: "string" },
    },
    buildpack_provided_description: nullableString,
    checksum: nullableString,
    commit: nullableString,
    commit_description: nullableString,
    stack: string(),
  },
  ["process_types"],
);

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Is this request the upload of a slug archive (which carries its signature instead of the API key)? */
export function isSlugUpload(url: string | undefined): boolean {
  return url?.startsWith(`${SLUG_BLOB_PREFIX}/`) ?? false;
}

/**
 * Routes: create and read slugs, and the upload of a slug's archive to the presigned URL a create answers with (on
 * Heroku an S3 URL; here the sandbox itself, which keeps only the archive's size). Releasing a slug is in
 * `releases.ts`.
 */
export function slugRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  server.post<{ Params: { app: string }; Body: SlugBody }>(
    "/apps/:app/slugs",
    { schema: { body: createSchema } },
    async (request, reply) => {
      const app = findApp(store.data, request.params.app);
      const { process_types: processTypes, buildpack_provided_description, commit_description, ...rest } = request.body;
      const slug = createSlug(store.data, app, {
        ...rest,
        processTypes,
        buildpackProvidedDescription: buildpack_provided_description,
        commitDescription: commit_description,
      });
      return reply.code(201).send(renderSlug(slug, slugBlob(baseUrl(), slug, "put")));
    },
  );

  server.get<{ Params: { app: string; slug: string } }>("/apps/:app/slugs/:slug", async (request) => {
    const slug = findAppSlug(store.data, findApp(store.data, request.params.app), request.params.slug);
    return renderSlug(slug, slugBlob(baseUrl(), slug, "get"));
  });

  // The archive is any bytes, sent with or without a content type: only its size is kept.
  server.register(async (uploads) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser("*", { parseAs: "buffer" }, (_request, payload, done) => done(null, payload));
    uploads.put<{ Params: { slug: string }; Querystring: { signature?: string } }>(
      `${SLUG_BLOB_PREFIX}/:slug`,
      async (request, reply) => {
        const slug = store.data.slugs.find((s) => s.id === request.params.slug);
        // Like S3, a wrong or missing signature is refused without saying whether the object exists.
        if (!slug || !sameToken(request.query.signature, slug.uploadToken)) {
          throw new HerokuError(403, "forbidden", "The upload URL's signature does not match.");
        }
        const bytes = Buffer.isBuffer(request.body) ? request.body.length : 0;
        recordUpload(findSlug(store.data, slug.id), bytes);
        return reply.code(200).send();
      },
    );
  });
}
