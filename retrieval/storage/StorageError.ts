// A write to the reports folder that failed for a reason retrying cannot fix: the disk is
// full, or the folder is read-only or not ours to write. Said plainly, with what to do, and
// without the folder's absolute path.

export type StorageErrorKind = 'full' | 'read_only' | 'failed';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** `action` says what could not be done: 保存报告, 删除报告 … */
export function storageErrorOf(error: unknown, action: string): StorageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StorageError('full', `无法${action}：报告目录所在的磁盘已满（或超出配额）。请清理磁盘空间，或把 REPORTS_DIR 设到有空间的位置`);
    case 'EROFS':
      return new StorageError('read_only', `无法${action}：报告目录在只读的文件系统上。请把 REPORTS_DIR 设为可写的文件夹`);
    case 'EACCES':
    case 'EPERM':
      return new StorageError('read_only', `无法${action}：服务器没有写入报告目录的权限。请让管理员给 REPORTS_DIR 写权限`);
    default:
      return new StorageError('failed', `无法${action}：报告目录出错${code ? `（${code}）` : ''}`);
  }
}
