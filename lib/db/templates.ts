import { replyTemplateSchema } from '@/lib/model';
import { createRepository } from './repository';

export const templates = createRepository('templates', replyTemplateSchema);
