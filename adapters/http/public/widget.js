// Guichet's embed script. A council site adds one tag:
//   <script src="https://guichet.example.org/widget.js" data-title="Ask the council" defer></script>
// It adds a launcher button that opens a chat panel. Everything it loads comes from the origin
// that served this script: no third-party requests, and no inline script, so it works under a
// strict Content-Security-Policy.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__guichetWidget) return;
  window.__guichetWidget = true;

  var origin = new URL(script.src, window.location.href).origin;
  var data = script.dataset;
  var title = data.title || 'Ask us a question';
  var launcherText = data.launcher || 'Chat with us';
  var closeText = data.close || 'Close chat';
  var colour = data.colour || data.color || '#1d4f91';
  var locale = data.locale || document.documentElement.lang || 'en-GB';

  var style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = origin + '/widget.css';
  document.head.appendChild(style);

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'guichet-launcher';
  launcher.textContent = launcherText;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'guichet-panel');
  launcher.style.background = colour;

  var panel = document.createElement('section');
  panel.id = 'guichet-panel';
  panel.className = 'guichet-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'guichet-title');
  panel.hidden = true;

  var header = document.createElement('div');
  header.className = 'guichet-header';
  header.style.background = colour;
  var heading = document.createElement('h2');
  heading.id = 'guichet-title';
  heading.textContent = title;
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'guichet-close';
  close.setAttribute('aria-label', closeText);
  close.textContent = '×';
  header.appendChild(heading);
  header.appendChild(close);

  var chat = document.createElement('div');
  chat.className = 'guichet-chat';
  var problem = document.createElement('p');
  problem.className = 'guichet-problem';
  problem.setAttribute('role', 'status');

  panel.appendChild(header);
  panel.appendChild(problem);
  panel.appendChild(chat);
  document.body.appendChild(launcher);
  document.body.appendChild(panel);

  var started = false;

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = origin + '/webchat/webchat.js';
      tag.onload = function () {
        resolve();
      };
      tag.onerror = function () {
        reject(new Error('Web Chat did not load'));
      };
      document.head.appendChild(tag);
    });
  }

  function start() {
    started = true;
    Promise.all([
      loadWebChat(),
      fetch(origin + '/api/directline/token', { method: 'POST' }).then(function (response) {
        if (!response.ok) throw new Error('token request failed with ' + response.status);
        return response.json();
      }),
    ])
      .then(function (results) {
        var session = results[1];
        var directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: origin + '/v3/directline',
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            userID: session.userId,
            locale: locale,
            styleOptions: { hideUploadButton: true },
          },
          chat,
        );
        focusInput();
      })
      .catch(function (error) {
        started = false;
        console.error(error);
        problem.textContent = data.problem || 'Sorry, the chat could not start. Please try again later.';
      });
  }

  function focusInput() {
    var tries = 0;
    (function attempt() {
      var input = chat.querySelector('input, textarea');
      if (input) return input.focus();
      if (++tries < 50) setTimeout(attempt, 100);
    })();
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (!started) start();
    else focusInput();
    close.focus();
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else hide();
  });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
})();
