import { env } from "@/env";
import { requestPeer } from "@/features/security/request-peer";
import { forwardToApi } from "@/trpc/proxy";

// Forwarded at run time, so the same build can point at any API (API_URL).
export const dynamic = "force-dynamic";

function handler(request: Request): Promise<Response> {
  return forwardToApi(request, { apiUrl: env.API_URL, clientIp: requestPeer()?.clientIp ?? null });
}

export { handler as GET, handler as POST };
