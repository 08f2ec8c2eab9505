// The demo page: fetch a Direct Line token from our own server (the secret never reaches the
// browser) and render Web Chat against our local Direct Line.
(function () {
  'use strict';
  var status = document.getElementById('chat-status');

  function showProblem(text) {
    status.textContent = text;
  }

  fetch('/api/directline/token', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) throw new Error('token request failed with ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: new URL('/v3/directline', window.location.href).toString(),
      });
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
})();
