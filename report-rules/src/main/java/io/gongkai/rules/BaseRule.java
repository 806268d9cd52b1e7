package io.gongkai.rules;

import io.gongkai.model.Severity;
import java.util.List;

/** What every rule declares about itself, held once: code, severity, the paths it reads and one line saying what it checks. */
public abstract class BaseRule implements Rule {

    private final String code;
    private final Severity severity;
    private final String description;
    private final List<String> reads;

    protected BaseRule(String code, Severity severity, String description, List<String> reads) {
        this.code = code;
        this.severity = severity;
        this.description = description;
        this.reads = List.copyOf(reads);
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final List<String> reads() {
        return reads;
    }

    @Override
    public final String description() {
        return description;
    }
}
