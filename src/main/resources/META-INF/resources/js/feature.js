import { known } from './api.js';
import { date, h, link, show } from './dom.js';
import { changeWords, SOURCE_WORDS, statusBadge } from './status.js';

// A feature's page: each language's status with the evidence behind it, disagreements between sources, the items
// alignment tied to it and how they changed over time.

export async function renderFeature(main, id) {
  const { feature } = await known('feature', { id });
  if (!feature) {
    document.title = 'Unknown feature — Crossroads';
    show(main, h('h1', {}, 'No such feature'),
      h('p', {}, `No feature has the id “${id}”. `, h('a', { href: '/' }, 'Back to the matrix'), '.'));
    return;
  }
  document.title = `${feature.name} — Crossroads`;
  const aliases = feature.aliases.filter((a) => a.name !== feature.name);
  show(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('a', { href: '/' }, 'Matrix'),
      feature.group ? ` › ${feature.group}` : null),
    h('h1', {}, feature.name),
    feature.description ? h('p', { class: 'description' }, feature.description) : null,
    aliases.length > 0 ? h('p', {}, 'Also called ', aliases.map((a, i) => [i > 0 ? ', ' : '',
      h('strong', {}, a.name), ` in ${a.language.name}`])) : null,
    h('p', { class: `parity parity-${feature.parity.toLowerCase()}` }, parityWords(feature)),
    h('h2', {}, 'By language'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'cells' },
      h('thead', {}, h('tr', {}, ['Language', 'Status', 'Since', 'Available since', 'Version', 'Evidence',
        'Disagreements']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, feature.cells.map((cell) => h('tr', { 'data-language': cell.language.id },
        h('th', { scope: 'row' }, h('a', { href: `/languages/${encodeURIComponent(cell.language.id)}` },
          cell.language.name)),
        h('td', {}, statusBadge(cell.status), cell.priority ? ` ${cell.priority}` : null),
        h('td', {}, date(cell.since) ?? '—'),
        h('td', {}, date(cell.availableSince) ?? '—'),
        h('td', {}, cell.versionAdded ?? '—', cell.generallyAvailableIn ? h('span', { class: 'since' },
          `generally available in ${cell.generallyAvailableIn}`) : null),
        h('td', {}, cell.evidence.length === 0 ? 'no source mentions it' : h('ul', { class: 'evidence' },
          cell.evidence.map((e) => h('li', {}, h('span', { class: 'tag' }, SOURCE_WORDS[e.source] ?? e.source), ' ',
            link(e.url, e.text))))),
        h('td', {}, cell.disagreements.length === 0 ? '—' : h('ul', {},
          cell.disagreements.map((d) => h('li', {}, d.message))))))))),
    linkedItems(feature.items ?? []),
    feature.timeline ? statusTimeline(feature) : timeline(feature.items ?? []));
}

function parityWords(feature) {
  const available = feature.cells.filter((c) => c.status === 'AVAILABLE').length;
  switch (feature.parity) {
    case 'UNIVERSAL':
      return ['Available in every language', feature.universalSince ? [' since ', date(feature.universalSince)]
        : null, feature.universalCompletedBy ? `, when ${feature.universalCompletedBy.name} shipped it` : null, '.'];
    case 'PARTIAL':
      return `Available in ${available} of ${feature.cells.length} languages.`;
    case 'UNIQUE':
      return 'Available in one language only.';
    default:
      return 'Not available in any language yet.';
  }
}

function linkedItems(items) {
  if (items.length === 0) {
    return null;
  }
  return [h('h2', {}, 'What the sources say'), h('ul', { class: 'items' }, items.map((item) => h('li', {},
    h('span', { class: 'tag' }, item.language), ' ', h('span', { class: 'tag' }, SOURCE_WORDS[item.source]), ' ',
    link(item.url, item.title), ' ', item.status ? statusBadge(item.status) : null,
    item.statusRaw ? h('span', { class: 'raw' }, ` (“${item.statusRaw}”)`) : null,
    item.supporting ? h('span', { class: 'supporting' }, ' supporting') : null,
    item.reason ? h('span', { class: 'reason', title: 'why alignment linked it' }, ` · ${reasonWords(item)}`)
      : null)))];
}

function reasonWords(item) {
  const reason = item.reason.toLowerCase().replaceAll('_', ' ');
  return item.confidence !== null && item.confidence < 1 ? `${reason} (${Math.round(item.confidence * 100)}%)`
    : reason;
}

/** Every status change of the feature in every language, newest first, with its commit and release. */
function statusTimeline(feature) {
  if (feature.timeline.length === 0) {
    return null;
  }
  const repositories = new Map(feature.cells.map((c) => [c.language.id, c.language.repository]));
  const names = new Map(feature.cells.map((c) => [c.language.id, c.language.name]));
  const changes = [...feature.timeline].sort((a, b) => b.at.localeCompare(a.at));
  return [h('h2', {}, 'History'), h('ol', { class: 'timeline' }, changes.map((change) => h('li', {},
    date(change.at), ' ', h('span', { class: 'tag' }, names.get(change.language.id) ?? change.language.id), ' ',
    statusBadge(change.from), ' → ', statusBadge(change.to),
    change.release ? h('span', { class: 'version' }, ` in ${change.release}`) : null,
    change.commit && repositories.get(change.language.id) ? [' · ', link(
      `https://github.com/${repositories.get(change.language.id)}/commit/${change.commit}`,
      `commit ${change.commit.slice(0, 7)}`)] : null)))];
}

/** Every change of every linked item, newest first. */
function timeline(items) {
  const events = items.flatMap((item) => (item.history ?? []).map((change) => ({ item, change })))
    .sort((a, b) => b.change.occurredAt.localeCompare(a.change.occurredAt));
  if (events.length === 0) {
    return null;
  }
  return [h('h2', {}, 'History'), h('ol', { class: 'timeline' }, events.map(({ item, change }) => h('li', {},
    date(change.occurredAt), ' ', h('span', { class: 'tag' }, item.language), ' ',
    h('span', { class: 'tag' }, SOURCE_WORDS[item.source]), ' ', item.title, ' — ', changeWords(change))))];
}
