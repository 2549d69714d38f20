import type { StarterTemplateData } from './types';

/**
 * Japanese starter templates: polite (です・ます) but personal, addressing the customer as
 * `{{first_name}}さん` (family name + さん, see template-fill.ts). Shortcuts are romaji, which is what
 * people type with the IME off.
 */
export const japaneseTemplates: StarterTemplateData[] = [
  {
    key: 'ja-ack',
    lang: 'ja',
    title: 'お問い合わせありがとうございます',
    body:
      '{{first_name}}さん、ご連絡ありがとうございます。担当の{{agent_name}}です。' +
      '内容をしっかり確認してから、こちらでお返事いたしますので、少しだけお時間をください。',
    tags: ['generic', 'acknowledgement', 'question'],
    shortcut: 'uketsuke',
  },
  {
    key: 'ja-complaint-apology',
    lang: 'ja',
    title: 'ご不快な思いをさせてしまい申し訳ありません',
    body:
      '{{first_name}}さん、この度はご不便とご不快な思いをおかけし、本当に申し訳ございません。' +
      'お怒りはもっともです。担当の{{agent_name}}が責任を持って原因を確認し、きちんと対応いたします。',
    tags: ['complaint', 'apology', 'stage:customer'],
    shortcut: 'owabi',
  },
  {
    key: 'ja-move-to-dm',
    lang: 'ja',
    title: 'ダイレクトメッセージでのご案内',
    body:
      '{{first_name}}さん、確実に対応させていただきたいので、{{site}}のダイレクトメッセージでご連絡しました。' +
      '個人情報を公開の場に書かずに済むよう、お手数ですがそちらにご注文番号とご登録のメールアドレスをお送りください。',
    tags: ['move-to-dm', 'account', 'complaint', 'private'],
    shortcut: 'dm-ja',
    asserts: ['dm-sent'],
  },
  {
    key: 'ja-order-status',
    lang: 'ja',
    title: 'ご注文の配送状況',
    body:
      '{{first_name}}さん、ご注文{{order}}の状況を確認しました。商品はすでに倉庫から発送され、配送業者がお届けに向かっています。' +
      '荷物の追跡はこちらからご覧いただけます：{{tracking_link}}。{{expected_date}}までに届かない場合は、こちらでお調べしますのでお知らせください。',
    tags: ['delivery', 'order', 'tracking', 'stage:customer'],
    shortcut: 'haisou',
    asserts: ['checked-order'],
  },
  {
    key: 'ja-refund',
    lang: 'ja',
    title: '返金のお手続きについて',
    body:
      '{{first_name}}さん、ご注文{{order}}の返金手続きを行いました。お支払いいただいたカードまたは口座に返金され、' +
      '通常5〜10営業日ほどで反映されます。その頃になっても確認できない場合は、お気軽にこちらへご連絡ください。',
    tags: ['refund', 'payment', 'money', 'stage:customer'],
    shortcut: 'henkin',
    asserts: ['refund-issued'],
  },
  {
    key: 'ja-shipping-delay',
    lang: 'ja',
    title: 'お届けの遅れのお詫び',
    body:
      '{{first_name}}さん、お約束の日にお届けできず申し訳ございません。現在、お住まいの地域で配送に遅延が発生しております。' +
      'お荷物は紛失しておらず、新しいお届け予定は{{expected_date}}です。動きがあり次第、すぐにご連絡いたします。',
    tags: ['delivery', 'delay', 'complaint', 'shipping'],
    shortcut: 'chien',
  },
  {
    key: 'ja-login-help',
    lang: 'ja',
    title: 'アカウントにログインできない場合',
    body:
      '{{first_name}}さん、ログインできず困らせてしまいすみません。まずはログイン画面の「パスワードをお忘れの方」から再設定をお試しください。' +
      '再設定メールは届くまで数分かかることがあり、迷惑メールフォルダに入っている場合もあります。それでも届かない場合は、' +
      'ダイレクトメッセージでご連絡いただければアカウントのロックを解除いたします。',
    tags: ['account', 'login', 'password', 'not-working'],
    shortcut: 'login-ja',
  },
  {
    key: 'ja-pricing',
    lang: 'ja',
    title: '料金プランのご案内',
    body:
      '{{first_name}}さん、ご質問ありがとうございます。料金は1ユーザーあたりの月額制で、年払いにすると割引がございます。' +
      '{{company}}様で何名ほどご利用になるか教えていただければ、最適なプランとお見積りをお送りします。',
    tags: ['price', 'question', 'interest', 'stage:lead', 'stage:qualified'],
    shortcut: 'ryoukin',
  },
  {
    key: 'ja-meeting-booking',
    lang: 'ja',
    title: 'お打ち合わせの日程調整',
    body:
      '{{first_name}}さん、ぜひ一度お話しさせてください。こちらからご都合の良い日時をお選びいただけます：{{booking_link}}。' +
      '20分ほどのオンライン面談で、{{company}}様の課題を伺いながら、関係のある機能だけをデモでお見せします。',
    tags: ['meeting-request', 'interest', 'demo', 'call', 'stage:lead', 'stage:qualified', 'stage:contacted'],
    shortcut: 'nittei',
  },
  {
    key: 'ja-thanks-reply',
    lang: 'ja',
    title: 'どういたしまして',
    body: '{{first_name}}さん、解決して本当に良かったです！また何かあれば、いつでもこちらからお気軽にご連絡ください。',
    tags: ['thanks', 'generic'],
    shortcut: 'douitashimashite',
  },
  {
    key: 'ja-praise-reply',
    lang: 'ja',
    title: '嬉しいお言葉をありがとうございます',
    body:
      '{{first_name}}さん、温かいお言葉をありがとうございます！チーム一同、とても励みになります。' +
      'これからも快適にお使いいただけるよう頑張ります。',
    tags: ['praise', 'review'],
    shortcut: 'orei',
  },
  {
    key: 'ja-check-in',
    lang: 'ja',
    title: 'その後、問題なくお使いいただけていますか',
    body:
      '{{first_name}}さん、先日の件のその後が気になりご連絡しました。現在は問題なく動作していますでしょうか。' +
      'もし一度でも同じ症状が出るようでしたら、すぐに対応いたしますのでお知らせください。',
    tags: ['follow-up', 'check-in', 'not-working', 'stage:customer'],
    shortcut: 'sonogo',
  },
  {
    key: 'ja-after-hours',
    lang: 'ja',
    title: '営業時間外のご連絡',
    body:
      '{{first_name}}さん、メッセージありがとうございます。ただいま営業時間外のため、{{opening_time}}以降に順番にお返事いたします。' +
      'いただいた内容はきちんとお預かりしていますので、ご安心ください。',
    tags: ['after-hours', 'generic', 'acknowledgement'],
    shortcut: 'jikangai',
  },
  {
    key: 'ja-linkedin-opener',
    lang: 'ja',
    title: 'LinkedInでの最初のご挨拶',
    body:
      '{{first_name}}さん、はじめまして。{{company}}で{{headline}}をされていると拝見し、ご連絡しました。' +
      'SNSでのお客様対応をされているチームのお手伝いをしており、現在どのように運用されているか、ぜひお話を伺えればと思っています。',
    tags: ['opener', 'stage:new', 'stage:lead', 'site:linkedin', 'sales', 'interest'],
    shortcut: 'aisatsu',
  },
  {
    key: 'ja-cancel',
    lang: 'ja',
    title: '解約のお手続き',
    body:
      '{{first_name}}さん、解約のお手続きをご案内します。「設定」→「お支払い」→「解約する」からお手続きいただけ、' +
      'お支払い済みの期間が終わるまでは引き続きご利用いただけます。もし解約の理由をお聞かせいただけたら、今後の改善に活かします。',
    tags: ['cancel', 'subscription', 'account', 'billing'],
    shortcut: 'kaiyaku',
  },
  {
    key: 'ja-bug-report',
    lang: 'ja',
    title: '不具合の確認',
    body:
      '{{first_name}}さん、ご不便をおかけしてすみません。すぐに確認いたします。お使いの端末とアプリのバージョン、' +
      'エラーが出る直前の操作を教えていただけますか。画面のスクリーンショットがあると大変助かります。開発チームに直接共有します。',
    tags: ['not-working', 'bug', 'error', 'technical'],
    shortcut: 'fuguai',
  },
  {
    key: 'ja-lead-follow-up',
    lang: 'ja',
    title: '先日のご連絡の件',
    body:
      '{{first_name}}さん、先日お送りしたメッセージの件で、念のため再度ご連絡しました。' +
      '{{company}}様では、お客様対応のスピード改善を今期ご検討されていますか。タイミングが合わなければ、遠慮なくお知らせください。',
    tags: ['follow-up', 'stage:contacted', 'sales'],
    shortcut: 'saido',
  },
];
