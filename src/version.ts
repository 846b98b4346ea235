/** The tool's version, shown by --version and recorded with every import. */
export const VERSION = '0.1.0';
