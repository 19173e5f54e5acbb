// <sl-echart>: a thin custom element around one ECharts instance (global `echarts` from the webjar's echarts.min.js).
// The server sets the `option` property (an object, or JSON text). The element re-renders when the option, its size or
// the Lumo theme changes, sets data-rendered="true" when ECharts reports 'finished', and re-dispatches item clicks as
// `sl-chart-click` events with {seriesName, dataIndex, value, name}. A plain script (not a module): no frontend build.
(function () {
  if (customElements.get('sl-echart')) return;

  const isDark = () => (document.documentElement.getAttribute('theme') || '').split(/\s+/).includes('dark');

  class SlEChart extends HTMLElement {
    connectedCallback() {
      // The server may have set the property before this script upgraded the element.
      if (Object.prototype.hasOwnProperty.call(this, 'option')) {
        const v = this.option;
        delete this.option;
        this.option = v;
      }
      if (!this.style.display) this.style.display = 'block';
      if (!this._themeObserver) {
        this._themeObserver = new MutationObserver(() => {
          if (this._chart && isDark() !== this._dark) this._rebuild();
        });
        this._themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
      }
      if (!this._resizeObserver) {
        this._resizeObserver = new ResizeObserver(() => this._chart && this._chart.resize());
        this._resizeObserver.observe(this);
      }
      this._init();
    }

    disconnectedCallback() {
      clearTimeout(this._retry);
      if (this._themeObserver) this._themeObserver.disconnect();
      if (this._resizeObserver) this._resizeObserver.disconnect();
      this._themeObserver = null;
      this._resizeObserver = null;
      this._dispose();
    }

    set option(v) {
      this._option = typeof v === 'string' ? JSON.parse(v) : v;
      this._apply();
    }

    get option() {
      return this._option;
    }

    _init() {
      if (!this.isConnected || this._chart) return;
      if (!window.echarts) {   // echarts.min.js still loading
        this._retry = setTimeout(() => this._init(), 50);
        return;
      }
      this._dark = isDark();
      this.setAttribute('data-theme', this._dark ? 'dark' : 'light');
      this._chart = echarts.init(this, this._dark ? 'dark' : null, { renderer: 'svg' });
      this._chart.on('finished', () => this.setAttribute('data-rendered', 'true'));
      this._chart.on('click', (p) => this.dispatchEvent(new CustomEvent('sl-chart-click', {
        detail: {
          seriesName: p.seriesName == null ? null : String(p.seriesName),
          dataIndex: typeof p.dataIndex === 'number' ? p.dataIndex : -1,
          value: p.value === undefined ? null : p.value,
          name: p.name == null ? null : String(p.name),
        },
      })));
      this._apply();
    }

    _rebuild() {
      this._dispose();
      this._init();
    }

    _dispose() {
      if (this._chart) this._chart.dispose();
      this._chart = null;
    }

    _apply() {
      if (!this._chart || !this._option) return;
      this.removeAttribute('data-rendered');
      // The page's own background shows through, in light and dark theme alike.
      this._chart.setOption(Object.assign({ backgroundColor: 'transparent' }, this._option), true);
    }
  }

  customElements.define('sl-echart', SlEChart);
})();
