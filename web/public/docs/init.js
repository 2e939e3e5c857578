// /docs: Swagger UI (swagger-ui-dist, shipped with the web build, no CDN) over the contract at
// /v1/openapi.json. A file of its own, so the page runs under the dashboard's CSP (script-src 'self').
/* global SwaggerUIBundle */
(function () {
  var target = document.getElementById('swagger-ui');
  if (typeof SwaggerUIBundle !== 'function') {
    target.innerHTML = '<p class="docs-loading">Penampil dokumen tidak termuat; dokumen mentahnya ada di <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>';
    return;
  }
  window.ui = SwaggerUIBundle({
    url: '/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: false, // its path links sit inside the operation's button (axe nested-interactive)
    validatorUrl: null, // never ask validator.swagger.io (no requests to other hosts)
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    docExpansion: 'list',
    defaultModelsExpandDepth: -1,
    displayRequestDuration: true,
    tryItOutEnabled: false,
  });
})();
