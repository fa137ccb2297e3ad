interface ImportMetaEnv {
  /** Version of the app bundle (package.json, or `BROADSHEET_APP_VERSION` at build time). */
  readonly APP_VERSION: string;
}
