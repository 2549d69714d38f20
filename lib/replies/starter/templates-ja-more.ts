import type { StarterTemplateData } from './types';

/**
 * Japanese starter templates for ご要望 (feature requests and suggestions) and the escalations
 * (法的措置の示唆, 安全に関わる報告, 公表の示唆). Promises of what happens next, never claims.
 */
export const moreJapaneseTemplates: StarterTemplateData[] = [
  {
    key: 'ja-feedback-thanks',
    lang: 'ja',
    title: 'ご要望ありがとうございます',
    body:
      '{{first_name}}さん、貴重なご意見・ご要望をありがとうございます。いただいた内容はそのまま開発チームに共有いたします。' +
      '対応の時期はお約束できませんが、改善につながりましたらこちらでお知らせします。',
    tags: ['feedback', '要望', '改善', '機能'],
    shortcut: 'youbou',
  },
  {
    key: 'ja-escalation-legal',
    lang: 'ja',
    title: 'お申し出について責任者が確認いたします',
    body:
      '{{first_name}}さん、ここまでご不快な思いをおかけし、誠に申し訳ございません。本件は本日中に責任者へ引き継ぎ、きちんとお答えいたします。' +
      '詳細を公開の場に書かずに済むよう、お手数ですが{{site}}のダイレクトメッセージでご連絡いただけますか。',
    tags: ['move-to-dm', 'legal-threat', 'complaint', 'escalation', '弁護士', '訴訟', '消費者センター'],
    shortcut: 'sekinin',
  },
  {
    key: 'ja-escalation-safety',
    lang: 'ja',
    title: '安全に関わるご報告ありがとうございます',
    body:
      '{{first_name}}さん、ご報告ありがとうございます。つらい思いをさせてしまい申し訳ございません。身の危険がある場合は、すぐに110番などの緊急連絡先へご連絡ください。' +
      '本件は安全対策の担当へすぐに報告します。状況を詳しく伺うため、{{site}}のダイレクトメッセージでご連絡いただけますか。',
    tags: ['move-to-dm', 'safety', '安全', '迷惑行為', '嫌がらせ', '通報', '誹謗中傷'],
    shortcut: 'anzen',
  },
  {
    key: 'ja-escalation-public',
    lang: 'ja',
    title: 'きちんと解決いたします',
    body:
      '{{first_name}}さん、このような形でお声がけいただくまでご対応できず、申し訳ございません。担当の{{agent_name}}が解決まで責任を持って対応いたします。' +
      '詳細を確認したいので、{{site}}のダイレクトメッセージでご連絡いただけますか。',
    tags: ['move-to-dm', 'press', 'complaint', '公表', '拡散', '口コミ'],
    shortcut: 'kaiketsu',
  },
];
