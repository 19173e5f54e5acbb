// The session page in the browser: j/k (or Alt+↓/↑) move between turns, the current turn is marked in the chat and
// the rail and written to the address (?turn=N, replacing the entry: no history entry per key press), "?" opens the
// shortcut help, the next page of turn cards is asked for when the end of the rendered ones comes into view, and
// "#turn-N" links (rail, root cause, context findings) go through the server, which renders up to the turn before it
// scrolls there. SessionView calls window.slSession with small executeJs calls. A plain script (not a module): no
// frontend build.
(function () {
  if (window.slSession) return;

  // Above this many pixels from the top a turn counts as already read when j/k starts from the scroll position.
  const TOP = 80;
  // How long a landing (deep link, first open) keeps the turn in view while the page is still laying itself out.
  const SETTLE_MS = 4000;

  let view = null;
  let landing = null;   // {turn, until}: re-scroll there on layout changes until the analyst scrolls or types

  function typing(e) {
    const t = e.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable
        || (t.closest && t.closest('vaadin-text-field, vaadin-text-area, vaadin-combo-box, vaadin-dialog-overlay')));
  }

  function onKey(e) {
    if (!document.querySelector('.sl-session-body') || e.ctrlKey || e.metaKey || typing(e)) return;
    if (e.key === '?') {
      e.preventDefault();
      if (view) view.$server.showShortcuts();
      return;
    }
    const next = e.key === 'j' || e.key === 'ArrowDown' && e.altKey;
    const prev = e.key === 'k' || e.key === 'ArrowUp' && e.altKey;
    if (!next && !prev) return;
    landing = null;
    const turns = [...document.querySelectorAll('.sl-turn')];
    if (!turns.length) return;
    let i = turns.findIndex(t => t.getBoundingClientRect().top > TOP + 2);
    if (i < 0) i = turns.length;
    const cur = turns.findIndex(t => t.classList.contains('current'));
    let target = cur >= 0 ? cur + (next ? 1 : -1) : (next ? Math.max(0, i) : Math.max(0, i - 2));
    target = Math.max(0, Math.min(turns.length - 1, target));
    const n = parseInt(turns[target].getAttribute('data-turn'), 10);
    markCurrent(n);
    turns[target].scrollIntoView({block: 'start'});
  }

  /** The turn is the current one: marked in the chat and in the rail (scrolled into the rail's view), and in the URL. */
  function markCurrent(turn) {
    document.querySelectorAll('.sl-turn.current, .sl-rail-item.current').forEach(x => x.classList.remove('current'));
    const card = document.getElementById('turn-' + turn);
    if (card) card.classList.add('current');
    const item = document.querySelector('.sl-rail-item[data-turn="' + turn + '"]');
    if (item) {
      item.classList.add('current');
      item.setAttribute('aria-current', 'true');
      const rail = item.parentElement;
      // scroll the rail only (scrollIntoView would move the page too)
      if (rail.scrollHeight > rail.clientHeight + 1) {
        const top = item.offsetTop - rail.offsetTop;
        if (top < rail.scrollTop || top + item.offsetHeight > rail.scrollTop + rail.clientHeight)
          rail.scrollTop = top - rail.clientHeight / 2;
      }
      if (rail.scrollWidth > rail.clientWidth + 1) {
        const left = item.offsetLeft - rail.offsetLeft;
        if (left < rail.scrollLeft || left + item.offsetWidth > rail.scrollLeft + rail.clientWidth)
          rail.scrollLeft = left - rail.clientWidth / 2;
      }
    }
    document.querySelectorAll('.sl-rail-item[aria-current]').forEach(x => { if (x !== item) x.removeAttribute('aria-current'); });
    const url = new URL(window.location.href);
    if (url.searchParams.get('turn') !== String(turn)) {
      url.searchParams.set('turn', String(turn));
      window.history.replaceState(window.history.state, '', url.toString());
    }
  }

  function keepLanding() {
    if (!landing) return;
    if (Date.now() > landing.until) { landing = null; return; }
    const t = document.getElementById('turn-' + landing.turn);
    if (t) t.scrollIntoView({block: 'start'});
  }

  function stopLanding() { landing = null; }

  window.slSession = {
    /** Safe to call on every render: the key listener is installed once per page, the others once per element. */
    install(v) {
      view = v;
      if (!window.__slTurnKeys) {
        window.__slTurnKeys = true;
        document.addEventListener('keydown', onKey);
        // the analyst scrolling or clicking ends a landing: the page must not pull them back
        ['wheel', 'touchstart', 'mousedown'].forEach(t => document.addEventListener(t, stopLanding, {passive: true}));
      }
      const more = document.getElementById('turn-more');
      if (more && !more.__slObserved) {
        more.__slObserved = true;
        new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && more.offsetParent) v.$server.loadMoreTurns(); },
            {root: document.getElementById('chat'), rootMargin: '600px'}).observe(more);
      }
      const chat = document.getElementById('chat');
      if (chat && !chat.__slResize) {
        // the chat's size settles as the app layout, fonts and charts arrive; a landing follows it
        chat.__slResize = new ResizeObserver(keepLanding);
        chat.__slResize.observe(chat);
        chat.__slResize.observe(document.body);
      }
      if (!v.__slTurnLinks) {
        v.__slTurnLinks = true;
        v.addEventListener('click', e => {
          const a = e.target.closest && e.target.closest('a[href^="#turn-"]');
          if (!a) return;
          e.preventDefault();
          v.$server.showTurn(parseInt(a.getAttribute('href').substring(6), 10));
        });
      }
    },

    /** Scrolls to the turn and marks it current; {@code land}: keep it in view while the page is still settling. */
    scrollToTurn(turn, land) {
      const t = document.getElementById('turn-' + turn);
      if (!t) return;
      markCurrent(turn);
      t.scrollIntoView({block: 'start'});
      if (land) {
        landing = {turn: turn, until: Date.now() + SETTLE_MS};
        requestAnimationFrame(() => requestAnimationFrame(keepLanding));
        [150, 400, 1000, 2000].forEach(ms => setTimeout(keepLanding, ms));
      }
    },
  };
})();
