import './style.css';
import { useCallback, useEffect, useState } from 'react';
import { Panel } from '@/components/panel/Panel';
import { ReplyHelp } from '@/components/panel/ReplyHelp';
import { SamePerson } from '@/components/panel/SamePerson';
import { SiteHistory } from '@/components/panel/SiteHistory';
import { mountLocalisedApp } from '@/lib/settings/localised-app';
import { usePanel } from './use-panel';
import { useReplies } from './use-replies';
import { useSamePerson } from './use-same-person';
import { followSiteTheme } from './site-theme';

/** Marks each person shown, so that benchmarks can time the panel from outside. */
const PANEL_RENDERED_MARK = 'replyline:panel-rendered';

function PanelFrame() {
  const { view, error, focusRequest, actions } = usePanel();
  const [replyError, setReplyError] = useState<string | null>(null);
  const onReplyError = useCallback((message: string) => setReplyError(message), []);
  const replyHelp = useReplies(view, onReplyError);
  const samePerson = useSamePerson(view);
  const contactExtras = samePerson.contact ? (
    <>
      <SamePerson contact={samePerson.contact} suggestions={samePerson.suggestions} onSearch={samePerson.onSearch} onMerge={samePerson.onMerge} />
      {samePerson.detail ? <SiteHistory detail={samePerson.detail} /> : null}
    </>
  ) : null;
  const handle = view?.person?.handle;
  useEffect(() => {
    if (handle) performance.mark(PANEL_RENDERED_MARK, { detail: { handle } });
  }, [handle]);
  return <Panel view={view} error={error ?? replyError} focusRequest={focusRequest} replyHelp={<ReplyHelp {...replyHelp} />} contactExtras={contactExtras} {...actions} />;
}

followSiteTheme();
mountLocalisedApp(document.getElementById('root'), <PanelFrame />);
