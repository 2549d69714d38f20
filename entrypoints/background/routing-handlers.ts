import { browser } from 'wxt/browser';
import { ME_AGENT } from '@/lib/model';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers } from '@/lib/messaging/handle';
import type { BackgroundProtocol } from '@/lib/messaging/protocol';
import type { RoutingAgent } from '@/lib/messaging/routing-protocol';
import { readRouting, writeRouting } from '@/lib/settings/routing';
import { adapterFor } from '@/lib/sites';
import type { BackgroundServices } from './handlers';
import { readTabState } from './tab-state';

type RoutingRequests = 'routing.get' | 'routing.save' | 'conversation.open';

async function focus(tab: { id?: number; windowId?: number }): Promise<boolean> {
  if (tab.id === undefined) return false;
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  return true;
}

/**
 * A tab already showing one of the conversations (as its page told us, whatever its URL now says), else
 * one at the URL. The tab states are ours, so no "tabs" permission is needed to read other tabs' URLs.
 */
async function existingTab(conversationIds: readonly string[], url: string) {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const state = await readTabState(tab.id);
    if (state?.conversationIds.some((id) => conversationIds.includes(id))) return tab;
  }
  const [atUrl] = await browser.tabs.query({ url: url.split('#')[0] }).catch(() => []);
  return atUrl;
}

export function routingHandlers({ sync }: BackgroundServices): Pick<Handlers<BackgroundProtocol>, RoutingRequests> {
  async function agents(): Promise<RoutingAgent[]> {
    const me = await sync.agent();
    const mine: RoutingAgent = { id: ME_AGENT, name: me?.name ?? '', isMe: true };
    return [mine, ...sync.teammates().filter((agent) => agent.id !== me?.id).map((agent) => ({ ...agent, isMe: false }))];
  }

  return {
    async 'routing.get'() {
      // The backend's event stream carries changes and presence only: there is no notice to tell teammates of a breach.
      return { settings: await readRouting(), agents: await agents(), teamNotices: false };
    },

    async 'routing.save'(settings) {
      return writeRouting(settings);
    },

    async 'conversation.open'({ conversationIds, url }) {
      if (!adapterFor(new URL(url))) throw new ProtocolError('bad-request', 'Only pages of the supported sites open from here');
      const tab = await existingTab(conversationIds, url);
      if (tab && (await focus(tab))) return { focused: true };
      await browser.tabs.create({ url });
      return { focused: false };
    },
  };
}
