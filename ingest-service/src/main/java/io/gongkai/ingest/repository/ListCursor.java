package io.gongkai.ingest.repository;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Where a page of a sorted list starts (keyset pagination): the sort value and the document id of the row just before
 * it, so that the next page is a range query from there instead of skipping over every earlier row. Written into
 * links as {@code TYPE.VALUE.ID} (n: none, d: epoch milliseconds, i: a whole number, s: URL-encoded text) and read back
 * strictly: anything else is rejected.
 *
 * @param value a {@link Date}, a {@link Long}, a {@link String} or null (the field is missing or null)
 */
public record ListCursor(Object value, String documentId) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    public ListCursor {
        if (value instanceof Number n) {
            value = n.longValue();
        }
    }

    public String token() {
        String v = switch (value) {
            case null -> "n.";
            case Date d -> "d." + d.getTime();
            case Long l -> "i." + l;
            default -> "s." + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
        };
        return v + "." + documentId;
    }

    /** The cursor a link carried; IllegalArgumentException when it is not one this class wrote. */
    public static ListCursor parse(String token) {
        int last = token.lastIndexOf('.');
        if (token.length() > 400 || token.length() < 3 || token.charAt(1) != '.' || last < 2 || !ID.matcher(token.substring(last + 1)).matches()) {
            throw new IllegalArgumentException("翻页位置无效。 Not a page position.");
        }
        String v = token.substring(2, last);
        String id = token.substring(last + 1);
        return switch (token.charAt(0)) {
            case 'n' -> {
                if (!v.isEmpty()) {
                    throw new IllegalArgumentException("翻页位置无效。 Not a page position.");
                }
                yield new ListCursor(null, id);
            }
            case 'd' -> new ListCursor(new Date(whole(v)), id);
            case 'i' -> new ListCursor(whole(v), id);
            case 's' -> {
                String text = URLDecoder.decode(v, StandardCharsets.UTF_8);
                if (text.length() > 200) {
                    throw new IllegalArgumentException("翻页位置无效。 Not a page position.");
                }
                yield new ListCursor(text, id);
            }
            default -> throw new IllegalArgumentException("翻页位置无效。 Not a page position.");
        };
    }

    private static long whole(String v) {
        if (!WHOLE.matcher(v).matches()) {
            throw new IllegalArgumentException("翻页位置无效。 Not a page position.");
        }
        return Long.parseLong(v);
    }
}
