import { and, eq, isNull } from 'drizzle-orm';
import type { AgentRole } from '@/lib/sync/wire';
import type { Db } from '../db/open';
import { agents, tokens, workspaces } from '../db/schema';
import { hashToken } from './tokens';

export interface Principal {
  tokenId: string;
  workspace: { id: string; name: string };
  agent: { id: string; name: string; role: AgentRole };
}

/** The live token's agent and workspace; undefined for unknown, revoked, or revoked-agent tokens. */
export async function authenticate(db: Db, token: string): Promise<Principal | undefined> {
  const [row] = await db
    .select({
      tokenId: tokens.id,
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      agentId: agents.id,
      agentName: agents.name,
      role: agents.role,
    })
    .from(tokens)
    .innerJoin(agents, and(eq(agents.id, tokens.agentId), eq(agents.workspaceId, tokens.workspaceId)))
    .innerJoin(workspaces, eq(workspaces.id, tokens.workspaceId))
    .where(and(eq(tokens.tokenHash, hashToken(token)), isNull(tokens.revokedAt), isNull(agents.revokedAt)));
  if (!row) return undefined;
  return {
    tokenId: row.tokenId,
    workspace: { id: row.workspaceId, name: row.workspaceName },
    agent: { id: row.agentId, name: row.agentName, role: row.role },
  };
}

/** Whether the token and its agent are still live (the streams' periodic check behind revocation notices). */
export async function tokenIsLive(db: Db, tokenId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tokens.id })
    .from(tokens)
    .innerJoin(agents, eq(agents.id, tokens.agentId))
    .where(and(eq(tokens.id, tokenId), isNull(tokens.revokedAt), isNull(agents.revokedAt)));
  return row !== undefined;
}
