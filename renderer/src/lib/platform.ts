/** macOS's open dialog takes files and folders in one go; Windows' and Linux's take one or the other. */
export function opensFilesAndFoldersTogether(userAgent: string = navigator.userAgent): boolean {
  return /Macintosh|Mac OS X/.test(userAgent);
}
