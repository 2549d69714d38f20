/** The DOM work the long-page benchmark does inside the page: one batch of items in, one count out. */
import type { Page } from 'playwright-core';

/** Where a batch goes: at the end of `parent`, or just before `before` (the thread's typing indicator). */
export type InsertionPoint = { parent: string } | { before: string };

/**
 * Parses `html` and puts its elements into the page in one go, as an infinite scroll or a live
 * update does; returns how long the page spent on it (parsing and inserting, before layout).
 */
export function insertHtml(page: Page, html: string, where: InsertionPoint): Promise<number> {
  return page.evaluate(
    ({ html, where }) => {
      const started = performance.now();
      const template = document.createElement('template');
      template.innerHTML = html;
      if ('parent' in where) {
        const parent = document.querySelector(where.parent);
        if (!parent) throw new Error(`no ${where.parent} in the page`);
        parent.append(template.content);
      } else {
        const before = document.querySelector(where.before);
        if (!before) throw new Error(`no ${where.before} in the page`);
        before.before(template.content);
      }
      return performance.now() - started;
    },
    { html, where },
  );
}

export function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => document.querySelectorAll(selector).length, selector);
}
