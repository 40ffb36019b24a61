/* Hosted checkout page: shows the session, saves the address, picks shipping, pays. Inline, no dependencies.
   Stripe mode (data-payments="stripe"): the Stripe Payment Element takes the card; the server then
   checks the PaymentIntent with Stripe before it places the order, so nothing here is trusted. */
(function () {
  'use strict';
  var main = document.querySelector('main');
  var id = main.dataset.session;
  var api = '/api/checkout/' + encodeURIComponent(id);
  var status = document.getElementById('status');
  var pay = document.getElementById('pay');
  var requestId = 'page-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
  var session = null;
  var stripeMode = main.dataset.payments === 'stripe';
  var stripe = null, elements = null, element = null, mountedFor = null;

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function money(minor) { return new Intl.NumberFormat('en-US', { style: 'currency', currency: (session && session.currency || 'usd').toUpperCase() }).format(minor / 100); }
  function say(text, ok) { status.textContent = text; status.className = ok ? 'msg ok' : 'msg'; }
  function call(path, body) {
    return window.fetch(api + path, body ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {})
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || 'Request failed'); j.httpStatus = r.status; return j; }); });
  }

  // One PaymentIntent per total: when the total changes (another shipping option), mount a new one,
  // so the buyer can never confirm an amount other than the one shown.
  function mountPayment(s) {
    var want = s.totals.total + ' ' + s.currency;
    if (!stripeMode || s.status !== 'ready_for_payment' || mountedFor === want) return;
    if (typeof window.Stripe !== 'function') { say('Card payments could not load (js.stripe.com is unreachable). Reload the page to try again.'); return; }
    mountedFor = want;
    pay.disabled = true;
    call('/payment-intent', {}).then(function (intent) {
      if (mountedFor !== want) return;
      if (!stripe) stripe = window.Stripe(intent.publishable_key);
      if (element) element.destroy();
      elements = stripe.elements({ clientSecret: intent.client_secret });
      element = elements.create('payment');
      element.mount('#payment-element');
      pay.disabled = session.status !== 'ready_for_payment';
    }).catch(function (e) { mountedFor = null; say(e.message); });
  }

  // Why a PaymentIntent that Stripe.js reports without an error is still not paid.
  function unpaid(intent) {
    if (intent.status === 'requires_action') return 'Your bank still needs you to confirm this payment. Press Pay to try again.';
    if (intent.status === 'processing') return 'Your payment is still processing; the order is placed only once it succeeds. Please do not pay twice.';
    return 'The payment did not go through (' + String(intent.status).replace(/_/g, ' ') + '). Try again or use another card.';
  }

  function completeWith(intentId) {
    say('Confirming your order…', true);
    return call('/payment-intent/complete', { payment_intent_id: intentId }).then(function (s) {
      render(s);
      // 202: another request (a double click, a reload) is placing this order; look again shortly.
      if (s.httpStatus === 202) window.setTimeout(function () { call('').then(render).catch(function (e) { say(e.message); }); }, 1000);
    });
  }

  function payWithStripe() {
    if (!elements) return Promise.reject(new Error('The card form is not ready yet.'));
    var returnUrl = window.location.href.split('?')[0];
    return stripe.confirmPayment({ elements: elements, redirect: 'if_required', confirmParams: { return_url: returnUrl } }).then(function (result) {
      if (result.error) throw new Error(result.error.message || 'The payment did not go through.');
      var intent = result.paymentIntent;
      if (intent.status !== 'succeeded' && intent.status !== 'requires_capture') throw new Error(unpaid(intent));
      return completeWith(intent.id);
    });
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
    mountPayment(s);
    if (s.status === 'completed' && s.order) {
      say('Thank you! Your order ' + s.order.number + ' is confirmed. A receipt is on its way.', true);
      pay.disabled = true;
      document.getElementById('details').hidden = true;
      if (element) { element.destroy(); element = null; elements = null; }
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
    (stripeMode ? payWithStripe() : call('/pay', { payment_token: document.getElementById('token').value, request_id: requestId }).then(render)).catch(function (err) {
      say(err.message); requestId = 'page-' + Math.random().toString(36).slice(2) + Date.now().toString(36); pay.disabled = false;
    });
  });
  // Back from a redirect-based payment method: Stripe appends the PaymentIntent to the return_url.
  var back = new URLSearchParams(window.location.search).get('payment_intent');
  if (back && window.history.replaceState) window.history.replaceState(null, '', window.location.pathname);
  if (main.dataset.ready === 'true') {
    call('').then(function (s) { render(s); if (back && stripeMode && s.status !== 'completed') return completeWith(back); }).catch(function (e) { say(e.message); });
  }
})();
