import { slaPolicySchema } from '@/lib/model';
import { createRepository } from './repository';

export const slaPolicies = createRepository('slaPolicies', slaPolicySchema);
