import { known } from './api.js';
import { date, h, link, show } from './dom.js';
import { recentChanges } from './freshness.js';
import { priorityBadge, statusBadge, statusWord } from './status.js';

// A language's page: its roadmap as Crossroads read it, its board by column, its docs feature list.

export async function renderLanguage(main, id) {
  const data = await known('language', { language: id });
  const language = data.languages.find((l) => l.id === id);
  document.title = `${language.name} — Crossroads`;
  const activity = h('section', { 'aria-labelledby': 'changes-heading' }, h('h2', { id: 'changes-heading' },
    'Recently changed'));
  show(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('a', { href: '/' }, 'Matrix'), ' › ',
      language.name),
    h('h1', {}, language.name),
    h('p', {}, link(`https://github.com/${language.repository}`, language.repository), ` (${language.branch})`),
    h('nav', { class: 'page-sections', 'aria-label': 'On this page' }, h('a', { href: '#roadmap' }, 'Roadmap'),
      h('a', { href: '#board' }, 'Board'), h('a', { href: '#docs' }, 'Docs features'),
      h('a', { href: `/?q=${encodeURIComponent(`status:${id}=in_progress OR status:${id}=coming_soon`)}` },
        'In progress in the matrix')),
    roadmap(data.roadmap),
    board(data.boardItems),
    docs(data.docsFeatures),
    activity);
  await recentChanges(activity, data.recentChanges);
}

function roadmap(stored) {
  const section = h('section', { id: 'roadmap', 'aria-labelledby': 'roadmap-heading' },
    h('h2', { id: 'roadmap-heading' }, 'Roadmap'));
  if (!stored) {
    section.append(h('p', {}, 'No roadmap read yet (none configured, not found, or not synced).'));
    return section;
  }
  section.append(h('p', { class: 'meta' }, stored.title ? `“${stored.title}”, read ` : 'Read ',
    date(stored.fetchedAt)));
  const bySection = new Map();
  for (const item of stored.items) {
    const key = item.sectionPath.join(' › ');
    if (!bySection.has(key)) {
      bySection.set(key, []);
    }
    bySection.get(key).push(item);
  }
  for (const [path, items] of bySection) {
    section.append(h('h3', {}, path || 'Items'), h('ul', { class: 'roadmap-items' }, items.map(roadmapItem)));
  }
  if (stored.warnings.length > 0) {
    section.append(h('details', {}, h('summary', {}, `${stored.warnings.length} parse warnings`),
      h('ul', {}, stored.warnings.map((w) => h('li', {}, `line ${w.line}: ${w.message}`)))));
  }
  return section;
}

function roadmapItem(item) {
  return h('li', { class: 'roadmap-item' },
    h('div', { class: 'item-line' },
      priorityBadge(item.priority), ' ', link(item.url, item.title, { class: 'item-title' }), ' ',
      item.status ? statusBadge(item.status) : null,
      item.feature ? h('span', { class: 'feature-ref' }, ' → ',
        h('a', { href: `/features/${encodeURIComponent(item.feature.id)}` }, item.feature.name ?? item.feature.id))
        : null),
    item.progressTotal > 0 ? h('div', { class: 'progress' },
      h('progress', { max: item.progressTotal, value: item.progressDone,
        'aria-label': `${item.title}: ${item.progressDone} of ${item.progressTotal} done` }),
      ` ${item.progressDone}/${item.progressTotal} done`) : null,
    item.checklist.length > 0 ? h('details', {}, h('summary', {}, 'Checklist'),
      h('ul', { class: 'checklist' }, item.checklist.map((c) => h('li', { class: c.wontDo ? 'wont-do' : null },
        h('span', { 'aria-hidden': 'true' }, c.done ? '☑ ' : '☐ '), c.done ? 'done: ' : c.wontDo ? "won't do: "
          : 'to do: ', c.text)))) : null,
    item.links.length > 0 ? h('p', { class: 'links' }, item.links.map((l, i) => [i > 0 ? ' · ' : '',
      link(l.url, `${l.kind.toLowerCase().replaceAll('_', ' ')} ${l.text}`)])) : null);
}

function board(connection) {
  const section = h('section', { id: 'board', 'aria-labelledby': 'board-heading' },
    h('h2', { id: 'board-heading' }, 'Board'));
  const cards = connection.edges.map((e) => e.node);
  if (cards.length === 0) {
    section.append(h('p', {}, 'No board cards read (none configured, no token, or not synced).'));
    return section;
  }
  const columns = new Map();
  for (const card of cards) {
    const column = card.column ?? statusWord(card.status);
    if (!columns.has(column)) {
      columns.set(column, []);
    }
    columns.get(column).push(card);
  }
  section.append(h('div', { class: 'board' }, [...columns].map(([column, inColumn]) => h('section',
    { class: 'column', 'aria-label': column }, h('h3', {}, `${column} (${inColumn.length})`),
    h('ul', {}, inColumn.map((card) => h('li', {}, link(card.url, card.title), ' ',
      card.status ? statusBadge(card.status) : null)))))));
  if (connection.totalCount > cards.length) {
    section.append(h('p', {}, `Showing ${cards.length} of ${connection.totalCount} cards.`));
  }
  return section;
}

function docs(stored) {
  const section = h('section', { id: 'docs', 'aria-labelledby': 'docs-heading' },
    h('h2', { id: 'docs-heading' }, 'Docs features'));
  if (!stored) {
    section.append(h('p', {}, 'No docs read yet.'));
    return section;
  }
  section.append(h('p', { class: 'meta' }, 'Read ', date(stored.fetchedAt)),
    h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Feature', 'Where in the docs', 'Status', 'Matrix row']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, stored.features.map((f) => h('tr', {},
        h('th', { scope: 'row' }, link(f.url, f.name)),
        h('td', {}, f.navPath.join(' › ')),
        h('td', {}, f.status ? statusBadge(f.status) : '—', f.disagreement ? h('span', { class: 'flag',
          title: f.disagreement }, ' ⚑') : null),
        h('td', {}, f.feature ? h('a', { href: `/features/${encodeURIComponent(f.feature.id)}` },
          f.feature.name ?? f.feature.id) : '—')))))));
  return section;
}
