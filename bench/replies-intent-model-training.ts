/**
 * The external training corpus of the intent classifier (tests/fixtures/replies/training/): labelled
 * customer requests nobody on the team wrote, used as training data only, never to measure. Each
 * corpus's labels are mapped to ours by a written table; a label with no counterpart is dropped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ModelIntent, TrainingExample } from '../lib/replies/intent-model';

const root = path.resolve(import.meta.dirname, '..');

export interface TrainingSource {
  key: string;
  /** Where the rows were taken from: repository, commit and path. */
  origin: string;
  licence: string;
  file: string;
  /** The corpus's label → our intents, main one first. A label not here is dropped. */
  labels: Readonly<Record<string, readonly ModelIntent[]>>;
}

/**
 * Bitext's 27 customer-service intents. Dropped (no reply of ours answers them): change_order,
 * place_order, check_payment_methods, check_invoice, get_invoice, contact_customer_service,
 * contact_human_agent, newsletter_subscription; edit_account and switch_account were not sampled.
 */
const BITEXT_LABELS: Record<string, readonly ModelIntent[]> = {
  cancel_order: ['cancel'],
  check_cancellation_fee: ['cancel', 'price'],
  delete_account: ['cancel', 'account'],
  change_shipping_address: ['delivery'],
  set_up_shipping_address: ['delivery'],
  delivery_options: ['delivery'],
  delivery_period: ['delivery'],
  track_order: ['delivery'],
  check_refund_policy: ['refund'],
  get_refund: ['refund'],
  track_refund: ['refund'],
  complaint: ['complaint'],
  create_account: ['account'],
  recover_password: ['account'],
  registration_problems: ['account'],
  payment_issue: ['not-working'],
  review: ['feedback'],
};

export const TRAINING_SOURCES: readonly TrainingSource[] = [
  {
    key: 'bitext-customer-support',
    origin:
      'github:bitext/customer-support-llm-chatbot-training-dataset@a6d326575633d55279c8811fcd1f4fc3ac5e716e:data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv',
    licence: 'CDLA-Sharing-1.0 (tests/fixtures/replies/training/LICENSE-bitext.txt)',
    file: 'tests/fixtures/replies/training/bitext-customer-support.jsonl',
    labels: BITEXT_LABELS,
  },
];

const rowSchema = z.object({ label: z.string().min(1), text: z.string().min(1) });

export interface TrainingRow {
  source: string;
  label: string;
  text: string;
}

export function trainingRows(source: TrainingSource): TrainingRow[] {
  return readFileSync(path.join(root, source.file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ source: source.key, ...rowSchema.parse(JSON.parse(line)) }));
}

/**
 * The corpus as training examples, each counting `weight` of one labelled message of ours and not
 * toward the class priors (the corpus's mix of intents is not the one customers send us).
 */
export function externalExamples(weight: number, sources: readonly TrainingSource[] = TRAINING_SOURCES): TrainingExample[] {
  if (weight <= 0) return [];
  return sources.flatMap((source) =>
    trainingRows(source).flatMap((row) => {
      const intents = source.labels[row.label];
      return intents === undefined ? [] : [{ text: row.text, intents, weight, countsTowardPriors: false }];
    }),
  );
}
