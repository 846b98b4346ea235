/** JUnit XML (the subset CI systems read: testsuite > testcase > failure) for `check --junit`. */

export interface JunitCase {
  name: string;
  classname: string;
  /** absent when the case passed */
  failure?: { message: string; detail: string };
}

const XML_INVALID = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Escapes text for XML content and attributes, dropping characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One <testsuite> document. */
export function renderJunit(suite: string, cases: readonly JunitCase[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const c of cases) {
    const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}"`;
    if (!c.failure) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    lines.push(`      <failure message="${escapeXml(c.failure.message)}">${escapeXml(c.failure.detail)}</failure>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
