import { ApiError, graphql } from './api.js';
import { h, show } from './dom.js';
import { renderFeature } from './feature.js';
import { renderFreshness } from './freshness.js';
import { renderLanguage } from './language.js';
import { matrixState, renderMatrix } from './matrix.js';

// Chooses the view from the address: / (matrix and search), /features/{id}, /languages/{id}. Each is a page of its
// own, so links, the back button and bookmarks behave as on any website.

async function start() {
  const main = document.getElementById('main');
  renderFreshness(document.getElementById('freshness'));
  languageNav();
  const path = window.location.pathname;
  try {
    const feature = /^\/features\/([^/]+)$/.exec(path);
    const language = /^\/languages\/([^/]+)$/.exec(path);
    if (feature) {
      await renderFeature(main, decodeURIComponent(feature[1]));
    } else if (language) {
      await renderLanguage(main, decodeURIComponent(language[1]));
    } else {
      await renderMatrix(main, matrixState(window.location));
    }
  } catch (error) {
    show(main, h('div', { class: 'error', role: 'alert' },
      h('h1', {}, 'This page could not be loaded'),
      h('p', {}, error instanceof ApiError ? error.message : `The API could not be reached (${error.message}).`),
      h('p', {}, h('a', { href: window.location.href }, 'Try again'), ' or ', h('a', { href: '/' },
        'go to the matrix'), '.')));
  }
  document.body.dataset.ready = 'true';
}

async function languageNav() {
  try {
    const { languages } = await graphql('query Languages { languages { id name } }');
    show(document.getElementById('language-nav'), languages.map((l) => h('li', {},
      h('a', { href: `/languages/${encodeURIComponent(l.id)}`,
        'aria-current': window.location.pathname === `/languages/${l.id}` ? 'page' : null }, l.name))));
  } catch {
    // the main view reports what is wrong with the API; the navigation just stays empty
  }
}

start();
