import { knowledgeArticleSchema } from '@/lib/model';
import { createRepository } from './repository';

export const articles = createRepository('articles', knowledgeArticleSchema);
