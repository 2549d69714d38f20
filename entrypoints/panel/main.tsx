import './style.css';
import { useEffect } from 'react';
import { Panel } from '@/components/panel/Panel';
import { mountLocalisedApp } from '@/lib/settings/localised-app';
import { usePanel } from './use-panel';

/** Marks each person shown, so that benchmarks can time the panel from outside. */
const PANEL_RENDERED_MARK = 'replyline:panel-rendered';

function PanelFrame() {
  const { view, error, focusRequest, actions } = usePanel();
  const handle = view?.person?.handle;
  useEffect(() => {
    if (handle) performance.mark(PANEL_RENDERED_MARK, { detail: { handle } });
  }, [handle]);
  return <Panel view={view} error={error} focusRequest={focusRequest} {...actions} />;
}

mountLocalisedApp(document.getElementById('root'), <PanelFrame />);
