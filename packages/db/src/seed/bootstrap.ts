import type { DecisionSigner } from "../decision-seal.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { seed, type SeedSummary } from "./seed.js";

/** Loads the demo data when the database holds no delegation yet; returns null otherwise. */
export async function seedIfEmpty(prisma: PrismaClient, signer: DecisionSigner): Promise<SeedSummary | null> {
  if ((await prisma.delegation.count()) > 0) return null;
  return seed(prisma, signer);
}

export { seed, type SeedSummary };
