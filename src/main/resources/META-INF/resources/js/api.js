// The landing page reads the same API as any other frontend: the shipped GraphQL queries through their cached GET
// forms (answered from stored bytes, revalidated with ETags), and plain GraphQL POSTs for what changes by the minute.

/** A request the API answered with errors: the first error's message and code. */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** One of the shipped queries (landing, feature, language, activity) by name, with its variables. */
export async function known(name, variables = {}) {
  const params = new URLSearchParams();
  const present = Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== null && v !== undefined));
  if (Object.keys(present).length > 0) {
    params.set('variables', JSON.stringify(present));
  }
  const query = params.toString();
  return answer(await fetch(`/api/queries/${name}${query ? `?${query}` : ''}`,
    { headers: { Accept: 'application/json' } }));
}

/** Any GraphQL query, posted as JSON. */
export async function graphql(query, variables = {}) {
  return answer(await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  }));
}

async function answer(response) {
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered ${response.status} without a readable body.`, 'UNREADABLE');
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${response.status}`);
  }
  if (!response.ok) {
    throw new ApiError(body.message ?? `The API answered ${response.status}.`, `HTTP_${response.status}`);
  }
  return body.data;
}
