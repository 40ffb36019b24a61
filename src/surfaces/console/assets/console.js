// Support console: the queue's live stream. Everything else works without script (plain forms).
// Rows arrive already rendered and escaped by the server, so they are inserted as markup.
(function () {
  'use strict';
  var main = document.querySelector('main[data-stream]');
  if (!main || typeof window.EventSource !== 'function') return;
  var url = main.getAttribute('data-stream') + '&since=' + encodeURIComponent(main.getAttribute('data-since'));
  var body = document.querySelector('#queue tbody');
  var status = document.getElementById('live-status');
  var count = document.getElementById('queue-count');
  var source = new window.EventSource(url);

  source.addEventListener('escalation', function (event) {
    var data = JSON.parse(event.data);
    var template = document.createElement('template');
    template.innerHTML = data.row.trim();
    var row = template.content.firstElementChild;
    var existing = body.querySelector('tr[data-id="' + window.CSS.escape(data.id) + '"]');
    if (existing) existing.replaceWith(row);
    else body.insertBefore(row, body.firstChild);
    row.classList.add('arrived');
    var empty = document.getElementById('queue-empty');
    if (empty) empty.remove();
    count.textContent = String(body.rows.length);
    var link = row.querySelector('a');
    status.textContent = (existing ? 'Updated: ' : 'New escalation: ') + (link ? link.textContent : data.id);
  });
  source.addEventListener('open', function () { main.setAttribute('data-live', 'connected'); });
  source.addEventListener('error', function () {
    main.setAttribute('data-live', 'reconnecting');
  });
})();
