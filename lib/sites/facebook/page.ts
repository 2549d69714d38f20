/**
 * One read of one Facebook page: the document, its URL, the script texts it embeds (read once), and
 * the people and posts its links point at.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import { hrefOf, type PostRoute } from './common';
import { FACEBOOK_ORIGIN, parsePostUrl, parseProfileUrl, type ProfileRef } from './urls';
import { shownText } from './text';
import type { Person } from '../types';

/**
 * One read of one page: the document, its URL, and what is costly to compute once (the script
 * texts the page embeds). Nothing outlives the read.
 */
export class PageScope {
  private scriptTexts: string[] | undefined;

  constructor(
    readonly doc: Document,
    readonly url: URL,
  ) {}

  get base(): string {
    return this.doc.baseURI || this.url.href;
  }

  /** Texts of inline scripts (application/json data and classic inline requires). */
  scripts(): string[] {
    this.scriptTexts ??= all(this.doc, 'script:not([src])')
      .map((script) => script.textContent)
      .filter((text) => text.length > 0);
    return this.scriptTexts;
  }

  /** Every match of `pattern` (global) across the scripts whose text includes `marker`. */
  *scriptMatches(marker: string, pattern: RegExp): Generator<RegExpExecArray> {
    for (const text of this.scripts()) {
      if (!text.includes(marker)) continue;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) yield match;
    }
  }

  person(ref: ProfileRef, displayName: string): Person {
    return { handle: ref.handle, profileUrl: ref.profileUrl, displayName: collapseWhitespace(displayName) };
  }

  /** The href of a link resolved against the page, or undefined. */
  hrefOf(link: Element | null | undefined): string | undefined {
    return hrefOf(link, this.base);
  }

  /** The person a link points at, named by `name` or the link's own text. */
  personFromLink(link: Element | null | undefined, name?: string): Person | undefined {
    const href = this.hrefOf(link);
    const ref = href === undefined ? undefined : parseProfileUrl(href, this.base);
    if (ref === undefined || link === null || link === undefined) return undefined;
    return this.person(ref, name ?? (shownText(link) || (link.getAttribute('title') ?? link.getAttribute('aria-label') ?? '')));
  }

  /** The profile a link points at; a link without a usable href stands for the page's own address. */
  profileOf(link: Element | null | undefined): ProfileRef | undefined {
    return parseProfileUrl(this.hrefOf(link) ?? '', this.base);
  }

  /** The post a link points at; a link without a usable href stands for the page's own address. */
  postOf(link: Element | null | undefined): PostRoute | undefined {
    return parsePostUrl(this.hrefOf(link) ?? '', this.base);
  }

  /** The `comment_id` a link carries (Comet comment timestamps and replies), or null. */
  commentIdOf(link: Element): string | null {
    return new URL(this.hrefOf(link) ?? FACEBOOK_ORIGIN).searchParams.get('comment_id');
  }
}
