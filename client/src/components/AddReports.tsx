import { useRef, useState } from 'react';
import type { ReportSummary } from '../../../server/api/schemas.js';
import { errorMessage, uploadReport } from '../api.js';
import { uploadSummary } from '../labels.js';
import { MetaEditor } from './MetaEditor.js';

type Stage =
  | { kind: 'waiting' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'reading' }
  | { kind: 'done'; report: ReportSummary; warnings: string[] }
  | { kind: 'error'; message: string };

interface Item {
  key: string;
  name: string;
  stage: Stage;
  editing?: boolean;
}

const STAGE_LABEL = { waiting: '等待上传', uploading: '上传中', reading: '读取并建立索引…' } as const;

/** 添加报告: drop or pick files; each goes up in turn with its own progress, then shows what was read. */
export function AddReports({ extensions, maxBytes, onAdded }: { extensions: string[]; maxBytes: number; onAdded: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef(Promise.resolve());

  const update = (key: string, patch: Partial<Item>) => setItems((all) => all.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  const add = (files: FileList | File[]) => {
    const list = [...files];
    const fresh = list.map((f, i) => ({ key: `${Date.now()}-${i}-${f.name}`, name: f.name, stage: { kind: 'waiting' } as Stage }));
    setItems((all) => [...fresh, ...all]);
    list.forEach((file, i) => {
      const { key } = fresh[i];
      // One at a time: the server takes them in turn anyway, and progress stays readable.
      queue.current = queue.current.then(async () => {
        update(key, { stage: { kind: 'uploading', fraction: 0 } });
        try {
          const res = await uploadReport(file, {
            onProgress: (fraction) => update(key, { stage: { kind: 'uploading', fraction } }),
            onUploaded: () => update(key, { stage: { kind: 'reading' } }),
          });
          update(key, { stage: { kind: 'done', report: res.report, warnings: res.warnings } });
          onAdded();
        } catch (err) {
          update(key, { stage: { kind: 'error', message: errorMessage(err) } });
        }
      });
    });
  };

  return (
    <section className="add-reports" aria-labelledby="add-reports-title">
      <h2 id="add-reports-title">添加报告</h2>
      <div
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (e.dataTransfer.files.length) add(e.dataTransfer.files);
        }}
      >
        <p>把报告文件拖到这里，或</p>
        <button type="button" className="btn btn-primary btn-sm" onClick={() => input.current?.click()}>
          选择文件
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={extensions.join(',')}
          data-testid="report-file-input"
          onChange={(e) => {
            if (e.target.files?.length) add(e.target.files);
            e.target.value = '';
          }}
        />
        <p className="muted drop-hint">
          可添加网页、PDF、Word 和文本：{extensions.join(' ')}，每个不超过 {Math.round(maxBytes / 1024 / 1024)} MB。扫描版 PDF 需先做文字识别。
        </p>
      </div>
      {items.length > 0 && (
        <ul className="upload-list">
          {items.map((it) => (
            <li key={it.key} className={`upload-item upload-${it.stage.kind}`} data-testid="upload-item">
              <div className="upload-head">
                <span className="upload-name">{it.name}</span>
                <span className="upload-stage">
                  {it.stage.kind === 'uploading' && `${STAGE_LABEL.uploading} ${Math.round(it.stage.fraction * 100)}%`}
                  {(it.stage.kind === 'waiting' || it.stage.kind === 'reading') && STAGE_LABEL[it.stage.kind]}
                  {it.stage.kind === 'done' && '已添加，可以提问'}
                  {it.stage.kind === 'error' && '未能添加'}
                </span>
              </div>
              {it.stage.kind === 'uploading' && <progress max={1} value={it.stage.fraction} />}
              {it.stage.kind === 'error' && (
                <p className="form-error" role="alert">
                  {it.stage.message}
                </p>
              )}
              {it.stage.kind === 'done' && (
                <div className="upload-result">
                  <p>读到：{uploadSummary(it.stage.report)}</p>
                  {it.stage.warnings.length > 0 ? (
                    <ul className="upload-warnings">
                      {it.stage.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">没有缺少的信息。</p>
                  )}
                  {it.editing ? (
                    <MetaEditor
                      meta={it.stage.report}
                      onCancel={() => update(it.key, { editing: false })}
                      onSaved={(report) => {
                        update(it.key, { editing: false, stage: { kind: 'done', report, warnings: report.warnings ?? [] } });
                        onAdded();
                      }}
                    />
                  ) : (
                    <button type="button" className="btn btn-sm" onClick={() => update(it.key, { editing: true })}>
                      修正信息
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
