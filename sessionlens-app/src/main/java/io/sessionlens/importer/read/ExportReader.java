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

    /**
     * What one file may expand to and hold.
     *
     * @param maxUnzippedBytes all entries of an archive together, decompressed
     * @param maxZipRatio decompressed ÷ compressed bytes, checked once {@link #RATIO_CHECKED_FROM} bytes are out
     * @param maxStringLength characters in one JSON text value or key
     */
    public record Limits(long maxUnzippedBytes, int maxZipRatio, int maxStringLength) {
        public static final Limits DEFAULTS = new Limits(8L << 30, 200, ExportJson.MAX_STRING_LENGTH);
    }

    /** Below this, any ratio is fine: a small file of repeated JSON compresses very well and is harmless. */
    static final long RATIO_CHECKED_FROM = 16L << 20;

    private final Limits limits;
    private final tools.jackson.databind.json.JsonMapper mapper;

    /** Thread-safe and reusable: it keeps no state between reads. */
    public ExportReader() {
        this(Limits.DEFAULTS);
    }

    public ExportReader(Limits limits) {
        this.limits = limits;
        this.mapper = limits.maxStringLength() == ExportJson.MAX_STRING_LENGTH
                ? ExportJson.MAPPER
                : ExportJson.mapper(limits.maxStringLength());
    }

    /** Streams every trace of one uploaded file to the listener. Never throws for bad content. */
    public void read(String fileName, InputStream in, ReadListener listener) {
        GuardedListener sink = new GuardedListener(listener);
        try {
            readFile(SourceName.file(fileName), in, sink, 0);
        } catch (ArchiveLimitExceeded tooBig) {
            sink.stoppedReading(null, tooBig.getMessage());
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
                sink.problem(source.whole(),
                        "archives nested more than " + MAX_ARCHIVE_DEPTH + " deep were not opened");
                return;
            }
            switch (kind) {
                case ZIP -> readZip(source, peekable, sink, archiveDepth);
                case GZIP -> {
                    ExpansionGuard guard = new ExpansionGuard(source, peekable);
                    try (InputStream gunzipped = new GZIPInputStream(guard.compressed(), 64 * 1024)) {
                        readFile(source, guard.expanded(gunzipped), sink, archiveDepth + 1);
                    }
                }
                case UTF8_TEXT ->
                    new JsonFileReader(source, peekable, sink, true, mapper, limits.maxStringLength()).read();
                case WIDE_TEXT ->
                    new JsonFileReader(source, peekable, sink, false, mapper, limits.maxStringLength()).read();
                case BINARY -> sink.problem(source.whole(), ContentKind.describeBinary(head));
            }
        } catch (ListenerFailure | ArchiveLimitExceeded f) {
            throw f;
        } catch (IOException e) {
            sink.stoppedReading(source.whole(),
                    "could not read the file: " + e.getMessage() + "; the rest of it was not read");
        } catch (RuntimeException | StackOverflowError e) {
            // Never expected (nesting is capped); if it happens, one file is lost, not the upload.
            sink.stoppedReading(source.whole(),
                    "could not read the file (" + e.getClass().getSimpleName() + "); the rest of it was not read");
        }
    }

    private void readZip(SourceName source, InputStream in, ReadListener sink, int archiveDepth) {
        int files = 0;
        ExpansionGuard guard = new ExpansionGuard(source, in);
        try (ZipInputStream zip = new ZipInputStream(guard.compressed())) {
            InputStream expanded = guard.expanded(zip);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || isMacMetadata(entry.getName())) continue;
                files++;
                readFile(source.entry(entry.getName()), new KeepOpen(expanded), sink, archiveDepth + 1);
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

    /** An archive expands beyond {@link Limits}: reading stops for the whole upload file, whose message this is. */
    static final class ArchiveLimitExceeded extends RuntimeException {
        ArchiveLimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Counts an archive's compressed bytes as they are read and its expanded bytes as they come out, and stops the read
     * once the expanded size or the ratio passes its limit: a 2 MB zip that expands to 2 GB is refused after at most
     * {@link #RATIO_CHECKED_FROM} × ratio bytes, not after inflating all of it.
     */
    private final class ExpansionGuard {
        private final SourceName source;
        private final InputStream raw;
        private long compressed;
        private long expanded;

        ExpansionGuard(SourceName source, InputStream raw) {
            this.source = source;
            this.raw = raw;
        }

        InputStream compressed() {
            return new CountingInput(new KeepOpen(raw)) {
                @Override
                protected void counted(int bytes) {
                    compressed += bytes;
                }
            };
        }

        InputStream expanded(InputStream in) {
            return new CountingInput(in) {
                @Override
                protected void counted(int bytes) {
                    count(bytes);
                }
            };
        }

        private void count(int n) {
            expanded += n;
            String name = source.display();
            if (expanded > limits.maxUnzippedBytes()) {
                throw new ArchiveLimitExceeded(name
                        + " expands to more than %,d bytes (the limit is sessionlens.import.max-unzipped-size); reading stopped there and the rest was not read"
                                .formatted(limits.maxUnzippedBytes()));
            }
            if (expanded > RATIO_CHECKED_FROM && expanded > (long) limits.maxZipRatio() * Math.max(1, compressed)) {
                throw new ArchiveLimitExceeded(name + " expands to more than " + limits.maxZipRatio()
                        + " times its compressed size, as a zip bomb does (the limit is sessionlens.import.max-zip-ratio); reading stopped there and the rest was not read");
            }
        }
    }

    /** Lets archive streams be closed (freeing their native inflater) without closing the caller's stream. */
    private static class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the stream belongs to whoever opened it
        }
    }
}
