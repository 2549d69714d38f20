import type { TemplateValues } from '@/lib/replies/template-fill';

/** What the live preview fills templates with: a made-up person in the template's language. */
export function sampleValues(lang: 'en' | 'ja', agentName: string): TemplateValues {
  const person =
    lang === 'ja'
      ? { name: '山田 花子', company: '星野商事', headline: '営業部長', order: 'A-10234' }
      : { name: 'Jane Doe', company: 'Acme Corp', headline: 'Head of Sales', order: 'A-10234' };
  return { ...person, agent_name: agentName || (lang === 'ja' ? '佐藤' : 'Sam'), site: 'LinkedIn' };
}
