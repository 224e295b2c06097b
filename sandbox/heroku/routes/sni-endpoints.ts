import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import {
  createSniEndpoint,
  deleteSniEndpoint,
  findSniEndpoint,
  sniEndpointsOf,
  updateSniEndpoint,
} from "../models/sni-endpoints";
import { renderSniEndpoint } from "./render";
import { body, string } from "./schemas";

type EndpointParams = { Params: { app: string; endpoint: string } };
type CertificateBody = { certificate_chain: string; private_key: string };

/** `definitions.sni-endpoint`'s create and update schema: both the chain and the key, always. */
const certificateSchema = body(
  {
    certificate_chain: string("Certificate chain must be a PEM certificate."),
    private_key: string("Private key must be a PEM private key."),
  },
  ["certificate_chain", "private_key"],
);

/** Routes: an app's SNI endpoints (its own certificates), which its custom domains name as `sni_endpoint`. */
export function sniEndpointRoutes(server: FastifyInstance, store: Store): void {
  server.post<{ Params: { app: string }; Body: CertificateBody }>(
    "/apps/:app/sni-endpoints",
    { schema: { body: certificateSchema } },
    async (request, reply) => {
      const app = findApp(store.data, request.params.app);
      const { certificate_chain: chain, private_key: key } = request.body;
      return reply.code(201).send(renderSniEndpoint(store.data, createSniEndpoint(store.data, app, chain, key)));
    },
  );

  server.get<{ Params: { app: string } }>("/apps/:app/sni-endpoints", async (request) => {
    const app = findApp(store.data, request.params.app);
    return sniEndpointsOf(store.data, app).map((e) => renderSniEndpoint(store.data, e));
  });

  server.get<EndpointParams>("/apps/:app/sni-endpoints/:endpoint", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderSniEndpoint(store.data, findSniEndpoint(store.data, app, request.params.endpoint));
  });

  server.patch<EndpointParams & { Body: CertificateBody }>(
    "/apps/:app/sni-endpoints/:endpoint",
    { schema: { body: certificateSchema } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      const endpoint = findSniEndpoint(store.data, app, request.params.endpoint);
      const { certificate_chain: chain, private_key: key } = request.body;
      return renderSniEndpoint(store.data, updateSniEndpoint(endpoint, chain, key));
    },
  );

  server.delete<EndpointParams>("/apps/:app/sni-endpoints/:endpoint", async (request) => {
    const app = findApp(store.data, request.params.app);
    const endpoint = findSniEndpoint(store.data, app, request.params.endpoint);
    const rendered = renderSniEndpoint(store.data, endpoint);
    deleteSniEndpoint(store.data, endpoint);
    return rendered;
  });
}
