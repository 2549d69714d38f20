/**
 * The code's intended layers, as ESLint rules: which folders may import which. Each entry names the
 * folders it applies to and the module groups they must not import, by alias (`@/lib/db/...`) or by
 * relative path (`../db/...`). tests/unit/lint/boundaries.test.ts proves each rule fails on a violation.
 */
const layer = (name) => [`@/${name}`, `@/${name}/**`, `**/${name.split('/').pop()}/**`];

const rules = [
  {
    // The pages' own hooks and sections (entrypoints/panel, entrypoints/popup, entrypoints/options) send the requests.
    name: 'components are props in, events out: no messaging, database or sync (their types are in lib/views and lib/model)',
    files: ['components/**'],
    forbidden: [...layer('lib/messaging'), ...layer('lib/db'), ...layer('lib/sync')],
  },
  {
    name: 'views are shapes the pages render: no messaging, database, sync, components or pages',
    files: ['lib/views/**'],
    forbidden: [...layer('lib/messaging'), ...layer('lib/db'), ...layer('lib/sync'), ...layer('components'), ...layer('entrypoints')],
  },
  {
    name: 'site adapters read pages: no database, messaging or components',
    files: ['lib/sites/**'],
    forbidden: [...layer('lib/db'), ...layer('lib/messaging'), ...layer('components')],
  },
  {
    name: 'the model depends on nothing of ours',
    files: ['lib/model/**'],
    forbidden: ['@/lib/**', '@/components/**', '@/entrypoints/**', '@/server/**', '../*/**'],
  },
  {
    name: 'the overlay mounts the panel: no database',
    files: ['lib/overlay/**'],
    forbidden: layer('lib/db'),
  },
  {
    name: 'the server uses only the model and the shared sync wire and merge',
    files: ['server/**'],
    forbiddenRegex: '^@/(?!lib/model(/|$)|lib/sync/(wire|merge|hlc)$)',
  },
];

export const boundaryRules = rules.map(({ name, files, forbidden, forbiddenRegex }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          forbiddenRegex === undefined
            ? { group: forbidden, message: `Layer boundary: ${name}.` }
            : { regex: forbiddenRegex, message: `Layer boundary: ${name}.` },
        ],
      },
    ],
  },
}));
