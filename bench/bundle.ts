import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  file: string;
  rawBytes: number;
  gzipBytes: number;
  /** The entries that load this file (empty: nothing found that loads it). */
  usedBy: string[];
}

export interface BundleEntry {
  entry: string;
  /** How the files were attributed to the entry. */
  source: string;
  files: string[];
  /** Sums over the entry's files; each file is stored and gzipped on its own. */
  totalRawBytes: number;
  totalGzipBytes: number;
}

function listFiles(root: string, directory = ''): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((item) => {
    const relative = path.posix.join(directory, item.name);
    return item.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

/** Root-relative path of a reference made from `fromFile` ("/chunks/a.js", "./a.js", "chunks/a.js"). */
function resolveReference(fromFile: string, reference: string): string {
  const clean = reference.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? clean.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), clean));
}

/** Static and dynamic imports of other files of the bundle, read from the (minified) module text. */
function importsOf(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.(?:js|css))["'`]/g)) {
    const reference = match[1]!;
    if (reference.startsWith('.') || reference.startsWith('/')) found.add(resolveReference(file, reference));
  }
  return [...found];
}

/** The file and everything it imports, transitively. */
function withImports(root: string, files: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.js')) importsOf(root, file).forEach(visit);
  };
  files.forEach(visit);
  return [...seen];
}

/** Scripts, module preloads and stylesheets an HTML page names. */
function htmlReferences(root: string, htmlFile: string): string[] {
  const html = readFileSync(path.join(root, htmlFile), 'utf8');
  const references: string[] = [];
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const text = tag[0];
    const rel = /\brel=["']?([^"'\s>]+)/i.exec(text)?.[1]?.toLowerCase();
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(text)?.[1];
    if (url === undefined || /^[a-z]+:/i.test(url)) continue;
    if (tag[1]!.toLowerCase() === 'script' || rel === 'stylesheet' || rel === 'modulepreload') {
      references.push(resolveReference(htmlFile, url));
    }
  }
  return references;
}

interface ManifestShape {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Raw and gzip -9 sizes of every .js and .css file of the built extension, and totals per entry. */
export function measureBundle(root: string): { files: BundleFile[]; entries: BundleEntry[] } {
  const all = listFiles(root).sort();
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as ManifestShape;
  const entries: Omit<BundleEntry, 'totalRawBytes' | 'totalGzipBytes'>[] = [];
  const worker = manifest.background?.service_worker;
  if (worker !== undefined) {
    entries.push({ entry: 'background', source: 'manifest background.service_worker (+ its imports)', files: withImports(root, [worker]) });
  }
  for (const script of manifest.content_scripts ?? []) {
    for (const file of [...(script.js ?? []), ...(script.css ?? [])]) {
      entries.push({ entry: file.replace(/\.(js|css)$/, ''), source: 'manifest content_scripts (+ imports)', files: withImports(root, [file]) });
    }
  }
  for (const htmlFile of all.filter((file) => file.endsWith('.html'))) {
    entries.push({
      entry: htmlFile.replace(/\.html$/, ''),
      source: `${htmlFile} script/modulepreload/stylesheet tags (+ imports)`,
      files: withImports(root, htmlReferences(root, htmlFile)),
    });
  }

  const files: BundleFile[] = all
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const bytes = readFileSync(path.join(root, file));
      return {
        file,
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        usedBy: entries.filter((entry) => entry.files.includes(file)).map((entry) => entry.entry),
      };
    });
  const sizeOf = new Map(files.map((file) => [file.file, file]));
  return {
    files,
    entries: entries.map((entry) => ({
      ...entry,
      files: [...entry.files].sort(),
      totalRawBytes: entry.files.reduce((sum, file) => sum + (sizeOf.get(file)?.rawBytes ?? 0), 0),
      totalGzipBytes: entry.files.reduce((sum, file) => sum + (sizeOf.get(file)?.gzipBytes ?? 0), 0),
    })),
  };
}
