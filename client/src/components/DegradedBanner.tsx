import type { HealthResponse } from '../../../server/api/schemas.js';

/**
 * Says so on every page when the server runs degraded (the bigram tokenizer
 * standing in for a jieba that could not load): answers are then worse, and the
 * user should know before trusting them. Nothing when all is well or unknown.
 */
export function DegradedBanner({ health }: { health?: HealthResponse }) {
  if (!health || health.degraded.length === 0) return null;
  return (
    <div className="banner banner-degraded" role="alert">
      <p>
        <strong>降级运行：</strong>
        {health.degraded.join('；')}。
      </p>
      <p>
        请服务器管理员修复安装（<code>npm rebuild nodejieba</code>，见 README “Set-up”）后重启；修复前的答案不如平常可靠。
      </p>
    </div>
  );
}
