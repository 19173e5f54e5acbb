package io.sessionlens.importer.read;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How problems name the place they were found: "trace #3" and "line 7" in a plain file, "export.zip!a.json#3" inside
 * a zip archive, so a user can find the spot without knowing how the reader works.
 *
 * @param display the file name as the user knows it ({@code export.zip!traces/a.json} for a zip entry)
 * @param inArchive whether this is an entry of an archive, whose problems must say which entry
 */
record SourceName(String display, boolean inArchive) {

    static SourceName file(String fileName) {
        return new SourceName(fileName, false);
    }

    SourceName entry(String entryName) {
        return new SourceName(display + "!" + entryName, true);
    }

    /** Null for a plain file: the listener already knows which file it is reading. */
    @Nullable
    String whole() {
        return inArchive ? display : null;
    }

    String trace(int ordinal) {
        return inArchive ? display + "#" + ordinal : "trace #" + ordinal;
    }

    String line(long line) {
        return inArchive ? display + " line " + line : "line " + line;
    }

    String traceOnLine(long line, int ordinal) {
        return line(line) + ", trace #" + ordinal;
    }

    /** A name that says JSON Lines lets even a broken first line be skipped instead of failing the whole file. */
    boolean namedAsJsonLines() {
        String n = display.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }
}
