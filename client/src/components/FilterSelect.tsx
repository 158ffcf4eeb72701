// A labelled select whose empty choice means "no filter" (全部).
export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect(props: { label: string; value: string; options: FilterOption[]; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select className="select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">全部</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
