import { serve } from '@hono/node-server';
import { createServer } from './app';
import { databaseOptionsFrom, limitsFrom, readServerEnv } from './config';
import { DataDirBusyError } from './db/data-dir-lock';
import { openServerDatabase, type ServerDatabase } from './db/open';
import { createJsonLogger, describeError } from './log';
import { createDatabaseNotifier } from './realtime/notifier';

const logger = createJsonLogger();
const env = readServerEnv(process.env);
let database: ServerDatabase;
try {
  database = await openServerDatabase(databaseOptionsFrom(env));
} catch (error) {
  if (!(error instanceof DataDirBusyError)) throw error;
  logger.log('error', 'data-dir-busy', { lockPath: error.lockPath, holderPid: error.holderPid });
  console.error(`replyline server: ${error.message}`);
  process.exit(1);
}
const notifier = await createDatabaseNotifier(database);
const replyline = createServer({ db: database, notifier, limits: limitsFrom(env), logger });

const where = database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${env.REPLYLINE_DATA_DIR}`;
const server = serve({ fetch: replyline.app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.log('info', 'listening', { host: env.HOST, port: info.port, database: database.kind });
  // Tests and scripts wait for this line.
  console.log(`replyline server listening on http://${env.HOST}:${info.port} (${where})`);
});

// Longer than a balancer's idle timeout (often 60 s): Node's default of 5 s lets a busy client or balancer reuse
// a connection the server has just closed, and that request fails with "other side closed".
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.log('info', 'stopping', { signal, openStreams: replyline.streams.count() });
  // Drain: refuse new connections, end every event stream (clients reconnect elsewhere), let requests in flight finish.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  replyline.drain();
  const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), env.REPLYLINE_SHUTDOWN_GRACE_MS).unref());
  if ((await Promise.race([closed, grace])) === 'timeout' && 'closeAllConnections' in server) {
    logger.log('warn', 'shutdown-grace-over', { graceMs: env.REPLYLINE_SHUTDOWN_GRACE_MS });
    server.closeAllConnections();
  }
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  await replyline.announcer.settled();
  replyline.stop();
  try {
    await notifier.close();
    await database.close();
  } catch (error) {
    logger.log('error', 'shutdown-failed', describeError(error));
  }
  logger.log('info', 'stopped', { signal });
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
