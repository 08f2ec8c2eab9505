// The demo page: fetch a Direct Line token from our own server (the secret never reaches the
// browser) and render Web Chat against our local Direct Line.
//
// "Keep my answers", as in widget.js: only when the citizen asks the bot to keep their answers
// (the bot then sends an event) does the page remember, in localStorage until the date the bot
// gave, the id the server gave them, and send it back for the next chat so the bot can welcome
// them back; "forget me" (another event) deletes it. Nothing else is stored in the browser.
(function () {
  'use strict';
  // Its own key: the widget's keys are per origin of the script, this page is one origin.
  var KEPT_KEY = 'guichet-page-kept';
  var status = document.getElementById('chat-status');

  function showProblem(text) {
    status.textContent = text;
  }

  // A returning citizen's id goes in the body; the server ignores anything that is not one.
  var kept = readKept();
  var request = { method: 'POST' };
  if (kept) {
    request.headers = { 'Content-Type': 'application/json' };
    request.body = JSON.stringify({ user: kept.userId });
  }

  fetch('/api/directline/token', request)
    .then(function (response) {
      if (!response.ok) throw new Error('token request failed with ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: new URL('/v3/directline', window.location.href).toString(),
      });
      rememberWhenAsked(directLine, session.userId);
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: session.userId,
          locale: document.documentElement.lang || 'en-GB',
          // This bot takes no files.
          styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow' },
        },
        document.getElementById('webchat'),
      );
    })
    .catch(function (error) {
      console.error(error);
      showProblem('Sorry, the chat could not start. Please refresh the page to try again.');
    });

  // The bot says when the citizen asked it to keep their answers, and when to forget them.
  function rememberWhenAsked(directLine, userId) {
    directLine.activity$.subscribe(function (activity) {
      if (activity.type !== 'event') return;
      if (activity.name === 'guichet.answersKept' && activity.value && activity.value.until) {
        writeKept({ userId: userId, until: activity.value.until });
      } else if (activity.name === 'guichet.answersForgotten') {
        writeKept(null);
      }
    });
  }

  /** The id of a citizen whose answers the bot keeps, while the date it gave has not passed. */
  function readKept() {
    try {
      var stored = JSON.parse(localStorage.getItem(KEPT_KEY) || 'null');
      if (stored && stored.userId && Date.parse(stored.until) > Date.now()) return stored;
      localStorage.removeItem(KEPT_KEY);
    } catch {
      /* storage may be blocked: then nothing is remembered */
    }
    return null;
  }

  function writeKept(value) {
    try {
      if (value) localStorage.setItem(KEPT_KEY, JSON.stringify(value));
      else localStorage.removeItem(KEPT_KEY);
    } catch {
      /* storage may be blocked: the answers are still kept on the server until their date */
    }
  }
})();
