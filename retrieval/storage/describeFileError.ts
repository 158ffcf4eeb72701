// A file-system error as a reason a user can act on. Node's own messages name the
// absolute path ("ENOENT: no such file or directory, stat '/srv/…/x.txt'"), which says
// where the server keeps its data and helps nobody: the file is named by its name only.

export function describeFileError(error: unknown, name: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${name} 不存在（可能是指向已删除文件的链接）`;
    case 'ELOOP':
      return `${name} 是循环的链接`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读取 ${name}`;
    case 'EISDIR':
      return `${name} 是文件夹，不是文件`;
    case 'ENOTDIR':
      return `${name} 不是文件夹`;
    case 'EMFILE':
    case 'ENFILE':
      return `暂时无法打开 ${name}：打开的文件过多`;
    case 'EIO':
      return `读取 ${name} 时磁盘出错`;
    default:
      return `无法读取 ${name}${code ? `（${code}）` : ''}`;
  }
}
