import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Agent, AgentRole } from '@/lib/sync/wire';
import type { Db } from '../db/open';
import { agents, tokens, workspaces, workspaceVersions } from '../db/schema';
import { generateToken, hashToken } from './tokens';

export interface CreatedAgent {
  agent: Agent;
  /** Shown once: only its hash is stored. */
  token: string;
  /** The token's id, which an admin names to revoke this token alone. */
  tokenId: string;
}

/** A token as an admin sees it: never the token itself, which is not stored. */
export interface TokenInfo {
  id: string;
  agentId: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A workspace with its version counter and its first admin. */
export async function createWorkspace(
  db: Db,
  input: { name: string; adminName: string },
): Promise<{ workspace: { id: string; name: string } } & CreatedAgent> {
  const workspace = { id: randomUUID(), name: input.name };
  return db.transaction(async (tx) => {
    await tx.insert(workspaces).values(workspace);
    await tx.insert(workspaceVersions).values({ workspaceId: workspace.id, version: 0 });
    const created = await insertAgent(tx, workspace.id, { name: input.adminName, role: 'admin' });
    return { workspace, ...created };
  });
}

export async function createAgent(db: Db, workspaceId: string, input: { name: string; role: AgentRole }): Promise<CreatedAgent> {
  return db.transaction((tx) => insertAgent(tx, workspaceId, input));
}

export async function listAgents(db: Db, workspaceId: string): Promise<Agent[]> {
  const rows = await db.select().from(agents).where(eq(agents.workspaceId, workspaceId)).orderBy(asc(agents.createdAt));
  return rows.map(toAgent);
}

/** Revokes the agent and all its tokens; false when the workspace has no such agent. */
export async function revokeAgent(db: Db, workspaceId: string, agentId: string, now: Date): Promise<Agent | undefined> {
  return db.transaction(async (tx) => {
    const [agent] = await tx
      .update(agents)
      .set({ revokedAt: now })
      .where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, agentId), isNull(agents.revokedAt)))
      .returning();
    if (!agent) {
      const [existing] = await tx
        .select()
        .from(agents)
        .where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, agentId)));
      return existing ? toAgent(existing) : undefined;
    }
    await tx
      .update(tokens)
      .set({ revokedAt: now })
      .where(and(eq(tokens.workspaceId, workspaceId), eq(tokens.agentId, agentId), isNull(tokens.revokedAt)));
    return toAgent(agent);
  });
}

/** The agent's tokens, oldest first; undefined when the workspace has no such agent. */
export async function listTokens(db: Db, workspaceId: string, agentId: string): Promise<TokenInfo[] | undefined> {
  const [agent] = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, agentId)));
  if (!agent) return undefined;
  const rows = await db
    .select()
    .from(tokens)
    .where(and(eq(tokens.workspaceId, workspaceId), eq(tokens.agentId, agentId)))
    .orderBy(asc(tokens.createdAt));
  return rows.map(toTokenInfo);
}

/** Revokes one token (its agent's other tokens keep working); undefined when the workspace has no such token. */
export async function revokeToken(db: Db, workspaceId: string, tokenId: string, now: Date): Promise<TokenInfo | undefined> {
  const [revoked] = await db
    .update(tokens)
    .set({ revokedAt: now })
    .where(and(eq(tokens.workspaceId, workspaceId), eq(tokens.id, tokenId), isNull(tokens.revokedAt)))
    .returning();
  if (revoked) return toTokenInfo(revoked);
  const [existing] = await db
    .select()
    .from(tokens)
    .where(and(eq(tokens.workspaceId, workspaceId), eq(tokens.id, tokenId)));
  return existing ? toTokenInfo(existing) : undefined;
}

function toTokenInfo(row: typeof tokens.$inferSelect): TokenInfo {
  return { id: row.id, agentId: row.agentId, createdAt: row.createdAt.toISOString(), revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null };
}

async function insertAgent(
  tx: Pick<Db, 'insert'>,
  workspaceId: string,
  input: { name: string; role: AgentRole },
): Promise<CreatedAgent> {
  const [agent] = await tx
    .insert(agents)
    .values({ id: randomUUID(), workspaceId, name: input.name, role: input.role })
    .returning();
  if (!agent) throw new Error('insert returned no agent');
  const token = generateToken();
  const tokenId = randomUUID();
  await tx.insert(tokens).values({ id: tokenId, workspaceId, agentId: agent.id, tokenHash: hashToken(token) });
  return { agent: toAgent(agent), token, tokenId };
}

function toAgent(row: typeof agents.$inferSelect): Agent {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}
