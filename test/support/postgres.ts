// Names and addresses of the per-run PostgreSQL databases used by the `postgres` test project.
export function templateName(): string {
  return `qt_template_${process.pid}`;
}

/** The same server address with another database name. */
export function adminUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
