/* Shopkeeper chat widget: one <script src=".../widget.js" data-locale="en" data-color="#1f6f4a"> tag.
   Everything lives in a shadow root so the host page's CSS cannot reach it. No dependencies. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__shopkeeperWidget) return;
  window.__shopkeeperWidget = true;
  var data = script.dataset;
  var server = (data.server || new URL(script.src).origin).replace(/\/$/, '');
  var locale = (data.locale || document.documentElement.lang || 'en').slice(0, 2) === 'fr' ? 'fr' : 'en';
  var color = /^#[0-9a-f]{3,8}$/i.test(data.color || '') ? data.color : '#1f6f4a';
  var storeKey = 'shopkeeper:conversation:' + server;
  var LL = {
    en: { open: 'Chat with us', close: 'Close chat', title: data.title || 'Ask us anything', human: 'Talk to a person', send: 'Send', placeholder: 'Ask about products, orders, returns…', label: 'Your message', sources: 'Sources', buy: 'Buy', confirm: 'Confirm', cancel: 'Cancel', checkout: 'Go to checkout', waiting: 'Waiting for a person from our team…', humanOn: 'You are talking to a person', agent: 'Support', you: 'You', bot: 'Assistant', track: 'Track', outOfStock: 'Out of stock', error: 'Connection problem. Please try again.', hello: 'Hi! How can I help?' },
    fr: { open: 'Discuter avec nous', close: 'Fermer la discussion', title: data.title || 'Posez-nous vos questions', human: 'Parler à une personne', send: 'Envoyer', placeholder: 'Produits, commandes, retours…', label: 'Votre message', sources: 'Sources', buy: 'Acheter', confirm: 'Confirmer', cancel: 'Annuler', checkout: 'Passer au paiement', waiting: "En attente d'une personne de notre équipe…", humanOn: 'Vous parlez avec une personne', agent: 'Support', you: 'Vous', bot: 'Assistant', track: 'Suivre', outOfStock: 'Rupture de stock', error: 'Problème de connexion. Réessayez.', hello: 'Bonjour ! Comment puis-je vous aider ?' },
  };
  var L = LL[locale];

  var css = ':host{all:initial}*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
    '.launch{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;padding:14px 20px;background:var(--c);color:#fff;font-size:15px;font-weight:600;box-shadow:0 6px 20px rgba(0,0,0,.25);cursor:pointer}' +
    '.launch:focus-visible,button:focus-visible,a:focus-visible,textarea:focus-visible{outline:3px solid #f2b705;outline-offset:2px}' +
    '.panel{position:fixed;right:20px;bottom:84px;z-index:2147483001;width:380px;max-width:calc(100vw - 24px);height:600px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;color:#1d2421;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.3);overflow:hidden;font-size:14px;line-height:1.45}' +
    '.panel[hidden]{display:none}header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--c);color:#fff}header h2{flex:1;margin:0;font-size:16px}' +
    'header button{background:rgba(255,255,255,.18);color:#fff;border:0;border-radius:8px;padding:6px 9px;font-size:12.5px;cursor:pointer}' +
    '.status{padding:8px 14px;background:#fff4d6;color:#5c4500;font-size:13px}.status[hidden]{display:none}' +
    '.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:#f6f7f6}' +
    '.msg{max-width:88%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}.me{align-self:flex-end;background:var(--c);color:#fff;border-bottom-right-radius:4px}' +
    '.bot{align-self:flex-start;background:#fff;border:1px solid #e1e5e2;border-bottom-left-radius:4px}.agent{align-self:flex-start;background:#e8f0fe;border:1px solid #c6d7f7}' +
    '.who{display:block;font-size:11px;font-weight:700;opacity:.7;margin-bottom:2px}sup a{color:inherit;font-size:10px;text-decoration:none;font-weight:700}' +
    '.src{margin-top:6px;padding-top:6px;border-top:1px solid #eee;font-size:12px}.src a{color:#1a5fb4;display:block;margin-top:2px}' +
    '.cards{display:flex;gap:8px;overflow-x:auto;padding-bottom:4px;align-self:stretch}.card{flex:0 0 150px;background:#fff;border:1px solid #e1e5e2;border-radius:10px;padding:8px;display:flex;flex-direction:column;gap:4px}' +
    '.card img{width:100%;height:90px;object-fit:cover;border-radius:6px;background:linear-gradient(135deg,#cfe3d3,#efe6cf);display:block}.card .ph{height:90px;border-radius:6px;background:linear-gradient(135deg,#cfe3d3,#efe6cf)}.card b{font-size:13px}.card .p{font-weight:700}' +
    '.btn{border:0;border-radius:8px;padding:7px 10px;background:var(--c);color:#fff;font-weight:600;cursor:pointer;font-size:13px;text-align:center;text-decoration:none;display:inline-block}.btn.alt{background:#e6e9e7;color:#1d2421}.btn[disabled]{opacity:.5;cursor:default}' +
    '.box{align-self:stretch;background:#fff;border:1px solid #e1e5e2;border-radius:10px;padding:10px;display:flex;flex-direction:column;gap:8px}.row{display:flex;gap:8px}' +
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #e1e5e2;background:#fff}textarea{flex:1;resize:none;border:1px solid #c9cfcb;border-radius:10px;padding:9px;font-size:14px;height:42px}' +
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '@media (max-width:600px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}.launch{right:12px;bottom:12px}}';

  var host = document.createElement('div');
  host.id = 'shopkeeper-chat';
  document.body.appendChild(host);
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<style>' + css + '</style>' +
    '<button class="launch" type="button" aria-haspopup="dialog" aria-expanded="false">' + L.open + '</button>' +
    '<section class="panel" role="dialog" aria-modal="false" aria-labelledby="skt" hidden>' +
    '<header><h2 id="skt">' + esc(L.title) + '</h2><button type="button" class="human">' + L.human + '</button><button type="button" class="x" aria-label="' + L.close + '">✕</button></header>' +
    '<div class="status" role="status" hidden></div>' +
    '<div class="log" role="log" aria-live="polite" aria-relevant="additions" tabindex="0"></div>' +
    '<form><label class="sr" for="skq">' + L.label + '</label><textarea id="skq" placeholder="' + L.placeholder + '" maxlength="2000"></textarea><button class="btn" type="submit">' + L.send + '</button></form></section>';
  host.style.setProperty('--c', color);
  var $ = function (s) { return root.querySelector(s); };
  var launch = $('.launch'), panel = $('.panel'), log = $('.log'), form = $('form'), input = $('textarea'), status = $('.status');
  var conversation = read(storeKey), lastSeq = 0, busy = false, polling = null;

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function read(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function write(k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  function money(minor, cur) { return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-US', { style: 'currency', currency: cur || 'USD' }).format(minor / 100); }
  function safeUrl(u) { try { var p = new URL(u, server); return p.protocol === 'https:' || p.protocol === 'http:' ? p.href : '#'; } catch (e) { return '#'; } }
  function el(tag, cls, html) { var n = document.createElement(tag); if (cls) n.className = cls; if (html != null) n.innerHTML = html; return n; }
  function add(node) { log.appendChild(node); log.scrollTop = log.scrollHeight; return node; }
  function bubble(kind, who) { var b = add(el('div', 'msg ' + kind)); if (who) b.appendChild(el('span', 'who', esc(who))); var t = el('span', 't'); b.appendChild(t); b._t = t; b._raw = ''; return b; }
  function setText(b, text) { b._raw = text; b._t.innerHTML = esc(text).replace(/\[(\d+)\]/g, '<sup>[$1]</sup>'); log.scrollTop = log.scrollHeight; }

  // The shopper's language wins over the page's: buttons follow the conversation.
  function relabel(next) {
    locale = next; L = LL[next];
    launch.textContent = L.open; $('.human').textContent = L.human; $('.x').setAttribute('aria-label', L.close);
    input.placeholder = L.placeholder; $('label').textContent = L.label; $('form .btn').textContent = L.send;
  }

  function open(show) {
    panel.hidden = !show;
    launch.setAttribute('aria-expanded', String(show));
    if (show) { if (!log.childNodes.length) { if (conversation) resume(); else setText(bubble('bot', L.bot), L.hello); } input.focus(); } else launch.focus();
  }
  launch.addEventListener('click', function () { open(panel.hidden); });
  $('.x').addEventListener('click', function () { open(false); });
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') open(false); });
  $('.human').addEventListener('click', function () { send(null, { type: 'handoff' }, L.human); });
  form.addEventListener('submit', function (e) { e.preventDefault(); var text = input.value.trim(); if (text && !busy) { input.value = ''; send(text, null, text); } });
  input.addEventListener('keydown', function (e) { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); } });

  function handoff(state) {
    if (state === 'requested' || state === 'human') {
      status.hidden = false;
      status.textContent = state === 'human' ? L.humanOn : L.waiting;
      if (!polling) polling = window.setInterval(poll, 3000);
    }
  }

  function render(ev, b) {
    switch (ev.type) {
      case 'conversation-started':
        conversation = ev.conversation_id; write(storeKey, conversation);
        if (LL[ev.locale] && ev.locale !== locale) relabel(ev.locale);
        break;
      case 'text-delta': setText(b, b._raw + ev.text); break;
      case 'citations': {
        var s = el('div', 'src', '<span class="sr">' + L.sources + ': </span><b aria-hidden="true">' + L.sources + '</b>');
        ev.citations.forEach(function (c) { s.appendChild(el('a', '', '[' + c.n + '] ' + esc(c.title))).setAttribute('href', safeUrl(c.url)); });
        Array.prototype.forEach.call(s.querySelectorAll('a'), function (a) { a.target = '_blank'; a.rel = 'noopener'; });
        b.appendChild(s); break;
      }
      case 'product-cards': {
        var row = add(el('div', 'cards'));
        row.setAttribute('role', 'list');
        ev.products.forEach(function (p) {
          var c = row.appendChild(el('div', 'card'));
          c.setAttribute('role', 'listitem');
          c.innerHTML = (p.image ? '<img alt="" src="' + esc(safeUrl(p.image)) + '" loading="lazy">' : '') + '<b>' + esc(p.title) + '</b><span class="p">' + money(p.price, p.currency) + '</span>';
          var img = c.querySelector('img');
          if (img) img.addEventListener('error', function () { img.replaceWith(el('div', 'ph')); });
          var buy = c.appendChild(el('button', 'btn', p.in_stock ? L.buy : L.outOfStock));
          buy.type = 'button'; buy.disabled = !p.in_stock || !p.variant_id;
          buy.setAttribute('aria-label', L.buy + ': ' + p.title);
          buy.addEventListener('click', function () { send(null, { type: 'buy', variant_id: p.variant_id }, L.buy + ': ' + p.title); });
        });
        break;
      }
      case 'action-preview': {
        var box = add(el('div', 'box', '<div>' + esc(ev.preview.summary) + '</div>' + ev.preview.details.map(function (d) { return '<div>• ' + esc(d) + '</div>'; }).join('')));
        box.setAttribute('role', 'group'); box.setAttribute('aria-label', L.confirm);
        var r = box.appendChild(el('div', 'row'));
        [['confirm', L.confirm, 'btn'], ['cancel', L.cancel, 'btn alt']].forEach(function (x) {
          var btn = r.appendChild(el('button', x[2], x[1])); btn.type = 'button';
          btn.addEventListener('click', function () { Array.prototype.forEach.call(r.children, function (n) { n.disabled = true; }); send(null, { type: x[0], preview_id: ev.preview.id }, x[1]); });
        });
        break;
      }
      case 'checkout-created': {
        var cb = add(el('div', 'box', ev.total != null ? '<div>' + money(ev.total, ev.currency) + '</div>' : ''));
        var a = cb.appendChild(el('a', 'btn', L.checkout)); a.href = safeUrl(ev.continue_url); a.target = '_top';
        break;
      }
      case 'order-status': {
        var ob = add(el('div', 'box', '<b>' + esc(ev.order.number) + '</b><span>' + esc(ev.order.status.replace(/_/g, ' ')) + '</span>'));
        ev.order.tracking.forEach(function (t) { var l = ob.appendChild(el('a', '', esc(t.carrier + ' ' + t.number))); l.href = t.url ? safeUrl(t.url) : '#'; l.target = '_blank'; l.rel = 'noopener'; });
        break;
      }
      case 'handoff-status': handoff(ev.status); break;
      case 'message-end': if (ev.seq) lastSeq = Math.max(lastSeq, ev.seq); break;
      case 'error-occurred': break;
    }
  }

  function send(text, action, shown) {
    if (busy) return;
    busy = true;
    setText(bubble('me', null), shown);
    var b = bubble('bot', L.bot);
    b.setAttribute('aria-busy', 'true');
    var body = { locale: locale };
    if (conversation) body.conversation_id = conversation;
    if (text) body.message = text;
    if (action) body.action = action;
    window.fetch(server + '/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (res) {
      if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
      var reader = res.body.getReader(), dec = new window.TextDecoder(), buf = '';
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) return;
          buf += dec.decode(r.value, { stream: true });
          var parts = buf.split('\n\n'); buf = parts.pop();
          parts.forEach(function (chunk) { var line = chunk.split('\n').filter(function (l) { return l.indexOf('data: ') === 0; })[0]; if (line) render(JSON.parse(line.slice(6)), b); });
          return pump();
        });
      }
      return pump();
    }).catch(function () { setText(b, L.error); }).then(function () {
      busy = false; b.removeAttribute('aria-busy');
      if (!b._raw && b.childNodes.length < 3) b.remove();
    });
  }

  function show(m) {
    if (m.role === 'agent') { setText(bubble('agent', m.author || L.agent), m.text); return; }
    if (m.role === 'shopper') { if (m.text) setText(bubble('me', null), m.text); return; }
    var b = bubble('bot', L.bot); setText(b, m.text);
    m.events.forEach(function (ev) { render(ev, b); });
  }

  function resume() { fetchMessages(true); }
  function poll() { fetchMessages(false); }
  function fetchMessages(all) {
    window.fetch(server + '/api/chat/' + encodeURIComponent(conversation) + '/messages?after=' + (all ? 0 : lastSeq)).then(function (r) { return r.ok ? r.json() : null; }).then(function (t) {
      if (!t) { if (all) { conversation = null; setText(bubble('bot', L.bot), L.hello); } return; }
      t.messages.forEach(function (m) { lastSeq = Math.max(lastSeq, m.seq); if (all || m.role === 'agent') show(m); });
      if (LL[t.locale] && t.locale !== locale) relabel(t.locale);
      handoff(t.handoff);
    }).catch(function () { /* retry on the next tick */ });
  }
  if (data.open === 'true') open(true);
})();
