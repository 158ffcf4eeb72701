export function ExampleQuestions({ questions, onPick, disabled }: { questions: readonly string[]; onPick: (q: string) => void; disabled?: boolean }) {
  return (
    <ul className="examples" aria-label="示例问题">
      {questions.map((q) => (
        <li key={q}>
          <button type="button" className="example" onClick={() => onPick(q)} disabled={disabled}>
            {q}
          </button>
        </li>
      ))}
    </ul>
  );
}
