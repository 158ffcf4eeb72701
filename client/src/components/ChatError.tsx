import { Icon } from './Icon.js';

export function ChatError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="chat-error" role="alert">
      <Icon name="alert" size={18} />
      <div className="chat-error-body">
        <p className="chat-error-title">回答失败</p>
        <p>{message}</p>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          <Icon name="retry" size={14} />
          重试
        </button>
      )}
    </div>
  );
}
