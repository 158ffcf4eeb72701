// A view that throws while rendering (a value it did not expect) must not blank the
// whole app: the boundary shows what went wrong in place of that view, keeps the header
// and the other views usable, and tries the view again when the route changes or the
// user asks to.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Icon } from './Icon.js';

interface Props {
  children: ReactNode;
  /** The view shown (its route): a new value renders the children again. */
  resetKey?: string;
  /** What failed, for the message: 这个页面, 报告问答 … */
  what?: string;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[ui] a view failed to render:', error, info.componentStack);
  }

  componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="load-error" role="alert">
        <Icon name="alert" size={18} />
        <div>
          <p className="load-error-title">{this.props.what ?? '这个页面'}显示出错</p>
          <p>{describeRenderError(error)}</p>
          <p>其他页面仍可使用：可以重试，或回到问答。</p>
        </div>
        <button type="button" className="btn btn-sm" onClick={() => this.setState({ error: null })}>
          重试
        </button>
        <a className="btn btn-sm" href="#/chat">
          回到问答
        </a>
      </div>
    );
  }
}

/** The error's own words, shortened; never empty. */
export function describeRenderError(error: Error): string {
  const message = error.message.trim().split('\n')[0].slice(0, 200);
  return message ? `出错原因：${message}` : '出错原因不明。';
}
