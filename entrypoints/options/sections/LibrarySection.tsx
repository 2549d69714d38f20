import { useEffect, useState } from 'react';
import { ArticleForm, newArticle } from '@/components/options/ArticleForm';
import { LibraryList } from '@/components/options/LibraryList';
import { TemplateForm, newTemplate } from '@/components/options/TemplateForm';
import { useLocalisation } from '@/components/i18n';
import { sendToBackground } from '@/lib/messaging/send';
import type { ArticleFields, KnowledgeArticle, ReplyTemplate, TemplateFields } from '@/lib/model';
import { errorText } from '../error-text';

type Kind = 'templates' | 'articles';

/** The templates or the knowledge base: a searchable list, an editor, and the starter set for an empty store. */
export function LibrarySection({ kind, agentName }: { kind: Kind; agentName: string }) {
  const { t, n, language } = useLocalisation();
  const [items, setItems] = useState<Array<ReplyTemplate | KnowledgeArticle>>([]);
  const [editing, setEditing] = useState<{ id: string | null; fields: TemplateFields | ArticleFields } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const reload = async () => setItems(kind === 'templates' ? await sendToBackground('templates.list', {}) : await sendToBackground('articles.list', {}));
  useEffect(() => {
    const list = kind === 'templates' ? sendToBackground('templates.list', {}) : sendToBackground('articles.list', {});
    void list.then(setItems, (failure: unknown) => setError(errorText(failure)));
  }, [kind]);

  async function run(action: () => Promise<unknown>, message: string): Promise<boolean> {
    setError(null);
    try {
      await action();
      await reload();
      setStatus(message);
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    }
  }

  const save = (fields: TemplateFields | ArticleFields) => {
    const id = editing?.id ?? null;
    const request =
      kind === 'templates'
        ? () => sendToBackground('templates.save', { id, template: fields as TemplateFields })
        : () => sendToBackground('articles.save', { id, article: fields as ArticleFields });
    void run(request, t('librarySaved', fields.title)).then((ok) => {
      if (ok) setEditing(null);
    });
  };

  if (editing) {
    return kind === 'templates' ? (
      <TemplateForm key={editing.id ?? 'new'} initial={editing.fields as TemplateFields} agentName={agentName} serverError={error} onSave={save} onCancel={() => setEditing(null)} />
    ) : (
      <ArticleForm key={editing.id ?? 'new'} initial={editing.fields as ArticleFields} serverError={error} onSave={save} onCancel={() => setEditing(null)} />
    );
  }

  const fieldsOf = (item: ReplyTemplate | KnowledgeArticle): TemplateFields | ArticleFields =>
    'shortcut' in item
      ? { title: item.title, body: item.body, lang: item.lang, tags: item.tags, shortcut: item.shortcut }
      : { title: item.title, body: item.body, customerText: item.customerText, url: item.url, tags: item.tags, lang: item.lang };

  return (
    <>
      <p role="status" className="saved">{status}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {items.length === 0 && (
        <div className="starter">
          <p className="empty">{kind === 'templates' ? t('templatesEmpty') : t('articlesEmpty')}</p>
          <button
            type="button"
            data-testid={`starter-${kind}`}
            onClick={() => void run(async () => setStatus(n('starterAdded', (await sendToBackground('starter.add', { kind })).added)), '')}
          >
            {t('starterAdd')}
          </button>
        </div>
      )}
      <LibraryList
        items={items.map((item) => ({ ...item, detail: 'shortcut' in item ? (item.shortcut ? `/${item.shortcut}` : undefined) : (item.url ?? undefined) }))}
        label={kind === 'templates' ? t('navTemplates') : t('navArticles')}
        testId={`${kind}-list`}
        onEdit={(id) => {
          const item = items.find((candidate) => candidate.id === id);
          if (item) setEditing({ id, fields: fieldsOf(item) });
        }}
        onDelete={(id) => {
          const title = items.find((candidate) => candidate.id === id)?.title ?? '';
          void run(() => (kind === 'templates' ? sendToBackground('templates.delete', { id }) : sendToBackground('articles.delete', { id })), t('libraryDeleted', title));
        }}
      />
      <button
        type="button"
        className="primary"
        data-testid={`${kind}-add`}
        onClick={() => setEditing({ id: null, fields: kind === 'templates' ? newTemplate(language) : newArticle(language) })}
      >
        {kind === 'templates' ? t('templateAdd') : t('articleAdd')}
      </button>
    </>
  );
}
