import { defineConfig } from 'wxt';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['https://*.linkedin.com/*'] },
    ],
  },
});
