import { useSettings, type Language } from '../../lib/settings';

/** The offline feature's own strings, Chinese first. */
const zh = {
  updateReady: '新版本可用',
  reload: '重新加载',
  dismiss: '稍后',
  newPosts: (n: number) => `${n.toLocaleString('zh-CN')} 条新消息`,
  saveOffline: '离线保存',
  saveOfflineAll: '离线保存全部文章',
  saving: (done: number, total: number) => `正在保存 ${done} / ${total}`,
  savedOffline: '已离线保存',
  removeOffline: '取消离线保存',
  saveFailed: '保存失败，请联网后重试。',
  storageUsed: (used: string, quota: string) => `已用存储 ${used}，可用上限 ${quota}`,
  offlineTitle: '离线中，此页尚未保存',
  offlineBody: '现在没有网络连接，这一页还没有存到本机。联网后即可打开；下面是可以离线阅读的内容。',
  savedLists: '已离线保存的栏目',
  recentlyRead: '最近阅读',
  nothingSaved: '还没有离线保存的内容。联网时在栏目页点击“离线保存”即可。',
  retry: '重试',
  goHome: '返回首页',
};

export type OfflineMessages = typeof zh;

const en: OfflineMessages = {
  updateReady: 'A new version is available',
  reload: 'Reload',
  dismiss: 'Later',
  newPosts: (n) => `${n.toLocaleString('en')} new ${n === 1 ? 'post' : 'posts'}`,
  saveOffline: 'Save for offline',
  saveOfflineAll: 'Save every post for offline',
  saving: (done, total) => `Saving ${done} / ${total}`,
  savedOffline: 'Saved for offline',
  removeOffline: 'Remove offline copy',
  saveFailed: 'Saving failed; try again when online.',
  storageUsed: (used, quota) => `${used} of storage used, limit ${quota}`,
  offlineTitle: 'Offline, and this page is not saved yet',
  offlineBody:
    'There is no connection and this page has not been stored on this device. It will open once you are online; here is what you can read offline.',
  savedLists: 'Saved sections',
  recentlyRead: 'Recently read',
  nothingSaved:
    'Nothing is saved for offline yet. While online, use “Save for offline” on a section.',
  retry: 'Retry',
  goHome: 'Go to the home page',
};

const catalogs: Record<Language, OfflineMessages> = { 'zh-CN': zh, en };

export function useOfflineMessages(): OfflineMessages {
  return catalogs[useSettings().lang];
}
