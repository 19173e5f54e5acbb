package io.sessionlens.importer.read;

import io.sessionlens.importer.read.GuardedListener.ListenerFailure;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded MLflow trace export, in any container and dialect MLflow has written (see {@link JsonFileReader}
 * and {@link TraceAssembler}), and streams every trace to a {@link ReadListener}. Zip archives and gzip files are
 * recognised by their magic bytes, not their names; each zip entry is read as a file of its own.
 *
 * <p>Bad content never throws: every defect becomes a {@link ReadListener#problem problem}, and the good traces of
 * the same file are still delivered. Exceptions thrown by the listener itself are passed on unchanged. The stream
 * is not closed.
 */
public final class ExportReader {

    /** Zips inside zips are read, but only this deep: deeper nesting is a zip bomb, not an export. */
    private static final int MAX_ARCHIVE_DEPTH = 3;

    /** Thread-safe and reusable: it keeps no state between reads. */
    public ExportReader() {}

    /** Streams every trace of one uploaded file to the listener. Never throws for bad content. */
    public void read(String fileName, InputStream in, ReadListener listener) {
        try {
            readFile(SourceName.file(fileName), in, new GuardedListener(listener), 0);
        } catch (ListenerFailure f) {
            if (f.getCause() instanceof RuntimeException e) throw e;
            if (f.getCause() instanceof Error e) throw e;
            throw f;
        }
    }

    private void readFile(SourceName source, InputStream in, ReadListener sink, int archiveDepth) {
        try {
            // Buffered: zip reads in small pieces, and an upload stream may not buffer at all.
            BufferedInputStream peekable = new BufferedInputStream(in, 64 * 1024);
            byte[] head = ContentKind.peek(peekable);
            if (head.length == 0) {
                sink.problem(source.whole(), "empty file");
                return;
            }
            ContentKind kind = ContentKind.of(head);
            if ((kind == ContentKind.ZIP || kind == ContentKind.GZIP) && archiveDepth >= MAX_ARCHIVE_DEPTH) {
                sink.problem(source.whole(), "archives nested more than " + MAX_ARCHIVE_DEPTH + " deep were not opened");
                return;
            }
            switch (kind) {
                case ZIP -> readZip(source, peekable, sink, archiveDepth);
                case GZIP -> {
                    try (InputStream gunzipped = new GZIPInputStream(new KeepOpen(peekable), 64 * 1024)) {
                        readFile(source, gunzipped, sink, archiveDepth + 1);
                    }
                }
                case UTF8_TEXT -> new JsonFileReader(source, peekable, sink, true).read();
                case WIDE_TEXT -> new JsonFileReader(source, peekable, sink, false).read();
            }
        } catch (ListenerFailure f) {
            throw f;
        } catch (IOException e) {
            sink.stoppedReading(source.whole(), "could not read the file: " + e.getMessage() + "; the rest of it was not read");
        } catch (RuntimeException | StackOverflowError e) {
            // Never expected (nesting is capped); if it happens, one file is lost, not the upload.
            sink.stoppedReading(source.whole(), "could not read the file (" + e.getClass().getSimpleName() + "); the rest of it was not read");
        }
    }

    private void readZip(SourceName source, InputStream in, ReadListener sink, int archiveDepth) {
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(new KeepOpen(in))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || isMacMetadata(entry.getName())) continue;
                files++;
                readFile(source.entry(entry.getName()), new KeepOpen(zip), sink, archiveDepth + 1);
            }
        } catch (IOException e) {
            sink.stoppedReading(source.whole(), "the zip archive is damaged: " + e.getMessage()
                    + (files == 0 ? "" : "; the entries after entry " + files + " were not read"));
            return;
        }
        if (files == 0) sink.problem(source.whole(), "the zip archive holds no files");
    }

    /** Finder adds {@code __MACOSX/} resource forks and {@code .DS_Store} files to every zip it makes. */
    private static boolean isMacMetadata(String name) {
        return name.startsWith("__MACOSX/") || name.contains("/__MACOSX/")
                || name.equals(".DS_Store") || name.endsWith("/.DS_Store");
    }

    /** Lets archive streams be closed (freeing their native inflater) without closing the caller's stream. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the stream belongs to whoever opened it
        }
    }
}
