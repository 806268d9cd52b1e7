package io.gongkai.model;

/** The values of {@code templateVersion}. */
public final class TemplateVersion {
    /** 国办公开办函〔2021〕30号 layout. */
    public static final String V2021 = "2021";
    /** 国办公开办函〔2019〕60号 layout. */
    public static final String V2019 = "2019";
    /** Tables from both layouts in one report. */
    public static final String MIXED = "mixed";
    /** No national table (reports before 2019). */
    public static final String PRE2019 = "pre2019";

    private TemplateVersion() {
    }
}
