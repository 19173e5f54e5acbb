package io.sessionlens.session.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of the sessions list ended (decision 045): the position of the next row and, when the search engine
 * served the page, the last row's values of every sort key (ties included). The next page is then asked as "the rows
 * after these values", which costs what the first page costs however deep it is, and neither repeats nor skips a row when
 * sessions arrive meanwhile. Sent to clients as an opaque URL-safe token; the sort it belongs to travels with it, so a
 * cursor of another order is refused rather than misread. Without values (the database answered, before the engine was
 * ready) only the position counts.
 */
record ListCursor(long position, String sort, List<@Nullable Object> values) {
    private static final byte FORMAT = 1;

    ListCursor {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    String token() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(position);
            out.writeUTF(sort);
            out.writeInt(values.size());
            for (Object v : values) {
                switch (v) {
                    case null -> out.writeByte('-');
                    case String s -> {
                        out.writeByte('s');
                        out.writeUTF(s);
                    }
                    case Integer i -> {
                        out.writeByte('i');
                        out.writeInt(i);
                    }
                    case Long l -> {
                        out.writeByte('l');
                        out.writeLong(l);
                    }
                    case Instant t -> {
                        out.writeByte('t');
                        out.writeLong(t.getEpochSecond());
                        out.writeInt(t.getNano());
                    }
                    default -> throw new IllegalArgumentException("a sort value of type " + v.getClass());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The cursor a token names; {@link IllegalArgumentException} saying so when it is not one this list gave out. */
    static ListCursor parse(String token) {
        try (var in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token.strip())))) {
            if (in.readByte() != FORMAT) throw new IllegalArgumentException("cursor: not one this list gave out");
            long position = in.readLong();
            String sort = in.readUTF();
            int n = in.readInt();
            if (position < 0 || n < 0 || n > 16)
                throw new IllegalArgumentException("cursor: not one this list gave out");
            List<@Nullable Object> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(switch (in.readByte()) {
                    case '-' -> null;
                    case 's' -> in.readUTF();
                    case 'i' -> in.readInt();
                    case 'l' -> in.readLong();
                    case 't' -> Instant.ofEpochSecond(in.readLong(), in.readInt());
                    default -> throw new IllegalArgumentException("cursor: not one this list gave out");
                });
            }
            if (in.available() > 0) throw new IllegalArgumentException("cursor: not one this list gave out");
            return new ListCursor(position, sort, values);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("cursor:"))
                throw iae;
            throw new IllegalArgumentException("cursor: not one this list gave out", e);
        }
    }
}
