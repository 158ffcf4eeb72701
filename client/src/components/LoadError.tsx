import { Icon } from './Icon.js';

export function LoadError({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div className="load-error" role="alert">
      <Icon name="alert" size={18} />
      <div>
        <p className="load-error-title">{title}</p>
        <p>{message}</p>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}
