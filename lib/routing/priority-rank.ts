import { prioritySchema, type Priority } from '@/lib/model';

/** low < normal < high < urgent, in the order the schema lists them. */
export function priorityRank(priority: Priority): number {
  return prioritySchema.options.indexOf(priority);
}

/** The higher of two priorities. */
export function higherPriority(a: Priority, b: Priority): Priority {
  return priorityRank(b) > priorityRank(a) ? b : a;
}
