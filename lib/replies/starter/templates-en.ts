import type { StarterTemplateData } from './types';

/**
 * English starter templates. Written to sound like one person answering another: short, using the
 * customer's name, saying what happens next. Tags name the intents each one answers (see intent.ts),
 * the contact stages it suits (`stage:<stage>`) and, for the fallbacks, `generic`.
 */
export const englishTemplates: StarterTemplateData[] = [
  {
    key: 'en-ack',
    lang: 'en',
    title: 'Thanks for getting in touch',
    body:
      "Hi {{first_name}}, thanks for getting in touch! I'm {{agent_name}} and I'll be looking after this for you. " +
      "Give me a little time to look into it properly and I'll come back to you here with an answer.",
    tags: ['generic', 'acknowledgement', 'question'],
    shortcut: 'ack',
  },
  {
    key: 'en-complaint-apology',
    lang: 'en',
    title: "Sorry, we let you down",
    body:
      "{{first_name}}, I'm really sorry. That's not the experience we want anyone to have, and I understand why you're upset. " +
      "I'm {{agent_name}} and I'm taking this on personally: I'll find out what went wrong and make it right.",
    tags: ['complaint', 'apology', 'stage:customer'],
    shortcut: 'sorry',
  },
  {
    key: 'en-move-to-dm',
    lang: 'en',
    title: 'Continue in a private message',
    body:
      "Hi {{first_name}}, I'd like to help with this properly. So we don't share your personal or account details in public, " +
      "I've sent you a private message on {{site}}. Could you reply there with your order number and the e-mail on the account?",
    tags: ['move-to-dm', 'account', 'complaint', 'private'],
    shortcut: 'dm',
    asserts: ['dm-sent'],
  },
  {
    key: 'en-order-status',
    lang: 'en',
    title: 'Where your order is',
    body:
      "Hi {{first_name}}, I've checked order {{order}} for you. It has left our warehouse and is on its way with the courier. " +
      "Here's the tracking information so you can follow the parcel: {{tracking_link}}. If it hasn't reached you by {{expected_date}}, tell me and I'll chase it.",
    tags: ['delivery', 'order', 'tracking', 'stage:customer'],
    shortcut: 'order',
    asserts: ['checked-order'],
  },
  {
    key: 'en-refund',
    lang: 'en',
    title: 'Your refund',
    body:
      "Hi {{first_name}}, I've started the refund for order {{order}}. The money goes back to the card or account you paid with, " +
      "and your bank usually shows it within 5 to 10 working days. I'll keep an eye on it, so just reply here if it hasn't appeared by then.",
    tags: ['refund', 'payment', 'money', 'stage:customer'],
    shortcut: 'refund',
    asserts: ['refund-issued'],
  },
  {
    key: 'en-shipping-delay',
    lang: 'en',
    title: 'Sorry your delivery is late',
    body:
      "{{first_name}}, I'm sorry your order is taking longer than we promised. There's a delay with the courier in your area at the moment. " +
      "Your parcel is not lost: the new estimate is {{expected_date}}, and I'll message you as soon as it moves.",
    tags: ['delivery', 'delay', 'complaint', 'shipping'],
    shortcut: 'delay',
  },
  {
    key: 'en-login-help',
    lang: 'en',
    title: "Can't sign in to your account",
    body:
      "Hi {{first_name}}, let's get you back into your account. First, try \"Forgot password\" on the sign-in page: the reset e-mail can take a few minutes " +
      "and sometimes lands in spam. If it doesn't arrive or the link says it has expired, send me a private message and I'll unlock the account for you.",
    tags: ['account', 'login', 'password', 'not-working'],
    shortcut: 'login',
  },
  {
    key: 'en-pricing',
    lang: 'en',
    title: 'Pricing and plans',
    body:
      "Hi {{first_name}}, good question! Our plans are priced per user per month, and there's a discount if you pay yearly. " +
      "The best fit depends on how many people at {{company}} would use it. Tell me roughly how big the team is and I'll send you an exact quote.",
    tags: ['price', 'question', 'interest', 'stage:lead', 'stage:qualified'],
    shortcut: 'pricing',
  },
  {
    key: 'en-meeting-booking',
    lang: 'en',
    title: 'Book a time to talk',
    body:
      "Hi {{first_name}}, I'd be glad to talk it through. Pick whatever time suits you here: {{booking_link}}. " +
      "It's a relaxed 20-minute call: you tell me what {{company}} needs, and I'll show you the parts that matter to you, no slides.",
    tags: ['meeting-request', 'interest', 'demo', 'call', 'stage:lead', 'stage:qualified', 'stage:contacted'],
    shortcut: 'meet',
  },
  {
    key: 'en-thanks-reply',
    lang: 'en',
    title: "You're welcome",
    body:
      "You're very welcome, {{first_name}}! I'm glad that's sorted. If anything else comes up, message me here any time.",
    tags: ['thanks', 'generic'],
    shortcut: 'welcome',
  },
  {
    key: 'en-praise-reply',
    lang: 'en',
    title: 'Thank you for the kind words',
    body:
      "{{first_name}}, this made our day, thank you! I'll pass your kind words on to the team. " +
      "We're so happy it's working well for you.",
    tags: ['praise', 'review'],
    shortcut: 'kind',
  },
  {
    key: 'en-check-in',
    lang: 'en',
    title: 'Is it working now?',
    body:
      "Hi {{first_name}}, just checking in after yesterday's fix. Is everything working for you now? " +
      "If the problem has come back even once, let me know and I'll pick it up again straight away.",
    tags: ['follow-up', 'check-in', 'not-working', 'stage:customer'],
    shortcut: 'checkin',
    asserts: ['issue-fixed'],
  },
  {
    key: 'en-after-hours',
    lang: 'en',
    title: "We're away right now",
    body:
      "Hi {{first_name}}, thanks for your message. Our team is away right now, and we're back at {{opening_time}}. " +
      "Your message is saved and the first person in will reply to you here.",
    tags: ['after-hours', 'generic', 'acknowledgement'],
    shortcut: 'away',
  },
  {
    key: 'en-linkedin-opener',
    lang: 'en',
    title: 'Opening a conversation on LinkedIn',
    body:
      "Hi {{first_name}}, I saw you're {{headline}} at {{company}}. I work with teams like yours who answer customers on social, " +
      "and I'd love to hear how you handle it today. Open to a short chat?",
    tags: ['opener', 'stage:new', 'stage:lead', 'site:linkedin', 'sales', 'interest'],
    shortcut: 'opener',
  },
  {
    key: 'en-cancel',
    lang: 'en',
    title: 'Cancelling your subscription',
    body:
      "Hi {{first_name}}, I can help you cancel. You can do it yourself under Settings → Billing → Cancel subscription, " +
      "and you keep access until the end of the period you've paid for. If something pushed you to leave, I'd honestly like to hear it.",
    tags: ['cancel', 'subscription', 'account', 'billing'],
    shortcut: 'cancel',
  },
  {
    key: 'en-bug-report',
    lang: 'en',
    title: 'Something is not working',
    body:
      "Sorry about that, {{first_name}}. Let's get it fixed. Could you tell me which device and app version you're using, " +
      "and what happens just before the error? A screenshot helps a lot. I'll pass it straight to our engineers.",
    tags: ['not-working', 'bug', 'error', 'technical'],
    shortcut: 'bug',
  },
  {
    key: 'en-lead-follow-up',
    lang: 'en',
    title: 'Following up',
    body:
      "Hi {{first_name}}, following up on my last message in case it got buried. Is improving response times something {{company}} is looking at this quarter? " +
      "If the timing isn't right, no problem at all, just tell me and I won't keep nudging.",
    tags: ['follow-up', 'stage:contacted', 'sales'],
    shortcut: 'nudge',
  },
];
