import { OutboxPageInput } from "@lodestone/domain/auth-adapter";
import type { TRPCRouterRecord } from "@trpc/server";
import { devOutboxProcedure } from "../../trpc.js";
import { outbox } from "./service.js";

/** Development helpers, on only without SMTP and outside production. */
export const devRouter = {
  outbox: devOutboxProcedure.input(OutboxPageInput).query(({ ctx, input }) => outbox({ ctx, input })),
} satisfies TRPCRouterRecord;
