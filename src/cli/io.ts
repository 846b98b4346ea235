/** The process surface main() is given, so tests can run it in-process with fakes. */
export interface OutStream {
  /** false: the stream buffered the chunk and asks the writer to wait for 'drain' */
  write(chunk: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** working directory relative paths are resolved against */
  cwd: string;
}
