import { serve } from '@hono/node-server';
import { createApp } from './app';
import { databaseOptionsFrom, limitsFrom, readServerEnv } from './config';
import { openServerDatabase } from './db/open';
import { createDatabaseNotifier } from './realtime/notifier';

const env = readServerEnv(process.env);
const database = await openServerDatabase(databaseOptionsFrom(env));
const notifier = await createDatabaseNotifier(database);
const app = createApp({ db: database, notifier, limits: limitsFrom(env) });

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const where = database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${env.REPLYLINE_DATA_DIR}`;
  // Tests and scripts wait for this line.
  console.log(`replyline server listening on http://${env.HOST}:${info.port} (${where})`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`replyline server stopping (${signal})`);
  // Open event streams would keep close() waiting forever.
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await notifier.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
