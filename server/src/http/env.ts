import type { Principal } from '../admin/authenticate';

/** What middleware hands to handlers. */
export interface AppEnv {
  Variables: { principal: Principal };
}
