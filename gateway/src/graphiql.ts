import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);
const dirOf = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

/** GraphiQL and React served from local packages: the playground works with no internet. */
export function graphiqlAssets(): Router {
  const router = express.Router();
  const files: Record<string, string> = {
    'react.js': path.join(dirOf('react'), 'umd/react.production.min.js'),
    'react-dom.js': path.join(dirOf('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.js': path.join(dirOf('graphiql'), 'graphiql.min.js'),
    'graphiql.css': path.join(dirOf('graphiql'), 'graphiql.min.css'),
  };
  for (const [name, file] of Object.entries(files)) {
    router.get(`/${name}`, (_req, res) => res.sendFile(file, { maxAge: '1h' }));
  }
  return router;
}

const DEMO_LOGINS = ['boss', 'office1', 'rep1', 'picker1', 'driver1', 'finance1', 'store001', 'store002'];

const EXAMPLE = `# Log in with a demo button above (it sets the Authorization header), then run:
{
  me { __typename ... on CustomerUser { customer { id name level { name } } } ... on Staff { name roles } }
  products(first: 5) {
    edges { node { id name brand { name }
      skus { id barcode price { amount currency source } stock { available } }
      promotions { id title } } }
  }
}
`;

export function graphiqlPage(options: { demoLogins: boolean; tenant: string }): string {
  const buttons = options.demoLogins
    ? DEMO_LOGINS.map((u) => `<button data-user="${u}">${u}</button>`).join('')
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Wholesail API</title>
<link rel="stylesheet" href="/graphiql/graphiql.css" />
<style>
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #bar { display: flex; gap: 6px; align-items: center; padding: 6px 10px; background: #0f172a; color: #e2e8f0; font-size: 13px; }
  #bar button { background: #1e293b; color: #e2e8f0; border: 1px solid #334155; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
  #bar button.active { background: #2563eb; border-color: #2563eb; }
  #graphiql { flex: 1; }
</style>
</head>
<body>
<div id="bar"><strong>Wholesail</strong>${buttons ? `<span>demo login (password demo1234):</span>${buttons}<button data-user="">log out</button>` : ''}<span id="who"></span></div>
<div id="graphiql"></div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script>
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  const fetcher = GraphiQL.createFetcher({ url: location.pathname });
  function render(token) {
    const headers = token ? JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2) : '';
    root.render(React.createElement(GraphiQL, { key: token || 'anon', fetcher, defaultQuery: ${JSON.stringify(EXAMPLE)}, headers, shouldPersistHeaders: false }));
  }
  async function login(username) {
    document.querySelectorAll('#bar button').forEach((b) => b.classList.toggle('active', b.dataset.user === username && !!username));
    if (!username) { document.getElementById('who').textContent = ''; return render(''); }
    const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { __typename ... on LoginSuccess { token } ... on InvalidCredentials { message } ... on TooManyLoginAttempts { message } } }',
        variables: { i: { tenant: ${JSON.stringify(options.tenant)}, username, password: 'demo1234' } } }) });
    const body = await res.json();
    const result = body.data && body.data.login;
    document.getElementById('who').textContent = result && result.token ? 'as ' + username : (result ? result.message : 'login failed');
    render(result && result.token ? result.token : '');
  }
  document.querySelectorAll('#bar button').forEach((b) => b.addEventListener('click', () => login(b.dataset.user)));
  render('');
</script>
</body>
</html>`;
}
