import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { projectRoot } from '../platform/config/env.js';
import type { SiteFrame } from './data.js';
import { pageMetaTags, type PageMetaInput } from './core/metadata.js';

/*
 * Pages are a pure function of the published data: the same data always gives the same bytes, with
 * no request state, so a page can be cached whole or written to a static file.
 */

const templates = path.join(projectRoot, 'templates');
const site = Handlebars.create();
for (const name of ['footer', 'doc-list', 'form-guard', 'form-errors', 'picture', 'validity-banner'])
  // Compiled once here: a partial registered as text is compiled again on every page that uses it.
  site.registerPartial(name, site.compile(fs.readFileSync(path.join(templates, 'partials', `${name}.hbs`), 'utf8')));
site.registerHelper('sum', (a: number, b: number) => a + b);
const layout = site.compile(fs.readFileSync(path.join(templates, 'layouts', 'main.hbs'), 'utf8'));
const pages = new Map<string, Handlebars.TemplateDelegate>();

/** A template under templates/pages (home, column, document, … and the pages of each public feature). */
export type PageName = string;

/** `model.meta` names the page's column and article for the metadata tags of the national specification (N18). */
export function renderPage(
  name: PageName,
  frame: SiteFrame,
  model: Record<string, unknown> & { title?: string; meta?: PageMetaInput },
): string {
  if (!pages.has(name)) pages.set(name, site.compile(fs.readFileSync(path.join(templates, 'pages', `${name}.hbs`), 'utf8')));
  return layout({
    frame,
    title: model.title,
    metaTags: pageMetaTags(name, frame, model.meta),
    body: pages.get(name)!({ ...model, frame }),
  });
}
