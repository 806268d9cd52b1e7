package io.gongkai.rules;

import io.gongkai.model.GovernmentNames;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an agency's name as printed into an {@link AgencyKey}: full-width forms and spaces removed, a government's
 * 办公室/办公厅 reporting for it taken as the government (获嘉县人民政府办公室 = 获嘉县人民政府), then the configured
 * aliases (a renamed body, an abbreviation) applied.
 */
public final class AgencyNames {

    /** A higher area in front of a lower one: 江苏省 / 淮安市 before 洪泽区…; only stripped when a place name follows. */
    private static final Pattern HIGHER_AREA = Pattern.compile("^(.{2,9}?(?:省|自治区|市))(.{1,6}?(?:自治县|区|县|旗|市).+)$");
    private static final Pattern GOVERNMENT_OFFICE = Pattern.compile("(人民政府|政府)(办公室|办公厅)$");

    private final Map<String, String> aliases = new HashMap<>();
    /**
     * The last name keyed and its key: one check asks for the key of its report's agency again in several rules and
     * around them, and normalising (NFKC, two regular expressions) each time cost ~2 % of validate's CPU.
     */
    private volatile Keyed last;

    private record Keyed(String name, AgencyKey key) {
    }

    /** @param aliases name as printed → the name it stands for; both sides normalised here */
    public AgencyNames(Map<String, String> aliases) {
        aliases.forEach((alias, canonical) -> this.aliases.put(normalise(alias), normalise(canonical)));
    }

    public static AgencyNames withoutAliases() {
        return new AgencyNames(Map.of());
    }

    public AgencyKey key(String name) {
        Keyed known = last;
        if (known != null && known.name().equals(name)) {
            return known.key();
        }
        AgencyKey key = keyOf(name);
        if (name != null) {
            last = new Keyed(name, key);
        }
        return key;
    }

    private AgencyKey keyOf(String name) {
        String full = normalise(name);
        full = aliases.getOrDefault(full, full);
        String local = full;
        Matcher m = HIGHER_AREA.matcher(local);
        while (m.matches()) {
            local = m.group(2);
            m = HIGHER_AREA.matcher(local);
        }
        return new AgencyKey(full, local);
    }

    /** NFKC (full-width letters, digits and brackets), no whitespace, a government's office as the government. */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000\\u00a0]+", "");
        return GOVERNMENT_OFFICE.matcher(s).replaceFirst("$1");
    }

    /**
     * Whether the report is a government's own (deadline 31 March) rather than a department's (31 January). A
     * government's office reporting in its name counts as the government: when in doubt, the later deadline.
     */
    public static boolean isGovernment(String name) {
        return GovernmentNames.isGovernment(name);
    }
}
