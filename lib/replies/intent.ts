/**
 * What a customer's message is about, from English and Japanese cues. Each cue has a weight (how sure
 * one sighting makes us); several cues for one intent combine as independent evidence,
 * 1 − Π(1 − weight), so two weak cues beat one and nothing reaches 1.
 */
import { normalizeText } from './tokenize';

export const intents = [
  'complaint',
  'question',
  'price',
  'thanks',
  'meeting-request',
  'refund',
  'delivery',
  'cancel',
  'not-working',
  'praise',
  'account',
  'interest',
  'feedback',
  'legal-threat',
  'safety',
  'press',
  // Unsolicited promotion, phishing, "sub for sub": recognised so that it gets no sales or support reply.
  'spam',
] as const;
export type Intent = (typeof intents)[number];

/**
 * Intents that raise a conversation's priority: the customer is leaving, threatens legal action,
 * reports a danger to someone, or threatens to take the matter to the press or the public.
 */
export const escalationIntents = ['cancel', 'legal-threat', 'safety', 'press'] as const satisfies readonly Intent[];
export type EscalationIntent = (typeof escalationIntents)[number];

export function isEscalation(intent: string): intent is EscalationIntent {
  return (escalationIntents as readonly string[]).includes(intent);
}

/** Intents that need no reply at all: the starter set has no template for them. */
export const noReplyIntents = ['spam'] as const satisfies readonly Intent[];

/** Spam confidence from which a message is treated as spam: it gets no sales or support reply. */
export const SPAM_CONFIDENCE = 0.6;

/** The message is unsolicited promotion or phishing (from `detectIntents`' result). */
export function isSpam(detected: readonly DetectedIntent[]): boolean {
  return detected.some(({ intent, confidence }) => intent === 'spam' && confidence >= SPAM_CONFIDENCE);
}

export interface DetectedIntent {
  intent: Intent;
  confidence: number;
}

interface Cue {
  pattern: RegExp;
  weight: number;
}

