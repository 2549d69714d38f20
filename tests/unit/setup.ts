import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no in-memory i18n; the background reads the UI language for notifications.
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
});
