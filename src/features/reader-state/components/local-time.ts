/** The reader's own time zone: when they read or saved something is their time, not the site's. */
export function getLocalTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
