// A static report page: one self-contained HTML document (its stylesheet inlined), so it opens from
// file://, a CI artifact or a phone with nothing beside it. The matrix and the trends page use it.
import { escapeHtml } from './escapeHtml.ts';

export function htmlPage(page: { title: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${page.css}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
