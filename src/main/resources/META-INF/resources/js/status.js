import { h, srOnly } from './dom.js';

// Each status has a word, a symbol and a colour; the word is always written, so the colour is never the only signal.
export const STATUSES = [
  ['AVAILABLE', 'Available', '✓'],
  ['PREVIEW', 'Preview', '◐'],
  ['DEPRECATED', 'Deprecated', '⚠'],
  ['COMING_SOON', 'Coming soon', '➜'],
  ['IN_PROGRESS', 'In progress', '◔'],
  ['PLANNED', 'Planned', '○'],
  ['IDEA', 'Idea', '?'],
  ['ON_HOLD', 'On hold', '‖'],
  ['NOT_PLANNED', 'Not planned', '✕'],
  ['ABSENT', 'Absent', '–'],
];

const BY_NAME = new Map(STATUSES.map(([name, word, symbol]) => [name, { word, symbol }]));

export function statusWord(status) {
  return BY_NAME.get(status)?.word ?? (status ? status.toLowerCase().replaceAll('_', ' ') : 'Unknown');
}

export function statusClass(status) {
  return `status-${(status ?? 'unknown').toLowerCase().replaceAll('_', '-')}`;
}

/** A status as a badge: symbol (hidden from screen readers) and word. */
export function statusBadge(status) {
  const symbol = BY_NAME.get(status)?.symbol ?? '·';
  return h('span', { class: `badge ${statusClass(status)}` },
    h('span', { class: 'symbol', 'aria-hidden': 'true' }, symbol), ' ', statusWord(status));
}

export function priorityBadge(priority) {
  return priority ? h('span', { class: `priority priority-${priority.toLowerCase()}`, title: `Priority ${priority}` },
    srOnly('priority '), priority) : null;
}

export function legend() {
  return h('details', { class: 'legend' },
    h('summary', {}, 'What the statuses mean'),
    h('ul', {}, STATUSES.map(([name, word]) => h('li', {}, statusBadge(name), ' ', DESCRIPTIONS[name] ?? word))),
    h('p', {}, h('span', { class: 'flag', 'aria-hidden': 'true' }, '⚑'),
      ' marks a cell whose sources disagree (for example the docs say available while the roadmap says planned).'));
}

const DESCRIPTIONS = {
  AVAILABLE: 'documented and released',
  PREVIEW: 'released as a preview or beta',
  DEPRECATED: 'still documented, on its way out',
  COMING_SOON: 'announced for an upcoming release',
  IN_PROGRESS: 'being worked on',
  PLANNED: 'on the roadmap',
  IDEA: 'proposed, not yet planned',
  ON_HOLD: 'paused',
  NOT_PLANNED: 'decided against',
  ABSENT: 'no source mentions it',
};

const CHANGE_WORDS = {
  ADDED: () => 'added',
  REMOVED: () => 'removed',
  STATUS_CHANGED: (c) => `status ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`,
  PRIORITY_CHANGED: (c) => `priority ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`,
  PROGRESS_CHANGED: (c) => `progress ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`,
  TITLE_CHANGED: (c) => `renamed from “${c.oldValue ?? ''}”`,
};

/** What a change did, in words. */
export function changeWords(change) {
  return (CHANGE_WORDS[change.kind] ?? (() => change.kind.toLowerCase()))(change);
}

export const SOURCE_WORDS = { DOCS: 'docs', ROADMAP: 'roadmap', BOARD: 'board' };
