import { graphql, known } from './api.js';
import { date, h, link, show } from './dom.js';
import { changeWords, SOURCE_WORDS } from './status.js';

// How fresh the picture is: the last successful read of every source, and a warning that says what to do when a
// source is failing, skipped or stale. Asked with a plain POST: it changes with every sync run, not only with data.

const SOURCES = `query Freshness {
  languages { id name }
  sources { language kind lastSuccessAt stale latest { status httpStatus message finishedAt } }
}`;

export async function renderFreshness(container) {
  let data;
  try {
    data = await graphql(SOURCES);
  } catch (error) {
    show(container, h('div', { class: 'warning', role: 'alert' },
      h('p', {}, `Source freshness is unknown: ${error.message}`)));
    return;
  }
  const names = new Map(data.languages.map((l) => [l.id, l.name]));
  const troubled = data.sources.filter((s) => s.stale || s.latest?.status === 'FAILED'
    || s.latest?.status === 'SKIPPED');
  const newest = data.sources.map((s) => s.lastSuccessAt).filter((t) => t).sort().at(-1);
  const summary = h('p', { class: 'synced' }, newest ? ['Last synced ', date(newest), ' · '] : 'Not synced yet · ',
    `${data.sources.length} sources`,
    troubled.length > 0 ? `, ${troubled.length} need attention` : ', all fresh');
  const table = h('details', { id: 'sources', class: 'sources' },
    h('summary', {}, 'Sources'),
    h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Language', 'Source', 'Last success', 'Latest', 'What to do']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, data.sources.map((s) => h('tr', { class: troubled.includes(s) ? 'troubled' : null },
        h('td', {}, names.get(s.language) ?? s.language),
        h('td', {}, SOURCE_WORDS[s.kind] ?? s.kind),
        h('td', {}, s.lastSuccessAt ? date(s.lastSuccessAt) : 'never'),
        h('td', {}, s.latest ? [s.latest.status.toLowerCase().replaceAll('_', ' '),
          s.latest.message ? h('span', { class: 'message' }, `: ${s.latest.message}`) : null] : 'not run yet'),
        h('td', {}, advice(s))))))));
  const warning = troubled.length > 0 ? h('div', { class: 'warning', role: 'alert' },
    h('p', {}, h('strong', {}, 'Some sources are not up to date. '),
      troubled.slice(0, 3).map((s) => `${names.get(s.language) ?? s.language} ${SOURCE_WORDS[s.kind] ?? s.kind}: `
        + `${advice(s)} `))) : null;
  show(container, warning, summary, table);
}

/** What an operator can do about a source, from what its latest read said. */
function advice(source) {
  const latest = source.latest;
  if (!latest) {
    return source.stale ? 'Waiting for the first sync.' : '';
  }
  if (latest.status === 'SKIPPED') {
    return /token/i.test(latest.message ?? '') ? 'Boards are read with a GitHub token: set GITHUB_TOKEN.'
      : 'Skipped; see its message.';
  }
  if (latest.status === 'FAILED') {
    if (latest.httpStatus === 401 || latest.httpStatus === 403) {
      return 'GitHub refused the request: check GITHUB_TOKEN and its rate limit.';
    }
    if (latest.httpStatus === 404 || / not found/i.test(latest.message ?? '')) {
      return 'Not found: check the path or branch in the family file.';
    }
    if (!latest.httpStatus) {
      return 'Could not be read: check the network, or point local-path at a clone.';
    }
    return `GitHub answered ${latest.httpStatus}: the next sync retries.`;
  }
  return source.stale ? 'Not read for three sync intervals: check that sync is enabled and running.' : '—';
}

/** The latest changes across the family (or of one language), each linked to its feature. */
export async function recentChanges(container, changes = null) {
  const found = changes ?? (await known('activity')).recentChanges;
  const heading = container.querySelector('h2');
  if (found.length === 0) {
    show(container, heading, h('p', {}, 'Nothing has changed since the first sync.'));
    return;
  }
  show(container, heading, h('ol', { class: 'changes' }, found.map((c) => h('li', {},
    date(c.occurredAt), ' ',
    c.language ? h('span', { class: 'tag' }, c.language) : null, ' ',
    h('span', { class: 'tag' }, SOURCE_WORDS[c.source] ?? c.source), ' ',
    c.feature ? link(`/features/${encodeURIComponent(c.feature.id)}`, c.title) : h('span', {}, c.title),
    ' — ', changeWords(c)))), h('p', {}, h('a', { href: '/api/feed.atom' }, 'Subscribe to changes (Atom)')));
}
