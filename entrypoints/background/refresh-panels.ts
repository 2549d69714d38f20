import type { ReplylineDb } from '@/lib/db/open';
import type { PanelPorts } from './panel-ports';
import { readTabState } from './tab-state';
import { panelView } from './views';

/** Re-renders every open panel, e.g. after a teammate's changes arrived. */
export async function refreshAllPanels(db: ReplylineDb, panels: PanelPorts, nowIso: string): Promise<void> {
  for (const tabId of panels.tabs()) {
    const tab = await readTabState(tabId);
    if (tab) panels.push(tabId, { type: 'view', view: await panelView(db, tab, nowIso) });
  }
}
