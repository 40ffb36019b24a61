/** The ACP versions this server speaks, oldest first (discovery lists them in this order). */
export const SUPPORTED_VERSIONS = ['2025-09-29', '2026-04-17'] as const;
export type AcpVersion = (typeof SUPPORTED_VERSIONS)[number];
export const LATEST: AcpVersion = '2026-04-17';

export function isSupported(version: string): version is AcpVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(version);
}
