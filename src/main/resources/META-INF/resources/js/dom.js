// Builds DOM nodes from data without ever parsing it as HTML: every string becomes a text node or an attribute
// value, so roadmap text (untrusted: anyone can open a pull request) cannot inject markup or script.

/**
 * h('a', {href: '/x', class: 'y'}, 'text', child, [more]) creates an element. Null and false children are skipped;
 * arrays are flattened. Attributes named href or src go through safeUrl and are dropped when unsafe.
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'href' || name === 'src') {
      const url = safeUrl(value);
      if (url !== null) {
        element.setAttribute(name, url);
      }
    } else if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Only links to this service or to http(s) pages: never javascript:, data: or protocol-relative addresses. */
export function safeUrl(value) {
  const text = String(value).trim();
  if (text.startsWith('/') && !text.startsWith('//')) {
    return text;
  }
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link when the address is safe, plain text otherwise. */
export function link(url, text, attributes = {}) {
  return url && safeUrl(url) !== null ? h('a', { ...attributes, href: url }, text) : h('span', {}, text);
}

/** Replaces what a container shows. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

/** Text only screen readers announce: what a symbol or a colour says to everyone else. */
export function srOnly(text) {
  return h('span', { class: 'sr-only' }, text);
}

/** A date (the day, UTC) with its exact time for machines and tooltips. */
export function date(iso) {
  if (!iso) {
    return null;
  }
  return h('time', { datetime: iso, title: iso }, iso.slice(0, 10));
}
