export const EXAMPLE_QUESTIONS = [
  '惠济区2024年GDP目标是多少',
  '卫东区2024年研发经费投入强度目标',
  '红旗区2023年一般公共预算收入是多少',
  '惠济区政府工作报告是谁作的',
  '卫东区2024年重点工作有哪些',
  '红旗区和卫东区2024年GDP增长目标对比',
] as const;

export function ExampleQuestions({ onPick, disabled }: { onPick: (q: string) => void; disabled?: boolean }) {
  return (
    <ul className="examples" aria-label="示例问题">
      {EXAMPLE_QUESTIONS.map((q) => (
        <li key={q}>
          <button type="button" className="example" onClick={() => onPick(q)} disabled={disabled}>
            {q}
          </button>
        </li>
      ))}
    </ul>
  );
}
