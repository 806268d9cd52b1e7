package io.gongkai.ingest.repository;

import java.util.Locale;

/** The orders the report list offers; each names the stored field it sorts on and its natural direction. */
public enum ReportSort {
    RECEIVED("receivedAt", false),
    AGENCY("agency", true),
    YEAR("year", false),
    ERRORS("errors", false),
    WARNINGS("warnings", false);

    private final String field;
    private final boolean ascendingByDefault;

    ReportSort(String field, boolean ascendingByDefault) {
        this.field = field;
        this.ascendingByDefault = ascendingByDefault;
    }

    public String field() {
        return field;
    }

    public boolean ascendingByDefault() {
        return ascendingByDefault;
    }

    /** The sort of a request parameter such as {@code year}; the newest first when absent or unknown. */
    public static ReportSort of(String name) {
        if (name != null) {
            for (ReportSort sort : values()) {
                if (sort.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return sort;
                }
            }
        }
        return RECEIVED;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
