// Serves a built site the way a static host does: files under the base path, 404.html with
// status 404 for anything else. `astro preview` allows one server per project; tests need three.
// Usage: npm exec -- node tests/support/serve-static.mjs <dir> <base> <port>
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

const [dir = 'dist', base = '/', port = '4321'] = process.argv.slice(2);
const prefix = base.endsWith('/') ? base : `${base}/`;
const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
const notFound = fs.readFileSync(path.join(dir, '404.html'));

function sendNotFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(notFound);
}

http
  .createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      return res.end();
    }
    if (!url.startsWith(prefix)) return sendNotFound(res);
    req.url = `/${url.slice(prefix.length)}`;
    files(req, res, () => sendNotFound(res));
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}${prefix}`));
