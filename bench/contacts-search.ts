/**
 * The options page's contact search over 10,000 contacts (each with one or two identities): building
 * the in-memory index, then one search per keystroke of typical queries (a name, a company, a tag, a
 * stage, a handle, nothing typed). Writes bench/results/contacts-search.json.
 * Run: node --import ./scripts/run-ts.mjs bench/contacts-search.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildContactSearchIndex } from '../lib/contacts/search-index.ts';
import type { Contact, ContactStage, Identity } from '../lib/model/index.ts';
import { summariseMs } from './harness/stats.ts';

const CONTACTS = 10_000;
const RUNS = 30;
const stages: ContactStage[] = ['new', 'lead', 'contacted', 'qualified', 'customer', 'churned'];
const companies = ['Acme', 'Initech', 'Globex', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Soylent'];
const tags = ['nordics', 'vip', 'trial', 'enterprise', 'dach', 'japan'];
const first = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Yukihiro', 'Hedy', 'Alan', 'Katherine'];
const last = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Matsumoto', 'Lamarr', 'Turing', 'Johnson'];

const uuid = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const contacts: Contact[] = [];
const identities: Identity[] = [];
for (let n = 0; n < CONTACTS; n += 1) {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const name = `${first[n % first.length]} ${last[Math.floor(n / first.length) % last.length]} ${n}`;
  const contact: Contact = {
    id: uuid(0, n), createdAt: at, updatedAt: at, deletedAt: null, stamps: {},
    displayName: name, company: companies[n % companies.length], stage: stages[n % stages.length] ?? 'new',
    tags: n % 3 === 0 ? [tags[n % tags.length] ?? 'vip'] : [], firstSeenAt: at, lastSeenAt: at,
    headline: `Engineer at ${companies[(n + 3) % companies.length]}`,
  };
  contacts.push(contact);
  const sites = n % 4 === 0 ? (['linkedin', 'x'] as const) : (['linkedin'] as const);
  sites.forEach((site, k) =>
    identities.push({
      id: uuid(k + 1, n), createdAt: at, updatedAt: at, deletedAt: null, stamps: {}, contactId: contact.id, site,
      handle: name.toLowerCase().replace(/\s+/g, '-'), profileUrl: `https://example.com/${n}`, displayName: name,
    }),
  );
}

const queries = ['', 'a', 'ad', 'ada', 'ada lov', 'initech', '#nordics', 'customer', 'grace-hopper-1', 'zzz-no-match'];
const buildMs: number[] = [];
const searchMs: number[] = [];
let matched = 0;
for (let run = 0; run < RUNS; run += 1) {
  const start = performance.now();
  const index = buildContactSearchIndex(contacts, identities);
  buildMs.push(performance.now() - start);
  for (const text of queries) {
    const began = performance.now();
    matched = index.search({ text }).length;
    searchMs.push(performance.now() - began);
  }
}

const result = {
  benchmark: 'contacts-search',
  contacts: CONTACTS,
  identities: identities.length,
  queries,
  runs: RUNS,
  buildIndexMs: summariseMs(buildMs),
  searchPerQueryMs: summariseMs(searchMs),
  lastQueryMatched: matched,
  node: process.version,
  loadavg: os.loadavg(),
  cpus: os.cpus().length,
  at: new Date().toISOString(),
};
const out = path.join(import.meta.dirname, 'results', 'contacts-search.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ buildIndexMs: result.buildIndexMs, searchPerQueryMs: result.searchPerQueryMs, loadavg: result.loadavg }));
