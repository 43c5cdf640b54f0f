"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Upload, type DetailedError, type UploadOptions } from "tus-js-client";

/** Where the browser sends uploads: the web forwards them to the API (src/app/files/[...path]/route.ts). */
export const UPLOAD_ENDPOINT = "/files/uploads";
export const UPLOAD_CHUNK_BYTES = 5 * 1024 * 1024;
export const UPLOAD_RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];

/** What tus-js-client's Upload offers that this hook uses (a test passes a fake). */
export interface TusUpload {
  url: string | null;
  start(): void;
  abort(shouldTerminate?: boolean): Promise<void>;
  findPreviousUploads(): Promise<{ metadata: Record<string, string> }[]>;
  resumeFromPreviousUpload(previous: never): void;
}
export type CreateUpload = (file: File, options: UploadOptions) => TusUpload;

const createTusUpload: CreateUpload = (file, options) => new Upload(file, options) as unknown as TusUpload;

export type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; sent: number; total: number }
  | { phase: "paused"; sent: number; total: number }
  | { phase: "failed"; sent: number; total: number; problem: UploadProblem }
  | { phase: "done"; documentId: string | null; versionId: string | null };

/** Why an upload stopped: the server refused it (with its words), or it could not be reached. */
export type UploadProblem = { kind: "refused"; status: number; message: string } | { kind: "unreachable" };

/** The server's plain-text reason, when it gave one a person can read (not an HTML error page). */
export function uploadProblemOf(error: Error | DetailedError): UploadProblem {
  const response = "originalResponse" in error ? error.originalResponse : null;
  if (!response) return { kind: "unreachable" };
  const status = response.getStatus();
  let body: string;
  try {
    body = (response.getBody() ?? "").trim();
  } catch {
    body = "";
  }
  const readable = body && !body.startsWith("<") && body.length <= 1000 ? body : "";
  if (status === 0 || status === 502 || status === 503 || status === 504) return { kind: "unreachable" };
  return { kind: "refused", status, message: readable || `HTTP ${status}` };
}

/**
 * One resumable upload (tus 1.0) at a time: start it with the file and what it says about the
 * document (the domain's NewDocumentInput or NewVersionInput, sent as the upload's metadata),
 * follow its progress, pause, resume and cancel it. An upload of the same file with the same
 * details that was interrupted earlier (a closed tab, a dropped line) resumes where it stopped.
 */
export function useTusUpload(createUpload: CreateUpload = createTusUpload) {
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const current = useRef<TusUpload | null>(null);

  // Leaving the page stops sending; the upload can be resumed later from where it stopped.
  useEffect(
    () => () => {
      void current.current?.abort(false).catch(() => undefined);
    },
    [],
  );

  const start = useCallback(
    async (file: File, input: object) => {
      const metadata = { input: JSON.stringify(input), filename: file.name };
      const total = file.size;
      const upload = createUpload(file, {
        endpoint: UPLOAD_ENDPOINT,
        metadata,
        chunkSize: UPLOAD_CHUNK_BYTES,
        retryDelays: UPLOAD_RETRY_DELAYS,
        removeFingerprintOnSuccess: true,
        onProgress: (sent, of) => {
          if (current.current !== upload) return;
          setState((s) => (s.phase === "paused" ? { ...s, sent } : { phase: "uploading", sent, total: of }));
        },
        onSuccess: ({ lastResponse }) => {
          if (current.current !== upload) return;
          current.current = null;
          setState({
            phase: "done",
            documentId: lastResponse.getHeader("lodestone-document-id") ?? null,
            versionId: lastResponse.getHeader("lodestone-version-id") ?? null,
          });
        },
        onError: (error) => {
          if (current.current !== upload) return;
          setState((s) => ({
            phase: "failed",
            sent: "sent" in s ? s.sent : 0,
            total,
            problem: uploadProblemOf(error),
          }));
        },
      });
      current.current = upload;
      setState({ phase: "uploading", sent: 0, total });
      try {
        const previous = await upload.findPreviousUploads();
        const same = previous.find((p) => p.metadata.input === metadata.input);
        if (same) upload.resumeFromPreviousUpload(same as never);
      } catch {
        // Nothing stored to resume from: a fresh upload.
      }
      if (current.current === upload) upload.start();
    },
    [createUpload],
  );

  const pause = useCallback(() => {
    const upload = current.current;
    if (!upload) return;
    void upload.abort(false).catch(() => undefined);
    setState((s) => (s.phase === "uploading" ? { phase: "paused", sent: s.sent, total: s.total } : s));
  }, []);

  const resume = useCallback(() => {
    const upload = current.current;
    if (!upload) return;
    setState((s) =>
      s.phase === "paused" || s.phase === "failed" ? { phase: "uploading", sent: s.sent, total: s.total } : s,
    );
    upload.start();
  }, []);

  /** Stops the upload and asks the server to forget what it received. */
  const cancel = useCallback(() => {
    const upload = current.current;
    current.current = null;
    if (upload) void upload.abort(true).catch(() => undefined);
    setState({ phase: "idle" });
  }, []);

  return { state, start, pause, resume, cancel };
}
