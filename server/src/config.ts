import { z } from 'zod';
import { DEFAULT_LIMITS, type AppLimits } from './app';

const positiveInt = z.coerce.number().int().positive();

/** Environment variables, parsed once; see server/README.md. */
export const serverEnvSchema = z.object({
  PORT: positiveInt.default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  REPLYLINE_DATA_DIR: z.string().min(1).default('./.replyline-data'),
  REPLYLINE_MAX_BODY_BYTES: positiveInt.default(DEFAULT_LIMITS.maxBodyBytes),
  REPLYLINE_RATE_BURST: positiveInt.default(DEFAULT_LIMITS.rate.burst),
  REPLYLINE_RATE_PER_SECOND: positiveInt.default(DEFAULT_LIMITS.rate.perSecond),
  REPLYLINE_AUTH_FAILURE_BURST: positiveInt.default(DEFAULT_LIMITS.failedAuth.burst),
  REPLYLINE_AUTH_FAILURE_PER_SECOND: positiveInt.default(DEFAULT_LIMITS.failedAuth.perSecond),
  REPLYLINE_SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
});
export type ServerEnv = z.infer<typeof serverEnvSchema>;

export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`bad environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function limitsFrom(env: ServerEnv): AppLimits {
  return {
    maxBodyBytes: env.REPLYLINE_MAX_BODY_BYTES,
    rate: { burst: env.REPLYLINE_RATE_BURST, perSecond: env.REPLYLINE_RATE_PER_SECOND },
    failedAuth: { burst: env.REPLYLINE_AUTH_FAILURE_BURST, perSecond: env.REPLYLINE_AUTH_FAILURE_PER_SECOND },
  };
}

/** The database options the environment asks for: PostgreSQL when DATABASE_URL is set, else PGlite on disk. */
export function databaseOptionsFrom(env: ServerEnv): { databaseUrl?: string; dataDir?: string } {
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.REPLYLINE_DATA_DIR };
}
