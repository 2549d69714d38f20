import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createAgentResponseSchema } from '@/lib/sync/wire';
import { startServerProcess, type ServerProcess } from '../../server/support/server-process';

const run = promisify(execFile);

export interface TeamAgent {
  id: string;
  name: string;
  token: string;
}

export interface TeamBackend {
  baseUrl: string;
  workspaceId: string;
  admin: TeamAgent;
  /** Creates an agent through the admin API, as a team lead would. */
  createAgent(name: string): Promise<TeamAgent>;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Stops the process (SIGTERM, SIGKILL if it lingers) and removes its data directory. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 5_000;

/**
 * The real backend as a child process on PGlite in a fresh directory: the workspace is made with the
 * CLI first (PGlite admits one process per data directory), then the server starts on a free port.
 */
export async function startTeamBackend(): Promise<TeamBackend> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyline-team-'));
  const env = { ...process.env, REPLYLINE_DATA_DIR: dataDir };
  let server: ServerProcess | undefined;
  try {
    const { stdout } = await run(process.execPath, ['--import', './scripts/run-ts.mjs', 'server/src/cli.ts', 'create-workspace', 'E2E team', '--admin-name', 'Lead'], {
      cwd: process.cwd(),
      env,
    });
    const workspaceId = /^workspace (\S+)/m.exec(stdout)?.[1];
    const adminId = /^admin (\S+)/m.exec(stdout)?.[1];
    const adminToken = /^token (\S+)/m.exec(stdout)?.[1];
    if (!workspaceId || !adminId || !adminToken) throw new Error(`create-workspace printed something unexpected:\n${stdout}`);
    server = await startServerProcess({ REPLYLINE_DATA_DIR: dataDir });
    const started = server;
    const admin: TeamAgent = { id: adminId, name: 'Lead', token: adminToken };
    return {
      baseUrl: started.baseUrl,
      workspaceId,
      admin,
      async createAgent(name) {
        const response = await fetch(`${started.baseUrl}/v1/agents`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name, role: 'agent' }),
        });
        if (response.status !== 201) throw new Error(`creating ${name}: ${response.status} ${await response.text()}`);
        const created = createAgentResponseSchema.parse(await response.json());
        return { id: created.agent.id, name: created.agent.name, token: created.token };
      },
      output: () => started.output(),
      async stop() {
        await stopProcess(started);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (server) await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function stopProcess(server: ServerProcess): Promise<void> {
  const stopped = server.stop();
  const timer = setTimeout(() => void server.kill(), STOP_GRACE_MS);
  try {
    await stopped;
  } finally {
    clearTimeout(timer);
  }
}
