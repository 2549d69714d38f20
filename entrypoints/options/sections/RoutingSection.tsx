import { useEffect, useState } from 'react';
import { RoutingRules, type RoutingAgentOption } from '@/components/options/RoutingRules';
import { sendToBackground } from '@/lib/messaging/send';
import type { RoutingRule } from '@/lib/model';
import { errorText } from '../error-text';

/** The routing rules beside the policies they feed (a priority picks the policy). */
export function RoutingSection() {
  const [state, setState] = useState<{ rules: RoutingRule[]; agents: RoutingAgentOption[]; teamNotices: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendToBackground('routing.get', {}).then(
      ({ settings, agents, teamNotices }) => setState({ rules: settings.rules, agents, teamNotices }),
      (failure: unknown) => setError(errorText(failure)),
    );
  }, []);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!state) return null;
  return (
    <RoutingRules
      rules={state.rules}
      agents={state.agents}
      teamNotices={state.teamNotices}
      onSave={async (rules) => {
        const saved = await sendToBackground('routing.save', { rules });
        setState({ ...state, rules: saved.rules });
      }}
    />
  );
}
