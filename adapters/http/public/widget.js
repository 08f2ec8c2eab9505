// Guichet's embed script. A council site adds one tag:
//   <script src="https://guichet.example.org/widget.js" data-title="Ask the council" defer></script>
// It adds a launcher button that opens a chat panel.
//
// - Everything it loads comes from the origin that served this script: no third-party requests,
//   and no inline script, so it works under a strict Content-Security-Policy (pass data-nonce
//   when the page's style-src uses a nonce: Web Chat adds its styles with it).
// - The conversation survives a refresh or a new page on the same site: its id and token are kept
//   in sessionStorage (never in the URL) and the chat resumes through Direct Line.
// - The words it shows come from the knowledge pack (/api/widget/config), in the citizen's language.
// - Only when the citizen asks the bot to keep their answers (the bot then sends an event) does
//   it remember, in localStorage until the date the bot gave, the id the server gave them, and
//   send it back for the next chat; "forget me" (another event) deletes it.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__guichetWidget) return;
  window.__guichetWidget = true;

  var origin = new URL(script.src, window.location.href).origin;
  var data = script.dataset;
  var STORE_KEY = 'guichet:' + origin;
  var KEPT_KEY = 'guichet-kept:' + origin;
  var SAVE_EVERY_MS = 30000;
  var colour = safeColour(data.colour || data.color) || '#1d4f91';

  var session = readSession();
  var locale = (session && session.locale) || data.locale || document.documentElement.lang || 'en';
  var texts = {};
  var languages = [];
  var directLine = null;
  var statusSubscription = null;
  var eventSubscription = null;
  var saveTimer = null;
  var chatStarted = false;

  // ---- The launcher and the panel ---------------------------------------------------------
  var stylesheet = element('link', { rel: 'stylesheet', href: origin + '/widget.css' });
  document.head.appendChild(stylesheet);

  var launcher = element('button', {
    type: 'button',
    className: 'guichet-launcher',
    'aria-expanded': 'false',
    'aria-controls': 'guichet-panel',
  });
  var launcherLabel = element('span', { className: 'guichet-launcher-label' });
  if (data.logo) launcher.appendChild(element('img', { src: data.logo, alt: '', className: 'guichet-logo' }));
  launcher.appendChild(launcherLabel);

  var panel = element('section', {
    id: 'guichet-panel',
    className: 'guichet-panel',
    role: 'dialog',
    'aria-modal': 'false',
    'aria-labelledby': 'guichet-title',
  });
  panel.hidden = true;

  var header = element('div', { className: 'guichet-header' });
  var heading = element('h2', { id: 'guichet-title' });
  var leave = element('button', { type: 'button', className: 'guichet-leave' });
  var close = element('button', { type: 'button', className: 'guichet-close' });
  close.appendChild(element('span', { 'aria-hidden': 'true', textContent: '×' }));
  if (data.logo) header.appendChild(element('img', { src: data.logo, alt: '', className: 'guichet-logo' }));
  header.appendChild(heading);
  header.appendChild(leave);
  header.appendChild(close);

  var toolbar = element('div', { className: 'guichet-toolbar' });
  var startAgain = element('button', { type: 'button', className: 'guichet-tool' });
  var print = element('button', { type: 'button', className: 'guichet-tool' });
  var languageLabel = element('label', { htmlFor: 'guichet-language', className: 'guichet-language-label' });
  var languageSelect = element('select', { id: 'guichet-language', className: 'guichet-tool' });
  var privacy = element('a', {
    className: 'guichet-privacy',
    href: data.privacyUrl || origin + '/privacy',
    target: '_blank',
    rel: 'noopener',
  });
  toolbar.appendChild(startAgain);
  toolbar.appendChild(print);
  toolbar.appendChild(languageLabel);
  toolbar.appendChild(languageSelect);
  toolbar.appendChild(privacy);

  // Connection news (offline, reconnected, resumed) is announced politely to screen readers.
  var status = element('p', { className: 'guichet-status', role: 'status', 'aria-live': 'polite' });
  var chatHost = element('div', { className: 'guichet-chat' });

  panel.appendChild(header);
  panel.appendChild(toolbar);
  panel.appendChild(status);
  panel.appendChild(chatHost);
  document.body.appendChild(launcher);
  document.body.appendChild(panel);

  applyColour(colour);
  loadTexts(locale).then(function () {
    if (session && session.open) open();
  });

  // ---- Behaviour --------------------------------------------------------------------------
  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else hide();
  });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  });
  leave.addEventListener('click', quickExit);
  startAgain.addEventListener('click', function () {
    restart();
    say(texts.new_conversation);
  });
  print.addEventListener('click', function () {
    window.print();
  });
  languageSelect.addEventListener('change', function () {
    locale = languageSelect.value;
    saveSession({ locale: locale });
    loadTexts(locale).then(function () {
      if (chatStarted) renderChat();
    });
  });
  var wasOffline = false;
  window.addEventListener('offline', function () {
    wasOffline = true;
    say(texts.offline);
  });
  window.addEventListener('online', function () {
    say(texts.reconnecting);
  });
  window.addEventListener('pagehide', saveProgress);

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    document.documentElement.classList.add('guichet-open');
    saveSession({ open: true });
    if (!chatStarted) startChat();
    focusSendBox();
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    document.documentElement.classList.remove('guichet-open');
    saveSession({ open: false });
    launcher.focus();
  }

  function quickExit() {
    // Leave no trace of the chat in this tab, then replace this page so Back does not return to it.
    try {
      sessionStorage.removeItem(STORE_KEY);
    } catch {
      /* storage may be blocked */
    }
    disconnect();
    window.location.replace(data.exitUrl || 'https://www.google.com/');
  }

  function startChat() {
    chatStarted = true;
    var stored = readSession();
    var ready = stored && stored.token && stored.conversationId ? Promise.resolve(stored) : newConversation();
    Promise.all([loadWebChat(), ready])
      .then(function (results) {
        connect(results[1], Boolean(stored && stored.conversationId));
      })
      .catch(function (error) {
        chatStarted = false;
        console.error('Guichet:', error);
        say(texts.failed);
      });
  }

  function newConversation() {
    var kept = readKept();
    var request = { method: 'POST' };
    if (kept) {
      request.headers = { 'Content-Type': 'application/json' };
      request.body = JSON.stringify({ user: kept.userId });
    }
    return fetch(origin + '/api/directline/token', request).then(function (response) {
      if (!response.ok) throw new Error('token request failed with ' + response.status);
      return response.json().then(function (token) {
        var fresh = { conversationId: token.conversationId, token: token.token, userId: token.userId };
        saveSession(fresh);
        return fresh;
      });
    });
  }

  function connect(conversation, resuming) {
    var options = { token: conversation.token, domain: origin + '/v3/directline' };
    // Resuming from the start of the history shows the whole transcript again after a refresh.
    if (resuming) options.conversationId = conversation.conversationId;
    directLine = window.WebChat.createDirectLine(options);
    var userId = conversation.userId;
    var announcedResume = false;
    statusSubscription = directLine.connectionStatus$.subscribe(function (state) {
      // 2 online, 3 expired token, 4 failed to connect, 5 ended (see botframework-directlinejs).
      if (state === 2 && wasOffline) {
        wasOffline = false;
        say(texts.online);
      } else if (state === 2 && resuming && !announcedResume) {
        announcedResume = true;
        say(texts.resumed);
      } else if (state === 3 || state === 5) {
        restart();
        say(texts.expired);
      } else if (state === 4) {
        wasOffline = true;
        say(texts.offline);
      }
    });
    // The bot says when the citizen asked it to keep their answers, and when to forget them.
    eventSubscription = directLine.activity$.subscribe(function (activity) {
      if (activity.type !== 'event') return;
      if (activity.name === 'guichet.answersKept' && activity.value && activity.value.until) {
        writeKept({ userId: userId, until: activity.value.until });
      } else if (activity.name === 'guichet.answersForgotten') {
        writeKept(null);
      }
    });
    clearInterval(saveTimer);
    saveTimer = setInterval(saveProgress, SAVE_EVERY_MS);
    renderChat(userId);
  }

  var currentUserId = null;
  function renderChat(userId) {
    if (userId) currentUserId = userId;
    if (!directLine) return;
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: currentUserId,
        locale: locale,
        nonce: data.nonce,
        styleOptions: {
          accent: colour,
          hideUploadButton: true,
          // Every answer button visible at once (no carousel to scroll), also at high zoom.
          suggestedActionLayout: 'flow',
          sendBoxTextWrap: true,
          bubbleMinHeight: 24,
          suggestedActionHeight: 44,
        },
      },
      chatHost,
    );
  }

  function disconnect() {
    // Stop listening first: ending the connection reports "ended", which is not news here.
    if (statusSubscription) statusSubscription.unsubscribe();
    statusSubscription = null;
    if (eventSubscription) eventSubscription.unsubscribe();
    eventSubscription = null;
    if (directLine) directLine.end();
    directLine = null;
  }

  function restart() {
    disconnect();
    clearInterval(saveTimer);
    try {
      sessionStorage.removeItem(STORE_KEY);
    } catch {
      /* storage may be blocked */
    }
    // Web Chat cannot be re-pointed at a new conversation: give it a fresh element.
    var fresh = element('div', { className: 'guichet-chat' });
    panel.replaceChild(fresh, chatHost);
    chatHost = fresh;
    chatStarted = false;
    saveSession({ open: !panel.hidden, locale: locale });
    if (!panel.hidden) {
      startChat();
      focusSendBox();
    }
  }

  function saveProgress() {
    if (!directLine) return;
    // directlinejs refreshes its token every 15 minutes; keep the latest for the next page.
    saveSession({ token: directLine.token, watermark: directLine.watermark });
  }

  function loadTexts(wanted) {
    return fetch(origin + '/api/widget/config?locale=' + encodeURIComponent(wanted))
      .then(function (response) {
        return response.json();
      })
      .then(function (config) {
        texts = config.texts || {};
        languages = config.languages || [];
        locale = config.locale || wanted;
        applyTexts();
      })
      .catch(function (error) {
        console.error('Guichet:', error);
      });
  }

  function applyTexts() {
    launcherLabel.textContent = data.launcher || texts.launcher;
    heading.textContent = data.title || texts.title;
    close.setAttribute('aria-label', texts.close);
    leave.textContent = texts.leave;
    startAgain.textContent = texts.start_again;
    print.textContent = texts.print;
    languageLabel.textContent = texts.language;
    privacy.textContent = texts.privacy;
    languageSelect.textContent = '';
    languages.forEach(function (language) {
      var option = element('option', { value: language.id, textContent: language.name });
      option.selected = language.id === locale;
      languageSelect.appendChild(option);
    });
    // One language: nothing to choose, so nothing to show.
    languageSelect.hidden = languageLabel.hidden = languages.length < 2;
    panel.setAttribute('lang', locale);
  }

  function say(text) {
    status.textContent = text || '';
  }

  function focusSendBox() {
    var tries = 0;
    (function attempt() {
      var input = chatHost.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) return input.focus();
      if (++tries < 50) setTimeout(attempt, 100);
      else close.focus();
    })();
  }

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = element('script', { src: origin + '/webchat/webchat.js' });
      tag.onload = resolve;
      tag.onerror = function () {
        reject(new Error('Web Chat did not load'));
      };
      document.head.appendChild(tag);
    });
  }

  // ---- Small helpers ----------------------------------------------------------------------
  function readSession() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null');
    } catch {
      return null;
    }
  }

  /** The id of a citizen whose answers the bot keeps, while the date it gave has not passed. */
  function readKept() {
    try {
      var kept = JSON.parse(localStorage.getItem(KEPT_KEY) || 'null');
      if (kept && kept.userId && Date.parse(kept.until) > Date.now()) return kept;
      localStorage.removeItem(KEPT_KEY);
    } catch {
      /* storage may be blocked: then nothing is remembered */
    }
    return null;
  }

  function writeKept(kept) {
    try {
      if (kept) localStorage.setItem(KEPT_KEY, JSON.stringify(kept));
      else localStorage.removeItem(KEPT_KEY);
    } catch {
      /* storage may be blocked: the answers are still kept on the server until their date */
    }
  }

  function saveSession(changes) {
    try {
      var current = readSession() || {};
      Object.keys(changes).forEach(function (key) {
        current[key] = changes[key];
      });
      current.savedAt = Date.now();
      sessionStorage.setItem(STORE_KEY, JSON.stringify(current));
    } catch {
      /* storage may be blocked: the chat still works, it just does not survive a refresh */
    }
  }

  function element(tag, properties) {
    var node = document.createElement(tag);
    Object.keys(properties || {}).forEach(function (name) {
      if (name === 'className' || name === 'textContent' || name === 'htmlFor' || name === 'id') {
        node[name] = properties[name];
      } else {
        node.setAttribute(name, properties[name]);
      }
    });
    return node;
  }

  function safeColour(value) {
    return /^#[0-9a-fA-F]{6}$/.test(value || '') ? value : null;
  }

  // White or near-black text, whichever is readable on the chosen colour (WCAG contrast).
  function applyColour(background) {
    var rgb = [1, 3, 5].map(function (i) {
      var c = parseInt(background.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    var foreground = 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#0b0c0c';
    [launcher, header].forEach(function (node) {
      node.style.background = background;
      node.style.color = foreground;
    });
  }
})();
