import { env } from "@/env";
import { forwardFile } from "@/features/documents/file-proxy";
import { requestPeer } from "@/features/security/request-peer";

// Forwarded at run time, so the same build can point at any API (API_URL). The data room's files
// (tus uploads, downloads, previews) stream through here both ways, never buffered.
export const dynamic = "force-dynamic";

function handler(request: Request): Promise<Response> {
  return forwardFile(request, { apiUrl: env.API_URL, clientIp: requestPeer()?.clientIp ?? null });
}

export {
  handler as GET,
  handler as HEAD,
  handler as POST,
  handler as PATCH,
  handler as DELETE,
  handler as OPTIONS,
};
