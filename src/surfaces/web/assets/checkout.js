/* Hosted checkout page: shows the session, saves the address, picks shipping, pays. Inline, no dependencies. */
(function () {
  'use strict';
  var main = document.querySelector('main');
  var id = main.dataset.session;
  var api = '/api/checkout/' + encodeURIComponent(id);
  var status = document.getElementById('status');
  var pay = document.getElementById('pay');
  var requestId = 'page-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
  var session = null;

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function money(minor) { return new Intl.NumberFormat('en-US', { style: 'currency', currency: (session && session.currency || 'usd').toUpperCase() }).format(minor / 100); }
  function say(text, ok) { status.textContent = text; status.className = ok ? 'msg ok' : 'msg'; }
  function call(path, body) {
    return window.fetch(api + path, body ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {})
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || 'Request failed'); return j; }); });
  }

  function render(s) {
    session = s;
    var t = s.totals;
    document.querySelector('#lines tbody').innerHTML = s.line_items.map(function (l) { return '<tr><td>' + esc(l.title) + ' × ' + l.quantity + '</td><td class="r">' + money(l.unit_amount * l.quantity) + '</td></tr>'; }).join('') +
      '<tr><td>Subtotal</td><td class="r">' + money(t.subtotal) + '</td></tr><tr><td>Shipping</td><td class="r">' + money(t.fulfillment) + '</td></tr><tr><td>Tax</td><td class="r">' + money(t.tax) + '</td></tr>' +
      '<tr class="tot"><td>Total</td><td class="r" id="total">' + money(t.total) + '</td></tr>';
    var box = document.getElementById('options');
    if (s.fulfillment_options.length) {
      box.hidden = false;
      box.innerHTML = '<legend>Shipping option</legend>' + s.fulfillment_options.map(function (o) {
        return '<label class="opt"><input type="radio" name="ship" value="' + esc(o.id) + '"' + (o.id === s.selected_fulfillment_option_id ? ' checked' : '') + '> ' + esc(o.title) + ' — ' + money(o.amount) + '</label>';
      }).join('');
      Array.prototype.forEach.call(box.querySelectorAll('input'), function (input) {
        input.addEventListener('change', function () { call('', { fulfillment_option_id: input.value }).then(render).catch(function (e) { say(e.message); }); });
      });
    }
    var errors = s.messages.filter(function (m) { return m.type === 'error'; }).map(function (m) { return m.content; });
    pay.disabled = s.status !== 'ready_for_payment';
    pay.textContent = 'Pay ' + money(t.total);
    if (s.status === 'completed' && s.order) {
      say('Thank you! Your order ' + s.order.number + ' is confirmed. A receipt is on its way.', true);
      pay.disabled = true;
      document.getElementById('details').hidden = true;
    } else if (errors.length) say(errors.join(' '));
  }

  document.getElementById('details').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target.elements;
    call('', { email: f.email.value, address: { name: f.name.value, line_one: f.line_one.value, city: f.city.value, state: f.state.value, postal_code: f.postal_code.value, country: f.country.value } })
      .then(function (s) { render(s); say('', true); if (s.fulfillment_options.length && !s.selected_fulfillment_option_id) return call('', { fulfillment_option_id: s.fulfillment_options[0].id }).then(render); })
      .catch(function (err) { say(err.message); });
  });
  pay.addEventListener('click', function () {
    pay.disabled = true;
    say('Paying…', true);
    call('/pay', { payment_token: document.getElementById('token').value, request_id: requestId }).then(render).catch(function (err) {
      say(err.message); requestId = 'page-' + Math.random().toString(36).slice(2) + Date.now().toString(36); pay.disabled = false;
    });
  });
  if (main.dataset.ready === 'true') call('').then(render).catch(function (e) { say(e.message); });
})();
