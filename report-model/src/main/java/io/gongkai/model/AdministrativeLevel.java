package io.gongkai.model;

/** The values of {@code administrativeLevel}, lowest last. */
public final class AdministrativeLevel {
    public static final String NATIONAL = "national";
    public static final String PROVINCE = "province";
    public static final String CITY = "city";
    public static final String COUNTY = "county";
    public static final String TOWNSHIP = "township";
    public static final String UNKNOWN = "unknown";

    private AdministrativeLevel() {
    }
}
