/** The process surface main() is given, so tests can run it in-process with fakes. */
export interface OutStream {
  /**
   * false: the stream buffered the chunk and asks the writer to wait for 'drain'.
   * 'latin1': the chunk is ASCII, so its latin1 bytes are its UTF-8 bytes (a copy instead
   * of an encoding: cli/output.ts writes 240 MB blocks of JSON so); a sink of strings may ignore it.
   */
  write(chunk: string, encoding?: 'latin1'): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The input stream (the interactive dashboard reads keys from it; `import -` reads an export from it). */
export interface InStream {
  isTTY?: boolean;
  [Symbol.asyncIterator]?(): AsyncIterator<Uint8Array | string>;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** working directory relative paths are resolved against */
  cwd: string;
  /** the keyboard, for the one interactive command (absent in tests that run main in-process) */
  stdin?: InStream;
}
