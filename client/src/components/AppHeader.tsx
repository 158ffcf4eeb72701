import { useState } from 'react';
import { formatRoute, type Route } from '../route.js';
import { applyTheme, nextTheme, saveTheme, storedTheme, THEME_LABEL, type ThemeChoice } from '../theme.js';
import { Icon } from './Icon.js';

const TABS = [
  { key: 'chat', label: '问答', route: { view: 'chat' } },
  { key: 'reports', label: '报告', route: { view: 'reports' } },
  { key: 'indicators', label: '指标', route: { view: 'indicators', filters: {} } },
  { key: 'search', label: '检索测试', route: { view: 'search', params: {} } },
] as const satisfies readonly { key: string; label: string; route: Route }[];

function tabOf(route: Route): string {
  if (route.view === 'report') return 'reports';
  return route.view;
}

/** 跟随系统 → 浅色 → 深色, remembered. */
function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  const next = nextTheme(choice);
  const change = () => {
    applyTheme(next);
    saveTheme(next);
    setChoice(next);
  };
  return (
    <button
      type="button"
      className="icon-btn theme-toggle"
      onClick={change}
      aria-label={`配色：${THEME_LABEL[choice]}。切换为${THEME_LABEL[next]}`}
      title={`配色：${THEME_LABEL[choice]}（点击切换为${THEME_LABEL[next]}）`}
      data-theme-choice={choice}
    >
      <Icon name={choice === 'dark' ? 'moon' : choice === 'light' ? 'sun' : 'contrast'} size={17} />
    </button>
  );
}

/** `placeNoun` names the loaded reports' level (区, 县, 市, 省, or 地方 when mixed). */
export function AppHeader({ route, placeNoun = '地方', chatRoute }: { route: Route; placeNoun?: string; chatRoute?: Route }) {
  const current = tabOf(route);
  return (
    <header className="app-header">
      <a className="brand" href={formatRoute({ view: 'chat' })}>
        <svg className="brand-mark" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect width="32" height="32" rx="8" />
          <path d="M9 10h14M9 16h14M9 22h8" />
        </svg>
        <span className="brand-name">报告问答</span>
        <span className="brand-sub">{placeNoun}政府工作报告 · 逐段引用</span>
      </a>
      <div className="header-right">
        <nav className="tabs" aria-label="主导航">
          {TABS.map((t) => (
            <a
              key={t.key}
              className={`tab tab-${t.key}`}
              href={formatRoute(t.key === 'chat' && chatRoute ? chatRoute : t.route)}
              aria-current={current === t.key ? 'page' : undefined}
            >
              {t.label}
            </a>
          ))}
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
