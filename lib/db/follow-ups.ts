import { followUpSchema } from '@/lib/model';
import { createRepository } from './repository';

export const followUps = createRepository('followUps', followUpSchema);
