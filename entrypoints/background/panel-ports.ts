import type { Browser } from 'wxt/browser';
import type { PanelPush } from '@/lib/messaging/protocol';

type Port = Browser.runtime.Port;

/** The open panels, by tab: each panel frame keeps a port to the background for pushed updates. */
export class PanelPorts {
  private readonly byTab = new Map<number, Set<Port>>();

  add(tabId: number, port: Port): void {
    const ports = this.byTab.get(tabId) ?? new Set<Port>();
    ports.add(port);
    this.byTab.set(tabId, ports);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size === 0) this.byTab.delete(tabId);
    });
  }

  tabs(): number[] {
    return [...this.byTab.keys()];
  }

  push(tabId: number, message: PanelPush): boolean {
    const ports = this.byTab.get(tabId);
    if (!ports?.size) return false;
    for (const port of ports) port.postMessage(message);
    return true;
  }
}
