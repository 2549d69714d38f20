import type { StarterTemplateData } from './types';

/**
 * English starter templates for what real customer messages show and the first set did not answer:
 * suggestions and feature requests, and the escalations (a legal threat, a safety report, a threat to
 * go public). They promise what happens next and claim nothing that has not been done.
 */
export const moreEnglishTemplates: StarterTemplateData[] = [
  {
    key: 'en-feedback-thanks',
    lang: 'en',
    title: 'Thanks for the suggestion',
    body:
      "Thanks for taking the time to tell us this, {{first_name}}. It's a fair point, and I'll pass it to the product team " +
      "with your words as you wrote them. I can't promise when it will change, but I'll let you know here if it does.",
    tags: ['feedback', 'suggestion', 'feature-request', 'idea'],
    shortcut: 'idea',
  },
  {
    key: 'en-escalation-legal',
    lang: 'en',
    title: 'Escalating your complaint',
    body:
      "{{first_name}}, I'm sorry it has come to this. I'll take your case to a senior member of the team today so it gets a proper answer, " +
      'not another form. So we can go through the details without sharing them in public, could you send us a private message on {{site}}?',
    tags: ['move-to-dm', 'legal-threat', 'complaint', 'escalation', 'lawyer', 'court', 'trading standards'],
    shortcut: 'escalate',
  },
  {
    key: 'en-escalation-safety',
    lang: 'en',
    title: 'Your safety comes first',
    body:
      "{{first_name}}, thank you for telling us, and I'm sorry you went through this. Your safety comes first: if you're in danger now, please call your local emergency number. " +
      "I'll report this to our safety team straight away. Could you send us a private message on {{site}} with what happened, so we can act on it?",
    tags: ['move-to-dm', 'safety', 'harassment', 'danger', 'abuse', 'report'],
    shortcut: 'safety',
  },
  {
    key: 'en-escalation-public',
    lang: 'en',
    title: 'We want to put this right',
    body:
      "{{first_name}}, you shouldn't have to go public to be heard, and I'm sorry you felt you had to. I'm {{agent_name}} and I'll follow this through myself until it's fixed. " +
      'Could you send us a private message on {{site}} so I can look at the details?',
    tags: ['move-to-dm', 'press', 'complaint', 'public', 'media'],
    shortcut: 'public',
  },
];
