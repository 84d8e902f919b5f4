import { ApiError, known } from './api.js';
import { date, h, show, srOnly } from './dom.js';
import { recentChanges } from './freshness.js';
import { legend, statusBadge } from './status.js';

// The landing view: the parity matrix with its search, filters and the recently changed items. Its state lives in
// the address (?q=…&group=…&lang=python&lang=java), so a link shows the same view.

export function matrixState(location) {
  const params = new URLSearchParams(location.search);
  return {
    query: params.get('q')?.trim() || null,
    group: params.get('group') || null,
    languages: params.getAll('lang').filter((l) => l !== ''),
  };
}

export async function renderMatrix(main, state) {
  const filtered = state.query !== null || state.group !== null || state.languages.length > 0;
  const everything = known('landing');
  const asked = filtered
    ? known('landing', { query: state.query, group: state.group,
      languages: state.languages.length > 0 ? state.languages : null })
    : everything;
  const all = (await everything).parityMatrix;
  const heading = h('h1', {}, 'Which feature ships in which language');
  const form = searchForm(all, state);
  let body;
  try {
    body = matrixBody((await asked).parityMatrix, state);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }
    body = searchError(error, state.query);
  }
  const activity = h('section', { class: 'activity', 'aria-labelledby': 'activity-heading' },
    h('h2', { id: 'activity-heading' }, 'Recently changed'), h('p', { class: 'loading' }, 'Loading…'));
  show(main, heading, form, examples(all), body, coverageChart(all), activity);
  document.title = state.query ? `${state.query} — Crossroads` : 'Crossroads — parity matrix';
  await recentChanges(activity);
}

function searchForm(all, state) {
  const groups = [...new Set(all.rows.map((r) => r.feature.group).filter((g) => g))];
  const chosen = new Set(state.languages.length > 0 ? state.languages : all.languages.map((l) => l.language.id));
  return h('form', { class: 'search', method: 'get', action: '/', role: 'search' },
    h('div', { class: 'search-line' },
      h('label', { for: 'q' }, 'Search'),
      h('input', { id: 'q', name: 'q', type: 'search', value: state.query ?? '', autocomplete: 'off',
        spellcheck: 'false', placeholder: 'e.g. available_on:python -available_on:java',
        'aria-describedby': 'search-help' }),
      h('button', { type: 'submit' }, 'Search')),
    h('p', { id: 'search-help', class: 'help' },
      'Words match feature names; ', h('code', {}, 'available_on:'), ', ', h('code', {}, 'status:java=planned'), ', ',
      h('code', {}, 'missing_in_one_of(…)'), ', ', h('code', {}, 'parity:partial'), ', ', h('code', {}, 'group:'),
      ' combine with AND, OR, parentheses and a leading - for not.'),
    h('div', { class: 'filters' },
      h('label', { for: 'group' }, 'Group'),
      h('select', { id: 'group', name: 'group' },
        h('option', { value: '' }, 'All groups'),
        groups.map((g) => h('option', { value: g, selected: g === state.group }, g))),
      h('fieldset', { class: 'languages' },
        h('legend', {}, 'Languages'),
        all.languages.map(({ language }) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'lang', value: language.id, checked: chosen.has(language.id) }),
          ' ', language.name)))));
}

/** Clickable searches that answer the common questions for this family's own languages. */
function examples(all) {
  const languages = all.languages.map((l) => l.language);
  const ids = languages.map((l) => l.id);
  const found = [];
  if (languages.length > 1) {
    found.push([`missing_in_one_of(${ids.join(',')})`, 'Missing somewhere']);
    const [first, ...others] = languages;
    for (const other of others.slice(0, 2)) {
      found.push([`available_on:${first.id} -available_on:${other.id}`, `In ${first.name}, not in ${other.name}`]);
    }
  }
  for (const language of languages.slice(-1)) {
    found.push([`status:${language.id}=in_progress OR status:${language.id}=coming_soon`,
      `What ${language.name} is working on`]);
  }
  found.push(['parity:universal', 'Available everywhere']);
  return h('nav', { class: 'examples', 'aria-label': 'Example searches' },
    h('span', {}, 'Try: '),
    found.map(([query, words]) => h('a', { href: `/?q=${encodeURIComponent(query)}`, title: query }, words)));
}

function searchError(error, query) {
  const position = /^at (\d+):/.exec(error.message);
  return h('div', { class: 'error', role: 'alert' },
    h('h2', {}, 'This search cannot be read'),
    h('p', {}, error.message),
    query && position ? h('pre', { class: 'caret', 'aria-hidden': 'true' },
      query, '\n', `${' '.repeat(Math.max(0, Number(position[1]) - 1))}^`) : null,
    h('p', {}, 'Fix the search above, or ', h('a', { href: '/' }, 'show every feature'), '.'));
}

