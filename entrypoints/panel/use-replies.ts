import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReplyHelpProps, GenerationState } from '@/components/panel/ReplyHelp';
import type { InsertOptions } from '@/components/panel/SuggestedReplies';
import type { InsertResult, InsertTarget, RepliesView } from '@/lib/views/replies';
import type { PanelView } from '@/lib/views/panel';
import type { ReplyClaim } from '@/lib/model';
import { sendToBackground } from '@/lib/messaging/send';

const GENERATION_POLL_MS = 250;

function insertNotice(result: InsertResult): ReplyHelpProps['notice'] {
  if (result.inserted) return { key: 'repliesInserted', args: [], tone: 'ok' };
  switch (result.reason) {
    case 'incomplete':
      return { key: 'repliesIncomplete', args: [result.missing.join(', ')], tone: 'warn' };
    case 'not-found':
      return { key: 'repliesNotFound', args: [], tone: 'warn' };
    case 'unfit':
      return { key: 'repliesUnfit', args: [], tone: 'warn' };
    case 'unsafe':
    case 'private-only':
    case 'over-limit':
      return { key: 'repliesRefused', args: [result.message ?? result.reason], tone: 'warn' };
    default:
      return { key: 'repliesNoComposer', args: [], tone: 'warn' };
  }
}

/** The panel's reply help: fetched again whenever the panel's view changes (a new message, another page). */
export function useReplies(view: PanelView | null, onError: (message: string) => void): ReplyHelpProps {
  const [replies, setReplies] = useState<RepliesView | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<ReplyHelpProps['notice']>(null);
  const [generation, setGeneration] = useState<GenerationState | null>(null);
  const [boxLength, setBoxLength] = useState<number | null>(null);
  const [choice, setChoice] = useState<number | undefined>(undefined);
  const [lang, setLang] = useState<'en' | 'ja' | undefined>(undefined);
  const [done, setDone] = useState<ReplyClaim[]>([]);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const choicesRef = useRef({ choice, lang, done });
  choicesRef.current = { choice, lang, done };
  const subjectText = replies?.subject?.text;
  const [valuesFor, setValuesFor] = useState(subjectText);
  // Values typed for one message do not carry over to the next.
  if (valuesFor !== subjectText) {
    setValuesFor(subjectText);
    setValues({});
    setGeneration(null);
    setBoxLength(null);
  }

  useEffect(() => {
    if (!view?.page) return;
    let current = true;
    sendToBackground('replies.view', { values: valuesRef.current, ...choicesRef.current })
      .then((next) => {
        if (current) setReplies(next);
      })
      .catch((failure: unknown) => onError(failure instanceof Error ? failure.message : String(failure)));
    return () => {
      current = false;
    };
  }, [view, onError, choice, lang, done]);


  const fail = useCallback((failure: unknown) => onError(failure instanceof Error ? failure.message : String(failure)), [onError]);

  const onInsert = useCallback(
    (target: InsertTarget, options?: InsertOptions) => {
      sendToBackground('replies.insert', { target, values: valuesRef.current, ...choicesRef.current, ...options })
        .then((result) => {
          setNotice(insertNotice(result));
          if (result.length !== null) setBoxLength(result.length);
        })
        .catch(fail);
    },
    [fail],
  );

  const onMoveToDm = useCallback(
    (mode: 'dm' | 'alternative') => {
      sendToBackground('replies.move-to-dm', { mode, choice: choicesRef.current.choice })
        .then(() => setNotice({ key: mode === 'dm' ? 'moveToDmDone' : 'moveToDmAltDone', args: [], tone: 'ok' }))
        .catch(fail);
    },
    [fail],
  );

  const onGenerate = useCallback(() => {
    sendToBackground('replies.generate', { choice: choicesRef.current.choice, lang: choicesRef.current.lang })
      .then(async ({ generationId }) => {
        for (;;) {
          const progress = await sendToBackground('replies.generation', { generationId });
          setGeneration({ ...progress, generationId });
          if (progress.done) return;
          await new Promise((resolve) => setTimeout(resolve, GENERATION_POLL_MS));
        }
      })
      .catch(fail);
  }, [fail]);

  return {
    replies,
    values,
    notice,
    boxLength,
    generation,
    onChoose: setChoice,
    onLanguage: setLang,
    onDone: (claim, isDone) => setDone((previous) => (isDone ? [...new Set([...previous, claim])] : previous.filter((item) => item !== claim))),
    onValueChange: (name, value) => setValues((previous) => ({ ...previous, [name]: value })),
    onInsert,
    onMoveToDm,
    onGenerate,
    onCopy: (text) => void navigator.clipboard.writeText(text).catch(fail),
  };
}
