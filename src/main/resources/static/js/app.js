// htmx requests carry the CSRF token that Spring Security expects on every state-changing call.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Buttons with data-confirm ask before they submit (inline handlers are barred by the CSP).
document.addEventListener('click', function (event) {
  var target = event.target.closest('[data-confirm]');
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});

// Import forms (htmx) show upload progress, then a full moving bar while the server checks rows.
document.addEventListener('htmx:xhr:progress', function (event) {
  var box = document.getElementById('upload-progress');
  if (!box || !event.detail.lengthComputable) {
    return;
  }
  box.classList.remove('d-none');
  box.querySelector('.progress-bar').style.width = Math.round(100 * event.detail.loaded / event.detail.total) + '%';
});

// While the server reads and checks an upload, the import page polls how many rows it has done.
var importPoll = null;
document.addEventListener('htmx:configRequest', function (event) {
  var box = document.getElementById('import-progress');
  if (!box || event.detail.elt.id !== 'import-form') {
    return;
  }
  var id = 'imp-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
  event.detail.parameters.progress = id;
  var label = document.getElementById('import-progress-label');
  clearInterval(importPoll);
  importPoll = setInterval(function () {
    fetch(box.getAttribute('data-poll') + id, { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (p) {
        if (!p) {
          return;
        }
        box.classList.remove('d-none');
        box.querySelector('.progress-bar').style.width = p.percent + '%';
        box.setAttribute('aria-valuenow', p.percent);
        label.textContent = p.label;
      })
      .catch(function () { /* the next poll tries again */ });
  }, 500);
});
document.addEventListener('htmx:afterRequest', function (event) {
  if (event.detail.elt.id === 'import-form') {
    clearInterval(importPoll);
    var label = document.getElementById('import-progress-label');
    if (label) {
      label.textContent = '';
    }
  }
});

document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});

// Long server jobs started by a plain form show a moving bar until the answer arrives.
document.addEventListener('submit', function (event) {
  if (event.target.id === 'recalculate-form' && !event.defaultPrevented) {
    document.getElementById('recalc-progress').classList.remove('d-none');
  }
});
