package io.gongkai.validate.mapping;

import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.rules.AgencyNames;
import io.gongkai.rules.RuleSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules' settings from configuration. */
public final class RuleSettingsMapper {

    private RuleSettingsMapper() {
    }

    public static RuleSettings settings(ValidateConfig config) {
        return new RuleSettings(new AgencyNames(aliases(config.agencies().aliases().orElse(List.of()))),
                config.outlier().minReports(), config.outlier().threshold(), config.outlier().minValue(),
                config.copiedText().similarity());
    }

    /** "printed=canonical" pairs; an entry without '=' is a configuration error worth failing on at start. */
    static Map<String, String> aliases(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("gongkai.agencies.aliases: expected 印出的名称=规范名称, got \"" + pair + "\"");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }
}
