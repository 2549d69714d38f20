// Node 20 cannot run TypeScript: these module hooks transpile .ts files with the project's own
// TypeScript (types dropped, no type check) and resolve extensionless relative imports to .ts.
// The `@/` alias (tsconfig paths) resolves to the project root, as in the bundler and vitest, so
// server code that imports lib/... runs too.
// Unlike tsx, nothing is injected into functions, so functions handed to page.evaluate stay intact.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const PROJECT_ROOT = new URL('../', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('@/')) return resolveAlias(new URL(specifier.slice(2), PROJECT_ROOT).href, context, nextResolve);
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (relative && !specifier.endsWith('.ts') && error?.code === 'ERR_MODULE_NOT_FOUND') {
      return nextResolve(`${specifier}.ts`, context);
    }
    throw error;
  }
}

// `@/lib/model` may name a file (model.ts) or a folder (model/index.ts).
async function resolveAlias(url, context, nextResolve) {
  const candidates = url.endsWith('.ts') ? [url] : [`${url}.ts`, `${url}/index.ts`, url];
  let lastError;
  for (const candidate of candidates) {
    try {
      return await nextResolve(candidate, context);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: url,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
