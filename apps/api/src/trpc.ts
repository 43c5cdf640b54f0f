import { initTRPC } from "@trpc/server";
import { z } from "zod";
import type { Context } from "./context.js";
import { toTRPCError } from "./errors.js";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
    return {
      ...shape,
      message: zodError ? "Some fields need attention." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        // Field-level messages for forms; never a stack trace.
        fieldErrors: zodError?.fieldErrors ?? null,
        formErrors: zodError?.formErrors ?? null,
      },
    };
  },
});

/** Every error leaves a procedure through the one mapping in errors.ts. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// The procedure ladder. Every procedure is built from one of these.
/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapErrors);
