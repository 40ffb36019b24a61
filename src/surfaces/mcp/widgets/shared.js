// Bridge shared by every widget: reads the tool result from ChatGPT's window.openai or from the
// MCP Apps postMessage bridge, and calls tools / opens links through whichever host is present.
const sk = (() => {
  let nextId = 1;
  const pending = new Map();
  let render = () => {};
  const post = (message) => {
    if (window.parent !== window) window.parent.postMessage({ jsonrpc: '2.0', ...message }, '*');
  };
  const request = (method, params) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    post({ id, method, params });
  });
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.jsonrpc !== '2.0') return;
    if (data.id && pending.has(data.id)) {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) reject(data.error);
      else resolve(data.result);
    } else if (data.method === 'ui/notifications/tool-result') {
      render(data.params && (data.params.structuredContent || data.params));
    }
  });
  window.addEventListener('openai:set_globals', () => window.openai && window.openai.toolOutput && render(window.openai.toolOutput));
  const money = (amount, currency) => new Intl.NumberFormat(document.documentElement.lang || 'en-US', { style: 'currency', currency }).format(amount / 100);
  // Tool results carry merchant data (help and catalog imports): only web links may be opened.
  const webUrl = (url) => {
    try {
      const parsed = new URL(String(url ?? ''));
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch {
      return null;
    }
  };
  const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  return {
    money,
    escape,
    onData(callback) {
      render = callback;
      if (window.openai && window.openai.toolOutput) callback(window.openai.toolOutput);
      request('ui/initialize', { appInfo: { name: 'shopkeeper-widget', version: '1' }, appCapabilities: {}, protocolVersion: '2026-01-26' })
        .then(() => post({ method: 'ui/notifications/initialized', params: {} }))
        .catch(() => {});
    },
    callTool(name, args) {
      if (window.openai && window.openai.callTool) return window.openai.callTool(name, args);
      return request('tools/call', { name, arguments: args });
    },
    webUrl,
    openLink(link) {
      const url = webUrl(link);
      if (!url) return Promise.resolve();
      if (window.openai && window.openai.openExternal) return window.openai.openExternal({ href: url });
      return request('ui/open-link', { url }).catch(() => window.open(url, '_blank', 'noopener'));
    },
  };
})();
