// The review queue's focus view in the browser: 0–9 pick an answer to the active question, j/k move between the
// transcript's turns, Ctrl/⌘+Enter submits and opens the next session, s skips. FocusView installs it with
// window.slReview.install(this). A plain script (not a module): no frontend build.
(function () {
  if (window.slReview) return;
  let view = null;

  function typing(e) {
    const t = e.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable
        || (t.closest && t.closest('vaadin-text-field, vaadin-text-area, vaadin-number-field, vaadin-combo-box, vaadin-dialog-overlay')));
  }

  function move(step) {
    const turns = [...document.querySelectorAll('.sl-review .sl-turn')];
    if (!turns.length) return;
    let cur = turns.findIndex(t => t.classList.contains('current'));
    let target = cur < 0 ? (step > 0 ? 0 : turns.length - 1) : Math.max(0, Math.min(turns.length - 1, cur + step));
    turns.forEach(t => t.classList.remove('current'));
    turns[target].classList.add('current');
    turns[target].scrollIntoView({block: 'start'});
  }

  function onKey(e) {
    if (!view || !document.querySelector('.sl-review')) return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      view.$server.submit();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      view.$server.pick(parseInt(e.key, 10));
    } else if (e.key === 's') {
      e.preventDefault();
      view.$server.skip();
    } else if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      move(e.key === 'j' ? 1 : -1);
    }
  }

  window.slReview = {
    install(v) {
      view = v;
      if (!window.__slReviewKeys) {
        window.__slReviewKeys = true;
        document.addEventListener('keydown', onKey);
      }
    },
    /** A new session is shown: back to its top, no turn marked. */
    top() {
      document.querySelectorAll('.sl-review .sl-turn.current').forEach(t => t.classList.remove('current'));
      window.scrollTo(0, 0);
      const main = document.querySelector('.sl-review');
      if (main) main.scrollIntoView({block: 'start'});
    },
  };
})();
