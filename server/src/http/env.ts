import type { Principal } from '../admin/authenticate';

/** What middleware hands to handlers (and what the request log reads back). */
export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    /** The error code of a non-2xx answer. */
    errorCode?: string;
    /** How many mutations of a push were rejected. */
    rejectedMutations?: number;
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    errorCode?: string;
    rejectedMutations?: number;
  }
}