function matrixBody(matrix, state) {
  if (matrix.rows.length === 0) {
    const filtered = state.query || state.group || state.languages.length > 0;
    return h('div', { class: 'empty', role: 'status' }, filtered
      ? h('p', {}, 'No feature matches this search. ', h('a', { href: '/' }, 'Show every feature'), '.')
      : h('p', {}, 'No data yet: no source has been synced. The first sync runs at start-up; the sources ',
        'above say how it went.'));
  }
  const languages = matrix.languages;
  const table = h('table', { class: 'matrix' },
    h('caption', {}, `${matrix.rows.length} feature${matrix.rows.length === 1 ? '' : 's'} × `,
      `${languages.length} language${languages.length === 1 ? '' : 's'}`,
      matrix.query ? ` matching “${matrix.query}”` : '', ' — data version ', String(matrix.dataVersion),
      ', as of ', date(matrix.generatedAt)),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Feature'),
      languages.map((l) => h('th', { scope: 'col', class: 'language' },
        h('a', { href: `/languages/${encodeURIComponent(l.language.id)}` }, l.language.name),
        h('span', { class: 'coverage', title: `${l.shipped} of ${l.total} features available` },
          `${l.shipped}/${l.total} · ${Math.round(l.coverage * 100)}%`))),
      h('th', { scope: 'col' }, 'Parity'))),
    grouped(matrix.rows).map(([group, rows]) => h('tbody', {},
      h('tr', { class: 'group' }, h('th', { scope: 'colgroup', colspan: languages.length + 2 }, group ?? 'Other')),
      rows.map((row) => matrixRow(row, languages)))));
  return h('div', { class: 'matrix-wrap' }, legend(), h('div', { class: 'table-scroll', tabindex: '0',
    'aria-label': 'Parity matrix' }, table), downloads(state));
}

/** Coverage over time per language, drawn by the server as SVG from the history it read. */
function coverageChart(all) {
  const now = all.languages.map((l) => `${l.language.name} ${Math.round(l.coverage * 100)}%`).join(', ');
  return h('section', { class: 'chart', 'aria-labelledby': 'chart-heading' },
    h('h2', { id: 'chart-heading' }, 'Coverage over time'),
    h('img', { src: '/api/charts/coverage.svg', width: '720', height: '300',
      alt: `Share of features available in each language, month by month. Today: ${now}.` }));
}

/** The same view as a report: the selection carries over as the report's own parameters. */
function downloads(state) {
  const params = new URLSearchParams();
  if (state.query) {
    params.set('query', state.query);
  }
  if (state.group) {
    params.set('group', state.group);
  }
  if (state.languages.length > 0) {
    params.set('languages', state.languages.join(','));
  }
  const href = (format) => {
    const withFormat = new URLSearchParams(params);
    withFormat.set('format', format);
    return `/api/reports/parity?${withFormat}`;
  };
  return h('p', { class: 'downloads' }, 'This view as a report: ',
    [['md', 'Markdown'], ['csv', 'CSV'], ['json', 'JSON'], ['html', 'printable page']].map(([format, words], i) => [
      i > 0 ? ' · ' : '', h('a', { href: href(format) }, words)]));
}

/** Rows by group, groups in order of first appearance, rows in matrix order within each. */
function grouped(rows) {
  const groups = new Map();
  for (const row of rows) {
    const key = row.feature.group ?? null;
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(row);
  }
  return [...groups.entries()];
}

function matrixRow(row, languages) {
  const cells = new Map(row.cells.map((c) => [c.language.id, c]));
  return h('tr', { 'data-feature': row.feature.id },
    h('th', { scope: 'row', class: 'feature' },
      h('a', { href: `/features/${encodeURIComponent(row.feature.id)}` }, row.feature.name),
      row.universalSince ? h('span', { class: 'universal' }, 'everywhere since ', date(row.universalSince)) : null),
    languages.map((l) => matrixCell(cells.get(l.language.id), row.feature, l.language)),
    h('td', { class: `parity parity-${row.parity.toLowerCase()}` }, row.parity.toLowerCase()));
}

function matrixCell(cell, feature, language) {
  if (!cell) {
    return h('td', { class: 'cell' }, statusBadge('ABSENT'));
  }
  const alias = cell.status === 'ABSENT' ? null
    : feature.aliases?.find((a) => a.language.id === language.id && a.name !== feature.name);
  const disagreements = cell.disagreements ?? [];
  return h('td', { class: 'cell', 'data-language': language.id, 'data-status': cell.status },
    statusBadge(cell.status),
    cell.priority ? h('span', { class: 'cell-priority' }, ` ${cell.priority}`) : null,
    cell.since ? h('span', { class: 'since' }, 'since ', date(cell.since)) : null,
    cell.versionAdded ? h('span', { class: 'version', title: 'first release that shipped it' },
      cell.versionAdded) : null,
    alias ? h('span', { class: 'alias' }, `as ${alias.name}`) : null,
    disagreements.length > 0 ? h('span', { class: 'flag', title: disagreements.map((d) => d.message).join('\n') },
      h('span', { 'aria-hidden': 'true' }, '⚑'), srOnly(`sources disagree: ${disagreements.map((d) => d.message)
        .join('; ')}`)) : null);
}
