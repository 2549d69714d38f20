/**
 * Imported first by the page bundle, before any schema is built: zod decides per schema, when it is
 * built, whether to compile a fast path with `new Function`. The extension's service worker cannot
 * (MV3's CSP forbids eval), so the benchmark's page parses the same slower way.
 */
import { z } from 'zod';

z.config({ jitless: true });
