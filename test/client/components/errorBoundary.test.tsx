// A view that throws while rendering is replaced by a message saying what went wrong,
// with a way back; it is rendered again when the route changes.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../../../client/src/components/ErrorBoundary.js';

describe('ErrorBoundary', () => {
  it('shows the error in place of the view, with retry and a way back to the chat', () => {
    const boundary = new ErrorBoundary({ children: <p>view</p>, resetKey: '#/reports' });
    expect(renderToStaticMarkup(<>{boundary.render()}</>)).toBe('<p>view</p>');
    boundary.state = ErrorBoundary.getDerivedStateFromError(new URIError('URI malformed'));
    const html = renderToStaticMarkup(<>{boundary.render()}</>);
    expect(html).toContain('role="alert"');
    expect(html).toContain('这个页面显示出错');
    expect(html).toContain('URI malformed');
    expect(html).toContain('重试');
    expect(html).toContain('href="#/chat"');
  });

  it('says something even for a thrown non-error', () => {
    const state = ErrorBoundary.getDerivedStateFromError('boom');
    expect(state.error).toBeInstanceOf(Error);
    const boundary = new ErrorBoundary({ children: null, what: '报告问答' });
    boundary.state = ErrorBoundary.getDerivedStateFromError(new Error(''));
    expect(renderToStaticMarkup(<>{boundary.render()}</>)).toContain('报告问答显示出错');
  });

  it('renders the view again when the route changes', () => {
    const boundary = new ErrorBoundary({ children: <p>view</p>, resetKey: '#/reports/a' });
    boundary.state = { error: new Error('x') };
    let next: unknown;
    boundary.setState = (s) => {
      next = s;
    };
    (boundary as { props: unknown }).props = { children: <p>view</p>, resetKey: '#/reports/b' };
    boundary.componentDidUpdate({ children: <p>view</p>, resetKey: '#/reports/a' });
    expect(next).toEqual({ error: null });
  });
});
