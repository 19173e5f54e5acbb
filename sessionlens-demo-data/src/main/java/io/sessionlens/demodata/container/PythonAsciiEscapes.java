package io.sessionlens.demodata.container;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Escapes every non-ASCII character as Python's {@code json.dumps} (ensure_ascii) does: lowercase {@code \u20ac},
 * characters outside the BMP as two escaped surrogates. Jackson's own escaping writes uppercase hex.
 */
final class PythonAsciiEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() { return ASCII; }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return new SerializedString(String.format("\\u%04x", ch));
    }
}
