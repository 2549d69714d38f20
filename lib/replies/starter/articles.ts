import type { StarterArticleData } from './types';

/**
 * Starter knowledge-base articles, in both languages: `body` is what an agent needs to know (internal
 * notes, with instructions such as "open a courier claim", never sent), `customerText` what may be
 * said to the customer. They ship without URLs (a link to a help centre that is not the team's own
 * would mislead); a team adds its own.
 */
export const starterArticleData: StarterArticleData[] = [
  {
    key: 'kb-en-refund-policy',
    lang: 'en',
    title: 'Refunds and returns policy',
    body:
      'Customers can return an item within 30 days of delivery for a full refund, and unused subscriptions can be refunded within 14 days of a charge. ' +
      'Refunds go back to the original payment method and take 5 to 10 working days to show. Double charges are refunded at once, no return needed. ' +
      'Damaged or wrong items: ask for a photo, then send a replacement or refund without asking for the item back.',
    tags: ['refund', 'return', 'policy', 'payment'],
    url: null,
    customerText:
      'You can return an item within 30 days of delivery for a full refund, and an unused subscription can be refunded within 14 days of the charge. Refunds go back to the way you paid and usually show within 5 to 10 working days.',
  },
  {
    key: 'kb-en-shipping-times',
    lang: 'en',
    title: 'Shipping times and tracking',
    body:
      'Orders ship within 1 to 2 working days. Standard delivery takes 3 to 5 working days, express 1 to 2. ' +
      'Every order gets a tracking number by e-mail when it leaves the warehouse. A parcel with no tracking update for 5 days is treated as lost: ' +
      'open a courier claim and send a replacement straight away.',
    tags: ['delivery', 'shipping', 'tracking', 'order'],
    url: null,
    customerText:
      'Orders ship within 1 to 2 working days. Standard delivery then takes 3 to 5 working days, express 1 to 2, and you get a tracking link by e-mail as soon as your parcel leaves our warehouse.',
  },
  {
    key: 'kb-en-password-reset',
    lang: 'en',
    title: 'Resetting a password or unlocking an account',
    body:
      'The "Forgot password" link sends a reset e-mail valid for 60 minutes. After 5 failed sign-in attempts the account locks for 30 minutes. ' +
      'Two-factor codes depend on the phone clock being right. An agent can unlock an account or resend the verification e-mail after confirming the account e-mail in a private message, never in public.',
    tags: ['account', 'login', 'password', 'two-factor'],
    url: null,
    customerText:
      'The "Forgot password" link on the sign-in page sends a reset e-mail that works for 60 minutes. After 5 failed sign-in attempts the account locks for 30 minutes, and then you can try again.',
  },
  {
    key: 'kb-en-plans',
    lang: 'en',
    title: 'Plans, prices and discounts',
    body:
      'Starter is free for one user. Team costs 12 dollars per user per month, Business 24 dollars per user per month with SSO and audit logs. ' +
      'Paying yearly saves 20%. Non-profits and schools get 50% off. Quotes for more than 50 seats go through sales.',
    tags: ['price', 'plans', 'billing', 'discount'],
    url: null,
    customerText:
      'Starter is free for one user. Team is 12 dollars per user per month, and Business 24 dollars per user per month with SSO and audit logs. Paying yearly saves 20%, and non-profits and schools get 50% off.',
  },
  {
    key: 'kb-en-cancel-subscription',
    lang: 'en',
    title: 'Cancelling or pausing a subscription',
    body:
      'Owners cancel under Settings, Billing, Cancel subscription. Access continues to the end of the paid period; data is kept for 90 days, then deleted. ' +
      'A subscription can also be paused for up to 3 months. Cancelling the app from the phone store must be done in the store itself.',
    tags: ['cancel', 'subscription', 'billing', 'account'],
    url: null,
    customerText:
      'You can cancel under Settings → Billing → Cancel subscription, and you keep access until the end of the period you\'ve paid for. If you\'d rather take a break, a subscription can also be paused for up to 3 months.',
  },
  {
    key: 'kb-en-app-troubleshooting',
    lang: 'en',
    title: 'Troubleshooting the app: crashes, errors, sync',
    body:
      'First steps for an app that crashes, freezes or shows an error: update to the latest version, restart the phone, sign out and in again, check the status page for an outage. ' +
      'If data does not sync, check the connection and the sync setting. Ask for device model, OS version, app version and a screenshot before escalating to engineering.',
    tags: ['not-working', 'bug', 'error', 'technical', 'sync'],
    url: null,
    customerText:
      'Sorry it\'s playing up! Most crashes and errors go away after updating the app to the latest version, restarting your phone, and signing out and back in. If it still happens, tell us your device, OS and app version and we\'ll look into it.',
  },
  {
    key: 'kb-ja-refund-policy',
    lang: 'ja',
    title: '返金・返品について',
    body:
      '商品はお届けから30日以内であれば返品・全額返金が可能です。サブスクリプションは請求から14日以内で未使用の場合に返金できます。' +
      '返金は元のお支払い方法に行われ、反映まで5〜10営業日かかります。二重請求は返品不要で即時返金します。' +
      '破損や誤配送の場合は写真をいただき、商品の返送なしで交換または返金します。',
    tags: ['refund', 'return', 'policy', 'payment'],
    url: null,
    customerText:
      '商品はお届けから30日以内であれば返品・全額返金が可能です。サブスクリプションは請求から14日以内で未使用の場合に返金できます。返金は元のお支払い方法に行われ、反映まで通常5〜10営業日かかります。',
  },
  {
    key: 'kb-ja-shipping-times',
    lang: 'ja',
    title: '配送日数と追跡方法',
    body:
      'ご注文は1〜2営業日以内に発送します。通常配送は3〜5営業日、お急ぎ便は1〜2営業日でお届けします。' +
      '発送時にメールで追跡番号をお送りします。5日間追跡情報の更新がない荷物は紛失として扱い、配送業者へ調査を依頼のうえ、すぐに代わりの商品を発送します。',
    tags: ['delivery', 'shipping', 'tracking', 'order'],
    url: null,
    customerText:
      'ご注文は1〜2営業日以内に発送いたします。通常配送は3〜5営業日、お急ぎ便は1〜2営業日でお届けし、発送時に追跡用のリンクをメールでお送りします。',
  },
  {
    key: 'kb-ja-password-reset',
    lang: 'ja',
    title: 'パスワードの再設定とアカウントロックの解除',
    body:
      '「パスワードをお忘れの方」から送られる再設定メールの有効期限は60分です。ログインに5回失敗するとアカウントが30分間ロックされます。' +
      '二段階認証のコードはスマートフォンの時刻設定が正しい必要があります。ロック解除や認証メールの再送は、ダイレクトメッセージでご登録メールアドレスを確認してから行います（公開の場では確認しません）。',
    tags: ['account', 'login', 'password', 'two-factor'],
    url: null,
    customerText:
      'ログイン画面の「パスワードをお忘れの方」から再設定メールをお送りできます（有効期限は60分です）。ログインに5回失敗すると30分間ロックされますので、少し時間をおいてお試しください。',
  },
  {
    key: 'kb-ja-plans',
    lang: 'ja',
    title: '料金プランと割引',
    body:
      'スタータープランは1ユーザーまで無料です。チームプランは1ユーザーあたり月額1,800円、ビジネスプランは月額3,600円でSSOと監査ログが使えます。' +
      '年払いで20%割引、NPO・教育機関は50%割引です。51ユーザー以上のお見積りは営業担当が対応します。',
    tags: ['price', 'plans', 'billing', 'discount'],
    url: null,
    customerText:
      'スタータープランは1ユーザーまで無料です。チームプランは1ユーザーあたり月額1,800円、ビジネスプランは月額3,600円でSSOと監査ログがご利用いただけます。年払いで20%割引、NPO・教育機関は50%割引です。',
  },
  {
    key: 'kb-ja-cancel-subscription',
    lang: 'ja',
    title: 'サブスクリプションの解約・一時停止',
    body:
      '解約は「設定」→「お支払い」→「解約する」から管理者が行えます。お支払い済み期間の終了まで利用でき、データは90日間保管後に削除されます。' +
      '最長3か月の一時停止も可能です。アプリストア経由の契約は、各ストアで解約手続きが必要です。',
    tags: ['cancel', 'subscription', 'billing', 'account'],
    url: null,
    customerText:
      '解約は「設定」→「お支払い」→「解約する」から行えます。お支払い済みの期間が終わるまではご利用いただけます。最長3か月の一時停止も可能です。',
  },
  {
    key: 'kb-ja-app-troubleshooting',
    lang: 'ja',
    title: 'アプリの不具合への対処（落ちる・エラー・同期されない）',
    body:
      'アプリが落ちる、固まる、エラーが表示される場合は、最新版へのアップデート、端末の再起動、ログアウトと再ログイン、障害情報ページの確認をご案内します。' +
      'データが同期されない場合は通信環境と同期設定を確認します。開発チームへ共有する前に、端末の機種、OSとアプリのバージョン、スクリーンショットを伺います。',
    tags: ['not-working', 'bug', 'error', 'technical', 'sync'],
    url: null,
    customerText:
      'ご不便をおかけしてすみません。多くの場合、アプリを最新版に更新し、端末の再起動と再ログインをお試しいただくと解消します。それでも直らない場合は、端末の機種とOS・アプリのバージョンをお知らせください。',
  },
];