/** Below this, a detection is noise and is not reported. */
export const MIN_INTENT_CONFIDENCE = 0.3;
/** A question beside another intent at least this sure counts for QUESTION_DISCOUNT of its confidence. */
const QUESTION_YIELDS_TO = 0.5;
const QUESTION_DISCOUNT = 0.6;
/** The customer says the matter is solved. */
const RESOLVED = /\b(?:fixed (?:the|my) (?:problem|issue)|i got it|got (?:the|my) (?:parcel|package|order|item|refund)|finally (?:arrived|came|got)|delivered (?:it|them) (?:way )?(?:before|early|on time)|got me set up|all sorted|sorted (?:it|now)|working (?:fine|again|now)|it worked)\b|解決しました|届きました|直りました/;
const SOLVED_PROBLEMS = new Set<Intent>(['delivery', 'not-working', 'refund', 'account']);
const RESOLVED_DISCOUNT = 0.6;
/** A last line of thanks only, and what such a sign-off keeps of its confidence beside another topic. */
const SIGN_OFF = /(?:^|[.!?]\s*)(?:thanks?(?: you)?(?: (?:so much|again|in advance))?|thx|ty|cheers)[.!\s]*$/;
const THANKS_BEFORE_SIGN_OFF = /\b(?:thank|thanks|thx|appreciate)\b/;
const SIGN_OFF_MIN_LENGTH = 60;
const SIGN_OFF_DISCOUNT = 0.5;
/** Words of something gone wrong that turn praise beside them into sarcasm. */
const PROBLEM_WORDS = /\b(?:delay(?:ed|s)?|late|overdue|non[- ]?deliver\w*|not deliver\w*|transfer(?:s|red)? me|dead line|hung up|still (?:saying|waiting|not)|did ?n'?t care)\b|遅延|遅れ|届かない|未着/;
/** What praise beside a complaint keeps of its confidence; the rest counts as complaint. */
const SARCASM_DISCOUNT = 0.4;

const cue = (pattern: RegExp, weight: number): Cue => ({ pattern, weight });

/** A praise or thanks cue right after one of these says the opposite ("not great", "no thanks"). */
const NEGATED_BEFORE = /\b(?:not|never|no|hardly|isn't|wasn't|aren't|not\s+so|not\s+very)\s+(?:\w+\s+)?$/;

const CUES: Record<Intent, Cue[]> = {
  spam: [
    // Self-promotion: the writer sends people to their own channel, page or site.
    cue(/\b(?:check(?:ed)? (?:out )?(?:some of )?(?:this|my|our)\b[^.!?\n]{0,24}\b(?:channel|website|site|page|videos?|vids?|music|remix\w*|blog|profile|store|shop)|(?:visit|follow|like|join) (?:my|our|this) (?:channel|website|site|page|facebook|instagram|group)|sub(?:scribe)? (?:to (?:me|my channel|us)|for sub)|subscribe back|i'?ll subscribe|please (?:leave a like|like and subscribe|subscribe)|advertise your (?:opportunity|business|product|service)|promote your (?:product|service|business))\b/, 0.75),
    // Offers nobody asked for: free money and prizes, loans, pills, bulk mail, search-engine submission.
    cue(/\b(?:need money|free (?:gift cards?|cash|money|grant|iphone|vacation|trial offer|giveaways?)|gift card codes?|cash grants?|grant money|never repay|no credit checks?|bad credit|refinanc\w*|consolidat\w* (?:your )?debts?|get out of debt|make (?:over )?\$?\d[\d,]*|earn (?:\$|money)|work from home|tax free (?:income|investment)|investment in|online pharmacy|viagra|prescriptions? approved|bulk e-?mail|million e-?mails|fax marketing|search engines and directories|submit your (?:web ?)?sites?|(?:specially|you have been) selected|sweepstakes|you(?:'ve| have) won|win an? (?:iphone|ipad|prize)|chance to win|congratulations you)\b/, 0.75),
    // How bulk senders end: how to be taken off the list, a limited time offer.
    cue(/\b(?:remov(?:e|al) (?:instructions|see below|from (?:this|our) (?:list|mailing))|to (?:be )?remove(?:d)? (?:from|see below)|unsubscribe (?:below|here|instructions)|for a limited time|act now|order now|limited time offer|100% (?:free|guaranteed|custom|tax)|risk[- ]free)\b/, 0.6),
    cue(/\b(?:click (?:here|the link|below)|need money|dear (?:sir|friend|madam)|hi friend|hello friend|opportunity)\b/, 0.35),
    // A message that is only a link: nothing to answer.
    // (X shows an attached picture as a t.co link: a customer's screenshot is not spam.)
    cue(/^(?:@\w+\s+)*https?:\/\/(?!t\.co\/)\S+(?:\s+\S+){0,3}\s*$/, 0.65),
    // Japanese phishing: a missed delivery or an account alert that asks the reader to follow a link.
    cue(/(?:不在の為|不在のため)(?:お荷物を)?持ち帰り|下記(?:より|URL|リンク)(?:ご確認|確認)|不正な(?:アクセス|ログイン)を検知|(?:更新|認証)手続きをお願い|当選(?:しました|おめでとう)|副業|簡単に稼げ|無料で(?:もらえ|プレゼント)/, 0.75),
  ],
  feedback: [
    cue(/\b(?:would be (?:nice|great|good|better)|it'?d be (?:nice|great)|i wish|wish (?:there|they|you|it)|(?:can|could|may) i suggest|i suggest|suggestion|please add|you should (?:add|have|make|let)|feature request|would love (?:to see|if))\b/, 0.6),
    cue(/(?:あると|できると|できたら|あれば)助か|(?<!直し)て(?:ほしい|欲しい)|(?:し|が|を)(?:ほしい|欲しい)|ほしいです|欲しいです|機能(?:を|が|も|の)?(?:追加|ほしい|欲しい|作って)|追加して|できると(?:良い|いい|助か|嬉し|うれし)|できるように(?:して|なると)|改善(?:を|して|お願い|検討|願)|検討(?:して|を|お願い|いただけ|願)|要望|ご検討|増やして|にしてください|にしてほしい/, 0.6),
  ],
  'legal-threat': [
    cue(/\b(?:lawyers?|attorneys?|solicitors?|lawsuit|sue|suing|legal action|take (?:you|this|it) to court|small claims|class action|file a (?:case|complaint|lawsuit) against|trading standards|consumer (?:protection|rights|council|affairs)|better business bureau|bbb|ombudsman|(?:going|go|report \w+) to the police)\b/, 0.75),
    cue(/弁護士|訴え(?:る|ます|たい|てやる)|訴訟|裁判|法的(?:措置|手段)|消費者(?:センター|庁)|警察に(?:相談|通報|届)/, 0.75),
  ],
  safety: [
    cue(/\b(?:unsafe|dangerous|danger|injur(?:ed|y|ies)|hurt (?:me|my|him|her)|burn(?:ed|t)? (?:me|my)|caught fire|on fire|exploded|choking|allergic reaction|food poisoning|harass(?:ed|ing|ment)?|stalk(?:ed|ing|er)?|threaten(?:ed|ing)|assault(?:ed)?|scared|terrified|shaken|call(?:ed)? the police|feel unsafe)\b/, 0.7),
    cue(/危険|危ない|怪我|けが|火傷|発火|爆発|ストーキング|ストーカー|つきまと|誹謗中傷|嫌がらせ|脅迫|脅さ|首を吊れ|死ね|怖い|こわい|身の危険|住所を(?:教え|晒|特定)|個人情報が(?:ばれ|バレ|漏れ)|ナンパ|被害に/, 0.7),
  ],
  press: [
    cue(/\b(?:journalists?|reporters?|(?:tell|contact|go to|call|inform) the (?:press|media|news|papers)|newspapers?|tv station|write a (?:blog|review|post|article)|blog about|go(?:ing)? viral|tag more people|share this|tell everyone|post (?:this|it) everywhere|want (?:people|everyone|the world) to see|make this public|expose you)\b/, 0.7),
    cue(/拡散|晒(?:す|し|します)|公表|マスコミ|報道|週刊誌|テレビ局|ブログに書|口コミに書|ネットに書/, 0.7),
  ],
  complaint: [
    cue(/\b(?:terrible|awful|horrible|worst|useless|ridiculous|unacceptable|disgusting|pathetic|scam|rip-?off)\b/, 0.7),
    cue(/\b(?:disappoint\w*|frustrat\w*|annoy\w*|angry|furious|fed up|sick of|tired of|shocking)\b/, 0.6),
    cue(/\b(?:still waiting|no one (?:has )?(?:replied|answered|responded)|nobody (?:replies|answers|answered)|been waiting|waited \w+ (?:days|weeks)|ignor(?:e|ed|ing) (?:me|my))\b/, 0.55),
    cue(/\b(?:complain\w*|poor service|bad service|customer service is|never (?:again|buying|ordering))\b/, 0.5),
    cue(/\b(?:wtf|smh)\b|[😡🤬😤👎💢]/u, 0.5),
    cue(/\b(?:poor(?:service)?|not happy|unhappy|waste of (?:time|money)|joke|pathetic|rude|liars?|lies|cheat\w*|fraud|incompeten\w*|stupid|dumb|mad|in vain|no (?:resolution|response|reply|help|action|contact|feedback|word)|any kind of response|nothing has changed|not (?:replying|responding|helpful)|none of (?:those|these|the above)|brick wall|tired of|given up|lost (?:my|the)|never (?:received|got|had)|didn'?t (?:receive|get)|did not (?:receive|get)|haven'?t (?:received|heard)|still (?:nothing|not|no|haven'?t|don'?t)|(?:\d+|two|three|four|five|several) times|again\??$|(?:did not|didn'?t|never|not|haven'?t|won'?t|will not) (?:receive |get |got |had |call )(?:the |a |any |me)?(?:call)?|not responded|deceptive|fooling|misleading|lure|rubbish|doing a favour|new low|crap|screw (?:this|you|them)|#\w*(?:fail|poor|pathetic|rubbish|boycott|fraud)\w*)\b/, 0.45),
    cue(/!{2,}|\?!|!\?/, 0.2),
    // Being kept waiting or sent round in circles, as customers put it.
    cue(/\b(?:waiting (?:for )?(?:the )?(?:last |past )?(?:\d+|two|three|four|five|several|many) (?:days|hours|hrs|weeks|months)|(?:\d+(?:st|nd|rd|th)|third|fourth|fifth|sixth) time|(?:could ?n'?t|can'?t|cannot|won'?t|would ?n'?t|did ?n'?t) (?:do anything|help (?:me|at all))|keep (?:running|chasing|calling|asking|waiting|getting (?:different|the same))|told (?:me )?to wait|(?:query|issue|problem|complaint|case) (?:to be |be |is still )?(?:resolved|solved|sorted)|(?:which|that) (?:are|is) (?:now )?over|different reasons|no one (?:cares|helps)|(?:did|does) not care)\b/, 0.45),
    cue(/最悪|ひどい|酷い|不満|がっかり|残念|ふざけ|怒|二度と|許せ|ありえない|あり得ない|いい加減|不誠実|対応が遅|返事がない|返信がない|連絡がない|クレーム|困って/, 0.6),
    cue(/いつまで|まだですか|どうなって(?:い|る)|何度も/, 0.4),
    cue(/多すぎ|厳しすぎ|弱すぎ|不愉快|迷惑(?:行為|して)|気になる|否定され|守(?:っていない|らない)|遵守しない|使う気|めんどくさい|面倒|うざい|ウザい|いい加減|意味(?:が無い|がない|を成さない)/, 0.5),
  ],
  question: [
    cue(/[?？]/, 0.55),
    cue(/^(?:how|what|when|where|why|which|who|is|are|can|could|do|does|did|will|would|should)\b/, 0.45),
    cue(/\b(?:how do i|how can i|can you|could you|is it possible|is there (?:a|any)|do you (?:have|offer|ship|know)|i was wondering|wondering if|any idea)\b/, 0.5),
    cue(/\b(?:please help|pls help|plz help|help me|how to|any update|anything further)\b/, 0.4),
    cue(/(?:ですか|ますか|でしょうか|ませんか|のか|かな|教えて|知りたい|可能ですか|できますか|わかりますか|どうすれば|どうやって|どこで|いつ|なぜ|何で)/, 0.5),
    cue(/質問|問い合わせ|お尋ね|わからない|分からない|わかりません|分かりません/, 0.5),
  ],
  price: [
    cue(/\b(?:price[sd]?|pricing|cost[s]?|how much|quote|quotation|fee[s]?|budget|discount\w*|coupon|promo code|per (?:seat|user|month)|plans|(?:free|paid|pro|premium|basic|starter|team|business|enterprise|annual|monthly|yearly|pricing) (?:plan|tier)|tiers?|expensive|cheap\w*|invoice)\b/, 0.6),
    cue(/[$€£¥]\s?\d|\d\s?(?:usd|eur|gbp|jpy|円)/, 0.35),
    cue(/料金|価格|値段|いくら|見積|費用|プラン|割引|クーポン|月額|年額|有料|無料|請求書|予算|お値段|コスト/, 0.6),
  ],
  thanks: [
    cue(/\b(?:thank(?:s| you)?|thx|tysm|ty|cheers|appreciate[ds]?|grateful)\b(?! in advance| for (?:connecting|the add|accepting|having me))/, 0.7),
    cue(/[🙏]/u, 0.4),
    cue(/\b(?:thanku|thank u|thnx|thx|ty|sorted|resolved|no worries|all good|everything is good|it worked|worked (?:this time|now)|finally (?:got|received)|got it|fixed the problem)\b/, 0.6),
    // "いつも…ありがとうございます" opens a Japanese message politely; it is not the message's point.
    cue(/(?<!いつも[^。！!？?\n]{0,24})(?:ありがと|有難う|有り難う)|感謝|助かりました|(?<![とばら])助かります|お礼/, 0.7),
  ],
  'meeting-request': [
    cue(/\b(?:meeting|meet up|(?:a |quick |short |phone |video |zoom |teams )call(?! ?back)|hop on a call|demo|schedule|book (?:a|some) time|calendar|calendly|availability|available (?:this|next|on|for)|slot|catch up|coffee chat|walk ?through)\b/, 0.6),
    cue(/\b(?:next week|this week|tomorrow|monday|tuesday|wednesday|thursday|friday)\b/, 0.25),
    cue(/打ち合わせ|打合せ|面談|ミーティング|商談|お時間|日程|デモ|オンラインで|zoom|teams|ご都合|アポ|お会い|来週|打ち合せ/, 0.6),
    cue(/見せて(?:いただ|もら|くださ|ほし)/, 0.4),
  ],
  refund: [
    cue(/\b(?:refund\w*|money back|reimburs\w*|charge ?back|charged (?:twice|double|two times)|double charged|return (?:it|this|the|my)|send (?:it|this) back|get my money)\b/, 0.75),
    cue(/\b(?:return request|charged (?:me|for|shipping)|got charged|been charged|taken £?\$?\d+|replace(?:ment)? (?:product|item)|broken|damaged|defective|faulty)\b/, 0.45),
    cue(/返金|返品|払い戻し|払戻|二重(?:に)?請求|二重引き落とし|お金を返|返して/, 0.75),
  ],
  delivery: [
    cue(/\b(?:deliver\w*|shipping|shipped|shipment|ship|package|parcel|tracking|track(?:ing)? (?:number|my)|courier|dispatch\w*|in transit|arriv\w*|where(?:'s| is) my (?:order|package|parcel|stuff)|hasn'?t (?:come|arrived|shown up)|not (?:arrived|received)|never (?:arrived|came|received)|lost in the mail|postage)\b/, 0.65),
    cue(/配送|発送|届か|届い|届き|届く|届け|荷物|追跡|配達|到着|宅配|出荷|佐川|ヤマト|郵便|いつ届|未着/, 0.65),
    cue(/送って|送れ|送付|海外発送|何日(?:くらい|ほど|ぐらい)?かか/, 0.45),
    cue(/\b(?:driver|carrier|usps|ups|dpd|royal mail|amzl|prime (?:order|item|delivery)|out for delivery|re-?delivery|dispatch(?:ed)?|despatch|estimated (?:date|delivery)|in stock|pick ?up|collection|preorder\w*|received (?:my|the|it|them)|handed to|porch|doorstep|got here|shipped)\b/, 0.35),
    cue(/\b(?:my|the|an?|this) (?:order|package|parcel|item|delivery)(?:s)? (?:is|was|has|hasn'?t|isn'?t|will|coming|placed|arriv\w*|status)\b|\border (?:is|was) coming\b/, 0.4),
  ],
  cancel: [
    cue(/\b(?:cancel\w*|unsubscrib\w*|terminate|end my (?:subscription|plan|membership|contract)|stop (?:my|the) (?:subscription|membership|plan|billing|payments?)|close my account|delete my account|opt out)\b/, 0.75),
    cue(/解約|キャンセル|退会|取り消|取消|やめたい|辞めたい|止めたい|停止したい|購読をやめ/, 0.75),
    cue(/一時停止|休止|お休み/, 0.4),
  ],
  'not-working': [
    cue(/\b(?:doesnt work|dosent work|not giving me the option|can'?t (?:watch|play|see|find|get|access)|(?:audio|sound|video|camera) (?:stops|does not work|doesn'?t work)|slow loading|problems? (?:on|with) (?:the|your) (?:website|site|app)|just (?:brings|kicks|takes) me (?:back )?to|kicks me (?:back|out)|says locked)\b/, 0.6),
    cue(/\b(?:not working|doesn'?t work|does not work|won'?t (?:work|load|open|start|sync|let me)|isn'?t working|stopped working|broken|bug(?:gy|s)?|error\w*|crash\w*|freez\w*|glitch\w*|stuck|(?:is|are|was|went|goes) down|keeps? (?:failing|crashing|loading)|fail(?:s|ed|ing)? to|not loading|blank (?:page|screen)|can'?t (?:open|load|upload|download|connect|sync|save)|down again|outage|malfunction\w*|defective|faulty)\b/, 0.7),
    cue(/動かない|動作しない|使えない|エラー|不具合|バグ|落ちる|落ちます|落ちて|落ちた|フリーズ|固まる|表示されない|起動しない|開かない|反映されない|同期されない|繋がらない|つながらない|故障|壊れ|不良品|読み込めない|できなくなり/, 0.7),
    cue(/できない|できません|出来ない|されない/, 0.3),
    cue(/症状|再発|また同じ|直らない|治らない/, 0.5),
    cue(/\b(?:do not|don'?t) work\b/, 0.6),
    cue(/落ち(?:る|ます|すぎ|て)|開け(?:ない|なく|ません)|ひらけな|入れ(?:ない|なく|ません)|はいれ(?:ない|ません)|起動(?:出来|でき|しない|しても)|強制終了|フリーズ|固ま|重(?:い|たい|くて|すぎ)|かくつ|ガクガク|ラグ|切れ(?:る|ます)|途切れ|聞こえな|音ズレ|遅れる|遅い|終わらない|非対応|閉じ(?:て|ちゃ)|表示され|バク|ネットエラー|エラーが|サーバー(?:が|弱|強化)|できない|できません|出来ない|出来ません|入らない|入りません|動きが悪い/, 0.65),
  ],
  praise: [
    cue(/\b(?:love|loving|amazing|awesome|fantastic|brilliant|excellent|wonderful|superb|great (?:job|work|service|product|app|team)|best (?:app|service|product|team|purchase)|impressed|game ?changer|recommend\w*|kudos|shout ?out|well done|so good|perfect|delighted)\b/, 0.65),
    cue(/[❤😍🥰🎉👏🙌💯✨]/u, 0.4),
    cue(/\b(?:great|good job|helpful|the best|best (?:song|cs|customer|ever)|fave|fav|favourite|favorite|nicest|worth (?:it|the money)|a breeze|amazed|amazing|a treat|happy (?:again|with)|enjoy(?:ing|ed)?|never a bad day|credit to)\b/, 0.55),
    cue(/最高|素晴らしい|素敵|すてき|ステキ|大好き|気に入|感動|神対応|神アプリ|おすすめ|オススメ|お勧め|便利|満足|嬉しい|うれしい|良かった|よかった|いいね/, 0.65),
    cue(/美味し|おいし|美味い|旨い|うまい|旨み|楽し(?:い|く|かった)|可愛い|かわいい|好き|大喜び|至福|リピート|また(?:頼み|購入|お願い|買い)|愛用|良い|いい(?:です|アプリ|感じ)|丁度良い|食べやすい|お得/, 0.5),
  ],
  account: [
    cue(/\b(?:log ?in|logging in|sign ?in|signing in|password|passcode|account|username|user name|locked out|lock(?:ed)? (?:me )?out|2fa|two[- ]factor|verification (?:code|email)|reset (?:link|email|my)|otp|authenticat\w*|hacked|access my)\b/, 0.65),
    cue(/ログイン|パスワード|アカウント|サインイン|ロック|認証|ユーザー名|ユーザ名|乗っ取|再設定|メールアドレス(?:の)?変更/, 0.65),
  ],
  interest: [
    cue(/\b(?:interested in|interest(?:ed)?|learn more|tell me more|more (?:info|information|details)|how (?:does|would) (?:it|this|your \w+) work|looking for (?:a|an) (?:tool|solution|way|vendor|partner)|evaluat\w*|considering|exploring|your (?:product|platform|solution|tool|service))\b/, 0.55),
    cue(/興味|詳しく|資料|検討|導入|もう少し知りたい|サービス内容|御社の|貴社の/, 0.55),
  ],
};

/** The intents a text shows, most confident first; nothing below `MIN_INTENT_CONFIDENCE`. Never throws. */
export function detectIntents(text: string): DetectedIntent[] {
  const normalized = normalizeText(text).replace(/\s+/g, ' ').trim();
  if (normalized.length === 0) return [];
  const detected: DetectedIntent[] = [];
  for (const intent of intents) {
    let miss = 1;
    for (const { pattern, weight } of CUES[intent]) {
      if (matchesCue(normalized, pattern, intent)) miss *= 1 - weight;
    }
    const confidence = Math.round((1 - miss) * 1000) / 1000;
    if (confidence >= MIN_INTENT_CONFIDENCE) detected.push({ intent, confidence });
  }
  // Praise beside a complaint is mostly sarcasm ("Five days late. Wonderful."): the complaint is the point.
  const complaint = detected.find(({ intent }) => intent === 'complaint');
  const praise = detected.find(({ intent }) => intent === 'praise');
  if (praise !== undefined && (complaint !== undefined || PROBLEM_WORDS.test(normalized))) {
    const sarcasm = praise.confidence * (1 - SARCASM_DISCOUNT);
    if (complaint === undefined) detected.push({ intent: 'complaint', confidence: Math.round(sarcasm * 1000) / 1000 });
    else complaint.confidence = Math.round((1 - (1 - complaint.confidence) * (1 - sarcasm)) * 1000) / 1000;
    praise.confidence = Math.round(praise.confidence * SARCASM_DISCOUNT * 1000) / 1000;
  }
  // A problem the customer says is solved, beside thanks or praise: the thanks is the point.
  const warm = detected.some(({ intent, confidence }) => (intent === 'thanks' || intent === 'praise') && confidence >= QUESTION_YIELDS_TO);
  if (warm && RESOLVED.test(normalized)) {
    for (const entry of detected) {
      if (SOLVED_PROBLEMS.has(entry.intent)) entry.confidence = Math.round(entry.confidence * RESOLVED_DISCOUNT * 1000) / 1000;
    }
  }
  // "…I'll get in touch. Thanks." closes a message about something else: the thanks is a sign-off.
  const topic = detected.some(({ intent, confidence }) => intent !== 'thanks' && intent !== 'question' && confidence >= QUESTION_YIELDS_TO);
  if (topic && normalized.length > SIGN_OFF_MIN_LENGTH && SIGN_OFF.test(normalized) && !THANKS_BEFORE_SIGN_OFF.test(normalized.slice(0, -24))) {
    for (const entry of detected) {
      if (entry.intent === 'thanks') entry.confidence = Math.round(entry.confidence * SIGN_OFF_DISCOUNT * 1000) / 1000;
    }
  }
  // Nearly every message asks something: beside a clear topic, the question is not what it is about.
  const topical = detected.some(({ intent, confidence }) => intent !== 'question' && confidence >= QUESTION_YIELDS_TO);
  for (const entry of detected) {
    if (entry.intent === 'question' && topical) entry.confidence = Math.round(entry.confidence * QUESTION_DISCOUNT * 1000) / 1000;
  }
  return detected.filter(({ confidence }) => confidence >= MIN_INTENT_CONFIDENCE).sort((a, b) => b.confidence - a.confidence);
}

export function isIntent(value: string): value is Intent {
  return (intents as readonly string[]).includes(value);
}

function matchesCue(text: string, pattern: RegExp, intent: Intent): boolean {
  const match = pattern.exec(text);
  if (!match) return false;
  if (intent !== 'praise' && intent !== 'thanks') return true;
  // A negated cue says the opposite, so look for an unnegated sighting anywhere in the text.
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
  for (const sighting of text.matchAll(global)) {
    if (!NEGATED_BEFORE.test(text.slice(Math.max(0, sighting.index - 24), sighting.index))) return true;
  }
  return false;
}
