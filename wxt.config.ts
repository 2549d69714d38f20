import { defineConfig } from 'wxt';
import { allSitePatterns } from './lib/sites/match-patterns';

// Nothing leaves the machine unless the user points Replyline at their own team backend.
const firefoxSettings = { gecko: { id: 'replyline@replyline.app', data_collection_permissions: { required: ['none'] } } };

export default defineConfig({
  imports: false,
  // A second build directory lets two people build and test side by side without overwriting each other.
  outDir: process.env.REPLYLINE_OUT_DIR ?? '.output',
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
    web_accessible_resources: [
      { resources: ['panel.html'], matches: [...allSitePatterns] },
    ],
    ...(browser === 'firefox' ? { browser_specific_settings: firefoxSettings } : {}),
  }),
});
