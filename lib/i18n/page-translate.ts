// The content scripts need a handful of messages; named imports let the bundler leave the rest of the
// two catalogs (tens of KB) out of every content script.
import {
  panelDockLeft as enDockLeft,
  panelDockRight as enDockRight,
  panelResize as enResize,
  panelTitle as enPanelTitle,
  stage_churned as enChurned,
  stage_contacted as enContacted,
  stage_customer as enCustomer,
  stage_lead as enLead,
  stage_new as enNew,
  stage_qualified as enQualified,
  timeLeft as enTimeLeft,
  timeOverdue as enTimeOverdue,
} from '@/locales/en.json';
import {
  panelDockLeft as jaDockLeft,
  panelDockRight as jaDockRight,
  panelResize as jaResize,
  panelTitle as jaPanelTitle,
  stage_churned as jaChurned,
  stage_contacted as jaContacted,
  stage_customer as jaCustomer,
  stage_lead as jaLead,
  stage_new as jaNew,
  stage_qualified as jaQualified,
  timeLeft as jaTimeLeft,
  timeOverdue as jaTimeOverdue,
} from '@/locales/ja.json';
import type { Language } from './translate';

const pageCatalogs = {
  en: {
    panelTitle: enPanelTitle,
    panelDockLeft: enDockLeft,
    panelDockRight: enDockRight,
    panelResize: enResize,
    stage_new: enNew,
    stage_lead: enLead,
    stage_contacted: enContacted,
    stage_qualified: enQualified,
    stage_customer: enCustomer,
    stage_churned: enChurned,
    timeLeft: enTimeLeft,
    timeOverdue: enTimeOverdue,
  },
  ja: {
    panelTitle: jaPanelTitle,
    panelDockLeft: jaDockLeft,
    panelDockRight: jaDockRight,
    panelResize: jaResize,
    stage_new: jaNew,
    stage_lead: jaLead,
    stage_contacted: jaContacted,
    stage_qualified: jaQualified,
    stage_customer: jaCustomer,
    stage_churned: jaChurned,
    timeLeft: jaTimeLeft,
    timeOverdue: jaTimeOverdue,
  },
} as const;

export type PageMessageKey = keyof (typeof pageCatalogs)['en'];
export type PageTranslate = (key: PageMessageKey, ...substitutions: string[]) => string;

/** The content scripts' translator: the same message files, only the messages a page needs. */
export function createPageTranslator(language: Language): PageTranslate {
  const catalog = pageCatalogs[language];
  return (key, ...substitutions) =>
    catalog[key].replace(/\$(\d)/g, (match, index: string) => substitutions[Number(index) - 1] ?? match);
}
