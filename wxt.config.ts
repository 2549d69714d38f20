import { defineConfig } from 'wxt';
import { allSitePatterns } from './lib/sites/shared/match-patterns';

// Nothing leaves the machine unless the user points Replyline at their own team backend.
const firefoxSettings = { gecko: { id: 'replyline@replyline.app', data_collection_permissions: { required: ['none'] } } };

export default defineConfig({
  imports: false,
  // A second build directory lets two people build and test side by side without overwriting each other.
  outDir: process.env.REPLYLINE_OUT_DIR ?? '.output',
  // REPLYLINE_UNMINIFIED=1 keeps names readable in CPU profiles (bench/harness/page-trace.ts); releases are minified.
  vite: () => ({ build: { minify: process.env.REPLYLINE_UNMINIFIED !== '1' } }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    // Sites probe for installed extensions by fetching their web-accessible files at chrome-extension://<id>/…;
    // with a dynamic URL the panel loads only from a per-session id (browser.runtime.getURL gives it), so the
    // probe fails. Firefox already serves moz-extension:// under a random per-install UUID.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: [...allSitePatterns], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox' ? { browser_specific_settings: firefoxSettings } : {}),
  }),
});
