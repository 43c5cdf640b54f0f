import { getTranslations } from "next-intl/server";
import { serverApi, trpcCodeOf } from "@/trpc/server";

// One-click unsubscribe (RFC 8058). Mails carry `List-Unsubscribe: <…/api/unsubscribe?token=…>`
// and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: a mail client POSTs that body to the
// link and it is done, no sign-in (the signed token is the proof). A GET — a person following the
// link, or a scanner fetching it ahead of them — only leads to the page that asks first.
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

function text(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", ...NO_STORE },
  });
}

export function GET(request: Request): Response {
  const token = new URL(request.url).searchParams.get("token");
  const page = token ? `/unsubscribe?token=${encodeURIComponent(token)}` : "/unsubscribe";
  return new Response(null, { status: 303, headers: { location: page, ...NO_STORE } });
}

async function formOf(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

export async function POST(request: Request): Promise<Response> {
  const t = await getTranslations("notifications.unsubscribe");
  const form = await formOf(request);
  const fromForm = form?.get("token");
  const token =
    new URL(request.url).searchParams.get("token") ?? (typeof fromForm === "string" ? fromForm : null);
  if (!token || form?.get("List-Unsubscribe") !== "One-Click") return text(400, t("oneClickMissing"));
  try {
    const api = await serverApi();
    await api.notifications.unsubscribe.mutate({ token });
    return text(200, t("oneClickDone"));
  } catch (error) {
    const code = trpcCodeOf(error);
    const status =
      code === "NOT_FOUND"
        ? 404
        : code === "BAD_REQUEST"
          ? 400
          : code === "TOO_MANY_REQUESTS"
            ? 429
            : code === null
              ? 502
              : 500;
    const message = error instanceof Error ? error.message : String(error);
    return text(status, t("oneClickRefused", { message }));
  }
}
