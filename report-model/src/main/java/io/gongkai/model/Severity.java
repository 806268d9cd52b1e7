package io.gongkai.model;

/** How serious a finding is. The constants are spelled as they appear in JSON. */
public enum Severity {
    error, warning, info
}
