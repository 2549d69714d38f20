import { parseArgs } from 'node:util';
import { z } from 'zod';
import { agentRoleSchema } from '@/lib/sync/wire';
import { createAgent, createWorkspace, revokeAgent, revokeToken } from '../admin/agents';
import type { ServerDatabase } from '../db/open';
import { publishEvent, type ServerEvent } from '../realtime/notifier';

type Revoked = Extract<ServerEvent, { type: 'revoked' }>;

export const USAGE = `usage (DATABASE_URL or REPLYLINE_DATA_DIR picks the database, as for the server):
  create-workspace <name> [--admin-name NAME]               prints the workspace id and its first admin token
  create-agent <workspace-id> <name> [--role agent|admin]   prints the agent id and its token
  revoke-agent <workspace-id> <agent-id>                    revokes the agent; its tokens stop working
  revoke-token <workspace-id> <token-id>                    revokes that token alone (ids are printed with each token)`;

class UsageError extends Error {}

/** Running servers on PostgreSQL hear it on the events channel; on PGlite none can be running beside the CLI. */
async function tellRunningServers(database: ServerDatabase, event: Revoked, print: (line: string) => void): Promise<void> {
  if (database.kind === 'postgres') {
    await publishEvent(database.db, event);
    print('Running servers on this database close the revoked event streams now (within a second); the next request with the token gets 401.');
  } else {
    print('No server can be running on this data directory while the CLI holds it; the next request with the token gets 401.');
  }
}

function argument<S extends z.ZodType>(schema: S, value: string | undefined, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${what}: ${value === undefined ? 'missing' : (parsed.error.issues[0]?.message ?? 'invalid')}`);
  return parsed.data;
}

const nameSchema = z.string().trim().min(1).max(200);

/** Runs one admin command against `database`; prints with `print`, returns the exit code. */
export async function runCommand(database: ServerDatabase, argv: string[], print: (line: string) => void): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'admin-name': { type: 'string' }, role: { type: 'string' } },
    });
    const [command, ...args] = positionals;
    switch (command) {
      case 'create-workspace': {
        const created = await createWorkspace(database.db, {
          name: argument(nameSchema, args[0], 'workspace name'),
          adminName: argument(nameSchema, values['admin-name'] ?? 'admin', '--admin-name'),
        });
        print(`workspace ${created.workspace.id} (${created.workspace.name})`);
        print(`admin ${created.agent.id} (${created.agent.name})`);
        print(`token ${created.token}`);
        print(`token id ${created.tokenId}`);
        print('The token is shown only now: paste it into the extension options.');
        return 0;
      }
      case 'create-agent': {
        const created = await createAgent(database.db, argument(z.uuid(), args[0], 'workspace id'), {
          name: argument(nameSchema, args[1], 'agent name'),
          role: argument(agentRoleSchema, values.role ?? 'agent', '--role'),
        });
        print(`agent ${created.agent.id} (${created.agent.name}, ${created.agent.role})`);
        print(`token ${created.token}`);
        print(`token id ${created.tokenId}`);
        return 0;
      }
      case 'revoke-agent': {
        const workspaceId = argument(z.uuid(), args[0], 'workspace id');
        const agentId = argument(z.uuid(), args[1], 'agent id');
        const revoked = await revokeAgent(database.db, workspaceId, agentId, new Date());
        if (!revoked) throw new UsageError(`no agent ${agentId} in workspace ${workspaceId}`);
        print(`agent ${revoked.id} revoked at ${revoked.revokedAt ?? ''}`);
        await tellRunningServers(database, { type: 'revoked', workspaceId, agentId }, print);
        return 0;
      }
      case 'revoke-token': {
        const workspaceId = argument(z.uuid(), args[0], 'workspace id');
        const tokenId = argument(z.uuid(), args[1], 'token id');
        const revoked = await revokeToken(database.db, workspaceId, tokenId, new Date());
        if (!revoked) throw new UsageError(`no token ${tokenId} in workspace ${workspaceId}`);
        print(`token ${revoked.id} (agent ${revoked.agentId}) revoked at ${revoked.revokedAt ?? ''}`);
        await tellRunningServers(database, { type: 'revoked', workspaceId, agentId: revoked.agentId, tokenId }, print);
        return 0;
      }
      default:
        throw new UsageError(command ? `unknown command ${command}` : 'no command');
    }
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    // parseArgs reports unknown options as TypeErrors with a readable message.
    print(`error: ${error.message}\n${USAGE}`);
    return 2;
  }
}
