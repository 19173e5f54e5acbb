// The session page in the browser: j/k (or Alt+↓/↑) move between turns, the next page of turn cards is asked for when
// the end of the rendered ones comes into view, and "#turn-N" links (rail, root cause, context findings) go through
// the server, which renders up to the turn before it scrolls there. SessionView calls window.slSession with small
// executeJs calls. A plain script (not a module): no frontend build.
(function () {
  if (window.slSession) return;

  // Above this many pixels from the top a turn counts as already read when j/k starts from the scroll position.
  const TOP = 80;

  function moveBetweenTurns(e) {
    if (e.target && (e.target.tagName === 'INPUT' || e.target.isContentEditable || e.target.closest('vaadin-text-field'))) return;
    const next = e.key === 'j' || e.key === 'ArrowDown' && e.altKey;
    const prev = e.key === 'k' || e.key === 'ArrowUp' && e.altKey;
    if (!next && !prev) return;
    const turns = [...document.querySelectorAll('.sl-turn')];
    if (!turns.length) return;
    let i = turns.findIndex(t => t.getBoundingClientRect().top > TOP + 2);
    if (i < 0) i = turns.length;
    const cur = turns.findIndex(t => t.classList.contains('current'));
    let target = cur >= 0 ? cur + (next ? 1 : -1) : (next ? Math.max(0, i) : Math.max(0, i - 2));
    target = Math.max(0, Math.min(turns.length - 1, target));
    turns.forEach(t => t.classList.remove('current'));
    turns[target].classList.add('current');
    turns[target].scrollIntoView({block: 'start'});
  }

  window.slSession = {
    /** Safe to call on every render: the key listener is installed once per page, the others once per element. */
    install(view) {
      if (!window.__slTurnKeys) {
        window.__slTurnKeys = true;
        document.addEventListener('keydown', moveBetweenTurns);
      }
      const more = document.getElementById('turn-more');
      if (more && !more.__slObserved) {
        more.__slObserved = true;
        new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && more.offsetParent) view.$server.loadMoreTurns(); },
            {root: document.getElementById('chat'), rootMargin: '600px'}).observe(more);
      }
      if (!view.__slTurnLinks) {
        view.__slTurnLinks = true;
        view.addEventListener('click', e => {
          const a = e.target.closest && e.target.closest('a[href^="#turn-"]');
          if (!a) return;
          e.preventDefault();
          view.$server.showTurn(parseInt(a.getAttribute('href').substring(6), 10));
        });
      }
    },

    scrollToTurn(turn) {
      const t = document.getElementById('turn-' + turn);
      if (!t) return;
      document.querySelectorAll('.sl-turn.current').forEach(x => x.classList.remove('current'));
      t.classList.add('current');
      t.scrollIntoView({block: 'start'});
    },
  };
})();
