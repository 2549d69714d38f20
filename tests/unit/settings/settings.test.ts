import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '@/lib/model/settings';
import { parseSettings, readSettings, updateSettings } from '@/lib/settings/storage';

describe('settings', () => {
  it('start from the defaults', async () => {
    expect(await readSettings()).toEqual(defaultSettings);
  });

  it('keep what was saved', async () => {
    await updateSettings({ language: 'ja' });
    expect(await readSettings()).toEqual({ ...defaultSettings, language: 'ja' });
  });

  it('refuse invalid values instead of storing them', async () => {
    await expect(updateSettings({ language: 'fr' as never })).rejects.toThrow();
    expect((await readSettings()).language).toBe('auto');
  });

  it('recover field by field from damaged storage', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'ja', panelCollapsed: 'yes' } });
    expect(await readSettings()).toEqual({ ...defaultSettings, language: 'ja' });
    expect(parseSettings('garbage')).toEqual(defaultSettings);
  });
});
