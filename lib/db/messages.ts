import { messageSchema } from '@/lib/model';
import { createRepository } from './repository';

export const messages = createRepository('messages', messageSchema);
